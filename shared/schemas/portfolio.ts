import { z } from 'zod';
import { ratings, residualRisks } from '../scoring/tables';
import { id, pageQuery, text } from './common';

export const portfolioSorts = ['risk', 'score', 'name', 'certificate_expiry', 'next_review', 'findings'] as const;

export const portfolioQuery = z.strictObject({
  ...pageQuery,
  sort: z.enum(portfolioSorts, { message: `must be one of ${portfolioSorts.join(', ')}` }).default('risk'),
  dir: z.enum(['asc', 'desc'], { message: 'must be asc or desc' }).optional(),
  q: text(100).optional(),
  rating: z.enum(['A', 'B', 'C', 'D', 'none'], { message: 'must be A, B, C, D or none' }).optional(),
  residualRisk: z.enum(['critical', 'high', 'medium', 'low'], { message: 'must be critical, high, medium or low' }).optional(),
});
export type PortfolioQuery = z.infer<typeof portfolioQuery>;

export const summaryDto = z
  .object({
    engagement: z.object({ id, name: z.string() }),
    provider: z.object({ id, name: z.string() }),
    inherentTier: z.number().int(),
    assessmentId: id.nullable(),
    score: z.number().nullable(),
    rating: z.enum(ratings).nullable(),
    residualRisk: z.enum(residualRisks).nullable(),
    coverage: z.number().nullable(),
    findings: z.object({ critical: z.number(), high: z.number(), medium: z.number(), low: z.number() }),
    certificate: z.object({ expiryDate: z.string(), edition: z.string() }).nullable(),
    soaVersion: z.string().nullable(),
    nextReview: z.string().nullable(),
    computedAt: z.string().nullable(),
    /** The row was computed from older facts or on an earlier day: it is being recomputed and may be out of date. */
    stale: z.boolean(),
  })
  .meta({ id: 'EngagementSummary' });
export type SummaryDto = z.infer<typeof summaryDto>;
