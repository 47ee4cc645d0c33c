// Reuse suggestions for a provider with many submitted questionnaires: p50/p95 of
// GET /api/assessments/:id/suggestions on a fresh full-catalog questionnaire, when
// every earlier answer (up to the 5,000 read) is a candidate, not only accepted ones.
import { allQuestions } from '../shared/schemas/template';
import { benchSession, fullCatalogEngagement, startBenchApp } from './lib/app';
import { percentileOf } from './lib/stats';

const EARLIER = Number(process.env.BENCH_ASSESSMENTS ?? 60);
const RUNS = 30;


async function main() {
  const app = await startBenchApp();
  const { db } = app.deps;
  try {
    const { template: full, versionId, engagementId } = await fullCatalogEngagement(app);
    const version = { id: versionId };
    const e = { id: engagementId };
    const questions = allQuestions(full.content).filter((q) => q.answerType === 'yes_no');
    const verdicts = [null, null, 'accepted', 'clarification_requested', 'rejected'] as const;
    for (let i = 0; i < EARLIER; i++) {
      const a = await db
        .insertInto('assessments')
        .values({ engagement_id: e.id, buyer_org_id: app.ids.buyer, provider_org_id: app.ids.provider, template_version_id: version.id, title: `Earlier ${i}`, status: 'submitted', due_date: '2030-01-01', sent_at: new Date(), submitted_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('answers')
        .values(questions.map((q, j) => ({ assessment_id: a.id, question_key: q.key, value: JSON.stringify('yes'), verdict: verdicts[(i + j) % verdicts.length], reviewed_at: verdicts[(i + j) % verdicts.length] ? new Date() : null })))
        .execute();
    }
    const target = await db
      .insertInto('assessments')
      .values({ engagement_id: e.id, buyer_org_id: app.ids.buyer, provider_org_id: app.ids.provider, template_version_id: version.id, title: 'New', status: 'sent', due_date: '2030-01-01', sent_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const candidates = await db.selectFrom('answers').select((eb) => eb.fn.countAll<string>().as('n')).where('verdict', 'is distinct from', 'rejected').executeTakeFirstOrThrow();
    console.log(`data: ${EARLIER} submitted full-catalog questionnaires, ${EARLIER * questions.length} yes/no answers (${candidates.n} not rejected; the query reads at most 5,000)`);

    const { cookie } = await benchSession(app.url, app.users.provider);
    const url = `${app.url}/api/assessments/${target.id}/suggestions`;
    let count = 0;
    const ms: number[] = [];
    for (let i = 0; i < RUNS + 3; i++) {
      const t0 = performance.now();
      const res = await fetch(url, { headers: { Cookie: cookie } });
      const body = (await res.json()) as { suggestions: unknown[] };
      if (!res.ok) throw new Error(`status ${res.status}`);
      if (i >= 3) ms.push(performance.now() - t0);
      count = body.suggestions.length;
    }
    console.log(`GET /api/assessments/:id/suggestions (${count} suggestions): p50 ${percentileOf(ms, 50).toFixed(1)} ms, p95 ${percentileOf(ms, 95).toFixed(1)} ms`);
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
