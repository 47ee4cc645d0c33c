import { Migrator, sql } from 'kysely';
import { createDatabase, type Database } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';
import { migrations } from '../../migrations';
import { recordAudit } from '../../server/repositories/audit';
import { firstBroken, recomputeHash, type ChainedEvent } from '../helpers/audit-chain';
import { createTestContext, type TestContext } from '../helpers/context';
import { adminUrl, databaseUrlFor } from '../helpers/database';
import { makeOrganization } from '../helpers/factories';
import pg from 'pg';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const origin = { ip: '192.0.2.1', requestId: 'req-1', actorUserId: null, actorEmail: 'someone@example.test' };

/** The chain of one organization (or of events without one) as the export prints it. */
async function chainOf(db: Database, organizationId: string | null): Promise<ChainedEvent[]> {
  const { rows } = await sql<ChainedEvent>`
    SELECT organization_id AS "organizationId", seq, id,
      to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt",
      action, target_type AS "targetType", target_id AS "targetId", actor_user_id AS "actorUserId", actor_email AS "actorEmail",
      ip, request_id AS "requestId", details, prev_hash AS "prevHash", hash
    FROM audit_events WHERE organization_id IS NOT DISTINCT FROM ${organizationId} ORDER BY seq`.execute(db);
  return rows;
}

describe('audit chain', () => {
  test('when events are recorded, then each organization gets its own gapless chain whose hashes recompute from the documented form', async () => {
    const a = await makeOrganization(t.db, 'buyer');
    const b = await makeOrganization(t.db, 'provider');
    for (const [i, org] of [a, b, a, a, b].entries()) {
      await recordAudit(t.db, origin, { action: 'test.event', organizationId: org.id, targetType: 'thing', targetId: String(i), details: { n: i, nested: { z: 'ü "quoted"\n', a: [1, 2.5, null, true] }, émoji: '😀' } });
    }
    const chainA = await chainOf(t.db, a.id);
    const chainB = await chainOf(t.db, b.id);
    expect(chainA.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(chainB.map((e) => e.seq)).toEqual([1, 2]);
    expect(chainA[0]!.prevHash).toBeNull();
    expect(chainA[1]!.prevHash).toBe(chainA[0]!.hash);
    for (const e of [...chainA, ...chainB]) expect(recomputeHash(e)).toBe(e.hash);
    expect(firstBroken(chainA)).toBeNull();
    expect(firstBroken(chainB)).toBeNull();
  });

  test('when the app sends its own time, sequence or hashes, then the database ignores them', async () => {
    const org = await makeOrganization(t.db, 'buyer');
    const before = (await sql<{ now: Date }>`SELECT clock_timestamp() AS now`.execute(t.db)).rows[0]!.now;
    await t.db
      .insertInto('audit_events')
      .values({ action: 'backdated', organization_id: org.id, occurred_at: '2001-01-01T00:00:00Z', seq: 42, prev_hash: 'f'.repeat(64), hash: '0'.repeat(64), details: '{}' })
      .execute();
    const [e] = await chainOf(t.db, org.id);
    const stored = await t.db.selectFrom('audit_events').select('occurred_at').where('id', '=', e!.id).executeTakeFirstOrThrow();
    expect(stored.occurred_at.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(e).toMatchObject({ seq: 1, prevHash: null });
    expect(e!.hash).toBe(recomputeHash(e!));
  });

  test('when many transactions of one organization record events at once, then the chain stays gapless and linked', async () => {
    const org = await makeOrganization(t.db, 'buyer');
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.db.transaction().execute(async (trx) => {
          await recordAudit(trx, origin, { action: 'race', organizationId: org.id, details: { i } });
          await recordAudit(trx, origin, { action: 'race.second', organizationId: org.id, details: { i } });
        }),
      ),
    );
    const chain = await chainOf(t.db, org.id);
    expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(firstBroken(chain)).toBeNull();
    // One transaction's two events are neighbours: the chain is locked until commit.
    for (let i = 0; i < 60; i += 2) expect(chain[i + 1]!.details).toEqual(chain[i]!.details);
  });

  test('when events without an organization are recorded, then they form a chain of their own', async () => {
    const before = await chainOf(t.db, null);
    await recordAudit(t.db, origin, { action: 'auth.login_failed', organizationId: null });
    const after = await chainOf(t.db, null);
    expect(after).toHaveLength(before.length + 1);
    expect(firstBroken(after)).toBeNull();
  });

  test('when a database holding events from before the chain is migrated, then they are chained in the order they were written', async () => {
    const name = `${t.database.name}_m`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const { db } = createDatabase(databaseUrlFor(name), { max: 2 });
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      const partial = await migrator.migrateTo('2026_12_07_019_soa_numbering');
      expect(partial.error).toBeUndefined();
      const orgA = '00000000-0000-4000-8000-00000000000a';
      const orgB = '00000000-0000-4000-8000-00000000000b';
      for (const [i, org] of [orgA, orgB, orgA, null, orgA].entries()) {
        await sql`INSERT INTO audit_events (organization_id, action, details, occurred_at) VALUES (${org}, ${`old.${i}`}, ${JSON.stringify({ i })}::jsonb, ${`2026-01-0${i + 1}T00:00:00Z`})`.execute(db);
      }
      await migrateToLatest(db);
      const chainA = await chainOf(db, orgA);
      expect(chainA.map((e) => [e.seq, e.action])).toEqual([[1, 'old.0'], [2, 'old.2'], [3, 'old.4']]);
      expect(chainA[0]!.occurredAt).toBe('2026-01-01T00:00:00.000000Z');
      expect(firstBroken(chainA)).toBeNull();
      expect(firstBroken(await chainOf(db, orgB))).toBeNull();
      expect(firstBroken(await chainOf(db, null))).toBeNull();
      // The next event continues each chain.
      await recordAudit(db, origin, { action: 'new', organizationId: orgA });
      const next = await chainOf(db, orgA);
      expect(next.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect(firstBroken(next)).toBeNull();
    } finally {
      await db.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
