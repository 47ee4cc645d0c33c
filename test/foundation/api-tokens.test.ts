import request from 'supertest';
import { routeTable } from '../../server/routes';
import { anonymous, signedIn, type Client } from '../helpers/agent';
import { createTestContext, type TestContext } from '../helpers/context';
import { engagementInput, makeEngagement, makeOrganization, makeUser } from '../helpers/factories';
import { rowCounts } from '../helpers/snapshot';

let t: TestContext;
let admin: Client;
let analyst: Client;
let adminUser: { id: string; email: string };
let buyer: { id: string };
let provider: { id: string };

beforeAll(async () => {
  t = await createTestContext();
  buyer = await makeOrganization(t.db, 'buyer');
  provider = await makeOrganization(t.db, 'provider');
  adminUser = await makeUser(t.db, buyer.id, 'admin');
  admin = await signedIn(t.app, adminUser.email);
  analyst = await signedIn(t.app, (await makeUser(t.db, buyer.id, 'analyst')).email);
  await makeEngagement(t.db, buyer.id, provider.id, { name: 'Card support by token' });
});
afterAll(() => t.close());

const create = async (body: Record<string, unknown>) => (await admin.post('/api/tokens').send({ name: 'Ticketing sync', role: 'analyst', access: 'read', expiresInDays: 30, ...body }).expect(201)).body as { token: string; apiToken: { id: string; prefix: string } };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('API tokens', () => {
  test('when an administrator creates a token, then it is shown once, stored only as its hash, listed by its prefix, and audited', async () => {
    const { token, apiToken } = await create({});
    expect(token).toMatch(/^sw_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    const listed = (await admin.get('/api/tokens').expect(200)).body.tokens;
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(listed[0]).toMatchObject({ name: 'Ticketing sync', role: 'analyst', access: 'read', state: 'active', prefix: apiToken.prefix });
    const stored = await t.db.selectFrom('api_tokens').select(['token_hash']).where('id', '=', apiToken.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await t.db.selectFrom('audit_events').select('action').where('target_id', '=', apiToken.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['api_token.created']);
  });

  test('when a script reads with a token, then it needs no session and no CSRF token, and sees what its role sees', async () => {
    const { token } = await create({});
    const res = await request(t.app).get('/api/engagements').set(bearer(token)).expect(200);
    expect(res.body.engagements.map((e: { name: string }) => e.name)).toContain('Card support by token');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  test('when a read-only token tries any write route, then it is refused before the route runs and nothing changes', async () => {
    const { token } = await create({});
    const before = await rowCounts(t.db);
    const writes = routeTable.filter((r) => r.method !== 'get');
    expect(writes.length).toBeGreaterThan(40);
    for (const r of writes) {
      const path = r.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await request(t.app)[r.method as 'post'](path).set(bearer(token)).send({});
      expect({ route: `${r.method} ${r.path}`, status: res.status, code: res.body.error?.code }).toEqual({ route: `${r.method} ${r.path}`, status: 403, code: 'FORBIDDEN' });
    }
    expect(await rowCounts(t.db)).toEqual(before);
  });

  test('when a write token writes, then it passes the same authorization as its role, without CSRF, and the audit event names the token', async () => {
    const { token, apiToken } = await create({ access: 'write', name: 'Provisioning' });
    const res = await request(t.app).post('/api/engagements').set(bearer(token)).send(engagementInput({ name: 'Created by a script', providerOrganizationId: provider.id })).expect(201);
    expect(res.body.engagement.name).toBe('Created by a script');
    // An analyst token may not manage users: the same 403 an analyst gets.
    expect((await request(t.app).post('/api/invitations').set(bearer(token)).send({ email: 'x@example.test', role: 'analyst' })).status).toBe(403);
    const event = await t.db.selectFrom('audit_events').select(['details', 'actor_user_id']).where('action', '=', 'engagement.created').where('target_id', '=', res.body.engagement.id).executeTakeFirstOrThrow();
    expect(event.details).toMatchObject({ apiTokenId: apiToken.id });
    expect(event.actor_user_id).toBe(adminUser.id);
  });

  test('when a token is revoked, expired, or its creator disabled, then the next request with it is a 401', async () => {
    const revoked = await create({});
    await request(t.app).get('/api/engagements').set(bearer(revoked.token)).expect(200);
    await admin.delete(`/api/tokens/${revoked.apiToken.id}`).expect(200);
    expect((await request(t.app).get('/api/engagements').set(bearer(revoked.token))).status).toBe(401);
    const expired = await create({});
    await t.db.updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', expired.apiToken.id).execute();
    expect((await request(t.app).get('/api/engagements').set(bearer(expired.token))).status).toBe(401);
    expect((await request(t.app).get('/api/engagements').set(bearer('sw_' + 'x'.repeat(43)))).status).toBe(401);
    expect((await request(t.app).get('/api/engagements').set({ Authorization: 'Bearer not-a-token' })).status).toBe(401);
    const otherAdmin = await makeUser(t.db, buyer.id, 'admin');
    const theirs = (await (await signedIn(t.app, otherAdmin.email)).post('/api/tokens').send({ name: 'Theirs', role: 'analyst', access: 'read', expiresInDays: 7 }).expect(201)).body.token as string;
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', otherAdmin.id).execute();
    expect((await request(t.app).get('/api/engagements').set(bearer(theirs))).status).toBe(401);
  });

  test('when someone other than a signed-in administrator manages tokens, then it is refused: an analyst, a token, or another organization', async () => {
    expect((await analyst.post('/api/tokens').send({ name: 'Mine', role: 'analyst', access: 'read', expiresInDays: 7 })).status).toBe(403);
    expect((await analyst.get('/api/tokens')).status).toBe(403);
    const { token, apiToken } = await create({ role: 'admin', access: 'write', name: 'Admin script' });
    expect((await request(t.app).post('/api/tokens').set(bearer(token)).send({ name: 'Minted', role: 'admin', access: 'write', expiresInDays: 7 })).status).toBe(403);
    expect((await request(t.app).post('/api/auth/password').set(bearer(token)).send({ currentPassword: 'whatever it is', newPassword: 'a long and careful passphrase' })).status).toBe(403);
    const stranger = await signedIn(t.app, (await makeUser(t.db, (await makeOrganization(t.db, 'buyer')).id, 'admin')).email);
    expect((await stranger.delete(`/api/tokens/${apiToken.id}`)).status).toBe(404);
  });

  test.each([
    [{ name: '' }, 'name'],
    [{ role: 'contributor' }, 'role'],
    [{ role: 'owner' }, 'role'],
    [{ access: 'admin' }, 'access'],
    [{ expiresInDays: 0 }, 'expiresInDays'],
    [{ expiresInDays: 366 }, 'expiresInDays'],
    [{ expiresInDays: 1.5 }, 'expiresInDays'],
  ])('when a token is asked for with %j, then it is a 400 naming %s and nothing is created', async (over, field) => {
    const before = await t.db.selectFrom('api_tokens').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await admin.post('/api/tokens').send({ name: 'Bad', role: 'analyst', access: 'read', expiresInDays: 30, ...over });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await t.db.selectFrom('api_tokens').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual(before);
  });

  test('when a visitor without a session calls a token route, then it is a 401', async () => {
    expect((await (await anonymous(t.app)).get('/api/tokens')).status).toBe(401);
  });
});
