import { inherentRisk, type RiskTier } from '../../shared/engagements/risk-tier';
import { visibleQuestionKeys } from '../../shared/answers/check';
import { scoreAssessment, type ScoreResult } from '../../shared/scoring/score';
import { allQuestions, type TemplateContent } from '../../shared/schemas/template';
import type { Severity } from '../../shared/findings/codes';
import type { Database } from '../db/database';
import { answerMap } from '../presenters/assessment';
import { engagementProfile } from '../presenters/engagement';
import { listAnswers } from '../repositories/assessment';
import { evidenceOf } from '../repositories/document';
import type { EngagementRow } from '../repositories/engagement';
import { latestSoaSharedWith } from '../repositories/finding-facts';
import { loadScoringWeights } from '../repositories/scoring-profile';

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
