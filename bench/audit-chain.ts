// What sealing audit events costs: inserts per second with the chain and
// without it (a database migrated only to 019; sequential, and 16 writers on one organization or
// on 16), and how long GET /api/audit/verify's recomputation takes per
// 10,000 events.
//
//   npx tsx bench/audit-chain.ts            (or: npm run bench audit)
import crypto from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { migrations } from '../migrations';
import { createDatabase, type Database } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { recordAudit, verifyAuditChain } from '../server/repositories/audit';
import { createScratch } from './lib/scratch';

const SEQUENTIAL = Number(process.env.BENCH_AUDIT_EVENTS ?? 2000);
const WRITERS = 16;
const PER_WRITER = 200;
const origin = { ip: '192.0.2.1', requestId: 'bench', actorUserId: null, actorEmail: 'bench@example.test' };
const details = { email: 'someone@example.test', role: 'analyst', changes: { status: ['active', 'disabled'] } };

async function sequential(db: Database, org: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < SEQUENTIAL; i++) await recordAudit(db, origin, { action: 'bench.event', organizationId: org, details });
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function concurrent(db: Database, orgs: string[]): Promise<number> {
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < PER_WRITER; i++) await recordAudit(db, origin, { action: 'bench.event', organizationId: orgs[w % orgs.length]!, details });
    }),
  );
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const perSecond = (events: number, ms: number) => `${Math.round((events / ms) * 1000).toLocaleString('en')} events/s`;

async function main() {
  const scratch = await createScratch('sw_bench_audit');
  const before = await createScratch('sw_bench_audit_019');
  const { db } = createDatabase(scratch.url, { max: WRITERS + 2 });
  const { db: old } = createDatabase(before.url, { max: WRITERS + 2 });
  try {
    await migrateToLatest(db);
    const partial = await new Migrator({ db: old, provider: { getMigrations: async () => migrations } }).migrateTo('2026_12_07_019_soa_numbering');
    if (partial.error) throw partial.error;
    const org = () => crypto.randomUUID();
    console.log(`PostgreSQL ${await scratch.serverVersion()}`);

    await sequential(db, org()); // warm-up
    await sequential(old, org());
    const sealed = await sequential(db, org());
    const plain = await sequential(old, org());
    const sealedOne = await concurrent(db, [org()]);
    const plainOne = await concurrent(old, [org()]);
    const sealedMany = await concurrent(db, Array.from({ length: WRITERS }, org));
    const plainMany = await concurrent(old, Array.from({ length: WRITERS }, org));

    console.log(`sequential inserts, ${SEQUENTIAL}:         sealed ${perSecond(SEQUENTIAL, sealed)} (${((sealed / SEQUENTIAL) * 1000).toFixed(0)} µs each), before the chain ${perSecond(SEQUENTIAL, plain)} (${((plain / SEQUENTIAL) * 1000).toFixed(0)} µs each)`);
    console.log(`${WRITERS} writers, one organization:    sealed ${perSecond(WRITERS * PER_WRITER, sealedOne)}, before the chain ${perSecond(WRITERS * PER_WRITER, plainOne)}`);
    console.log(`${WRITERS} writers, ${WRITERS} organizations:  sealed ${perSecond(WRITERS * PER_WRITER, sealedMany)}, before the chain ${perSecond(WRITERS * PER_WRITER, plainMany)}`);

    const big = org();
    await sql`
      INSERT INTO audit_events (organization_id, action, details)
      SELECT ${big}::uuid, 'bench.bulk', ${JSON.stringify(details)}::jsonb FROM generate_series(1, 10000)`.execute(db);
    const actor = { userId: big, organizationId: big, kind: 'buyer', role: 'admin' } as unknown as Parameters<typeof verifyAuditChain>[1];
    const t0 = process.hrtime.bigint();
    const check = await verifyAuditChain(db, actor);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`verify 10,000 events:                 ${ms.toFixed(0)} ms (firstBrokenAt ${check.firstBrokenAt})`);
  } finally {
    await db.destroy();
    await old.destroy();
    await scratch.remove();
    await before.remove();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
