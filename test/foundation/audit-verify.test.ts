import { sql } from 'kysely';
import { firstBroken, type ChainedEvent } from '../helpers/audit-chain';
import { signedIn, type Client } from '../helpers/agent';
import { createTestContext, type TestContext } from '../helpers/context';
import { makeOrganization, makeUser } from '../helpers/factories';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** An organization whose admin is signed in and has written `invitations` more events after their login. */
async function orgWithEvents(invitations = 4): Promise<{ orgId: string; admin: Client }> {
  const org = await makeOrganization(t.db, 'buyer');
  const user = await makeUser(t.db, org.id, 'admin');
  const admin = await signedIn(t.app, user.email);
  for (let i = 0; i < invitations; i++) await admin.post('/api/invitations').send({ email: `p${i}-${org.id}@example.test`, role: 'analyst' }).expect(201);
  return { orgId: org.id, admin };
}

/** Changes stored events the way only a superuser can: with the append-only triggers off. */
async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await t.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await statement.execute(trx);
  });
}

async function exported(admin: Client): Promise<{ header: Record<string, unknown>; events: ChainedEvent[] }> {
  const res = await admin.get('/api/audit/export').buffer(true).parse((r, cb) => {
    let text = '';
    r.setEncoding('utf8');
    r.on('data', (c: string) => (text += c));
    r.on('end', () => cb(null, text));
  });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?audit-trail-\d{4}-\d\d-\d\d\.jsonl"?$/);
  const [header, ...events] = (res.body as string).trimEnd().split('\n').map((l) => JSON.parse(l));
  return { header, events };
}

describe('audit verification and export', () => {
  test('when the trail is intact, then verify reports no break and the export recomputes on its own to the same head', async () => {
    const { orgId, admin } = await orgWithEvents();
    const check = await admin.get('/api/audit/verify').expect(200);
    expect(check.body).toMatchObject({ events: 5, firstBrokenAt: null, problem: null, headSeq: 5, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const { header, events } = await exported(admin);
    expect(header).toMatchObject({ export: 'scopewise-audit', organizationId: orgId, events: 5, headSeq: 5, headHash: check.body.headHash, readme: expect.stringContaining('SHA-256') });
    expect(events.map((e) => [e.seq, e.action])).toEqual([[1, 'auth.login'], [2, 'invitation.created'], [3, 'invitation.created'], [4, 'invitation.created'], [5, 'invitation.created']]);
    expect(events.every((e) => e.organizationId === orgId)).toBe(true);
    expect(Object.keys(events[1]!)).toEqual(['organizationId', 'seq', 'id', 'occurredAt', 'action', 'targetType', 'targetId', 'actorUserId', 'actorEmail', 'ip', 'requestId', 'details', 'prevHash', 'hash']);
    expect(firstBroken(events)).toBeNull();
    expect(events.at(-1)!.hash).toBe(check.body.headHash);
  });

  test('when a superuser rewrites one event behind the triggers, then verify and the export both point at that event', async () => {
    const { orgId, admin } = await orgWithEvents();
    const other = await orgWithEvents(1);
    await tamper(sql`UPDATE audit_events SET details = '{"email":"someone-else@example.test"}' WHERE organization_id = ${orgId} AND seq = 3`);

    const check = await admin.get('/api/audit/verify').expect(200);
    expect(check.body).toMatchObject({ firstBrokenAt: 3, problem: 'its content does not match its hash' });
    expect(firstBroken((await exported(admin)).events)).toBe(3);
    expect((await other.admin.get('/api/audit/verify').expect(200)).body.firstBrokenAt).toBeNull();
  });

  test('when the tampered event is also given a fresh hash, then the break shows at the next event', async () => {
    const { orgId, admin } = await orgWithEvents();
    await tamper(sql`UPDATE audit_events SET action = 'nothing.happened' WHERE organization_id = ${orgId} AND seq = 2`);
    await tamper(sql`UPDATE audit_events e SET hash = audit_event_hash(e) WHERE organization_id = ${orgId} AND seq = 2`);
    const check = await admin.get('/api/audit/verify').expect(200);
    expect(check.body).toMatchObject({ firstBrokenAt: 3, problem: 'its previous hash is not the hash of the event before it' });
  });

  test('when a backdated time is written behind the triggers, then the event no longer matches its hash', async () => {
    const { orgId, admin } = await orgWithEvents();
    await tamper(sql`UPDATE audit_events SET occurred_at = occurred_at - interval '30 days' WHERE organization_id = ${orgId} AND seq = 4`);
    expect((await admin.get('/api/audit/verify').expect(200)).body.firstBrokenAt).toBe(4);
  });

  test('when events are deleted in the middle or at the end, then verify names the first missing place', async () => {
    const middle = await orgWithEvents();
    await tamper(sql`DELETE FROM audit_events WHERE organization_id = ${middle.orgId} AND seq = 2`);
    expect((await middle.admin.get('/api/audit/verify').expect(200)).body).toMatchObject({ events: 4, firstBrokenAt: 3, problem: 'events are missing before this one' });

    const end = await orgWithEvents();
    await tamper(sql`DELETE FROM audit_events WHERE organization_id = ${end.orgId} AND seq >= 4`);
    expect((await end.admin.get('/api/audit/verify').expect(200)).body).toMatchObject({ events: 3, headSeq: 3, firstBrokenAt: 4, problem: 'events 4 to 5 are missing' });
  });

  test('when a non-admin asks to verify or export, then 403', async () => {
    const org = await makeOrganization(t.db, 'buyer');
    const analyst = await signedIn(t.app, (await makeUser(t.db, org.id, 'analyst')).email);
    await analyst.get('/api/audit/verify').expect(403);
    await analyst.get('/api/audit/export').expect(403);
  });
});
