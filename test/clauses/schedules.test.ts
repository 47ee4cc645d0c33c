import zlib from 'node:zlib';
import { seedDemo, DEMO_PASSWORD } from '../../server/seed/demo';
import { listZipEntries } from '../../server/xlsx/zip-guard';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';
import { tableDigest } from '../helpers/digest';

let t: TestContext;
let legal: Client;
let analyst: Client;
let provider: Client;
let engagementId: string;

beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.deps);
  legal = await signedIn(t.app, 'legal@northwind.demo.test', DEMO_PASSWORD);
  analyst = await signedIn(t.app, 'analyst@northwind.demo.test', DEMO_PASSWORD);
  provider = await signedIn(t.app, 'admin@acme.demo.test', DEMO_PASSWORD);
  engagementId = (await legal.get('/api/engagements').expect(200)).body.engagements[0].id;
});
afterAll(() => t.close());

const binary = (r: import('supertest').Test) =>
  r.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

/** The text of word/document.xml, read back from the generated file. */
function docxText(buf: Buffer): string {
  const entry = listZipEntries(buf).find((e) => e.name === 'word/document.xml')!;
  const at = entry.localHeaderOffset;
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  const xml = (entry.method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
  return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
}

describe('security schedules', () => {
  test('when legal generates a schedule for the demo engagement, then the scope-extension clause is chosen because of the Cebu finding, variables are filled, and the score and findings are frozen', async () => {
    const res = await legal.post(`/api/engagements/${engagementId}/security-schedules`).send({ variables: { notificationHours: '24' } }).expect(201);
    const s = res.body.schedule;
    expect(s.status).toBe('draft');
    const extension = s.clauses.find((c: { key: string }) => c.key === 'certification-scope-extension');
    expect(extension.included).toBe(true);
    expect(extension.reasons).toContain('open finding SCOPE_SITE_NOT_COVERED');
    const certification = s.clauses.find((c: { key: string }) => c.key === 'iso27001-certification');
    expect(certification.text).toContain('Acme BPO Philippines, Inc.');
    expect(certification.text).toContain('Cebu City');
    for (const c of s.clauses) expect(c.text).not.toMatch(/\{\{|\}\}/);
    expect(s.findings.some((f: { code: string }) => f.code === 'SCOPE_SITE_NOT_COVERED')).toBe(true);
    expect(s.score).toMatchObject({ rating: expect.stringMatching(/[A-D]/) });

    const md = await legal.get(`/api/security-schedules/${s.id}.md`).expect(200);
    expect((await legal.get(`/api/security-schedules/${s.id}?format=md`).expect(200)).text).toBe(md.text);
    expect((await binary(legal.get(`/api/security-schedules/${s.id}.docx`)).expect(200)).headers['content-type']).toMatch(/wordprocessingml/);
    await legal.get(`/api/security-schedules/${s.id}.pdf`).expect(400);
    expect(md.headers['content-type']).toMatch(/text\/markdown/);
    expect(md.text).toMatch(/^# Information security schedule/);
    expect(md.text).toContain('## Annex A: open findings');

    const docx = await binary(legal.get(`/api/security-schedules/${s.id}`).set('Accept', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).expect(200);
    const text = docxText(docx.body as Buffer);
    expect(text).toContain(extension.title);
    expect(text).toContain('Annex A: open findings');
    expect(text).toContain('SCOPE_SITE_NOT_COVERED');
  });

  test('when legal deselects a clause and finalises, then the final schedule cannot change', async () => {
    const s = (await legal.post(`/api/engagements/${engagementId}/security-schedules`).send({}).expect(201)).body.schedule;
    const edited = (await legal.patch(`/api/security-schedules/${s.id}`).send({ exclude: ['right-to-audit'] }).expect(200)).body.schedule;
    expect(edited.clauses.find((c: { key: string }) => c.key === 'right-to-audit').included).toBe(false);
    const bad = await legal.patch(`/api/security-schedules/${s.id}`).send({ include: ['no-such-clause'] }).expect(400);
    expect(bad.body.error.details.fields[0].path).toBe('include.0');
    await legal.post(`/api/security-schedules/${s.id}/finalize`).expect(200);
    const before = await tableDigest(t.db, ['security_schedules', 'schedule_clauses']);
    await legal.patch(`/api/security-schedules/${s.id}`).send({ include: ['right-to-audit'] }).expect(409);
    await legal.post(`/api/security-schedules/${s.id}/finalize`).expect(409);
    expect(await tableDigest(t.db, ['security_schedules', 'schedule_clauses'])).toBe(before);
  });

  test('when an analyst or the provider tries, then they are refused and nothing changes', async () => {
    const before = await tableDigest(t.db, ['security_schedules']);
    await analyst.post(`/api/engagements/${engagementId}/security-schedules`).send({}).expect(403);
    await provider.post(`/api/engagements/${engagementId}/security-schedules`).send({}).expect(403);
    const s = (await legal.post(`/api/engagements/${engagementId}/security-schedules`).send({}).expect(201)).body.schedule;
    await provider.get(`/api/security-schedules/${s.id}`).expect(404);
    await analyst.get(`/api/security-schedules/${s.id}`).expect(200);
    await analyst.post(`/api/security-schedules/${s.id}/finalize`).expect(403);
    expect(Number((await t.db.selectFrom('security_schedules').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(Number(before.split(':')[1]) + 1);
  });
});

describe('the clause library', () => {
  type Clause = { id: string; key: string; version: number; title: string; text: string; disabled: boolean };
  const library = async (c: Client = legal) => (await c.get('/api/clauses').expect(200)).body.clauses as Clause[];

  test('when legal opens the library, then it starts from the 26 default clauses; providers never see it', async () => {
    expect((await library()).length).toBeGreaterThanOrEqual(22);
    await provider.get('/api/clauses').expect(403);
  });

  test('when legal edits a clause, then it gets a new version that new schedules use, and old schedules keep their text', async () => {
    const incident = (await library()).find((c) => c.key === 'incident-notification')!;
    const before = (await legal.post(`/api/engagements/${engagementId}/security-schedules`).send({}).expect(201)).body.schedule;
    const edited = await legal.patch(`/api/clauses/${incident.id}`).send({ text: `${incident.text} The Provider shall also notify the Buyer's CISO by telephone.` }).expect(200);
    expect(edited.body.clause.version).toBe(incident.version + 1);
    const after = (await legal.post(`/api/engagements/${engagementId}/security-schedules`).send({}).expect(201)).body.schedule;
    expect(after.clauses.find((c: { key: string }) => c.key === 'incident-notification').text).toContain('by telephone');
    const old = (await legal.get(`/api/security-schedules/${before.id}`).expect(200)).body.schedule;
    expect(old.clauses.find((c: { key: string }) => c.key === 'incident-notification').text).not.toContain('by telephone');
    const versions = await t.db.selectFrom('schedule_clauses').select(['schedule_id', 'clause_version']).where('clause_key', '=', 'incident-notification').where('schedule_id', 'in', [before.id, after.id]).execute();
    expect(Object.fromEntries(versions.map((v) => [v.schedule_id, v.clause_version]))).toEqual({ [before.id]: incident.version, [after.id]: incident.version + 1 });
  });

  test('when a clause is disabled, then new schedules leave it out', async () => {
    const audit = (await library()).find((c) => c.key === 'right-to-audit')!;
    await legal.patch(`/api/clauses/${audit.id}`).send({ disabled: true }).expect(200);
    const s = (await legal.post(`/api/engagements/${engagementId}/security-schedules`).send({}).expect(201)).body.schedule;
    expect(s.clauses.map((c: { key: string }) => c.key)).not.toContain('right-to-audit');
    await legal.patch(`/api/clauses/${audit.id}`).send({ disabled: false }).expect(200);
  });

  test.each([
    ['an unknown variable', { text: 'The Provider shall comply within {{magicDays}} days of notice.' }, 'text'],
    ['an unknown control', { controlIds: ['9.9'] }, 'controlIds.0'],
    ['an unknown finding code', { findingCodes: ['CERT_STOLEN'] }, 'findingCodes.0'],
  ])('when a clause gets %s, then 400 names %s and nothing changes', async (_what, body, field) => {
    const clause = (await library())[0]!;
    const before = await tableDigest(t.db, ['clauses', 'clause_versions']);
    const res = await legal.patch(`/api/clauses/${clause.id}`).send(body).expect(400);
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await tableDigest(t.db, ['clauses', 'clause_versions'])).toBe(before);
  });

  test('when legal adds a clause, then it is in the library; an analyst may not edit', async () => {
    const res = await legal.post('/api/clauses').send({ key: 'pci-dss', title: 'PCI DSS compliance', text: 'The Provider shall maintain PCI DSS compliance for the services delivered from {{sites}}.', controlIds: ['8.24'], when: { dataCategories: ['payment_card'] } }).expect(201);
    expect(res.body.clause).toMatchObject({ key: 'pci-dss', version: 1 });
    await legal.post('/api/clauses').send({ key: 'pci-dss', title: 'Again', text: 'The Provider shall do it all over again today.' }).expect(409);
    await analyst.patch(`/api/clauses/${res.body.clause.id}`).send({ title: 'x' }).expect(403);
    const s = (await legal.post(`/api/engagements/${engagementId}/security-schedules`).send({}).expect(201)).body.schedule;
    expect(s.clauses.find((c: { key: string }) => c.key === 'pci-dss')).toMatchObject({ included: true, reasons: ['the engagement handles payment card data'] });
  });
});

describe('sharing a schedule with the provider', () => {
  test('when legal shares a final schedule, then the provider can read it; drafts cannot be shared and unshared ones stay invisible', async () => {
    const s = (await legal.post(`/api/engagements/${engagementId}/security-schedules`).send({}).expect(201)).body.schedule;
    await legal.post(`/api/security-schedules/${s.id}/share`).expect(409);
    await legal.post(`/api/security-schedules/${s.id}/finalize`).expect(200);
    await provider.get(`/api/security-schedules/${s.id}`).expect(404);
    await analyst.post(`/api/security-schedules/${s.id}/share`).expect(403);
    const shared = await legal.post(`/api/security-schedules/${s.id}/share`).expect(200);
    expect(shared.body.schedule.sharedAt).not.toBeNull();
    await legal.post(`/api/security-schedules/${s.id}/share`).expect(409);
    const seen = (await provider.get(`/api/security-schedules/${s.id}`).expect(200)).body.schedule;
    expect(seen.abilities).toEqual({ edit: false, finalize: false, share: false });
    await provider.get(`/api/security-schedules/${s.id}?format=docx`).expect(200);
    await provider.patch(`/api/security-schedules/${s.id}`).send({ exclude: ['encryption'] }).expect(403);
  });
});
