// 200 concurrent clients answering and reading for 60 seconds against the
// production build (`dist/server/main.js`, NODE_ENV=production) on a fresh
// database. Target (issue "Prove it"): zero errors and zero non-2xx, every
// acknowledged answer present afterwards; prints throughput and p50/p99 for
// writes, reads and in total.
//
// Each client is one provider user with its own session and CSRF token, on
// one of 20 providers' BPO essentials questionnaires (10 users share each
// questionnaire, each answering its own 3 questions), and repeats: save an
// answer (PUT), read the questionnaire (GET /api/assessments/:id), read the
// inbox with progress (GET /api/assessments).
//
// BENCH_SECONDS shortens the run (default 60); BENCH_CLIENTS changes the
// number of clients (default 200). Exits 1 if the target is missed.
import crypto from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { hashPassword } from '../server/auth/password';
import { createDatabase, type Database } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { insertOrganization } from '../server/repositories/organization';
import { insertUser } from '../server/repositories/user';
import { syncBuiltinTemplates } from '../server/templates/builtin-sync';
import { allQuestions, type Question } from '../shared/schemas/template';
import { builtinTemplates } from '../shared/templates/builtin';
import { BENCH_PASSWORD, benchSession } from './lib/app';
import { startProductionServer } from './lib/production-server';
import { createScratch } from './lib/scratch';
import { percentile } from './lib/stats';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const USERS_PER_PROVIDER = 10;
const QUESTIONS_PER_USER = 3;

interface Sent {
  comment: string;
  value: string;
  acked: boolean;
}

/** One simulated user: its session, its questionnaire and questions, what it sent and saw. */
interface LoadClient {
  index: number;
  email: string;
  assessmentId: string;
  questions: Question[];
  cookie: string;
  csrf: string;
  writes: number;
  startedAt: number;
  measured: boolean;
  inflight?: Sent;
}

type Kind = 'write' | 'read';
const latencies: Record<Kind, number[]> = { write: [], read: [] };
const failures: Record<Kind, number> = { write: 0, read: 0 };
const failureSamples: string[] = [];
/** What was sent to each answer (assessment/question), in order: one client owns each. */
const sent = new Map<string, Sent[]>();

/** The questions one user may answer on its own: no condition, and no other question depends on them. */
function ownableQuestions(content: (typeof builtinTemplates)[number]['content']): Question[] {
  const all = allQuestions(content);
  const triggers = new Set(all.flatMap((q) => (q.condition ? [q.condition.questionKey] : [])));
  return all.filter((q) => !q.condition && !triggers.has(q.key));
}

/** A valid value for the question that changes with every write. */
function valueFor(q: Question, n: number): string {
  if (q.answerType === 'yes_no') return ['yes', 'partial', 'no'][n % 3]!;
  if (q.answerType === 'single_choice') return q.options[n % q.options.length]!.key;
  throw new Error(`no value for a ${q.answerType} question`);
}

