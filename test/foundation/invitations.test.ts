import { sql } from 'kysely';
import { routeTable } from '../../server/routes';
import { createTestContext, type TestContext } from '../helpers/context';
import { anonymous, signedIn, type Client } from '../helpers/agent';
import { makeOrganization, makeUser } from '../helpers/factories';
import { tableDigest } from '../helpers/digest';
import { invitationTokenFor } from '../helpers/mail';

let t: TestContext;
let admin: Client;
let orgName: string;

beforeAll(async () => {
  t = await createTestContext();
  const org = await makeOrganization(t.db, 'provider', 'Acme Test BPO');
  orgName = org.name;
  const user = await makeUser(t.db, org.id, 'admin');
  admin = await signedIn(t.app, user.email);
});
afterAll(() => t.close());

async function invite(email: string, role = 'contributor') {
  const res = await admin.post('/api/invitations').send({ email, role }).expect(201);
  return { id: res.body.invitation.id as string, token: invitationTokenFor(t.outbox(), email) };
}

describe('invitations', () => {
  test('when an admin invites someone, then an email carries a link with a random token stored only as a hash', async () => {
    const { id, token } = await invite('new.person@acme.example.test');
    expect(token.length).toBeGreaterThanOrEqual(40);
    const row = await t.db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expires_at.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    expect(row.expires_at.getTime() - Date.now()).toBeLessThanOrEqual(7 * 24 * 3600 * 1000);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'target_id']).where('action', '=', 'invitation.created').where('target_id', '=', id).execute();
    expect(audit).toHaveLength(1);
  });

  test('when the invited person accepts, then they have an account, are signed in, and the token cannot be used again', async () => {
    const { token } = await invite('accept.me@acme.example.test');
    const visitor = await anonymous(t.app);
    const preview = await visitor.post('/api/invitations/inspect').send({ token }).expect(200);
    expect(preview.body.invitation).toMatchObject({ email: 'accept.me@acme.example.test', role: 'contributor', organizationName: orgName });
    const res = await visitor.post('/api/invitations/accept').send({ token, name: 'Accepted Person', password: 'a long enough password' }).expect(201);
    expect(res.body.user).toMatchObject({ email: 'accept.me@acme.example.test', role: 'contributor', organization: { name: orgName, kind: 'provider' } });
    await visitor.refreshCsrf();
    await visitor.get('/api/auth/me').expect(200);

    const again = await anonymous(t.app);
    const before = await tableDigest(t.db, ['users', 'invitations']);
    const reuse = await again.post('/api/invitations/accept').send({ token, name: 'Someone Else', password: 'another long password' }).expect(400);
    expect(reuse.body.error.code).toBe('TOKEN_INVALID');
    expect(reuse.body.error.message).toMatch(/already used/);
    expect(await tableDigest(t.db, ['users', 'invitations'])).toBe(before);
  });

  test('when an invitation has expired, then accepting it fails and creates nobody', async () => {
    const { id, token } = await invite('too.late@acme.example.test');
    await sql`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = ${id}`.execute(t.db);
    const visitor = await anonymous(t.app);
    const before = await tableDigest(t.db, ['users', 'invitations']);
    const res = await visitor.post('/api/invitations/accept').send({ token, name: 'Too Late', password: 'a long enough password' }).expect(400);
    expect(res.body.error.message).toMatch(/expired/);
    expect(await tableDigest(t.db, ['users', 'invitations'])).toBe(before);
  });

  test('when an invitation is withdrawn, then its token no longer works', async () => {
    const { id, token } = await invite('withdrawn@acme.example.test');
    const res = await admin.delete(`/api/invitations/${id}`).expect(200);
    expect(res.body.invitation.revokedAt).not.toBeNull();
    const visitor = await anonymous(t.app);
    const inspect = await visitor.post('/api/invitations/inspect').send({ token }).expect(400);
    expect(inspect.body.error.message).toMatch(/withdrawn/);
    await admin.delete(`/api/invitations/${id}`).expect(409);
  });

  test('when someone is invited twice, then only the newest link works', async () => {
    const first = await invite('twice@acme.example.test');
    const second = await invite('twice@acme.example.test');
    expect(second.token).not.toBe(first.token);
    const visitor = await anonymous(t.app);
    await visitor.post('/api/invitations/inspect').send({ token: first.token }).expect(400);
    await visitor.post('/api/invitations/inspect').send({ token: second.token }).expect(200);
  });

  test('when a token is made up, then the answer is 400 TOKEN_INVALID', async () => {
    const visitor = await anonymous(t.app);
    const res = await visitor.post('/api/invitations/inspect').send({ token: 'x'.repeat(43) }).expect(400);
    expect(res.body.error.code).toBe('TOKEN_INVALID');
  });

  test('when the password is too short, then a 400 names the field and the token still works', async () => {
    const { token } = await invite('short.pw@acme.example.test');
    const visitor = await anonymous(t.app);
    const res = await visitor.post('/api/invitations/accept').send({ token, name: 'Short', password: 'short' }).expect(400);
    expect(res.body.error.details.fields).toEqual([{ path: 'password', message: 'must be at least 12 characters' }]);
    await visitor.post('/api/invitations/inspect').send({ token }).expect(200);
  });

  test('when the password is a common one, in any case, then a 400 names the field and the token still works', async () => {
    const { token } = await invite('common.pw@acme.example.test');
    const visitor = await anonymous(t.app);
    for (const password of ['Password1234', 'QWERTY123456789', '1qaz2wsx3edc4rfv']) {
      const res = await visitor.post('/api/invitations/accept').send({ token, name: 'Common', password }).expect(400);
      expect(res.body.error.details.fields).toEqual([{ path: 'password', message: 'is one of the most common passwords: choose another' }]);
    }
    await visitor.post('/api/invitations/accept').send({ token, name: 'Careful', password: 'a long enough password' }).expect(201);
  });

  test('when any route that sets a password gets a common one, then a 400 names the field', async () => {
    const setters = routeTable.filter((r) => r.path !== '/api/auth/login' && r.body && 'shape' in r.body && 'password' in (r.body as { shape: object }).shape);
    expect(setters.map((r) => r.path)).toContain('/api/invitations/accept');
    for (const route of setters) {
      const { token } = await invite(`setter.${route.path.replace(/\W/g, '')}@acme.example.test`);
      const visitor = await anonymous(t.app);
      const shape = (route.body as unknown as { shape: Record<string, unknown> }).shape;
      const body = Object.fromEntries(Object.entries({ token, name: 'Common', password: 'password1234' }).filter(([k]) => k in shape));
      const res = await visitor[route.method as 'post'](route.path).send(body);
      expect({ route: route.path, status: res.status, fields: res.body.error?.details?.fields?.map((f: { path: string }) => f.path) }).toEqual({ route: route.path, status: 400, fields: ['password'] });
    }
  });

  test('when a provider admin invites with a buyer role, then a 400 names the role and nothing is sent', async () => {
    const before = t.outbox().length;
    const res = await admin.post('/api/invitations').send({ email: 'wrong.role@acme.example.test', role: 'analyst' }).expect(400);
    expect(res.body.error.details.fields[0].path).toBe('role');
    expect(t.outbox().length).toBe(before);
  });

  test('when the email already has an account, then the answer is the same as for a new email and the owner gets a notice without a link', async () => {
    const fresh = await admin.post('/api/invitations').send({ email: 'never.seen@acme.example.test', role: 'admin' });
    const before = t.outbox().length;
    const res = await admin.post('/api/invitations').send({ email: 'accept.me@acme.example.test', role: 'admin' });
    expect(res.status).toBe(fresh.status);
    expect(Object.keys(res.body).sort()).toEqual(Object.keys(fresh.body).sort());
    const mails = t.outbox().slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatch(/already has a Scopewise account/);
    expect(mails[0]).not.toMatch(/#token=/);
  });
});

