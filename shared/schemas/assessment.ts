import { z } from 'zod';
import { id, text } from './common';
import { answerValue, reviewVerdicts } from './answer';
import { templateContent } from './template';

export const assessmentStatuses = ['draft', 'sent', 'in_progress', 'submitted', 'returned', 'completed', 'cancelled'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

export const statusLabels: Record<AssessmentStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  in_progress: 'In progress',
  submitted: 'Submitted',
  returned: 'Returned to provider',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** A calendar date, YYYY-MM-DD, that exists (there is no year 0: the calendar goes from 1 BC to AD 1). */
export const isoDate = z
  .string({ message: 'must be a date (YYYY-MM-DD)' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date (YYYY-MM-DD)' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && d.getUTCFullYear() >= 1;
  }, { message: 'is not a real calendar date' });

export const createAssessmentBody = z
  .strictObject({
    templateId: id,
    dueDate: isoDate,
    title: text(200, { min: 1 }).optional(),
  })
  .meta({ id: 'CreateAssessmentRequest' });
export type CreateAssessmentBody = z.infer<typeof createAssessmentBody>;

export const reviewBody = z
  .strictObject({
    verdict: z.enum(reviewVerdicts, { message: `must be one of ${reviewVerdicts.join(', ')}` }),
    comment: text(4000).optional(),
  })
  .refine((b) => b.verdict === 'accepted' || (b.comment ?? '').length > 0, { message: 'say why when rejecting or asking for clarification', path: ['comment'] })
  .meta({ id: 'ReviewRequest' });
export type ReviewBody = z.infer<typeof reviewBody>;

export const commentBody = z.strictObject({ body: text(4000, { min: 1 }) }).meta({ id: 'CommentRequest' });
export const returnBody = z.strictObject({ message: text(4000).optional() }).meta({ id: 'ReturnRequest' });
export const acceptSuggestionBody = z.strictObject({ sourceAnswerId: id }).meta({ id: 'AcceptSuggestionRequest' });

export const questionKeyParams = z.strictObject({
  id,
  questionKey: z.string().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'is not a question key' }),
});

const orgRef = z.object({ id, name: z.string() });

export const assessmentAbilities = z.object({
  send: z.boolean(),
  answer: z.boolean(),
  submit: z.boolean(),
  review: z.boolean(),
  return: z.boolean(),
  complete: z.boolean(),
  cancel: z.boolean(),
  comment: z.boolean(),
});
export type AssessmentAbilities = z.infer<typeof assessmentAbilities>;

/** Shown questions answered, out of those shown. */
export const answerProgressDto = z.object({ answered: z.number().int(), total: z.number().int() });

export const assessmentSummaryDto = z
  .object({
    id,
    title: z.string(),
    status: z.enum(assessmentStatuses),
    dueDate: z.string(),
    engagement: orgRef,
    buyer: orgRef,
    provider: orgRef,
    template: z.object({ name: z.string(), version: z.number().int() }),
    progress: answerProgressDto,
    sentAt: z.string().nullable(),
    submittedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    createdAt: z.string(),
    abilities: assessmentAbilities,
  })
  .meta({ id: 'AssessmentSummary' });
export type AssessmentSummaryDto = z.infer<typeof assessmentSummaryDto>;

export const commentDto = z
  .object({ id, author: z.string(), side: z.enum(['buyer', 'provider']), body: z.string(), createdAt: z.string() })
  .meta({ id: 'AnswerComment' });
export type CommentDto = z.infer<typeof commentDto>;

/** A comment with the question whose thread it is in (the assessment's comments, a new comment). */
export const threadCommentDto = commentDto.extend({ questionKey: z.string() }).meta({ id: 'ThreadComment' });
export type ThreadCommentDto = z.infer<typeof threadCommentDto>;

export const answerDto = z
  .object({
    questionKey: z.string(),
    value: answerValue,
    comment: z.string().nullable(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
    /** Filled from one of the provider's earlier answers, proposed as a suggestion. */
    reused: z.boolean(),
    review: z.object({ verdict: z.enum(reviewVerdicts), reviewedAt: z.string(), reviewedBy: z.string().nullable() }).nullable(),
    /** Documents attached as evidence. */
    evidence: z.array(z.object({ id, title: z.string(), kind: z.string(), originalName: z.string(), uploadedAt: z.string() })),
  })
  .meta({ id: 'Answer' });
export type AnswerDto = z.infer<typeof answerDto>;

export const assessmentDto = assessmentSummaryDto
  .extend({
    content: templateContent,
    answers: z.array(answerDto),
    comments: z.array(threadCommentDto),
    visibleQuestionKeys: z.array(z.string()),
    /** The buyer's message when it returned the questionnaire for changes. */
    returnMessage: z.string().nullable(),
  })
  .meta({ id: 'Assessment' });
export type AssessmentDto = z.infer<typeof assessmentDto>;

/**
 * After an answer is saved or reused: the answer (null once cleared), the
 * progress, the questions its conditions now show and the status, so the
 * client folds them into its copy without reloading the questionnaire.
 */
export const answerSaveResult = z
  .object({ answer: answerDto.nullable(), progress: answerProgressDto, visibleQuestionKeys: z.array(z.string()), status: z.enum(assessmentStatuses) })
  .meta({ id: 'AnswerSaveResult' });
export type AnswerSaveResult = z.infer<typeof answerSaveResult>;

/** `POST /api/assessments/:id/import`: how many answers changed, and the questionnaire after. */
export const answerImportResult = z.object({ applied: z.number().int(), assessment: assessmentDto }).meta({ id: 'AnswerImportResult' });
export type AnswerImportResult = z.infer<typeof answerImportResult>;


/** Where an earlier answer stands with the buyer it was given to; rejected answers are never proposed. */
export const suggestionStatuses = ['accepted', 'submitted', 'changes_requested'] as const;
export type SuggestionStatus = (typeof suggestionStatuses)[number];

/** The words the provider reads: never which buyer, never its comments. */
export function suggestionStatusLabel(status: SuggestionStatus): string {
  return { accepted: 'accepted by a buyer', submitted: 'submitted, not yet reviewed', changes_requested: 'returned for changes' }[status];
}

/** What the invitation email and the provider's home promise about reuse: exactly what suggestAnswers does. */
export const reusePromise =
  'Answers you submitted to other customers are proposed where a question asks the same kind of answer and maps to the same ISO/IEC 27002 controls: accepted ones first, each marked accepted by a buyer, submitted but not yet reviewed, or returned for changes. Rejected answers are never proposed, and nothing is filled in until you choose it.';

/**
 * An earlier answer the provider submitted (accepted ones first), proposed for
 * a question mapped to the same controls. The source names the original
 * question, not the buyer or its questionnaire.
 */
export const suggestionDto = z
  .object({
    questionKey: z.string(),
    sourceAnswerId: id,
    value: answerValue,
    comment: z.string().nullable(),
    sharedControlIds: z.array(z.string()),
    source: z.object({
      questionText: z.string(),
      status: z.enum(suggestionStatuses),
      /** When it was accepted or returned for changes, or when it was submitted if not yet reviewed. */
      statusAt: z.string(),
    }),
  })
  .meta({ id: 'AnswerSuggestion' });
export type SuggestionDto = z.infer<typeof suggestionDto>;
