import { sql } from 'kysely';
import { seedDemo, DEMO_PASSWORD } from '../../server/seed/demo';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';

let t: TestContext;
let legal: Client;
let engagementId: string;

beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.deps);
  legal = await signedIn(t.app, 'legal@northwind.demo.test', DEMO_PASSWORD);
  engagementId = (await legal.get('/api/engagements').expect(200)).body.engagements[0].id;
});
afterAll(() => t.close());

/** Sessions of this database waiting for a lock. */
async function lockWaiters(): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`.execute(t.db);
  return r.rows[0]!.n;
}

/**
 * Holds the schedule's row lock while both requests start, and lets go once
 * both are queued behind it: they then run one after the other, each having
 * read the schedule before the other wrote.
 */
async function race(scheduleId: string, send: () => Promise<number>): Promise<number[]> {
  let release!: () => void;
  let locked!: () => void;
  const hold = new Promise<void>((r) => (release = r));
  const isLocked = new Promise<void>((r) => (locked = r));
  const holder = t.db.transaction().execute(async (trx) => {
    await trx.selectFrom('security_schedules').select('id').where('id', '=', scheduleId).forUpdate().execute();
    locked();
    await hold;
  });
  await isLocked;
  const answers = [send(), send()];
  while ((await lockWaiters()) < 2) await new Promise((r) => setImmediate(r));
  release();
  await holder;
  return (await Promise.all(answers)).sort();
}

const events = async (action: string, id: string) => Number((await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', '=', action).where('target_id', '=', id).executeTakeFirstOrThrow()).n);

describe('schedule writes racing on one schedule', () => {
  test('when two finalisations of one draft race, then one succeeds, the other is refused and one event is recorded', async () => {
    const s = (await legal.post(`/api/engagements/${engagementId}/security-schedules`).send({}).expect(201)).body.schedule;
    const statuses = await race(s.id, async () => (await legal.post(`/api/security-schedules/${s.id}/finalize`)).status);
    expect(statuses).toEqual([200, 409]);
    expect(await events('schedule.finalized', s.id)).toBe(1);
  });

  test('when two shares of one final schedule race, then one succeeds, the other is refused and one event is recorded', async () => {
    const s = (await legal.post(`/api/engagements/${engagementId}/security-schedules`).send({}).expect(201)).body.schedule;
    await legal.post(`/api/security-schedules/${s.id}/finalize`).expect(200);
    const statuses = await race(s.id, async () => (await legal.post(`/api/security-schedules/${s.id}/share`)).status);
    expect(statuses).toEqual([200, 409]);
    expect(await events('schedule.shared', s.id)).toBe(1);
  });
});
