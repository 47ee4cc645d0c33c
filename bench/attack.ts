// Attack: how long the server takes to refuse hostile imports (issue 14), and
// how /healthz answers meanwhile. The hostile files: a 6.5 MB xlsx with a
// million cells written `<c\tr=…>` (which the old cell cap did not count), a
// CSV with one 15 MB quoted field, and a CSV of a million rows. Each is sent
// alone (five times; median and worst), then three at once, while another
// client asks /healthz every 5 ms. The uploads are sent by curl in its own
// process; the server and the /healthz poller share this one. Before the fix (issue text): /healthz held
// 9 s alone and 46 s for three in parallel on the workbook.
// Target: every refusal well under a second; /healthz never held longer.
// Run: npx tsx bench/attack.ts; BENCH_BUILT=1 runs the production build in a
// child process instead (built first when stale), as `npm start` does.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashPassword } from '../server/auth/password';
import { createDatabase, type Database } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { insertOrganization } from '../server/repositories/organization';
import { insertUser } from '../server/repositories/user';
import { makeAssessment, makeEngagement, makeTemplate } from '../test/helpers/factories';
import { hostileSheetXml, workbookWithSheet } from '../test/helpers/hostile-workbook';
import { BENCH_PASSWORD, benchSession, startBenchApp } from './lib/app';
import { startProductionServer } from './lib/production-server';
import { createScratch } from './lib/scratch';
import { percentile } from './lib/stats';

const RUNS = 5;
const MB = 1024 * 1024;

interface Attack {
  name: string;
  path: string;
  as: 'provider' | 'buyer';
  /** Path of the file on disk. */
  file: string;
  filename: string;
  /** Within every cap: read in full (on a worker thread), so only /healthz is judged. */
  withinCaps?: boolean;
}


/** Asks /healthz back to back (5 ms apart) until stopped; returns each answer's latency in ms. */
function pollHealth(url: string): { stop(): Promise<number[]> } {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return latencies;
    },
  };
}

/** Posts the file with curl in its own process, as a browser would: only the server's work shares the event loop with /healthz. */
function send(url: string, session: { cookie: string; csrf: string }, a: Attack): Promise<{ ms: number; status: number; message: string }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const curl = spawn('curl', ['-s', '-w', '\n%{http_code}', '-H', `Cookie: ${session.cookie}`, '-H', `X-CSRF-Token: ${session.csrf}`, '-F', `file=@${a.file};filename=${a.filename}`, `${url}${a.path}`]);
    let out = '';
    curl.stdout.on('data', (d) => (out += d));
    curl.on('error', reject);
    curl.on('exit', () => {
      const ms = performance.now() - t0;
      const cut = out.lastIndexOf('\n');
      const body = JSON.parse(out.slice(0, cut) || '{}') as { error?: { message?: string; details?: { problems?: { message: string }[] } } };
      resolve({ ms, status: Number(out.slice(cut + 1)), message: body.error?.details?.problems?.[0]?.message ?? body.error?.message ?? '(accepted)' });
    });
  });
}

const f = (n: number) => n.toFixed(0).padStart(6);

interface Target {
  url: string;
  db: Database;
  dataDir: string;
  ids: { provider: string; buyer: string };
  users: { provider: string; buyer: string };
  what: string;
  /** The server's resident memory in bytes. */
  rss(): number;
  close(): Promise<void>;
}

