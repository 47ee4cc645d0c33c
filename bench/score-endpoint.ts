// The score endpoint under 50 concurrent clients against a bare Express
// route doing one trivial query, same process, same database, same run.
// Target (SPEC): the score endpoint keeps at least 40 % of the bare route's throughput.
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { builtinTemplates } from '../shared/templates/builtin';
import { allQuestions } from '../shared/schemas/template';
import { syncBuiltinTemplates } from '../server/templates/builtin-sync';
import { benchSession, startBenchApp } from './lib/app';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);

function run(url: string, headers: Record<string, string> = {}): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections: 50, duration: DURATION, headers }, (err, result) => (err ? reject(err) : resolve(result)));
    void instance;
  });
}

async function main() {
  const app = await startBenchApp();
  const { db, pool } = app.deps;
  try {
    await syncBuiltinTemplates(db, builtinTemplates);
    const bpo = builtinTemplates.find((t) => t.slug === 'bpo-essentials')!;
    const version = await db.selectFrom('template_versions').innerJoin('templates', 'templates.id', 'template_versions.template_id').select('template_versions.id').where('templates.builtin_slug', '=', 'bpo-essentials').executeTakeFirstOrThrow();
    const e = await db
      .insertInto('engagements')
      .values({ buyer_org_id: app.ids.buyer, provider_org_id: app.ids.provider, name: 'Bench engagement', services: JSON.stringify(['Support']), sites: JSON.stringify([{ name: 'Cebu', address: '', city: 'Cebu City', country: 'PH' }]), contracting_entity: 'Bench BPO', data_categories: ['payment_card'] })
      .returning('id')
      .executeTakeFirstOrThrow();
    const a = await db
      .insertInto('assessments')
      .values({ engagement_id: e.id, buyer_org_id: app.ids.buyer, provider_org_id: app.ids.provider, template_version_id: version.id, title: 'Bench', status: 'submitted', due_date: '2030-01-01', sent_at: new Date(), submitted_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const questions = allQuestions(bpo.content);
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

    await run(bareUrl);
    const bareResult = await run(bareUrl);
    const scoreResult = await run(scoreUrl, { Cookie: cookie });
    bareServer.close();
    const ratio = scoreResult.requests.average / bareResult.requests.average;
    console.log(`50 connections, ${DURATION} s each (same process, same pool):`);
    console.log(`  bare route (SELECT 1):   ${bareResult.requests.average.toFixed(0)} req/s, p99 ${bareResult.latency.p99} ms, errors ${bareResult.errors + bareResult.non2xx}`);
    console.log(`  GET /api/assessments/:id/score (${questions.length} questions, 93 controls, session + SoA + findings lookups): ${scoreResult.requests.average.toFixed(0)} req/s, p99 ${scoreResult.latency.p99} ms, errors ${scoreResult.errors + scoreResult.non2xx}`);
    console.log(`  ratio ${(ratio * 100).toFixed(0)} % (target >= 40 %) ${ratio >= 0.4 ? 'OK' : 'UNDER'}`);
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
