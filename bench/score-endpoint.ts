// The score endpoint under 50 concurrent clients against a bare Express
// route doing one trivial query: same server process, same pool, same run.
// The load comes from autocannon in its own process, so the client's work
// does not count against either route.
// Target (SPEC): the score endpoint keeps at least 40 % of the bare route's throughput.
import { execFile } from 'node:child_process';
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { allQuestions } from '../shared/schemas/template';
import { benchSession, fullCatalogEngagement, startBenchApp } from './lib/app';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}

/** autocannon's command line in a child process, its JSON summary parsed. */
function run(url: string, headers: Record<string, string> = {}): Promise<Result> {
  const bin = path.join(__dirname, '..', 'node_modules', '.bin', 'autocannon');
  const args = ['-c', '50', '-d', String(DURATION), '-j', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]), url];
  return new Promise((resolve, reject) => {
    execFile(bin, args, { maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout) as Result)));
  });
}

async function main() {
  const app = await startBenchApp();
  const { db, pool } = app.deps;
  try {
    const { template: full, versionId, engagementId } = await fullCatalogEngagement(app);
    const version = { id: versionId };
    const e = { id: engagementId };
    const a = await db
      .insertInto('assessments')
      .values({ engagement_id: e.id, buyer_org_id: app.ids.buyer, provider_org_id: app.ids.provider, template_version_id: version.id, title: 'Bench', status: 'submitted', due_date: '2030-01-01', sent_at: new Date(), submitted_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const questions = allQuestions(full.content);
    await db
      .insertInto('answers')
      .values(questions.filter((q) => q.answerType === 'yes_no').map((q, i) => ({ assessment_id: a.id, question_key: q.key, value: JSON.stringify(['yes', 'partial', 'no'][i % 3]) })))
      .execute();

    const bare = express();
    bare.get('/bare', async (_req, res) => res.json((await pool.query('SELECT 1 AS one')).rows[0]));
    const bareServer = http.createServer(bare);
    await new Promise<void>((r) => bareServer.listen(0, '127.0.0.1', r));
    const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/bare`;

    const { cookie } = await benchSession(app.url, app.users.buyer);
    const scoreUrl = `${app.url}/api/assessments/${a.id}/score`;
    const check = await fetch(scoreUrl, { headers: { Cookie: cookie } });
    if (!check.ok) throw new Error(`score endpoint answered ${check.status}`);
    const bytes = (await check.text()).length;
    const gzipped = Number((await fetch(scoreUrl, { headers: { Cookie: cookie, 'Accept-Encoding': 'gzip' } })).headers.get('content-length'));

    // A score is computed once per revision of what it reads; measure that cost on its own.
    const cold: number[] = [];
    for (let i = 0; i < 30; i++) {
      await db.updateTable('answers').set({ comment: `bench ${i}` }).where('assessment_id', '=', a.id).where('question_key', '=', questions[0]!.key).execute();
      const t0 = performance.now();
      const res = await fetch(scoreUrl, { headers: { Cookie: cookie } });
      await res.text();
      cold.push(performance.now() - t0);
    }
    cold.sort((x, y) => x - y);

    await run(bareUrl);
    await run(scoreUrl, { Cookie: cookie });
    // CPU time of this (server) process per request: less sensitive than req/s to other work on the machine.
    const measure = async (url: string, headers: Record<string, string> = {}) => {
      const before = process.cpuUsage();
      const result = await run(url, headers);
      const cpu = process.cpuUsage(before);
      return { ...result, cpuMicros: (cpu.user + cpu.system) / Math.max(1, result.requests.total) };
    };
    // The machine's speed drifts (shared virtual CPUs): alternate the two routes and compare each pair.
    // Clients send Accept-Encoding as browsers do (the score then goes out as its cached gzip); one more
    // pair of runs shows a client that takes only uncompressed bodies.
    const browser = { 'Accept-Encoding': 'gzip, deflate, br' };
    const rounds: { bare: Awaited<ReturnType<typeof measure>>; score: Awaited<ReturnType<typeof measure>> }[] = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push({ bare: await measure(bareUrl, browser), score: await measure(scoreUrl, { ...browser, Cookie: cookie }) });
    const plain = { bare: await measure(bareUrl), score: await measure(scoreUrl, { Cookie: cookie }) };
    bareServer.close();
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const line = (r: Awaited<ReturnType<typeof measure>>) => `${r.requests.average.toFixed(0)} req/s, p99 ${r.latency.p99} ms, errors ${r.errors + r.non2xx}, server CPU ${r.cpuMicros.toFixed(0)} µs/request`;
    const pair = (label: string, r: (typeof rounds)[number]) => {
      console.log(`  ${label}: bare route (SELECT 1) ${line(r.bare)}`);
      console.log(`  ${' '.repeat(label.length)}  GET /api/assessments/:id/score ${line(r.score)}  → ${((r.score.requests.average / r.bare.requests.average) * 100).toFixed(0)} %`);
    };
    console.log(`50 connections, ${ROUNDS} alternating rounds of ${DURATION} s per route (autocannon in its own process; both routes in one server process, same pool):`);
    rounds.forEach((r, i) => pair(`round ${i + 1}`, r));
    pair('no gzip', plain);
    const ratio = median(rounds.map((r) => r.score.requests.average / r.bare.requests.average));
    console.log(`  the score: ${questions.length} questions, 93 controls, ${(bytes / 1024).toFixed(0)} KiB of JSON (${(gzipped / 1024).toFixed(0)} KiB gzipped), served again until its facts revision or the day changes`);
    console.log(`  first request after a change (score recomputed), one client: median ${cold[15]!.toFixed(1)} ms, max ${cold[29]!.toFixed(1)} ms`);
    console.log(`  median ratio ${(ratio * 100).toFixed(0)} % (target >= 40 %) ${ratio >= 0.4 ? 'OK' : 'UNDER'}`);
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
