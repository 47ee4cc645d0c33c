import type { Response } from 'supertest';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';
import { tableDigest } from '../helpers/digest';
import { makeAssessment, makeEngagement, makeOrganization, makeTemplate, makeUser } from '../helpers/factories';
import { closeParseWorkers } from '../../server/xlsx/off-thread';
import { cellForms, emptyRowsSheetXml, hostileSheetXml, workbookWithSheet, type CellForm } from '../helpers/hostile-workbook';

// Issue 14: the cell cap counted "<c " with a space only, so a sheet written "<c\tr=…>" went straight to the
// xlsx parser. Every workbook route must refuse such a sheet, however its cells are spelled, naming the limit.

let t: TestContext;
let provider: Client;
let buyer: Client;
let assessmentId: string;
const TABLES = ['templates', 'template_versions', 'answers', 'soas', 'soa_rows', 'audit_events'];

beforeAll(async () => {
  t = await createTestContext();
  const b = await makeOrganization(t.db, 'buyer');
  const p = await makeOrganization(t.db, 'provider');
  provider = await signedIn(t.app, (await makeUser(t.db, p.id, 'contributor')).email);
  buyer = await signedIn(t.app, (await makeUser(t.db, b.id, 'admin')).email);
  const template = await makeTemplate(t.db, b.id);
  assessmentId = await makeAssessment(t.db, { engagementId: await makeEngagement(t.db, b.id, p.id), buyerOrgId: b.id, providerOrgId: p.id, templateVersionId: template.versionId }, 'in_progress');
});
afterAll(async () => {
  await closeParseWorkers();
  await t.close();
});

const routes: [string, () => Client, () => string][] = [
  ['SoA import', () => provider, () => '/api/soas/import'],
  ['offline-answer import', () => provider, () => `/api/assessments/${assessmentId}/import`],
  ['template import', () => buyer, () => '/api/templates/import'],
];

/** The error message and, for all-or-nothing imports, the file problem listed under it. */
const said = (res: Response) => [res.body.error?.message, ...(res.body.error?.details?.problems ?? []).map((p: { message: string }) => p.message)].join(' | ');

const forms = Object.keys(cellForms) as CellForm[];
const workbooks = new Map<CellForm, Promise<Buffer>>();
// One over the SoA and template cap (300,000), so also over the offline-answer cap (200,000).
const hostile = (form: CellForm) => workbooks.get(form) ?? workbooks.set(form, workbookWithSheet(hostileSheetXml(form, 300_001))).get(form)!;

describe.each(routes)('%s', (_route, client, path) => {
  test.each(forms)('when a sheet holds too many cells written with %s, then a 4xx names the cell limit and nothing changes', async (form) => {
    const before = await tableDigest(t.db, TABLES);
    const res = await client().post(path()).attach('file', await hostile(form), 'hostile.xlsx');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(said(res)).toMatch(/holds more than (300000|200000) cells, the limit for one sheet/);
    expect(await tableDigest(t.db, TABLES)).toBe(before);
  });

  test('when the workbook puts its sheet at another part name, then its cells are counted all the same', async () => {
    const res = await client().post(path()).attach('file', await workbookWithSheet(hostileSheetXml('tab', 300_001), 'xl/worksheets/deep/data.bin'), 'moved.xlsx');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(said(res)).toMatch(/xl\/worksheets\/deep\/data\.bin holds more than (300000|200000) cells/);
  });

  test('when a sheet holds 300,001 empty rows, then a 4xx names the row limit', async () => {
    const res = await client().post(path()).attach('file', await workbookWithSheet(emptyRowsSheetXml(300_001)), 'rows.xlsx');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(said(res)).toMatch(/holds more than (300000|200000) rows, the limit for one sheet/);
  });
});

describe('SoA import of a hostile CSV', () => {
  test('when a CSV holds one 15 MB quoted field, then 413 names the cell length limit', async () => {
    const csv = Buffer.from(`Control;Applicable;Justification\n5.1;Yes;"${'x'.repeat(15 * 1024 * 1024)}"\n`);
    const res = await provider.post('/api/soas/import').attach('file', csv, 'soa.csv');
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'Row 2, column 3 holds more than 32767 characters; a cell holds at most 32767', details: { limit: 'cellLength' } });
  });

  test('when a CSV has more rows than an SoA, then 413 names the row limit', async () => {
    const res = await provider.post('/api/soas/import').attach('file', Buffer.from('5.1;Yes\n'.repeat(1_000_000)), 'soa.csv');
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ message: 'The file has more than 5000 rows', details: { limit: 'rows' } });
  });
});
