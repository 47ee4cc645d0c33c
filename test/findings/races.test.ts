import { sql } from 'kysely';
import { seedDemo, DEMO_PASSWORD } from '../../server/seed/demo';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';

let t: TestContext;
let analyst: Client;
let engagementId: string;

beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.deps);
  analyst = await signedIn(t.app, 'analyst@northwind.demo.test', DEMO_PASSWORD);
  engagementId = (await analyst.get('/api/engagements').expect(200)).body.engagements[0].id;
});
afterAll(() => t.close());

/** Sessions of this database waiting for a lock. */
async function lockWaiters(): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`.execute(t.db);
  return r.rows[0]!.n;
}

/**
 * Holds the finding's row lock while both requests start, and lets go once
 * both are queued behind it: they then run one after the other, each having
 * read the finding (and passed the route's check) before the other wrote.
 */
async function race(findingId: string, sends: [() => Promise<number>, () => Promise<number>]): Promise<number[]> {
  let release!: () => void;
  let locked!: () => void;
  const hold = new Promise<void>((r) => (release = r));
  const isLocked = new Promise<void>((r) => (locked = r));
  const holder = t.db.transaction().execute(async (trx) => {
    await trx.selectFrom('findings').select('id').where('id', '=', findingId).forUpdate().execute();
    locked();
    await hold;
  });
  await isLocked;
  const answers = sends.map((send) => send());
  while ((await lockWaiters()) < 2) await new Promise((r) => setImmediate(r));
  release();
  await holder;
  return (await Promise.all(answers)).sort();
}

const events = async (actions: string[], id: string) => Number((await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', 'in', actions).where('target_id', '=', id).executeTakeFirstOrThrow()).n);

type Finding = { id: string; code: string; status: string };
const findings = async () => (await analyst.get(`/api/engagements/${engagementId}/findings`).expect(200)).body.findings as Finding[];

describe('finding changes racing on one finding', () => {
  test('when a resolution and a dismissal of one open finding race, then one applies, the other is refused and one event is recorded', async () => {
    const f = (await findings()).find((x) => x.status === 'open')!;
    const statuses = await race(f.id, [
      async () => (await analyst.patch(`/api/findings/${f.id}`).send({ action: 'resolve', note: 'Fixed' })).status,
      async () => (await analyst.patch(`/api/findings/${f.id}`).send({ action: 'dismiss', reason: 'Not relevant for this contract' })).status,
    ]);
    expect(statuses).toEqual([200, 409]);
    expect(await events(['finding.resolve', 'finding.dismiss'], f.id)).toBe(1);
    const stored = await t.db.selectFrom('findings').select(['status', 'resolution_note', 'dismiss_reason']).where('id', '=', f.id).executeTakeFirstOrThrow();
    // Only the winner's fields are written.
    expect(stored.status === 'resolved' ? stored.dismiss_reason : stored.resolution_note).toBeNull();
    expect((await findings()).find((x) => x.id === f.id)!.status).toBe(stored.status);
  });

  test('when two reopenings of one resolved finding race, then one succeeds, the other is refused and one event is recorded', async () => {
    const f = (await findings()).find((x) => x.status === 'open')!;
    await analyst.patch(`/api/findings/${f.id}`).send({ action: 'resolve' }).expect(200);
    const reopen = async () => (await analyst.patch(`/api/findings/${f.id}`).send({ action: 'reopen' })).status;
    expect(await race(f.id, [reopen, reopen])).toEqual([200, 409]);
    expect(await events(['finding.reopen'], f.id)).toBe(1);
  });
});
