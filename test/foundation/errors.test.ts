import { sql } from 'kysely';
import request from 'supertest';
import { createTestContext, type TestContext } from '../helpers/context';
import { anonymous, signedIn, type Client } from '../helpers/agent';
import { tableDigest } from '../helpers/digest';
import { makeOrganization, makeUser } from '../helpers/factories';

let t: TestContext;
let admin: Client;
let staffId: string;
const watched = ['users', 'invitations', 'organizations'];

beforeAll(async () => {
  t = await createTestContext();
  const org = await makeOrganization(t.db, 'buyer');
  const boss = await makeUser(t.db, org.id, 'admin');
  staffId = (await makeUser(t.db, org.id, 'analyst')).id;
  admin = await signedIn(t.app, boss.email);
});
afterAll(() => t.close());

describe('bad input changes nothing and gets a clear 4xx', () => {
  test('when a state-changing request has no CSRF token, then 403 CSRF_INVALID and nothing changes', async () => {
    const before = await tableDigest(t.db, watched);
    const res = await admin.agent.patch(`/api/users/${staffId}`).send({ role: 'legal' }).expect(403);
    expect(res.body.error.code).toBe('CSRF_INVALID');
    const wrong = await admin.agent.post('/api/invitations').set('X-CSRF-Token', 'forged-token').send({ email: 'x@example.test', role: 'analyst' }).expect(403);
    expect(wrong.body.error.code).toBe('CSRF_INVALID');
    expect(await tableDigest(t.db, watched)).toBe(before);
  });

  test("when a token from another session is sent, then it is refused", async () => {
    const other = await anonymous(t.app);
    const res = await admin.agent.patch(`/api/users/${staffId}`).set('X-CSRF-Token', other.csrf).send({ role: 'legal' }).expect(403);
    expect(res.body.error.code).toBe('CSRF_INVALID');
  });

  test('when the JSON is malformed, then 400 MALFORMED_JSON', async () => {
    const before = await tableDigest(t.db, watched);
    const res = await admin.patch(`/api/users/${staffId}`).set('Content-Type', 'application/json').send('{"role": "legal"').expect(400);
    expect(res.body).toEqual({ error: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' } });
    expect(await tableDigest(t.db, watched)).toBe(before);
  });

  test('when the body is too large, then 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await admin.post('/api/invitations').set('Content-Type', 'application/json').send(JSON.stringify({ email: 'a@example.test', role: 'analyst', pad: 'x'.repeat(3 * 1024 * 1024) })).expect(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('when the body is not JSON, then 415 names the expected type', async () => {
    const res = await admin.post('/api/invitations').set('Content-Type', 'text/plain').send('email=a@example.test').expect(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  test('when fields are wrong or unknown, then 400 names each field and nothing changes', async () => {
    const before = await tableDigest(t.db, watched);
    const res = await admin.post('/api/invitations').send({ email: 'nope', role: 'boss', isAdmin: true }).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const paths = res.body.error.details.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['email', 'isAdmin', 'role']);
    expect(await tableDigest(t.db, watched)).toBe(before);
  });

  test('when a path id is not a UUID, then 400 names it', async () => {
    const res = await admin.patch('/api/users/42').send({ role: 'legal' }).expect(400);
    expect(res.body.error.details.fields[0].path).toBe('id');
  });

  test('when an API path does not exist, then 404 in the error format', async () => {
    const res = await admin.get('/api/nothing-here').expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  test('when the caller is not signed in, then 401 UNAUTHENTICATED', async () => {
    const res = await request(t.app).get('/api/users').expect(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('a failure on our side', () => {
  test('when the database breaks mid-request, then 500 with a reference and no internals', async () => {
    const broken = await createTestContext();
    try {
      const org = await makeOrganization(broken.db, 'buyer');
      const boss = await makeUser(broken.db, org.id, 'admin');
      const client = await signedIn(broken.app, boss.email);
      await sql`ALTER TABLE invitations RENAME TO invitations_gone`.execute(broken.db);
      const res = await client.get('/api/invitations').expect(500);
      expect(res.body.error.code).toBe('INTERNAL');
      expect(res.body.error.message).toContain(res.headers['x-request-id']);
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/invitations_gone|relation|select|at \w+ \(|node_modules/i);
    } finally {
      await broken.close();
    }
  });
});
