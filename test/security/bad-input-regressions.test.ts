import zlib from 'node:zlib';
import { controlIds } from '../../shared/catalog';
import { isoDate } from '../../shared/schemas/assessment';
import { soaInput } from '../../shared/schemas/soa';
import { makeDocument } from '../helpers/factories';
import { securityContext, type SecurityContext } from './context';
import { handMultipart } from './malformed';
import { expectRefused, expectSuccess } from './send';
import { snapshot } from './snapshot';
import { writeRequests } from './write-requests';

/**
 * One focused test per server bug the bad-input suite found: each answered
 * 500, named no field (or the wrong one), or changed something.
 */

let s: SecurityContext;
beforeAll(async () => {
  s = await securityContext();
});
afterAll(() => s.close());

const state = () => snapshot(s.t.db, s.t.dataDir);
const setupOf = async (key: string) => s.validRequest(writeRequests[key]!, 'own');

describe('a route that takes no body', () => {
  test('when a draft is sent with a text/plain body, then 400 and it stays a draft', async () => {
    const { refs } = await setupOf('POST /api/assessments/:id/send');
    const before = await state();
    const res = await s.world.clients.buyerAnalyst.post(`/api/assessments/${String(refs.id)}/send`).set('Content-Type', 'text/plain').send('now');
    expectRefused(res, { status: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.error.message).toMatch(/takes no body/);
    expect(await state()).toBe(before);
  });

  test('when it is sent without a body or with an empty JSON object, then it works as before', async () => {
    const first = await setupOf('POST /api/assessments/:id/send');
    expectSuccess(await s.world.clients.buyerAnalyst.post(`/api/assessments/${String(first.refs.id)}/send`));
    const second = await setupOf('POST /api/assessments/:id/send');
    expectSuccess(await s.world.clients.buyerAnalyst.post(`/api/assessments/${String(second.refs.id)}/send`).send({}));
  });
});

describe('text PostgreSQL cannot store', () => {
  const engagement = () => writeRequests['POST /api/engagements']!.body!({ providerOrganizationId: s.world.own.provider.id });

  test('when a text column would get a NUL character, then 400 naming the field, not 500 (22021)', async () => {
    const before = await state();
    const res = await s.world.clients.buyerAnalyst.post('/api/engagements').send({ ...engagement(), name: 'Card support\u0000' });
    expectRefused(res, { status: 400, field: 'name' });
    expect(res.body.error.details.fields).toContainEqual({ path: 'name', message: 'must not contain NUL characters (U+0000)' });
    expect(await state()).toBe(before);
  });

  test('when a jsonb value would get a lone surrogate, then 400 naming the field, not 500 (22P02)', async () => {
    const res = await s.world.clients.buyerAnalyst
      .post('/api/engagements')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ ...engagement(), services: ['Inbound support'] }).replace('Inbound support', 'Inbound \\ud800support'));
    expectRefused(res, { status: 400, field: 'services.0' });
    expect(res.body.error.details.fields[0]).toEqual({ path: 'services.0', message: 'must be valid Unicode text (it holds an unpaired surrogate)' });
  });

  test('when free text would get a lone surrogate, then 400 rather than a silent U+FFFD', async () => {
    const { refs } = await setupOf('POST /api/assessments/:id/answers/:questionKey/comments');
    const res = await s.world.clients.buyerAnalyst
      .post(`/api/assessments/${String(refs.id)}/answers/screening/comments`)
      .set('Content-Type', 'application/json')
      .send('{"body":"Which vendor? \\udc00"}');
    expectRefused(res, { status: 400, field: 'body' });
  });

  test('when a field name holds a NUL character, then 400 naming it', async () => {
    const { refs } = await setupOf('POST /api/engagements/:id/security-schedules');
    const res = await s.world.clients.buyerLegal.post(`/api/engagements/${String(refs.id)}/security-schedules`).send({ variables: { 'data\u0000Locations': 'PH' } });
    expectRefused(res, { status: 400, field: 'variables.data\u0000Locations' });
    expect(res.body.error.details.fields[0].message).toMatch(/field name that must not contain NUL/);
  });

  test('when a NUL character hides deep in nested input, then it is found without exhausting the stack', async () => {
    const deep = `${'['.repeat(50_000)}"\\u0000"${']'.repeat(50_000)}`;
    const res = await s.world.clients.buyerAnalyst.post('/api/engagements').set('Content-Type', 'application/json').send(`{"name":${deep}}`);
    expectRefused(res, { status: 400, field: 'name' });
  });

  test('when a surrogate pair (an emoji) is sent, then it is valid text', async () => {
    const res = await s.world.clients.buyerAnalyst.post('/api/engagements').send({ ...engagement(), name: 'Card support \u{1F4B3}' });
    expectSuccess(res);
    expect(res.body.engagement.name).toBe('Card support \u{1F4B3}');
  });
});

