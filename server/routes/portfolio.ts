import { z } from 'zod';
import { idParams } from '../../shared/schemas/common';
import { portfolioQuery, summaryDto, type SummaryDto } from '../../shared/schemas/portfolio';
import { notFound } from '../errors';
import { refreshIfStale, summaryIsStale } from '../findings/summary';
import { defineRoute } from '../http/route';
import { authorize } from '../policies';
import { findEngagement } from '../repositories/engagement';
import { portfolioPage, summaryOf, type SummaryRecord } from '../repositories/portfolio';

const tag = 'Portfolio';

function presentSummary(r: NonNullable<SummaryRecord>, today = new Date().toISOString().slice(0, 10)): SummaryDto {
  return {
    engagement: { id: r.id, name: r.name },
    provider: { id: r.provider_id, name: r.provider_name },
    inherentTier: r.inherent_tier ?? 4,
    assessmentId: r.assessment_id,
    score: r.overall,
    rating: r.rating as SummaryDto['rating'],
    residualRisk: r.residual_risk as SummaryDto['residualRisk'],
    coverage: r.coverage,
    findings: { critical: r.findings_critical ?? 0, high: r.findings_high ?? 0, medium: r.findings_medium ?? 0, low: r.findings_low ?? 0 },
    certificate: r.certificate_expiry && r.certificate_edition ? { expiryDate: r.certificate_expiry, edition: r.certificate_edition } : null,
    soaVersion: r.soa_version,
    nextReview: r.next_review,
    computedAt: r.computed_at ? r.computed_at.toISOString() : null,
    stale: summaryIsStale(r, today),
  };
}

export const portfolioRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/engagements/:id/summary',
    tag,
    summary: "The engagement's dashboard row: score, rating, residual risk, open findings by severity, certificate and SoA status (buyer)",
    description: 'Recomputed from the current facts whenever they changed since it was stored (or the day did).',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The summary', schema: z.object({ summary: summaryDto }) } },
    handler: async ({ deps, actor, params }) => {
      const e = await findEngagement(deps.db, actor, params.id);
      if (!e) throw notFound('Engagement');
      authorize(actor, 'portfolio.read');
      await refreshIfStale(deps.db, e);
      return { summary: presentSummary((await summaryOf(deps.db, actor, e.id))!) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/portfolio',
    tag,
    summary: "All the buyer's engagements with their dashboard rows: filter, sort, paginate (buyer)",
    description: 'One query for the page and one for the count, whatever the page size. Rows are served as stored; `stale` says one was computed from older facts or before today (a background job brings every row to today each hour, and a change to an engagement refreshes it after the commit). Sorts: risk (residual risk, then inherent tier), score, name, certificate_expiry, next_review, findings.',
    access: 'authenticated',
    query: portfolioQuery,
    responses: { 200: { description: 'One page', schema: z.object({ rows: z.array(summaryDto), total: z.number(), page: z.number(), pageSize: z.number() }) } },
    handler: async ({ deps, actor, query }) => {
      authorize(actor, 'portfolio.read');
      const { rows, total } = await portfolioPage(deps.db, actor, query);
      const today = new Date().toISOString().slice(0, 10);
      return { rows: rows.map((r) => presentSummary(r, today)), total, page: query.page, pageSize: query.pageSize };
    },
  }),
];
