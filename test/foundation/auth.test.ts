import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../helpers/context';
import { anonymous, signedIn } from '../helpers/agent';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../helpers/factories';

let t: TestContext;
let buyerAdmin: { email: string; id: string };
let orgId: string;

beforeAll(async () => {
  t = await createTestContext({ lockoutThreshold: 3, lockoutMinutes: 15 });
  const org = await makeOrganization(t.db, 'buyer', 'Northwind Test Bank');
  orgId = org.id;
  buyerAdmin = await makeUser(t.db, org.id, 'admin', { email: 'admin@northwind.example.test', name: 'Ada Admin' });
});
afterAll(() => t.close());

const auditCount = async (action: string) =>
  Number((await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', action).executeTakeFirstOrThrow()).n);

describe('login', () => {
  test('when the password is right, then the user, role and organization come back and /me works', async () => {
    const client = await anonymous(t.app);
    const res = await client.post('/api/auth/login').send({ email: 'Admin@Northwind.example.test ', password: TEST_PASSWORD }).expect(200);
    expect(res.body.user).toEqual({
      id: buyerAdmin.id,
      email: 'admin@northwind.example.test',
      name: 'Ada Admin',
      role: 'admin',
      organization: { id: orgId, name: 'Northwind Test Bank', kind: 'buyer' },
    });
    const me = await client.get('/api/auth/me').expect(200);
    expect(me.body.user.id).toBe(buyerAdmin.id);
  });

  test('when a user signs in, then the session id changes (no fixation) and the cookie is httpOnly and SameSite', async () => {
    const client = await anonymous(t.app);
    const sidBefore = client.agent.jar.getCookies({ path: '/', domain: '127.0.0.1', secure: false, script: false }).find((c) => c.name === 'scopewise.sid')?.value;
    const res = await client.post('/api/auth/login').send({ email: buyerAdmin.email, password: TEST_PASSWORD }).expect(200);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('scopewise.sid='));
    expect(setCookie).toBeDefined();
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const sidAfter = setCookie!.split(';')[0]!.split('=')[1];
    expect(sidBefore).toBeDefined();
    expect(sidAfter).not.toBe(sidBefore);
  });

  test('when the password is wrong or the email unknown, then both get the same 401 answer', async () => {
    const client = await anonymous(t.app);
    const wrong = await client.post('/api/auth/login').send({ email: buyerAdmin.email, password: 'not the password' }).expect(401);
    const unknown = await client.post('/api/auth/login').send({ email: 'nobody@nowhere.example.test', password: 'not the password' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    await client.get('/api/auth/me').expect(401);
    await t.db.deleteFrom('login_throttle').execute();
  });

  test('when the email is unknown, then the answer takes about as long as a wrong password (hashing work is done either way)', async () => {
    const client = await anonymous(t.app);
    const time = async (email: string) => {
      const start = process.hrtime.bigint();
      await client.post('/api/auth/login').send({ email, password: 'definitely wrong' }).expect(401);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 2; i++) {
      known.push(await time(buyerAdmin.email));
      unknown.push(await time(`ghost${i}@nowhere.example.test`));
    }
    await t.db.deleteFrom('login_throttle').execute();
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Not a benchmark: an unknown email must not skip the argon2 work (which costs tens of ms).
    expect(median(unknown)).toBeGreaterThan(median(known) / 4);
  });

  test('when a login fails, then an audit event records it without the password', async () => {
    const client = await anonymous(t.app);
    await client.post('/api/auth/login').send({ email: buyerAdmin.email, password: 'wrong-secret-123' }).expect(401);
    const event = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'auth.login_failed').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(event.target_id).toBe(buyerAdmin.id);
    expect(event.ip).toBeTruthy();
    expect(JSON.stringify(event)).not.toContain('wrong-secret-123');
    await t.db.deleteFrom('login_throttle').execute();
  });

  test('when an email fails too often, then it is locked (423) even with the right password, and the lock expires', async () => {
    const client = await anonymous(t.app);
    for (let i = 0; i < 3; i++) await client.post('/api/auth/login').send({ email: buyerAdmin.email, password: 'wrong' }).expect(401);
    const locked = await client.post('/api/auth/login').send({ email: buyerAdmin.email, password: TEST_PASSWORD }).expect(423);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(locked.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    await client.get('/api/auth/me').expect(401);
    expect(await auditCount('auth.login_locked')).toBeGreaterThanOrEqual(1);
    // Time passes: the lock is over and the right password works again.
    await sql`UPDATE login_throttle SET locked_until = now() - interval '1 second'`.execute(t.db);
    await client.post('/api/auth/login').send({ email: buyerAdmin.email, password: TEST_PASSWORD }).expect(200);
  });

  test('when an unknown email is tried repeatedly, then it is locked the same way (no account enumeration)', async () => {
    const client = await anonymous(t.app);
    for (let i = 0; i < 3; i++) await client.post('/api/auth/login').send({ email: 'ghost@nowhere.example.test', password: 'wrong' }).expect(401);
    await client.post('/api/auth/login').send({ email: 'ghost@nowhere.example.test', password: 'wrong' }).expect(423);
    await t.db.deleteFrom('login_throttle').execute();
  });

  test('when a user is disabled, then the right password fails like a wrong one', async () => {
    const org = await makeOrganization(t.db, 'provider');
    const user = await makeUser(t.db, org.id, 'contributor');
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    const client = await anonymous(t.app);
    const res = await client.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
    expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    await t.db.deleteFrom('login_throttle').execute();
  });

  test('when the body misses fields, then a 400 names them and nobody is signed in', async () => {
    const client = await anonymous(t.app);
    const res = await client.post('/api/auth/login').send({ email: 'not-an-email' }).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const fields = res.body.error.details.fields.map((f: { path: string }) => f.path);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password']));
  });
});

describe('session lifetime', () => {
  test('when a user works, then the cookie lasts the browser session, is not re-sent with every answer, and the server pushes the expiry 12 hours ahead', async () => {
    const client = await anonymous(t.app);
    const login = await client.post('/api/auth/login').send({ email: buyerAdmin.email, password: TEST_PASSWORD }).expect(200);
    const setCookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('scopewise.sid='))!;
    expect(setCookie).not.toMatch(/Expires=|Max-Age=/i);
    const me = await client.get('/api/auth/me').expect(200);
    expect(me.headers['set-cookie']).toBeUndefined();
    const sid = decodeURIComponent(setCookie.split(';')[0]!.split('=')[1]!).slice(2).split('.')[0]!;
    const row = await t.db.selectFrom('session').select('expire').where('sid', '=', sid).executeTakeFirstOrThrow();
    expect(row.expire.getTime() - Date.now()).toBeGreaterThan(11.9 * 3600 * 1000);
    expect(row.expire.getTime() - Date.now()).toBeLessThanOrEqual(12 * 3600 * 1000 + 1000);
  });

  test('when a session has been idle past its expiry, then it no longer authenticates', async () => {
    const client = await signedIn(t.app, buyerAdmin.email);
    await client.get('/api/auth/me').expect(200);
    await sql`UPDATE session SET expire = now() - interval '1 second' WHERE sess->'passport'->>'user' = ${buyerAdmin.id}`.execute(t.db);
    // The update reaches the session cache through its notification: the next request or the one after is refused.
    const deadline = Date.now() + 2000;
    while ((await client.get('/api/auth/me')).status !== 401) {
      if (Date.now() > deadline) throw new Error('the expired session still authenticates');
      await new Promise((r) => setTimeout(r, 20));
    }
  });
});

describe('absolute session lifetime', () => {
  const signedInAt = async (userId: string) =>
    (await sql<{ at: number | null }>`SELECT (sess->>'signedInAt')::bigint AS at FROM session WHERE sess->'passport'->>'user' = ${userId}`.execute(t.db)).rows.map((r) => Number(r.at));

  test('when a user signs in, then the session records when', async () => {
    const user = await makeUser(t.db, orgId, 'analyst');
    const before = Date.now();
    await signedIn(t.app, user.email);
    const [at] = await signedInAt(user.id);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  test('when a session was signed in longer ago than SESSION_MAX_HOURS (12), then it is refused 401 however active, and removed', async () => {
    const user = await makeUser(t.db, orgId, 'analyst');
    const client = await signedIn(t.app, user.email);
    await client.get('/api/auth/me').expect(200);
    // Signed in 12 hours and a minute ago; the idle expiry is still hours ahead (the session is in use).
    const longAgo = Date.now() - (12 * 60 + 1) * 60 * 1000;
    await sql`UPDATE session SET sess = jsonb_set(sess::jsonb, '{signedInAt}', to_jsonb(${longAgo}::bigint))::json, expire = now() + interval '11 hours' WHERE sess->'passport'->>'user' = ${user.id}`.execute(t.db);
    const deadline = Date.now() + 2000;
    while ((await client.get('/api/auth/me')).status !== 401) {
      if (Date.now() > deadline) throw new Error('the session past its absolute lifetime still authenticates');
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await signedInAt(user.id)).toEqual([]);
  });

  test('when a session has no sign-in time (made before it was recorded), then it no longer authenticates', async () => {
    const user = await makeUser(t.db, orgId, 'analyst');
    const client = await signedIn(t.app, user.email);
    await sql`UPDATE session SET sess = (sess::jsonb - 'signedInAt')::json WHERE sess->'passport'->>'user' = ${user.id}`.execute(t.db);
    const deadline = Date.now() + 2000;
    while ((await client.get('/api/auth/me')).status !== 401) {
      if (Date.now() > deadline) throw new Error('the session without a sign-in time still authenticates');
      await new Promise((r) => setTimeout(r, 20));
    }
  });

  test('when SESSION_MAX_HOURS is set, then it is the lifetime', async () => {
    const shorter = await createTestContext({ sessionMaxHours: 1 });
    try {
      const org = await makeOrganization(shorter.db, 'buyer');
      const user = await makeUser(shorter.db, org.id, 'analyst');
      const client = await signedIn(shorter.app, user.email);
      const set = (minutesAgo: number) => sql`UPDATE session SET sess = jsonb_set(sess::jsonb, '{signedInAt}', to_jsonb(${Date.now() - minutesAgo * 60_000}::bigint))::json WHERE sess->'passport'->>'user' = ${user.id}`.execute(shorter.db);
      await set(59);
      await new Promise((r) => setTimeout(r, 200));
      await client.get('/api/auth/me').expect(200);
      await set(61);
      const deadline = Date.now() + 2000;
      while ((await client.get('/api/auth/me')).status !== 401) {
        if (Date.now() > deadline) throw new Error('the session past SESSION_MAX_HOURS still authenticates');
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await shorter.close();
    }
  });
});

describe('logout', () => {
  test('when a user signs out, then the session is gone and the old cookie no longer works', async () => {
    const client = await signedIn(t.app, buyerAdmin.email);
    const cookie = client.agent.jar.getCookies({ path: '/', domain: '127.0.0.1', secure: false, script: false }).find((c) => c.name === 'scopewise.sid');
    await client.post('/api/auth/logout').expect(204);
    await client.get('/api/auth/me').expect(401);
    // Replaying the old cookie does not bring the session back.
    const request = (await import('supertest')).default;
    await request(t.app).get('/api/auth/me').set('Cookie', `scopewise.sid=${cookie?.value}`).expect(401);
    expect(await auditCount('auth.logout')).toBeGreaterThanOrEqual(1);
  });
});

describe('CSRF tokens for visitors', () => {
  const sessionRows = async () => Number((await t.db.selectFrom('session').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  test('when visitors fetch CSRF tokens 300 times, then no session row is stored', async () => {
    const request = (await import('supertest')).default;
    const before = await sessionRows();
    for (let i = 0; i < 300; i++) {
      const res = await request(t.app).get('/api/auth/csrf').expect(200);
      expect(res.body.token).toEqual(expect.any(String));
    }
    expect(await sessionRows()).toBe(before);
  });

  test("when a visitor signs in with the cookie's token, then it works and only then is a session stored", async () => {
    const client = await anonymous(t.app);
    const before = await sessionRows();
    await client.get('/api/auth/csrf').expect(200);
    expect(await sessionRows()).toBe(before);
    await client.post('/api/auth/login').send({ email: buyerAdmin.email, password: TEST_PASSWORD }).expect(200);
    expect(await sessionRows()).toBe(before + 1);
    await client.get('/api/auth/me').expect(200);
  });

  test("when a visitor sends another visitor's token, a token without its cookie or a made-up cookie, then 403 CSRF_INVALID", async () => {
    const request = (await import('supertest')).default;
    const visitor = await anonymous(t.app);
    const other = await anonymous(t.app);
    const login = { email: buyerAdmin.email, password: TEST_PASSWORD };
    const refused = [
      await visitor.agent.post('/api/auth/login').set('X-CSRF-Token', other.csrf).send(login),
      await request(t.app).post('/api/auth/login').set('X-CSRF-Token', visitor.csrf).send(login),
      await request(t.app).post('/api/auth/login').set('Cookie', `scopewise.sid=anon.${'A'.repeat(43)}`).set('X-CSRF-Token', visitor.csrf).send(login),
    ];
    expect(refused.map((r) => [r.status, r.body.error?.code])).toEqual(Array(3).fill([403, 'CSRF_INVALID']));
  });

  test("when a signed-in user sends a visitor's token, then 403 CSRF_INVALID: a session's own token is required", async () => {
    const user = await signedIn(t.app, buyerAdmin.email);
    const visitor = await anonymous(t.app);
    const res = await user.agent.post('/api/auth/logout').set('X-CSRF-Token', visitor.csrf);
    expect([res.status, res.body.error?.code]).toEqual([403, 'CSRF_INVALID']);
    await user.get('/api/auth/me').expect(200);
  });

  test('when one address asks for CSRF tokens too often, then 429', async () => {
    const limited = await createTestContext({ csrfRateLimit: 3 });
    try {
      const request = (await import('supertest')).default;
      for (let i = 0; i < 3; i++) await request(limited.app).get('/api/auth/csrf').expect(200);
      const res = await request(limited.app).get('/api/auth/csrf').expect(429);
      expect(res.body.error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});

describe('login rate limit per address', () => {
  test('when one address makes too many attempts, then it gets 429 and the attempt is not even checked', async () => {
    const limited = await createTestContext({ loginRateLimit: 3 });
    try {
      const client = await anonymous(limited.app);
      for (let i = 0; i < 3; i++) await client.post('/api/auth/login').send({ email: 'someone@example.test', password: 'x' }).expect(401);
      const res = await client.post('/api/auth/login').send({ email: 'someone@example.test', password: 'x' }).expect(429);
      expect(res.body.error.code).toBe('RATE_LIMITED');
      expect(res.headers['ratelimit-policy'] ?? res.headers['ratelimit']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
