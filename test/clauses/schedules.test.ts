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

    const md = await legal.get(`/api/security-schedules/${s.id}?format=md`).expect(200);
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