describe('a union names the field inside it', () => {
  const clause = () => writeRequests['POST /api/clauses']!.body!({ key: crypto.randomUUID() });

  test('when a clause condition lists an unknown data category, then 400 naming when.dataCategories.0', async () => {
    const res = await s.world.clients.buyerLegal.post('/api/clauses').send({ ...clause(), when: { dataCategories: ['genome'] } });
    expectRefused(res, { status: 400, field: 'when.dataCategories.0' });
  });

  test('when a clause condition is neither "always" nor conditions, then the message says what it may be', async () => {
    const res = await s.world.clients.buyerLegal.post('/api/clauses').send({ ...clause(), when: 'sometimes' });
    expectRefused(res, { status: 400, field: 'when' });
    expect(res.body.error.details.fields[0].message).toMatch(/"always" or an object of conditions/);
  });
});

describe('an error never echoes a huge input back', () => {
  test('when a field name is 1 MB long, then the answer is short and still names it', async () => {
    const res = await s.world.clients.buyerAdmin.post('/api/invitations').send({ email: 'x@example.test', role: 'analyst', ['k'.repeat(1024 * 1024)]: 1 });
    expectRefused(res, { status: 400 });
    expect(res.text.length).toBeLessThan(4096);
    expect(res.body.error.details.fields[0].path).toMatch(/^k{200}…$/);
  });

  test('when a body has 500 unknown fields, then 50 are listed and the rest counted', async () => {
    const extra = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`extra${i}`, i]));
    const res = await s.world.clients.buyerAdmin.post('/api/invitations').send({ email: 'x@example.test', role: 'analyst', ...extra });
    expectRefused(res, { status: 400 });
    expect(res.body.error.details.fields).toHaveLength(50);
    expect(res.body.error.message).toMatch(/; and 450 more$/);
  });
});

describe('multipart form fields over their size limit', () => {
  test('when a document title is 1 MB, then 400 naming title (not file) and nothing is stored', async () => {
    const before = await state();
    const m = handMultipart([
      { name: 'kind', value: 'policy' },
      { name: 'title', value: 't'.repeat(1024 * 1024) },
      { name: 'file', filename: 'policy.txt', content: Buffer.from('Policy\n') },
    ]);
    const res = await s.world.clients.providerContributor.post('/api/documents').set('Content-Type', m.contentType).send(m.body);
    expectRefused(res, { status: 400, field: 'title' });
    expect(await state()).toBe(before);
  });

  test('when an import names a sheet in a 1 MB field, then 400 naming sheetName', async () => {
    const { refs } = await setupOf('POST /api/soas/import');
    const m = handMultipart([
      { name: 'sheetName', value: 's'.repeat(1024 * 1024) },
      { name: 'file', filename: 'soa.xlsx', content: refs.workbook as Buffer },
    ]);
    const res = await s.world.clients.providerContributor.post('/api/soas/import').set('Content-Type', m.contentType).send(m.body);
    expectRefused(res, { status: 400, field: 'sheetName' });
  });
});

