import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';
import { tableDigest } from '../helpers/digest';
import { makeAssessment, makeEngagement, makeOrganization, makeTemplate, makeUser } from '../helpers/factories';

let t: TestContext;
let provider: Client;
let buyer: Client;
let ids: { engagementId: string; buyerOrgId: string; providerOrgId: string; templateVersionId: string };

beforeAll(async () => {
  t = await createTestContext();
  const b = await makeOrganization(t.db, 'buyer', 'Northwind Offline Bank');
  const p = await makeOrganization(t.db, 'provider');
  provider = await signedIn(t.app, (await makeUser(t.db, p.id, 'contributor')).email);
  buyer = await signedIn(t.app, (await makeUser(t.db, b.id, 'analyst')).email);
  const template = await makeTemplate(t.db, b.id);
  ids = { engagementId: await makeEngagement(t.db, b.id, p.id), buyerOrgId: b.id, providerOrgId: p.id, templateVersionId: template.versionId };
});
afterAll(() => t.close());

const binary = (r: import('supertest').Test) =>
  r.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

async function exported(id: string) {
  const res = await binary(provider.get(`/api/assessments/${id}/export`)).expect(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as ArrayBuffer);
  return wb;
}

/** Sets answers by question id, as a person would in Excel. */
function fill(wb: ExcelJS.Workbook, answers: Record<string, [unknown, string?]>, sheetName = 'Answers') {
  const ws = wb.getWorksheet(sheetName)!;
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const entry = answers[String(row.getCell(1).value)];
    if (!entry) return;
    row.getCell(6).value = entry[0] as ExcelJS.CellValue;
    if (entry[1] !== undefined) row.getCell(7).value = entry[1];
  });
}

const upload = async (id: string, wb: ExcelJS.Workbook, status: number) =>
  provider.post(`/api/assessments/${id}/import`).attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'answers.xlsx').expect(status);

