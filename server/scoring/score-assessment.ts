import { inherentRisk, type RiskTier } from '../../shared/engagements/risk-tier';
import { visibleQuestionKeys } from '../../shared/answers/check';
import { scoreAssessment, type ScoreResult } from '../../shared/scoring/score';
import { allQuestions, type TemplateContent } from '../../shared/schemas/template';
import { countsAsOpen } from '../../shared/schemas/finding';
import type { Severity } from '../../shared/findings/codes';
import type { Database } from '../db/database';
import { answerMap } from '../presenters/assessment';
import { engagementProfile } from '../presenters/engagement';
import { listAnswers } from '../repositories/assessment';
import { evidenceOf } from '../repositories/document';
import { loadEngagementForRefresh, type EngagementRow } from '../repositories/engagement';
import { latestSoaSharedWith } from '../repositories/finding-facts';
import { loadScoringWeights } from '../repositories/scoring-profile';
import { templateContents } from '../repositories/template';

/** Loads what the pure scoring needs for one assessment of an engagement and scores it. */
export async function scoreOf(db: Database, e: EngagementRow, assessment: { id: string; content: TemplateContent }, openFindingSeverities: readonly Severity[]): Promise<ScoreResult> {
  const [rows, evidence, soa, profileWeights] = await Promise.all([listAnswers(db, assessment.id), evidenceOf(db, assessment.id), latestSoaSharedWith(db, e.id), loadScoringWeights(db, { organizationId: e.buyer_org_id })]);
  const values = answerMap(rows);
  const profile = engagementProfile(e);
  const tier = (e.risk_tier_override ?? inherentRisk(profile).tier) as RiskTier;
  return scoreAssessment({
    questions: allQuestions(assessment.content),
    answers: new Map(rows.map((r) => [r.question_key, { value: r.value, verdict: r.verdict, evidenceCount: evidence.filter((x) => x.question_key === r.question_key).length }])),
    visible: visibleQuestionKeys(assessment.content, values),
    profile,
    soa: soa?.rows.map((r) => ({ controlId: r.control_id, applicable: r.applicable, implementation: r.implementation, justification: r.justification })) ?? null,
    profileWeights,
    openFindingSeverities,
    inherentTier: tier,
  });
}

/** The severities of the engagement's active findings that count as open on `today` (they cap the rating). */
export async function openFindingSeverities(db: Database, engagementId: string, today: string): Promise<Severity[]> {
  const active = await db.selectFrom('findings').select(['severity', 'status', 'risk_expires']).where('engagement_id', '=', engagementId).where('active', '=', true).execute();
  return active.filter((f) => countsAsOpen(f.status, f.risk_expires, today)).map((f) => f.severity as Severity);
}

/**
 * The score of an assessment from current data, as of `today`. The caller has
 * already checked that the actor may see the assessment.
 */
export async function currentScore(db: Database, a: { id: string; engagement_id: string; template_version_id: string }, today: string): Promise<ScoreResult> {
  const [e, contents, open] = await Promise.all([loadEngagementForRefresh(db, a.engagement_id), templateContents(db, [a.template_version_id]), openFindingSeverities(db, a.engagement_id, today)]);
  return scoreOf(db, e!, { id: a.id, content: contents.get(a.template_version_id)! }, open);
}