describe('bodies that do not decompress', () => {
  test('when a gzip-encoded body is not gzip, then 400, not 500', async () => {
    const res = await s.world.clients.buyerAdmin.post('/api/invitations').set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{"email":"x@example.test"}');
    expectRefused(res, { status: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.error.message).toMatch(/Content-Encoding/);
  });

  test('when a gzip-encoded body is real gzip, then it is read', async () => {
    const res = await s.world.clients.buyerAdmin
      .post('/api/invitations')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      // superagent would write a Buffer under a JSON content type as JSON: send the bytes as they are.
      .serialize((bytes) => bytes as string)
      .send(zlib.gzipSync(JSON.stringify({ email: `gz-${Date.now()}@example.test`, role: 'analyst' })));
    expectSuccess(res);
  });
});

test('when an answer is reused for a question the questionnaire does not have, then 404 for the question (not a 400 on sourceAnswerId)', async () => {
  const { refs, body } = await setupOf('POST /api/assessments/:id/answers/:questionKey/reuse');
  const res = await s.world.clients.providerContributor.post(`/api/assessments/${String(refs.id)}/answers/no-such-question/reuse`).send(body);
  expectRefused(res, { status: 404, code: 'NOT_FOUND' });
  expect(res.body.error.message).toBe('Question not found');
});

test('when an SoA import names a sheet the workbook does not have, then 400 naming sheetName (not file)', async () => {
  const { refs } = await setupOf('POST /api/soas/import');
  const m = handMultipart([
    { name: 'sheetName', value: 'Sheet that is not there' },
    { name: 'file', filename: 'soa.xlsx', content: refs.workbook as Buffer },
  ]);
  const res = await s.world.clients.providerContributor.post('/api/soas/import').set('Content-Type', m.contentType).send(m.body);
  expectRefused(res, { status: 400, field: 'sheetName' });
  expect(res.body.error.message).toBe('The workbook has no sheet named "Sheet that is not there"');
});

describe("an SoA's import report", () => {
  const soa = async () => {
    const documentId = await makeDocument(s.t.db, s.t.deps.storage, s.world.own.provider.id, { kind: 'soa' });
    return writeRequests['POST /api/soas']!.body!({ documentId });
  };

  test('when it nests deeper than anything can store, then 400 naming it, not 500', async () => {
    const body = JSON.stringify({ ...(await soa()), importReport: { deep: 'here' } }).replace('"here"', `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    const before = await state();
    const res = await s.world.clients.providerContributor.post('/api/soas').set('Content-Type', 'application/json').send(body);
    expectRefused(res, { status: 400, field: 'importReport.deep' });
    expect(await state()).toBe(before);
  });

  test('when it is the report an import answered, then it is kept', async () => {
    expectSuccess(await s.world.clients.providerContributor.post('/api/soas').send(await soa()));
    const report = { inferred: [{ row: 3, controlId: '5.10', message: '"5.1" read as 5.10 from the title' }], ambiguous: [], ignoredRows: [{ row: 2, reason: 'repeated header' }], headerRow: 1, columns: { controlId: 'A "Control"' } };
    expect(soaInput.safeParse({ documentId: crypto.randomUUID(), rows: controlIds.map((controlId) => ({ controlId, applicable: true, implementation: 'full' })), importReport: report }).success).toBe(true);
  });
});

describe('values PostgreSQL cannot store in a typed column', () => {
  test('when a date is in year 0, then it is not a real calendar date (PostgreSQL has no year 0)', () => {
    expect(isoDate.safeParse('0000-01-01').success).toBe(false);
    expect(isoDate.safeParse('0001-01-01').success).toBe(true);
  });

  test('when a remediation is due in year 0, then 400 naming dueDate, not 500 (22008)', async () => {
    const c = writeRequests['PATCH /api/findings/:id']!;
    const { refs, body } = await s.validRequest(c, 'own');
    const res = await s.world.clients.buyerAnalyst.patch(`/api/findings/${String(refs.id)}`).send({ ...body, dueDate: '0000-06-01' });
    expectRefused(res, { status: 400, field: 'dueDate' });
  });

  test('when an SoA row says it came from row 2^31, then 400 naming it, not 500 (integer out of range)', async () => {
    const c = writeRequests['POST /api/soas']!;
    const { body } = await s.validRequest(c, 'own');
    const rows = (body!.rows as { source: { row: number } }[]).map((r, i) => (i === 0 ? { ...r, source: { ...r.source, row: 2 ** 31 } } : r));
    const res = await s.world.clients.providerContributor.post('/api/soas').send({ ...body, rows });
    expectRefused(res, { status: 400, field: 'rows.0.source.row' });
  });
});

describe('a document titled by its file name', () => {
  const upload = async (filename: string) => {
    const m = handMultipart([
      { name: 'kind', value: 'evidence' },
      { name: 'file', filename, content: Buffer.from('Evidence\n') },
    ]);
    return s.world.clients.providerContributor.post('/api/documents').set('Content-Type', m.contentType).send(m.body);
  };

  test('when the file name is only an extension, then the title is the name, not empty (a CHECK violation, 500)', async () => {
    const res = await upload('.txt');
    expectSuccess(res);
    expect(res.body.document.title).toBe('.txt');
  });

  test('when the file name is long, then the title is cut to 200 characters, between whole characters (not a CHECK violation, 500)', async () => {
    const res = await upload(`${'n'.repeat(199)}${'\u{1F4C4}'.repeat(20)}.txt`);
    expectSuccess(res);
    expect(res.body.document.title).toBe(`${'n'.repeat(199)}\u{1F4C4}`);
  });
});

test('when a file name is not ASCII, then it is read as the UTF-8 browsers send (not as latin1)', async () => {
  const m = handMultipart([
    { name: 'kind', value: 'policy' },
    { name: 'file', filename: 'Política de seguridad \u{1F512}.txt', content: Buffer.from('Policy\n') },
  ]);
  const res = await s.world.clients.providerContributor.post('/api/documents').set('Content-Type', m.contentType).send(m.body);
  expectSuccess(res);
  expect(res.body.document).toMatchObject({ originalName: 'Política de seguridad \u{1F512}.txt', title: 'Política de seguridad \u{1F512}' });
});
