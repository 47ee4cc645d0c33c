import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn } from '../helpers/agent';
import { makeOrganization, makeUser } from '../helpers/factories';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('audit trail', () => {
  test('when anyone tries to UPDATE, DELETE or TRUNCATE audit events, then the database refuses', async () => {
    const org = await makeOrganization(t.db, 'buyer');
    const user = await makeUser(t.db, org.id, 'admin');
    await signedIn(t.app, user.email);
    const before = await t.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
    expect(before.some((e) => e.action === 'auth.login')).toBe(true);

    await expect(sql`UPDATE audit_events SET action = 'tampered'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_events`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_events`.execute(t.db)).rejects.toThrow(/append-only/);

    expect(await t.db.selectFrom('audit_events').selectAll().orderBy('id').execute()).toEqual(before);
  });

  test('when an admin reads the trail, then it lists their organization only, newest first, with actor, IP and time', async () => {
    const mine = await makeOrganization(t.db, 'provider');
    const other = await makeOrganization(t.db, 'provider');
    const boss = await makeUser(t.db, mine.id, 'admin');
    const stranger = await makeUser(t.db, other.id, 'admin');
    const client = await signedIn(t.app, boss.email);
    await signedIn(t.app, stranger.email);
    await client.post('/api/invitations').send({ email: 'someone@mine.example.test', role: 'contributor' }).expect(201);

    const res = await client.get('/api/audit-events?pageSize=10').expect(200);
    const actions = res.body.events.map((e: { action: string }) => e.action);
    expect(actions[0]).toBe('invitation.created');
    expect(actions).toContain('auth.login');
    expect(res.body.events[0]).toMatchObject({ actorEmail: boss.email, ip: expect.any(String), occurredAt: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toContain(stranger.email);
    const filtered = await client.get('/api/audit-events?action=auth.login').expect(200);
    expect(filtered.body.events.every((e: { action: string }) => e.action === 'auth.login')).toBe(true);
  });

  test('when a non-admin asks for the trail, then 403', async () => {
    const org = await makeOrganization(t.db, 'buyer');
    const analyst = await makeUser(t.db, org.id, 'analyst');
    const client = await signedIn(t.app, analyst.email);
    await client.get('/api/audit-events').expect(403);
  });
});
