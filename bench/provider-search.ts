// The provider directory with many providers: p50/p95 of GET /api/providers
// (visibility and the facts that tell namesakes apart are computed per row)
// and of creating an engagement with a new provider, which compares its name
// with every provider the buyer can see.
import { sql } from 'kysely';
import { benchSession, startBenchApp } from './lib/app';
import { percentileOf } from './lib/stats';

const PROVIDERS = Number(process.env.BENCH_PROVIDERS ?? 5000);
const RUNS = 30;


async function main() {
  const app = await startBenchApp();
  const { db } = app.deps;
  try {
    const t0 = Date.now();
    // Joined providers (an active admin each) and as many unjoined ones another buyer invited.
    await sql`INSERT INTO organizations (kind, name) SELECT 'provider', 'Provider ' || g || ' Services Ltd' FROM generate_series(1, ${PROVIDERS}) g`.execute(db);
    await sql`
      INSERT INTO users (organization_id, email, name, role, password_hash)
      SELECT o.id, 'admin@p' || row_number() OVER () || '.example.test', 'Admin', 'admin', 'x' FROM organizations o WHERE o.name LIKE 'Provider %'`.execute(db);
    const other = await db.insertInto('organizations').values({ kind: 'buyer', name: 'Other Bank' }).returning('id').executeTakeFirstOrThrow();
    const inviter = await db.insertInto('users').values({ organization_id: other.id, email: 'inviter@other.test', name: 'Inviter', role: 'analyst', password_hash: 'x' }).returning('id').executeTakeFirstOrThrow();
    await sql`INSERT INTO organizations (kind, name) SELECT 'provider', 'Invitee ' || g FROM generate_series(1, ${PROVIDERS}) g`.execute(db);
    await sql`
      INSERT INTO invitations (organization_id, email, role, token_hash, invited_by, expires_at)
      SELECT o.id, 'x@' || o.id || '.test', 'admin', md5(o.id::text), ${inviter.id}::uuid, now() + interval '7 days' FROM organizations o WHERE o.name LIKE 'Invitee %'`.execute(db);
    await sql`ANALYZE`.execute(db);
    console.log(`data: ${PROVIDERS} joined providers, ${PROVIDERS} unjoined invitees of another buyer (built in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);

    const { cookie, csrf } = await benchSession(app.url, app.users.buyer);
    const timed = async (fn: () => Promise<Response>) => {
      const start = performance.now();
      const res = await fn();
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`status ${res.status}`);
      return performance.now() - start;
    };
    for (const [label, q] of [
      ['search "Provider 12" (up to 50 rows)', 'Provider%2012'],
      ['search "Services" (50 of many)', 'Services'],
      ['search "Invitee" (all hidden)', 'Invitee'],
    ] as const) {
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) ms.push(await timed(() => fetch(`${app.url}/api/providers?q=${q}`, { headers: { Cookie: cookie } })));
      console.log(`GET /api/providers ${label}: p50 ${percentileOf(ms, 50).toFixed(1)} ms, p95 ${percentileOf(ms, 95).toFixed(1)} ms`);
    }
    const invite = async (organizationName: string, i: number) => {
      const body = {
        name: 'Bench engagement',
        services: ['Support'],
        sites: [{ name: 'Site', address: '', city: 'Cebu City', country: 'PH' }],
        contractingEntity: organizationName,
        newProvider: { organizationName, adminEmail: `new${i}@new.example.test` },
      };
      return timed(() => fetch(`${app.url}/api/engagements`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf }, body: JSON.stringify(body) }));
    };
    const create: number[] = [];
    for (let i = 0; i < RUNS; i++) create.push(await invite(`Fresh Provider ${i}`, i));
    // Worst case: every visible provider shares the new name's first letters ("Prov…").
    const crowded: number[] = [];
    for (let i = 0; i < RUNS; i++) crowded.push(await invite(`Provider X${i} Outsourcing`, RUNS + i));
    const existing: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const body = { name: 'Bench engagement', services: ['Support'], sites: [{ name: 'Site', address: '', city: 'Cebu City', country: 'PH' }], contractingEntity: 'Bench BPO', providerOrganizationId: app.ids.provider };
      existing.push(await timed(() => fetch(`${app.url}/api/engagements`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf }, body: JSON.stringify(body) })));
    }
    console.log(`POST /api/engagements with providerOrganizationId (for comparison): p50 ${percentileOf(existing, 50).toFixed(1)} ms, p95 ${percentileOf(existing, 95).toFixed(1)} ms`);
    console.log(`POST /api/engagements with newProvider, few candidates: p50 ${percentileOf(create, 50).toFixed(1)} ms, p95 ${percentileOf(create, 95).toFixed(1)} ms`);
    console.log(`POST /api/engagements with newProvider, ${PROVIDERS} candidates compared by name: p50 ${percentileOf(crowded, 50).toFixed(1)} ms, p95 ${percentileOf(crowded, 95).toFixed(1)} ms`);
  } finally {
    await app.close();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