async function seed(db: Database): Promise<Omit<LoadClient, 'cookie' | 'csrf' | 'writes' | 'startedAt' | 'measured'>[]> {
  await syncBuiltinTemplates(db, builtinTemplates);
  const bpo = builtinTemplates.find((t) => t.slug === 'bpo-essentials')!;
  const version = await db
    .selectFrom('template_versions')
    .innerJoin('templates', 'templates.id', 'template_versions.template_id')
    .select('template_versions.id')
    .where('templates.builtin_slug', '=', 'bpo-essentials')
    .executeTakeFirstOrThrow();
  const questions = ownableQuestions(bpo.content);
  if (questions.length < USERS_PER_PROVIDER * QUESTIONS_PER_USER) throw new Error('BPO essentials has too few questions for the partition');
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const buyer = await insertOrganization(db, { kind: 'buyer', name: 'Load Bank' });
  const clients: Awaited<ReturnType<typeof seed>> = [];
  for (let p = 0; p * USERS_PER_PROVIDER < CLIENTS; p++) {
    const provider = await insertOrganization(db, { kind: 'provider', name: `Load BPO ${p + 1}` });
    const e = await db
      .insertInto('engagements')
      .values({ buyer_org_id: buyer.id, provider_org_id: provider.id, name: `Load engagement ${p + 1}`, services: JSON.stringify(['Inbound customer support']), sites: JSON.stringify([{ name: 'Cebu', address: 'Cebu IT Park', city: 'Cebu City', country: 'PH' }]), contracting_entity: `Load BPO ${p + 1}`, data_categories: ['personal_data'] })
      .returning('id')
      .executeTakeFirstOrThrow();
    const a = await db
      .insertInto('assessments')
      .values({ engagement_id: e.id, buyer_org_id: buyer.id, provider_org_id: provider.id, template_version_id: version.id, title: 'BPO essentials', status: 'sent', due_date: '2030-01-31', sent_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let u = 0; u < USERS_PER_PROVIDER && clients.length < CLIENTS; u++) {
      const email = `user${u + 1}@load-bpo-${p + 1}.test`;
      await insertUser(db, { organizationId: provider.id, email, name: `Load user ${u + 1}`, role: 'contributor', passwordHash });
      clients.push({ index: clients.length, email, assessmentId: a.id, questions: questions.slice(u * QUESTIONS_PER_USER, (u + 1) * QUESTIONS_PER_USER) });
    }
  }
  return clients;
}

/** Signs every client in over HTTP, a few at a time (each sign-in hashes a password). */
async function signIn(url: string, clients: Awaited<ReturnType<typeof seed>>): Promise<LoadClient[]> {
  const out: LoadClient[] = [];
  for (let i = 0; i < clients.length; i += 10) {
    const batch = await Promise.all(clients.slice(i, i + 10).map(async (c) => ({ ...c, ...(await benchSession(url, c.email)), writes: 0, startedAt: 0, measured: false })));
    out.push(...batch);
  }
  return out;
}

/** The client's cycle of requests: save one of its answers, read the questionnaire, read the inbox. */
function requestsFor(c: LoadClient): autocannon.Request[] {
  const headers = { cookie: c.cookie, 'x-csrf-token': c.csrf, accept: 'application/json' };
  const start = () => (c.startedAt = performance.now());
  const finish = (kind: Kind, status: number, body: string) => {
    // The very first request of a connection also waits for the connection: not counted.
    if (c.measured) latencies[kind].push(performance.now() - c.startedAt);
    c.measured = true;
    const ok = status >= 200 && status < 300;
    if (!ok) {
      failures[kind]++;
      if (failureSamples.length < 5) failureSamples.push(`${kind} ${status}: ${body.slice(0, 300)}`);
    }
    return ok;
  };
  return [
    {
      method: 'PUT',
      setupRequest: (req) => {
        const q = c.questions[c.writes % c.questions.length]!;
        const write: Sent = { value: valueFor(q, Math.floor(c.writes / c.questions.length)), comment: `client ${c.index} write ${++c.writes}`, acked: false };
        const key = `${c.assessmentId}/${q.key}`;
        const list = sent.get(key) ?? [];
        sent.set(key, list);
        list.push(write);
        c.inflight = write;
        start();
        return { ...req, path: `/api/assessments/${c.assessmentId}/answers/${q.key}`, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ value: write.value, comment: write.comment }) };
      },
      onResponse: (status, body) => {
        if (finish('write', status, body) && c.inflight) c.inflight.acked = true;
        c.inflight = undefined;
      },
    },
    {
      method: 'GET',
      setupRequest: (req) => (start(), { ...req, path: `/api/assessments/${c.assessmentId}`, headers }),
      onResponse: (status, body) => void finish('read', status, body),
    },
    {
      method: 'GET',
      setupRequest: (req) => (start(), { ...req, path: '/api/assessments', headers }),
      onResponse: (status, body) => void finish('read', status, body),
    },
  ];
}

