import { z } from 'zod';
import { isControlId } from '../catalog';

/** A buyer's control weights (default 1): 0 takes a control out of the score, 10 at most. */
export const scoringProfileBody = z
  .strictObject({
    weights: z
      .record(z.string(), z.number({ message: 'must be a number' }).min(0, { message: 'must be at least 0' }).max(10, { message: 'must be at most 10' }))
      .superRefine((w, ctx) => {
        for (const key of Object.keys(w)) if (!isControlId(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'is not an ISO/IEC 27002:2022 control id' });
      }),
  })
  .meta({ id: 'ScoringProfile' });
export type ScoringProfileBody = z.infer<typeof scoringProfileBody>;

/** GET /api/scoring: the tables every score is computed from, the buyer's weights, and whether the actor may change them. */
export const scoringTablesDto = z
  .object({
    weights: z.record(z.string(), z.number()),
    multipliers: z.array(z.object({ reason: z.string(), controlIds: z.array(z.string()), factor: z.number() })),
    requiredControls: z.array(z.object({ when: z.string(), controlIds: z.array(z.string()) })),
    ratingThresholds: z.array(z.object({ rating: z.string(), min: z.number().nullable() })),
    residualRisk: z.record(z.string(), z.record(z.string(), z.string())),
    controls: z.array(z.object({ id: z.string(), title: z.string(), theme: z.string() })),
    abilities: z.object({ editWeights: z.boolean() }),
  })
  .meta({ id: 'ScoringTables' });
export type ScoringTablesDto = z.infer<typeof scoringTablesDto>;