describe('answering offline in Excel', () => {
  test('when the provider downloads the workbook, then question ids are locked, answers are dropdowns and current answers are filled', async () => {
    const id = await makeAssessment(t.db, ids, 'in_progress', { screening: { value: 'partial', comment: 'Most agents' } });
    const wb = await exported(id);
    const ws = wb.getWorksheet('Answers')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Question id', 'Section', 'Question', 'Guidance', 'Allowed answers', 'Answer', 'Comment / justification', 'Controls']);
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    const screening = ws.getRow(2);
    expect(screening.getCell(1).value).toBe('screening');
    expect(screening.getCell(1).protection?.locked).not.toBe(false);
    expect(screening.getCell(6).protection?.locked).toBe(false);
    expect(screening.getCell(6).value).toBe('Partial');
    expect(screening.getCell(7).value).toBe('Most agents');
    expect(screening.getCell(6).dataValidation).toMatchObject({ type: 'list' });
    const training = ws.getRow(3);
    const list = String(training.getCell(6).dataValidation.formulae?.[0]);
    const [sheet, range] = list.split('!');
    const [from, to] = range!.replace(/\$/g, '').split(':');
    const lists = wb.getWorksheet(sheet!)!;
    const values: unknown[] = [];
    for (let r = Number(from!.slice(1)); r <= Number(to!.slice(1)); r++) values.push(lists.getCell(`${from![0]}${r}`).value);
    expect(values).toEqual(['At least yearly', 'Only at onboarding', 'Not at all']);
  });

  test('when the filled workbook comes back, then every answer is applied at once', async () => {
    const id = await makeAssessment(t.db, ids, 'sent');
    const wb = await exported(id);
    fill(wb, {
      screening: ['Yes'],
      'training-frequency': ['only at onboarding'],
      'remote-allowed': ['yes'],
      'remote-controls': ['Virtual desktop only; Clean-desk camera checks'],
      'last-review': [new Date(Date.UTC(2026, 2, 1))],
      'home-workers': [120],
      notes: ['Two sites share one SOC'],
    });
    const res = await upload(id, wb, 200);
    expect(res.body.applied).toBe(7);
    expect(res.body.assessment.status).toBe('in_progress');
    const byKey = Object.fromEntries(res.body.assessment.answers.map((a: { questionKey: string; value: unknown }) => [a.questionKey, a.value]));
    expect(byKey).toEqual({ screening: 'yes', 'training-frequency': 'onboarding', 'remote-allowed': 'yes', 'remote-controls': ['vdi', 'camera'], 'last-review': '2026-03-01', 'home-workers': 120, notes: 'Two sites share one SOC' });
    await provider.post(`/api/assessments/${id}/submit`).expect(200);
  });

  test('when rows are wrong, then nothing is imported and each problem names its row and column', async () => {
    const id = await makeAssessment(t.db, ids, 'in_progress', { screening: { value: 'no' } });
    const wb = await exported(id);
    fill(wb, { screening: ['Yes'], 'training-frequency': ['Monthly'], 'remote-allowed': ['N/A'], notes: [{ formula: '1+1', result: 2 }] });
    const ws = wb.getWorksheet('Answers')!;
    ws.addRow(['made-up-question', '', '', '', '', 'Yes']);
    const before = await tableDigest(t.db, ['answers', 'assessments']);
    const res = await upload(id, wb, 400);
    expect(res.body.error.message).toMatch(/nothing was imported/);
    const problems = res.body.error.details.problems as { row: number; column: string; message: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        { row: 3, column: 'Answer', message: expect.stringContaining('"Monthly" is not one of the options') },
        { row: 4, column: 'Answer', message: 'must be one of yes, partial, no' },
        { row: 8, column: 'Answer', message: 'holds a formula: type the value itself' },
        { row: 9, column: 'Question id', message: '"made-up-question" is not a question of this questionnaire' },
      ]),
    );
    expect(await tableDigest(t.db, ['answers', 'assessments'])).toBe(before);
  });

  test('when N/A has no justification or a hidden question is answered, then the row is refused', async () => {
    const id = await makeAssessment(t.db, ids, 'in_progress');
    const wb = await exported(id);
    fill(wb, { screening: ['N/A'] });
    const res = await upload(id, wb, 400);
    expect(res.body.error.details.problems).toEqual([{ row: 2, column: 'Comment / justification', message: 'an N/A answer needs a justification' }]);

    const hidden = await exported(id);
    fill(hidden, { screening: ['N/A', 'No agents touch customer data'], 'remote-allowed': ['No'], 'remote-controls': ['Virtual desktop only'] });
    const refused = await upload(id, hidden, 400);
    expect(refused.body.error.details.problems).toEqual([{ row: 5, column: 'Answer', message: expect.stringContaining('not asked with these answers') }]);
    expect((await provider.get(`/api/assessments/${id}`)).body.assessment.answers).toEqual([]);
  });

  test('when the sheet was renamed, then it is still found by its columns; without the Question id column it is refused', async () => {
    const id = await makeAssessment(t.db, ids, 'in_progress');
    const wb = await exported(id);
    fill(wb, { screening: ['Partial'] });
    wb.getWorksheet('Answers')!.name = 'My answers';
    expect((await upload(id, wb, 200)).body.applied).toBe(1);

    const broken = await exported(id);
    broken.getWorksheet('Answers')!.getCell('A1').value = 'Id';
    broken.getWorksheet('Answers')!.name = 'Sheet1';
    const res = await upload(id, broken, 400);
    expect(res.body.error.details.problems[0].message).toMatch(/Question id/);
  });

  test('when a buyer, another provider or a submitted questionnaire is involved, then export and import are refused', async () => {
    const id = await makeAssessment(t.db, ids, 'in_progress');
    await buyer.get(`/api/assessments/${id}/export`).expect(403);
    const wb = await exported(id);
    await buyer.post(`/api/assessments/${id}/import`).attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'a.xlsx').expect(403);
    const submitted = await makeAssessment(t.db, ids, 'submitted');
    await provider.get(`/api/assessments/${submitted}/export`).expect(409);
    const stranger = await signedIn(t.app, (await makeUser(t.db, (await makeOrganization(t.db, 'provider')).id, 'admin')).email);
    await stranger.get(`/api/assessments/${id}/export`).expect(404);
  });

  test('when the upload is not a workbook, then a clear 4xx', async () => {
    const id = await makeAssessment(t.db, ids, 'in_progress');
    const res = await provider.post(`/api/assessments/${id}/import`).attach('file', Buffer.from('question,answer\nscreening,yes\n'), 'answers.csv');
    expect(res.status).toBe(415);
  });
});