describe('users', () => {
  test('when an admin changes a role or disables a user, then it is audited and the user is signed out everywhere', async () => {
    const org = await makeOrganization(t.db, 'buyer');
    const boss = await makeUser(t.db, org.id, 'admin');
    const staff = await makeUser(t.db, org.id, 'analyst');
    const bossClient = await signedIn(t.app, boss.email);
    const staffClient = await signedIn(t.app, staff.email);

    const changed = await bossClient.patch(`/api/users/${staff.id}`).send({ role: 'legal' }).expect(200);
    expect(changed.body.user.role).toBe('legal');
    const roleEvent = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'user.role_changed').where('target_id', '=', staff.id).executeTakeFirstOrThrow();
    expect(roleEvent.details).toMatchObject({ from: 'analyst', to: 'legal' });
    expect(roleEvent.actor_user_id).toBe(boss.id);

    await staffClient.get('/api/auth/me').expect(200);
    await bossClient.patch(`/api/users/${staff.id}`).send({ status: 'disabled' }).expect(200);
    await staffClient.get('/api/auth/me').expect(401);
  });

  test('when an admin tries to change themselves, then it is refused (403) and nothing changes', async () => {
    const org = await makeOrganization(t.db, 'buyer');
    const boss = await makeUser(t.db, org.id, 'admin');
    const client = await signedIn(t.app, boss.email);
    const before = await tableDigest(t.db, ['users']);
    const res = await client.patch(`/api/users/${boss.id}`).send({ role: 'analyst' }).expect(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(await tableDigest(t.db, ['users'])).toBe(before);
  });

  test('when a buyer role is given to a provider user, then a 400 names the role', async () => {
    const org = await makeOrganization(t.db, 'provider');
    const boss = await makeUser(t.db, org.id, 'admin');
    const staff = await makeUser(t.db, org.id, 'contributor');
    const client = await signedIn(t.app, boss.email);
    const res = await client.patch(`/api/users/${staff.id}`).send({ role: 'legal' }).expect(400);
    expect(res.body.error.details.fields[0].path).toBe('role');
  });

  test('when an admin lists users, then only their own organization appears', async () => {
    const res = await admin.get('/api/users').expect(200);
    const emails = res.body.users.map((u: { email: string }) => u.email);
    expect(emails).toContain('accept.me@acme.example.test');
    const others = await t.db.selectFrom('users').select('email').where('organization_id', 'not in', (eb) => eb.selectFrom('users').select('organization_id').where('email', '=', 'accept.me@acme.example.test')).execute();
    expect(others.length).toBeGreaterThan(0);
    for (const o of others) expect(emails).not.toContain(o.email);
  });
});
