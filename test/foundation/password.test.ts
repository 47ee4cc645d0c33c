import { anonymous, signedIn, type Client } from '../helpers/agent';
import { createTestContext, type TestContext } from '../helpers/context';
import { tableDigest } from '../helpers/digest';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { decodeEml } from '../helpers/mail';

let t: TestContext;
let orgId: string;

beforeAll(async () => {
  t = await createTestContext();
  orgId = (await makeOrganization(t.db, 'buyer')).id;
});
afterAll(() => t.close());

const NEW_PASSWORD = 'a much longer new passphrase';

/** Waits for the reset mail to `email` (it is sent after the answer) and returns its token. */
async function resetTokenFor(email: string, after = 0): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const message = t.outbox().slice(after).reverse().find((m) => m.includes(`To: ${email}`));
    const match = message && /reset-password#token=([A-Za-z0-9_-]+)/.exec(decodeEml(message));
    if (match) return match[1]!;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no reset mail to ${email}`);
}

const settle = () => new Promise((r) => setTimeout(r, 300));

describe('a forgotten password', () => {
  test('when a known and an unknown email ask for a reset, then both get the same answer and only the account gets a link', async () => {
    const user = await makeUser(t.db, orgId, 'analyst');
    const visitor = await anonymous(t.app);
    const before = t.outbox().length;
    const known = await visitor.post('/api/auth/password-reset').send({ email: user.email }).expect(202);
    const unknown = await visitor.post('/api/auth/password-reset').send({ email: 'nobody-here@example.test' }).expect(202);
    expect(unknown.body.message.replace('nobody-here@example.test', 'X')).toBe(known.body.message.replace(user.email, 'X'));
    await resetTokenFor(user.email, before);
    await settle();
    expect(t.outbox().slice(before).filter((m) => m.includes('nobody-here@example.test'))).toEqual([]);
    const stored = await t.db.selectFrom('password_resets').select(['token_hash']).execute();
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  test('when the link is used, then the new password works, the old does not, every session ended, and the link works only once', async () => {
    const user = await makeUser(t.db, orgId, 'analyst');
    const elsewhere = await signedIn(t.app, user.email);
    const visitor = await anonymous(t.app);
    const before = t.outbox().length;
    await visitor.post('/api/auth/password-reset').send({ email: user.email }).expect(202);
    const token = await resetTokenFor(user.email, before);
    const res = await visitor.post('/api/auth/password-reset/confirm').send({ token, password: NEW_PASSWORD }).expect(200);
    expect(res.body.user.email).toBe(user.email);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
    await signedIn(t.app, user.email, NEW_PASSWORD);
    expect((await (await anonymous(t.app)).post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD })).status).toBe(401);
    const again = await (await anonymous(t.app)).post('/api/auth/password-reset/confirm').send({ token, password: 'yet another new passphrase' });
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain('token');
    const audit = await t.db.selectFrom('audit_events').select('action').where('target_id', '=', user.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']));
  });

  test('when a newer link is asked for, then the older one stops working; an expired one never works', async () => {
    const user = await makeUser(t.db, orgId, 'analyst');
    const visitor = await anonymous(t.app);
    let before = t.outbox().length;
    await visitor.post('/api/auth/password-reset').send({ email: user.email }).expect(202);
    const first = await resetTokenFor(user.email, before);
    // A second request within a minute sends nothing (no mail bombing); past that minute a new link voids the first.
    await t.db.updateTable('password_resets').set({ created_at: new Date(Date.now() - 120_000) }).where('user_id', '=', user.id).execute();
    before = t.outbox().length;
    await visitor.post('/api/auth/password-reset').send({ email: user.email }).expect(202);
    const second = await resetTokenFor(user.email, before);
    expect(second).not.toBe(first);
    expect((await visitor.post('/api/auth/password-reset/confirm').send({ token: first, password: NEW_PASSWORD })).status).toBe(400);
    await t.db.updateTable('password_resets').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', user.id).execute();
    expect((await visitor.post('/api/auth/password-reset/confirm').send({ token: second, password: NEW_PASSWORD })).status).toBe(400);
  });

  test('when a second request comes within a minute, then no second mail is sent', async () => {
    const user = await makeUser(t.db, orgId, 'analyst');
    const visitor = await anonymous(t.app);
    const before = t.outbox().length;
    await visitor.post('/api/auth/password-reset').send({ email: user.email }).expect(202);
    await resetTokenFor(user.email, before);
    await visitor.post('/api/auth/password-reset').send({ email: user.email }).expect(202);
    await settle();
    expect(t.outbox().slice(before).filter((m) => m.includes(`To: ${user.email}`))).toHaveLength(1);
  });

  test('when a disabled account asks, then nothing is sent', async () => {
    const user = await makeUser(t.db, orgId, 'analyst');
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    const before = t.outbox().length;
    await (await anonymous(t.app)).post('/api/auth/password-reset').send({ email: user.email }).expect(202);
    await settle();
    expect(t.outbox().slice(before).filter((m) => m.includes(`To: ${user.email}`))).toEqual([]);
  });

  test.each([
    [{ email: 'not an email' }, 'email'],
    [{ email: 'a@example.test', extra: 1 }, 'extra'],
  ])('when the request is %j, then it is a 400 naming %s', async (body, field) => {
    const res = await (await anonymous(t.app)).post('/api/auth/password-reset').send(body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });

  test('when the new password is too short, then it is a 400 naming password and the link still works', async () => {
    const user = await makeUser(t.db, orgId, 'analyst');
    const visitor = await anonymous(t.app);
    const before = t.outbox().length;
    await visitor.post('/api/auth/password-reset').send({ email: user.email }).expect(202);
    const token = await resetTokenFor(user.email, before);
    const res = await visitor.post('/api/auth/password-reset/confirm').send({ token, password: 'short' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('password');
    await visitor.post('/api/auth/password-reset/confirm').send({ token, password: NEW_PASSWORD }).expect(200);
  });
});

describe('changing one\'s password', () => {
  let user: { id: string; email: string };
  let me: Client;

  beforeAll(async () => {
    user = await makeUser(t.db, orgId, 'legal');
    me = await signedIn(t.app, user.email);
  });

  test('when the current password is wrong, then it is a 400 naming currentPassword and nothing changes', async () => {
    const before = await tableDigest(t.db, ['users', 'audit_events']);
    const res = await me.post('/api/auth/password').send({ currentPassword: 'not my password at all', newPassword: NEW_PASSWORD });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('currentPassword');
    expect(await tableDigest(t.db, ['users', 'audit_events'])).toEqual(before);
  });

  test('when it is changed, then this session goes on, other sessions end, and only the new password signs in', async () => {
    const other = await signedIn(t.app, user.email);
    await me.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(200);
    expect((await other.get('/api/auth/me')).status).toBe(401);
    await me.refreshCsrf();
    expect((await me.get('/api/auth/me').expect(200)).body.user.email).toBe(user.email);
    await signedIn(t.app, user.email, NEW_PASSWORD);
    expect((await (await anonymous(t.app)).post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD })).status).toBe(401);
    const audit = await t.db.selectFrom('audit_events').select('action').where('target_id', '=', user.id).where('action', '=', 'auth.password_changed').execute();
    expect(audit).toHaveLength(1);
  });

  test('when the new password is a common one, then it is a 400 naming newPassword', async () => {
    const res = await me.post('/api/auth/password').send({ currentPassword: NEW_PASSWORD, newPassword: 'qwerty123456789' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields).toEqual([expect.objectContaining({ path: 'newPassword' })]);
  });

  test('when nobody is signed in, then it is a 401', async () => {
    expect((await (await anonymous(t.app)).post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(401);
  });
});
