import request from 'supertest';
import { sql } from 'kysely';
import { createApp } from '../../server/app';
import { createSessionCache, type SessionCache } from '../../server/auth/session-cache';
import { SESSION_COOKIE } from '../../server/middleware/session';
import { createTestContext, type TestContext } from '../helpers/context';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../helpers/factories';

/**
 * Sessions are served from memory only while that is safe: these tests play
 * a second app server on the same database and change sessions and users
 * behind the first one's back.
 */

let t: TestContext;
let buyerOrg: string;
let other: { cache: SessionCache; app: ReturnType<typeof createApp> };

beforeAll(async () => {
  t = await createTestContext();
  buyerOrg = (await makeOrganization(t.db, 'buyer')).id;
  const cache = createSessionCache(t.database.pool, t.deps.logger);
  await cache.start();
  other = { cache, app: createApp({ ...t.deps, sessions: cache }) };
});
afterAll(async () => {
  await other.cache.close();
  await t.close();
});

/** Signs a new user in through the API and returns the session cookie, the session id and the user. */
async function session(role: 'admin' | 'analyst' = 'analyst') {
  const user = await makeUser(t.db, buyerOrg, role);
  const agent = request.agent(t.app);
  const csrf = (await agent.get('/api/auth/csrf').expect(200)).body.token;
  const res = await agent.post('/api/auth/login').set('X-CSRF-Token', csrf).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
  const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0]!;
  const sid = decodeURIComponent(cookie.split('=')[1]!).slice(2).split('.')[0]!;
  return { user, cookie, sid };
}

const me = (app: ReturnType<typeof createApp>, cookie: string) => request(app).get('/api/auth/me').set('Cookie', cookie);

/** Polls until `check` holds (notifications arrive asynchronously), failing after two seconds. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition still false after 2 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Counts the pool checkouts (one per query outside a transaction) while `fn` runs. */
async function queriesDuring(fn: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const count = () => n++;
  t.database.pool.on('acquire', count);
  try {
    await fn();
  } finally {
    t.database.pool.off('acquire', count);
  }
  return n;
}

test('when the listener is up, then a session read again costs no query', async () => {
  const { cookie } = await session();
  expect(t.deps.sessions.active).toBe(true);
  // (The login's own notification may still evict the first copy.)
  await eventually(async () => (await queriesDuring(() => me(t.app, cookie).expect(200))) === 0);
});

test('when another server signs the session out, then this one refuses it', async () => {
  const { cookie } = await session();
  await me(t.app, cookie).expect(200);
  await me(other.app, cookie).expect(200);
  const agent = request.agent(other.app);
  const csrf = (await agent.get('/api/auth/csrf').set('Cookie', cookie).expect(200)).body.token;
  await agent.post('/api/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', csrf).expect(204);
  await eventually(async () => (await me(t.app, cookie)).status === 401);
});

test('when the session row is deleted directly in the database, then the next requests are refused', async () => {
  const { cookie, sid } = await session();
  await me(t.app, cookie).expect(200);
  await t.db.deleteFrom('session').where('sid', '=', sid).execute();
  await eventually(async () => (await me(t.app, cookie)).status === 401);
});

test('when another server disables the user or changes their role, then this one sees it', async () => {
  const { user, cookie } = await session();
  await me(t.app, cookie).expect(200);
  await t.db.updateTable('users').set({ role: 'legal' }).where('id', '=', user.id).execute();
  await eventually(async () => (await me(t.app, cookie)).body.user?.role === 'legal');
  await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
  await eventually(async () => (await me(t.app, cookie)).status === 401);
});

test('when an admin disables a user on this server, then the very next request of that user is refused', async () => {
  const admin = await session('admin');
  const { user, cookie } = await session();
  await me(t.app, cookie).expect(200);
  const agent = request.agent(t.app);
  const csrf = (await agent.get('/api/auth/csrf').set('Cookie', admin.cookie).expect(200)).body.token;
  await agent.patch(`/api/users/${user.id}`).set('Cookie', admin.cookie).set('X-CSRF-Token', csrf).send({ status: 'disabled' }).expect(200);
  await me(t.app, cookie).expect(401);
});

test('when the listener connection is lost, then sessions are read from the database until it is back', async () => {
  const { cookie, sid } = await session();
  await me(t.app, cookie).expect(200);
  await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'scopewise-session-cache'`.execute(t.db);
  await eventually(async () => !t.deps.sessions.active);
  await me(t.app, cookie).expect(200);
  // With no notification to rely on, a change nobody announced must still be seen.
  await t.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE session DISABLE TRIGGER session_notify_auth`.execute(trx);
    await trx.deleteFrom('session').where('sid', '=', sid).execute();
    await sql`ALTER TABLE session ENABLE TRIGGER session_notify_auth`.execute(trx);
  });
  await me(t.app, cookie).expect(401);
  await eventually(async () => t.deps.sessions.active);
  const again = await session();
  await eventually(async () => (await queriesDuring(() => me(t.app, again.cookie).expect(200))) === 0);
});

test('when a CSRF token is issued, then the very next request can use it (the cached session is never older than a write)', async () => {
  const { cookie } = await session();
  for (let i = 0; i < 5; i++) {
    await me(t.app, cookie).expect(200);
    const agent = request.agent(t.app);
    const csrf = (await agent.get('/api/auth/csrf').set('Cookie', cookie).expect(200)).body.token;
    await agent.put('/api/scoring/profile').set('Cookie', cookie).set('X-CSRF-Token', csrf).send({ weights: {} }).expect(200);
  }
});