/** Every answer holds its last acknowledged write, or a later one still in flight when the run stopped. */
async function missingAnswers(db: Database, assessmentIds: string[]): Promise<{ checked: number; problems: string[] }> {
  const rows = await db.selectFrom('answers').select(['assessment_id', 'question_key', 'value', 'comment']).where('assessment_id', 'in', assessmentIds).execute();
  const stored = new Map(rows.map((r) => [`${r.assessment_id}/${r.question_key}`, r]));
  const problems: string[] = [];
  let checked = 0;
  for (const [key, writes] of sent) {
    const last = writes.findLastIndex((w) => w.acked);
    if (last < 0) continue;
    checked++;
    const row = stored.get(key);
    const match = writes.slice(last).find((w) => w.comment === row?.comment);
    if (!row || !match || row.value !== match.value) problems.push(`${key}: stored ${JSON.stringify(row ? [row.value, row.comment] : null)}, acknowledged ${JSON.stringify([writes[last]!.value, writes[last]!.comment])}`);
  }
  return { checked, problems };
}


function line(label: string, samples: number[], seconds: number): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `  ${label.padEnd(46)} ${String(samples.length).padStart(8)} ${(samples.length / seconds).toFixed(0).padStart(8)} ${percentile(sorted, 50).toFixed(1).padStart(8)} ${percentile(sorted, 99).toFixed(1).padStart(8)}`;
}

async function main(): Promise<number> {
  const scratch = await createScratch('sw_load');
  const { db } = createDatabase(scratch.url, { max: 4 });
  let server: Awaited<ReturnType<typeof startProductionServer>> | undefined;
  try {
    await migrateToLatest(db);
    const seeded = await seed(db);
    const assessmentIds = [...new Set(seeded.map((c) => c.assessmentId))];
    server = await startProductionServer({
      DATABASE_URL: scratch.url,
      DATA_DIR: scratch.dataDir,
      SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
      LOGIN_RATE_LIMIT: '100000',
      CSRF_RATE_LIMIT: '100000',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    });
    const clients = await signIn(server.url, seeded);
    const pgVersion = await scratch.serverVersion();
    console.log(
      `${clients.length} clients (${assessmentIds.length} providers x ${USERS_PER_PROVIDER} users, one BPO essentials questionnaire each), ${SECONDS} s, production build; ` +
        `Node ${process.version}, PostgreSQL ${pgVersion}, ${os.cpus().length} cores (shared with other work: figures are noisy)`,
    );

    let next = 0;
    const started = performance.now();
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      autocannon(
        {
          url: server!.url,
          connections: clients.length,
          duration: SECONDS,
          timeout: 30,
          requests: [{ method: 'GET', path: '/healthz' }],
          // One connection per client, each with its own session and questions.
          setupClient: (client) => client.setRequests(requestsFor(clients[next++ % clients.length]!)),
        },
        (err, r) => (err ? reject(err) : resolve(r)),
      );
    });
    const elapsed = (performance.now() - started) / 1000;
    const exit = await server.stop();

    const { checked, problems } = await missingAnswers(db, assessmentIds);
    console.log(`  ${''.padEnd(46)} ${'requests'.padStart(8)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
    console.log(line('writes: PUT answer', latencies.write, elapsed));
    console.log(line('reads: GET questionnaire, GET inbox (progress)', latencies.read, elapsed));
    console.log(line('total', [...latencies.write, ...latencies.read], elapsed));
    console.log(`  autocannon's own count: ${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
    const errors = result.errors + result.timeouts;
    console.log(`  errors ${errors} (timeouts ${result.timeouts}), non-2xx ${result.non2xx} (writes ${failures.write}, reads ${failures.read})`);
    for (const s of failureSamples) console.log(`    ${s}`);
    console.log(`  acknowledged answers present afterwards: ${checked - problems.length} of ${checked} answers checked${problems.length ? ':' : ''}`);
    for (const p of problems.slice(0, 10)) console.log(`    ${p}`);
    if (exit !== 0) console.log(`  the server exited with ${exit} on SIGTERM:\n${server.output()}`);
    const met = errors === 0 && result.non2xx === 0 && problems.length === 0 && checked > 0 && exit === 0;
    console.log(`  target (0 errors, 0 non-2xx, every acknowledged answer present): ${met ? 'OK' : 'MISSED'}`);
    return met ? 0 : 1;
  } finally {
    await server?.stop();
    await db.destroy();
    await scratch.remove();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
