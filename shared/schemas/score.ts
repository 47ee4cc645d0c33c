import { z } from 'zod';
import { themes } from '../catalog';
import { severities } from '../findings/codes';
import { ratings, residualRisks } from '../scoring/tables';
import { answerValue } from './answer';

/**
 * The score as `GET /api/assessments/:id/score` sends it: the JSON of
 * `ScoreResult` (shared/scoring/score.ts, which documents each field). Strict
 * objects, so a field added to or renamed in the scoring without this schema
 * fails its test (test/scoring/score-schema.test.ts also checks at compile
 * time that the two types are the same).
 */
export const questionBreakdownDto = z.strictObject({
  questionKey: z.string(),
  text: z.string(),
  value: answerValue,
  rawCredit: z.number().nullable(),
  credit: z.number().nullable(),
  weight: z.number(),
  capped: z.enum(['evidence_missing', 'rejected']).nullable(),
  evidenceCount: z.number().int(),
  excluded: z.enum(['hidden', 'unanswered', 'na', 'unscored_type', 'zero_weight']).nullable(),
});

export const controlScoreDto = z
  .strictObject({
    controlId: z.string(),
    title: z.string(),
    theme: z.enum(themes),
    applicable: z.boolean(),
    notApplicableReason: z.string().nullable(),
    baseWeight: z.number(),
    multipliers: z.array(z.strictObject({ factor: z.number(), reason: z.string() })),
    weight: z.number(),
    /** 0…1 */
    score: z.number(),
    answered: z.boolean(),
    /** A question of the questionnaire maps to it. */
    asked: z.boolean(),
    /** The engagement requires it: it counts even when not asked. */
    required: z.boolean(),
    questions: z.array(questionBreakdownDto),
    soaRow: z.strictObject({ applicable: z.boolean().nullable(), implementation: z.enum(['full', 'partial', 'none']).nullable(), justification: z.string() }).nullable(),
  })
  .meta({ id: 'ControlScore' });

export const scoreResultDto = z
  .strictObject({
    overall: z.number(),
    overallRounded: z.number(),
    rating: z.enum(ratings),
    uncappedRating: z.enum(ratings),
    ratingCappedBy: z.enum(['critical', 'high']).nullable(),
    residualRisk: z.enum(residualRisks),
    /** answered / applicable; `asked` of the `catalog`'s controls are asked about; `requiredNotAsked` count as 0. */
    coverage: z.strictObject({
      answered: z.number().int(),
      applicable: z.number().int(),
      ratio: z.number(),
      asked: z.number().int(),
      catalog: z.number().int(),
      requiredNotAsked: z.array(z.string()),
    }),
    themes: z.array(z.strictObject({ theme: z.enum(themes), score: z.number(), weight: z.number() })),
    controls: z.array(controlScoreDto),
    gaps: z.array(z.strictObject({ controlId: z.string(), score: z.number(), weight: z.number(), severity: z.enum(severities) })),
  })
  .meta({ id: 'ScoreResult' });
export type ScoreResultDto = z.infer<typeof scoreResultDto>;
export type ControlScoreDto = z.infer<typeof controlScoreDto>;

/** `GET /api/assessments/:id/score`. */
export const scoreResponse = z.strictObject({ score: scoreResultDto });
