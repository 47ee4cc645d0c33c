import fs from 'node:fs';
import path from 'node:path';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';
import { makeOrganization, makeUser } from '../helpers/factories';
import { readSpreadsheetGrid } from '../../server/soa/read-spreadsheet';
import { parseSoaGrid } from '../../shared/soa/parse';
import { fixtureFiles } from './fixtures/generate';
import { fixturesDir } from './read-fixture';
import { realShapedWorkbooks, statusWordings, type RealShaped } from './real-shaped';

let t: TestContext;
let provider: Client;
let files: RealShaped[];

beforeAll(async () => {
  t = await createTestContext();
  const prov = await makeOrganization(t.db, 'provider', 'Northwind Payments Ltd');
  provider = await signedIn(t.app, (await makeUser(t.db, prov.id, 'contributor')).email);
  files = await realShapedWorkbooks();
});
afterAll(async () => {
  await t.close();
});

const importSoa = async (file: RealShaped) => (await provider.post('/api/soas/import').attach('file', file.buffer, 'SoA.xlsx').expect(200)).body;

describe('POST /api/soas/import on real-shaped workbooks', () => {
  test('when each workbook is imported, then version, date, numbering and the controls read are what it states, and the report says where the version and date were found', async () => {
    for (const file of files) {
      const body = await importSoa(file);
      const e = file.expected;
      expect({ name: file.name, version: body.version, date: body.date, numbering: body.numbering }).toEqual({ name: file.name, version: e.version, date: e.date, numbering: e.numbering });
      expect(body.report.versionSource).toMatchObject(e.versionAt);
      expect(body.report.dateSource).toMatchObject(e.dateAt);
      expect(body.rows.filter((r: { source: { method: string } }) => r.source.method !== 'missing')).toHaveLength(e.controlsRead);
      const unused = new Map(body.report.ignoredRows.map((r: { row: number; reason: string }) => [r.row, r.reason]));
      for (const u of e.unusedRows) expect(unused.get(u.row)).toMatch(u.reason);
    }
  });

  test('when the version is only on a cover sheet and the history, then it is read from the cover label, and the next-review date is not taken as the date', async () => {
    const body = await importSoa(files[0]!);
    expect(body.report.versionSource).toEqual({ sheet: 'Cover', cell: 'C10', how: 'value of the label "Document Version" (B10)' });
    expect(body.date).toBe('2025-03-12');
    expect(body.date).not.toBe('2026-03-12');
    expect(body.report.ambiguous.filter((a: { message: string }) => /differs/.test(a.message))).toEqual([]);
  });

  test('when statuses are written "Yes – fully", "Partially", "In progress", "Planned", "Not started", "Not at all" and "No", then every one is understood', async () => {
    const body = await importSoa(files[0]!);
    const { sheetName, grid } = await readSpreadsheetGrid(files[0]!.buffer, 'xlsx');
    expect(sheetName).toBe('SoA');
    const written = new Map(grid.filter((row) => typeof row[0] === 'string' && /^A\.\d\.\d+$/.test(row[0])).map((row) => [(row[0] as string).slice(2), row[3] as string]));
    let checked = 0;
    for (const row of body.rows as { controlId: string; implementation: string | null }[]) {
      const status = written.get(row.controlId)!;
      if (status === 'N/A') continue;
      expect({ control: row.controlId, status, read: row.implementation }).toEqual({ control: row.controlId, status, read: statusWordings[status] });
      checked += 1;
    }
    expect(checked).toBeGreaterThan(80);
    expect(body.report.ambiguous.filter((a: { message: string }) => /not understood/.test(a.message))).toEqual([]);
  });

  test('when 2013 rows carry "N/A" as their 2022 id, then each is listed as unused with the 2022 control and the row that states it', async () => {
    const body = await importSoa(files[1]!);
    const reasons = body.report.ignoredRows.filter((r: { reason: string }) => /2022 id "N\/A"/.test(r.reason));
    expect(reasons.length).toBe(files[1]!.expected.unusedRows.length);
    expect(reasons[0].reason).toMatch(/A\.5\.1\.2 maps to 5\.1 \(row 3\)/);
  });

  test('when a 2005 SoA is imported and saved, then it is numbered 2005, no 2005 id became a 2022 control, and inventory of assets is not read as screening', async () => {
    const file = files[2]!;
    const body = await importSoa(file);
    expect(body.numbering).toBe('2005');
    expect(body.report.numberingEvidence[0]).toMatch(/ISO\/IEC 27001:2005 numbering/);
    expect(body.rows.find((r: { controlId: string }) => r.controlId === '6.1')).toMatchObject({ applicable: null, source: { method: 'missing', note: expect.stringContaining('2005') } });
    expect(body.summary.missing).toBe(93);
    const doc = (await provider.post('/api/documents').field('kind', 'soa').attach('file', file.buffer, 'SoA-2005.xlsx').expect(201)).body.document;
    const saved = await provider
      .post('/api/soas')
      .send({ documentId: doc.id, version: body.version, date: body.date, numbering: body.numbering, rows: body.rows.map(({ title: _t, ...r }: { title: string }) => r), importReport: body.report })
      .expect(201);
    expect(saved.body.soa.numbering).toBe('2005');
  });
});

describe('the direct xlsx reader', () => {
  test('when every committed fixture and real-shaped workbook is read directly and with exceljs, then the grids and other sheets are the same', async () => {
    const buffers = [
      ...Object.values(fixtureFiles)
        .filter((f) => f.endsWith('.xlsx'))
        .map((f) => fs.readFileSync(path.join(fixturesDir, f))),
      ...files.map((f) => f.buffer),
    ];
    // exceljs drops a formula's cached result of 0 (it reads blank); the direct reader keeps the 0 Excel shows.
    const zeroAsBlank = (g: Awaited<ReturnType<typeof readSpreadsheetGrid>>) =>
      JSON.parse(JSON.stringify(g, (_k, v: unknown) => (v === 0 ? null : v))) as unknown;
    for (const buffer of buffers) {
      const direct = await readSpreadsheetGrid(buffer, 'xlsx');
      const full = await readSpreadsheetGrid(buffer, 'xlsx', { parser: 'exceljs' });
      expect(zeroAsBlank(direct)).toEqual(zeroAsBlank(full));
    }
    const direct = await readSpreadsheetGrid(files[0]!.buffer, 'xlsx');
    expect(direct.grid.some((row) => row[11] === 0)).toBe(true);
  });

  test('when the SoA sheet has more rows than allowed, then it is refused, while a long other sheet is only cut', async () => {
    const file = files[0]!;
    await expect(readSpreadsheetGrid(file.buffer, 'xlsx', { limits: { maxRows: 50 } })).rejects.toMatchObject({ name: 'UnsafeSpreadsheetError', limit: 'rows' });
    const { otherSheets } = await readSpreadsheetGrid(file.buffer, 'xlsx');
    expect(otherSheets.find((s) => s.name === 'Risk Register')!.grid).toHaveLength(300);
  });

  test('when a risk register cites more control ids than the SoA lists, then the SoA sheet is still the one read', async () => {
    const { sheetName, grid, otherSheets } = await readSpreadsheetGrid(files[0]!.buffer, 'xlsx');
    expect(sheetName).toBe('SoA');
    expect(parseSoaGrid(grid, { sheetName, otherSheets }).version).toBe('2.3');
  });
});
