import { z } from 'zod';
import { id, text } from './common';

/**
 * The value of one answer, by the question's answer type:
 * - `yes_no`: "yes" | "partial" | "no" | "na";
 * - `single_choice`: an option key (an option with credit null means n.a.);
 * - `multiple_choice`: distinct option keys (an n.a. option stands alone);
 * - `text`: a string; `date`: "YYYY-MM-DD"; `number`: a finite number;
 * - `null`: not answered (clearing an answer while drafting).
 * Which shape fits which question is checked against the question itself
 * (see `shared/answers/check.ts`), not by this schema.
 */
export const answerValue = z.union(
  [
    z.string().max(20000, { message: 'must be at most 20000 characters' }),
    z.array(z.string().max(40)).max(30, { message: 'must hold at most 30 choices' }),
    z.number().finite({ message: 'must be a finite number' }),
    z.null(),
  ],
  { message: 'must be a string, a list of option keys, a number or null' },
);
export type AnswerValue = z.infer<typeof answerValue>;

/** `PUT /api/assessments/:id/answers/:questionId`. The comment is the justification an n.a. answer needs. */
export const answerInput = z
  .strictObject({
    value: answerValue,
    comment: text(4000).optional(),
    evidenceIds: z.array(id).max(50, { message: 'must hold at most 50 documents' }).optional(),
  })
  .meta({ id: 'AnswerInput' });
export type AnswerInput = z.infer<typeof answerInput>;

/** A buyer's verdict on one answer. */
export const reviewVerdicts = ['accepted', 'rejected', 'clarification_requested'] as const;
export type ReviewVerdict = (typeof reviewVerdicts)[number];