/** Resident memory of another process (Linux), 0 where /proc is missing. */
function rssOf(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The server under attack: in this process (tsx, the sources), or the production build in a child process. */
async function startTarget(): Promise<Target> {
  if (!process.env.BENCH_BUILT) {
    const app = await startBenchApp();
    return { ...app, db: app.deps.db, what: 'server in this process (sources, tsx)', rss: () => process.memoryUsage().rss };
  }
  const scratch = await createScratch('sw_attack');
  const { db } = createDatabase(scratch.url, { max: 4 });
  await migrateToLatest(db);
  const hash = await hashPassword(BENCH_PASSWORD);
  const buyer = await insertOrganization(db, { kind: 'buyer', name: 'Bench Bank' });
  const provider = await insertOrganization(db, { kind: 'provider', name: 'Bench BPO' });
  await insertUser(db, { organizationId: buyer.id, email: 'analyst@bench.test', name: 'Bench Analyst', role: 'analyst', passwordHash: hash });
  await insertUser(db, { organizationId: provider.id, email: 'admin@bench-bpo.test', name: 'Bench Admin', role: 'admin', passwordHash: hash });
  const server = await startProductionServer({ DATABASE_URL: scratch.url, DATA_DIR: scratch.dataDir, SESSION_SECRET: 'bench-secret-bench-secret-bench-secret', LOGIN_RATE_LIMIT: '100000', SEED_DEMO: 'false', LOG_LEVEL: 'warn' });
  return {
    url: server.url,
    db,
    dataDir: scratch.dataDir,
    ids: { provider: provider.id, buyer: buyer.id },
    users: { provider: 'admin@bench-bpo.test', buyer: 'analyst@bench.test' },
    what: 'production build in a child process',
    rss: () => rssOf(server.child.pid),
    close: async () => {
      await server.stop();
      await db.destroy();
      await scratch.remove();
    },
  };
}

async function main() {
  const app = await startTarget();
  try {
    const db = app.db;
    const template = await makeTemplate(db, app.ids.buyer);
    const engagementId = await makeEngagement(db, app.ids.buyer, app.ids.provider);
    const assessmentId = await makeAssessment(db, { engagementId, buyerOrgId: app.ids.buyer, providerOrgId: app.ids.provider, templateVersionId: template.versionId }, 'in_progress');
    const sessions = { provider: await benchSession(app.url, app.users.provider), buyer: await benchSession(app.url, app.users.buyer) };

    const workbook = await workbookWithSheet(hostileSheetXml('tab', 1_000_000));
    const longField = Buffer.from(`Control;Applicable;Justification\n5.1;Yes;"${'x'.repeat(15 * MB)}"\n`);
    const manyRows = Buffer.from('5.1;Yes\n'.repeat(1_000_000));
    const nearCap = await workbookWithSheet(hostileSheetXml('tab', 299_999));
    const nearAnswerCap = await workbookWithSheet(hostileSheetXml('tab', 199_999));
    const saved = (name: string, bytes: Buffer) => {
      const file = path.join(app.dataDir, name);
      fs.writeFileSync(file, bytes);
      return file;
    };
    const files = { workbook: saved('cells.xlsx', workbook), longField: saved('field.csv', longField), manyRows: saved('rows.csv', manyRows), nearCap: saved('near-cap.xlsx', nearCap), nearAnswerCap: saved('near-answer-cap.xlsx', nearAnswerCap) };
    const attacks: Attack[] = [
      { name: 'xlsx 1M tab cells → SoA import', path: '/api/soas/import', as: 'provider', file: files.workbook, filename: 'soa.xlsx' },
      { name: 'xlsx 1M tab cells → offline answers', path: `/api/assessments/${assessmentId}/import`, as: 'provider', file: files.workbook, filename: 'answers.xlsx' },
      { name: 'xlsx 1M tab cells → template import', path: '/api/templates/import', as: 'buyer', file: files.workbook, filename: 'template.xlsx' },
      { name: 'CSV one 15 MB field → SoA import', path: '/api/soas/import', as: 'provider', file: files.longField, filename: 'soa.csv' },
      { name: 'CSV 1M rows → SoA import', path: '/api/soas/import', as: 'provider', file: files.manyRows, filename: 'soa.csv' },
      { name: 'xlsx 299,999 cells → SoA import', path: '/api/soas/import', as: 'provider', file: files.nearCap, filename: 'soa.xlsx', withinCaps: true },
      { name: 'xlsx 199,999 cells → offline answers', path: `/api/assessments/${assessmentId}/import`, as: 'provider', file: files.nearAnswerCap, filename: 'answers.xlsx', withinCaps: true },
    ];

    console.log(`attack: hostile imports refused (files: xlsx ${(workbook.length / MB).toFixed(1)} MB, CSV ${(longField.length / MB).toFixed(1)} MB and ${(manyRows.length / MB).toFixed(1)} MB; curl clients in their own processes, loopback; ${app.what})`);
    console.log(`  ${'attack'.padEnd(40)} status  refuse ms: median  worst | /healthz ms during: p50    max | RSS growth MB`);
    // One warm-up of each, not counted.
    for (const a of attacks) await send(app.url, sessions[a.as], a);
    let worstRefusal = 0;
    let worstHealth = 0;
    for (const a of attacks) {
      const times: number[] = [];
      const health: number[] = [];
      let status = 0;
      let message = '';
      const rss0 = app.rss();
      let rssPeak = rss0;
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, app.rss())), 10);
      for (let i = 0; i < RUNS; i += 1) {
        const poll = pollHealth(app.url);
        await new Promise((r) => setTimeout(r, 20));
        const r = await send(app.url, sessions[a.as], a);
        health.push(...(await poll.stop()));
        times.push(r.ms);
        ({ status, message } = r);
      }
      clearInterval(sampler);
      times.sort((x, y) => x - y);
      health.sort((x, y) => x - y);
      if (!a.withinCaps) worstRefusal = Math.max(worstRefusal, times.at(-1)!);
      worstHealth = Math.max(worstHealth, health.at(-1)!);
      if (a.withinCaps && a === attacks.find((x) => x.withinCaps)) console.log('  within every cap, read in full on a worker thread (answer time not judged):');
      console.log(`  ${a.name.padEnd(40)} ${status}         ${f(percentile(times, 50))} ${f(times.at(-1)!)} |                ${f(percentile(health, 50))} ${f(health.at(-1)!)} | ${((rssPeak - rss0) / MB).toFixed(0)}`);
      console.log(`      ${message}`);
    }

    // Three at once, as in the issue: the refusals share the event loop and zlib's thread pool.
    for (const a of [attacks[0]!, attacks[3]!]) {
      const poll = pollHealth(app.url);
      await new Promise((r) => setTimeout(r, 20));
      const t0 = performance.now();
      const results = await Promise.all([0, 1, 2].map(() => send(app.url, sessions[a.as], a)));
      const all = performance.now() - t0;
      const health = (await poll.stop()).sort((x, y) => x - y);
      worstRefusal = Math.max(worstRefusal, all);
      worstHealth = Math.max(worstHealth, health.at(-1)!);
      console.log(`  3 in parallel: ${a.name.padEnd(25)} ${results.map((r) => r.status).join('/')}  all refused in ${f(all)} ms | /healthz p50 ${f(percentile(health, 50))} max ${f(health.at(-1)!)} ms`);
    }
    console.log(`  load average (1 min) ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} CPUs: figures on a busy machine are slower than the server's own work`);
    console.log(`  worst refusal ${worstRefusal.toFixed(0)} ms (target < 1000) ${worstRefusal < 1000 ? 'OK' : 'OVER'}; worst /healthz ${worstHealth.toFixed(0)} ms`);
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
