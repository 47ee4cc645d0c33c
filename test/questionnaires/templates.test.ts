import ExcelJS from 'exceljs';
import { builtinTemplates } from '../../shared/templates/builtin';
import { allQuestions, templateListDto } from '../../shared/schemas/template';
import { syncBuiltinTemplates } from '../../server/templates/builtin-sync';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';
import { tableDigest } from '../helpers/digest';
import { makeOrganization, makeUser } from '../helpers/factories';
import { smallTemplate } from '../helpers/template-fixture';

let t: TestContext;
let analyst: Client;
let otherAnalyst: Client;
let provider: Client;
const watched = ['templates', 'template_versions'];

beforeAll(async () => {
  t = await createTestContext();
  analyst = await signedIn(t.app, (await makeUser(t.db, (await makeOrganization(t.db, 'buyer')).id, 'analyst')).email);
  otherAnalyst = await signedIn(t.app, (await makeUser(t.db, (await makeOrganization(t.db, 'buyer')).id, 'analyst')).email);
  provider = await signedIn(t.app, (await makeUser(t.db, (await makeOrganization(t.db, 'provider')).id, 'admin')).email);
});
afterAll(() => t.close());

const binary = (r: import('supertest').Test) =>
  r.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

const builtin = async (name: RegExp) => ((await analyst.get('/api/templates').expect(200)).body.templates as { id: string; name: string }[]).find((x) => name.test(x.name))!;

describe('the templates list', () => {
  test('when each role lists templates, then only buyer administrators and analysts are told they may write one (legal reads)', async () => {
    const org = await makeOrganization(t.db, 'buyer');
    const as = async (role: 'admin' | 'analyst' | 'legal') => signedIn(t.app, (await makeUser(t.db, org.id, role)).email);
    const create = async (c: Client) => templateListDto.parse((await c.get('/api/templates').expect(200)).body).abilities.create;
    expect({ admin: await create(await as('admin')), analyst: await create(await as('analyst')), legal: await create(await as('legal')) }).toEqual({ admin: true, analyst: true, legal: false });
  });
});

describe('built-in templates', () => {
  test('when a buyer lists templates, then both built-ins are there: the full one covers all 93 controls', async () => {
    const res = await analyst.get('/api/templates').expect(200);
    const builtins = res.body.templates.filter((x: { builtin: boolean }) => x.builtin);
    expect(builtins).toHaveLength(2);
    const full = builtins.find((x: { name: string }) => /27002/.test(x.name));
    expect(full.controlCount).toBe(93);
    expect(full.abilities).toEqual({ update: false, archive: false, use: true });
    const bpo = builtins.find((x: { name: string }) => /BPO/i.test(x.name));
    expect(bpo.questionCount).toBeGreaterThanOrEqual(30);
    expect(bpo.questionCount).toBeLessThanOrEqual(40);
  });

  test('when a buyer tries to change a built-in, then 409, and saving it as its own template works', async () => {
    const bpo = await builtin(/BPO/i);
    const full = (await analyst.get(`/api/templates/${bpo.id}`).expect(200)).body.template;
    const before = await tableDigest(t.db, watched);
    expect((await analyst.put(`/api/templates/${bpo.id}`).send(full.content).expect(409)).body.error.code).toBe('INVALID_STATE');
    await analyst.delete(`/api/templates/${bpo.id}`).expect(409);
    expect(await tableDigest(t.db, watched)).toBe(before);
    const copy = await analyst.post('/api/templates').send({ ...full.content, name: 'Our BPO questionnaire' }).expect(201);
    expect(copy.body.template).toMatchObject({ builtin: false, version: 1, questionCount: bpo ? full.questionCount : 0 });
  });

  test('when the built-ins are installed again, then nothing changes; when the shipped content changes, then a new version is added', async () => {
    const before = await tableDigest(t.db, watched);
    await syncBuiltinTemplates(t.db, builtinTemplates);
    expect(await tableDigest(t.db, watched)).toBe(before);
    const changed = builtinTemplates.map((b) => (b.slug === 'bpo-essentials' ? { ...b, content: { ...b.content, description: `${b.content.description} (revised)` } } : b));
    await syncBuiltinTemplates(t.db, changed);
    const bpo = await builtin(/BPO/i);
    const detail = (await analyst.get(`/api/templates/${bpo.id}`).expect(200)).body.template;
    expect(detail.version).toBe(2);
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  test('when a provider or another buyer asks for templates, then providers are refused and own templates stay private', async () => {
    await provider.get('/api/templates').expect(403);
    const own = (await analyst.post('/api/templates').send(smallTemplate).expect(201)).body.template;
    await otherAnalyst.get(`/api/templates/${own.id}`).expect(404);
    expect((await otherAnalyst.get('/api/templates').expect(200)).body.templates.map((x: { id: string }) => x.id)).not.toContain(own.id);
  });

  test('when a template names a control that does not exist, then 400 names the field path', async () => {
    const bad = structuredClone(smallTemplate) as typeof smallTemplate & { sections: { questions: { controlIds: string[] }[] }[] };
    bad.sections[0]!.questions[0]!.controlIds = ['9.1'];
    const res = await analyst.post('/api/templates').send(bad).expect(400);
    expect(res.body.error.details.fields).toEqual([{ path: 'sections.0.questions.0.controlIds.0', message: expect.stringContaining('not an ISO/IEC 27002:2022 control id') }]);
  });
});

describe('templates as xlsx', () => {
  test('when a built-in is exported and imported back, then the imported template has the same questions', async () => {
    const full = await builtin(/27002/);
    const file = await binary(analyst.get(`/api/templates/${full.id}/export`)).expect(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="?[\w.-]+\.xlsx"?$/);
    const res = await analyst.post('/api/templates/import').attach('file', file.body as Buffer, 'iso.xlsx').expect(201);
    const imported = (await analyst.get(`/api/templates/${res.body.template.id}`).expect(200)).body.template;
    const original = (await analyst.get(`/api/templates/${full.id}`).expect(200)).body.template;
    expect(imported.content).toEqual(original.content);
    expect(allQuestions(imported.content)).toHaveLength(original.questionCount);
  });

  test('when an imported workbook has bad rows, then nothing is saved and each problem names its row and column', async () => {
    const full = await builtin(/BPO/i);
    const file = await binary(analyst.get(`/api/templates/${full.id}/export`)).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as ArrayBuffer);
    const sheet = wb.getWorksheet('Questions')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => header.findIndex((h) => h === name);
    sheet.getRow(3).getCell(col('Control ids')).value = '9.1';
    sheet.getRow(4).getCell(col('Answer type')).value = 'essay';
    const before = await tableDigest(t.db, watched);
    const res = await analyst.post('/api/templates/import').attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'bad.xlsx').expect(400);
    const problems = res.body.error.details.problems as { sheet: string; row: number; column: string; message: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'Control ids', message: expect.stringContaining('9.1') }),
        expect.objectContaining({ row: 4, column: 'Answer type' }),
      ]),
    );
    expect(await tableDigest(t.db, watched)).toBe(before);
  });

  test('when the workbook misses a required column or is not a workbook, then a clear 4xx', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Questions').addRow(['Question key', 'Question']);
    const res = await analyst.post('/api/templates/import').attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'thin.xlsx').expect(400);
    expect(res.body.error.details.problems.length).toBeGreaterThan(0);
    await analyst.post('/api/templates/import').attach('file', Buffer.from('%PDF-1.4 not a workbook'), 'x.xlsx').expect(415);
    await provider.post('/api/templates/import').attach('file', Buffer.from('x'), 'x.xlsx').expect(403);
  });
});
