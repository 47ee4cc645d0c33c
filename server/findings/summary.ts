import { inherentRisk } from '../../shared/engagements/risk-tier';
import type { Severity } from '../../shared/findings/codes';
import { currentCertificate } from '../../shared/findings/rules';
import type { Database } from '../db/database';
import { engagementProfile } from '../presenters/engagement';
import { loadEngagementForRefresh, type EngagementRow } from '../repositories/engagement';
import { latestSubmittedAssessment } from '../repositories/finding-facts';
import { syncFindings } from '../repositories/finding';
import { openFindingSeverities, scoreOf } from '../scoring/score-assessment';
import { gatherRuleInput } from './derive';
import { deriveFindings } from '../../shared/findings/rules';

/** A review is due a year after the last submission, or at once when there is none. */
const REVIEW_AFTER_DAYS = 365;

/** The engagement's facts revision (see the engagement_revisions migration). */
async function factsRevision(db: Database, engagementId: string): Promise<number> {
  return (await db.selectFrom('engagement_revisions').select('revision').where('engagement_id', '=', engagementId).executeTakeFirst())?.revision ?? 0;
}

/**
 * Recomputes an engagement's findings and its dashboard row (score, rating,
 * residual risk, open findings by severity, certificate and SoA status) and
 * stores both, with the facts revision and the day they were computed for.
 * Called whenever the engagement's facts change, so the portfolio is one
 * query over stored rows.
 */
export async function refreshEngagement(db: Database, e: EngagementRow, today = new Date().toISOString().slice(0, 10)) {
  // Read before the facts, and stored as the revision they are current for: any change after this point, this
  // refresh's own new findings included, leaves the stored revision behind, and the next read computes again.
  const revision = await factsRevision(db, e.id);
  const input = await gatherRuleInput(db, e, today);
  // One statement at a time, as before: holding the engagement's revision row across statements could deadlock
  // with a finding update (which locks its finding, then the revision).
  await syncFindings(db, e.id, deriveFindings(input));
  const open = await openFindingSeverities(db, e.id, today);
  const count = (s: Severity) => open.filter((severity) => severity === s).length;
  const assessment = await latestSubmittedAssessment(db, e.id);
  const score = assessment ? await scoreOf(db, e, assessment, open) : null;
  const cert = currentCertificate(input.certificates);
  const tier = e.risk_tier_override ?? inherentRisk(engagementProfile(e)).tier;
  const nextReview = assessment ? new Date(assessment.submittedAt.getTime() + REVIEW_AFTER_DAYS * 86400000).toISOString().slice(0, 10) : today;
  const row = {
    engagement_id: e.id,
    assessment_id: assessment?.id ?? null,
    overall: score ? score.overallRounded : null,
    rating: score?.rating ?? null,
    residual_risk: score?.residualRisk ?? null,
    coverage: score ? Math.round(score.coverage.ratio * 1000) / 1000 : null,
    inherent_tier: tier,
    findings_critical: count('critical'),
    findings_high: count('high'),
    findings_medium: count('medium'),
    findings_low: count('low'),
    certificate_expiry: cert?.expiryDate ?? null,
    certificate_edition: cert?.edition ?? null,
    soa_version: input.soa?.version ?? null,
    next_review: nextReview,
    computed_at: new Date(),
    facts_revision: revision,
    computed_on: today,
  };
  await db.insertInto('engagement_summaries').values(row).onConflict((oc) => oc.column('engagement_id').doUpdateSet(row)).execute();
  return { row, score, certificate: cert, soa: input.soa };
}

/** Whether a stored summary was computed from older facts than the engagement's, or before today (or never). */
export function summaryIsStale(s: { computed_on: string | null; facts_revision: number | null; revision: number | null }, today: string): boolean {
  return s.computed_on === null || s.facts_revision === null || s.facts_revision !== (s.revision ?? 0) || s.computed_on < today;
}

/**
 * Recomputes the engagement's findings and summary unless they were computed
 * today from the engagement's current facts revision (one light query then).
 */
export async function refreshIfStale(db: Database, e: EngagementRow, today = new Date().toISOString().slice(0, 10)): Promise<void> {
  const stored = await db
    .selectFrom('engagements as e')
    .leftJoin('engagement_summaries as s', 's.engagement_id', 'e.id')
    .leftJoin('engagement_revisions as r', 'r.engagement_id', 'e.id')
    .select(['s.facts_revision', 's.computed_on', 'r.revision'])
    .where('e.id', '=', e.id)
    .executeTakeFirst();
  if (stored && !summaryIsStale(stored, today)) return;
  await refreshEngagement(db, e, today);
}

/** Recomputes the summaries of these engagements after a change (errors are logged, never fail the change). */
export async function refreshEngagements(deps: { db: Database; logger: { error: (o: object, m: string) => void } }, engagementIds: readonly string[]): Promise<void> {
  for (const id of new Set(engagementIds)) {
    try {
      const e = await loadEngagementForRefresh(deps.db, id);
      if (e) await refreshEngagement(deps.db, e);
    } catch (err) {
      deps.logger.error({ err, engagementId: id }, 'engagement summary refresh failed');
    }
  }
}
