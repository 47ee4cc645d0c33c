import { answerProgress, visibleQuestionKeys } from '../../shared/answers/check';
import type { AnswerValue } from '../../shared/schemas/answer';
import type { AssessmentAbilities, AssessmentDto, AssessmentSummaryDto, CommentDto } from '../../shared/schemas/assessment';
import { can } from '../policies';
import { isBuyer, type Actor } from '../policies/actor';
import type { AnswerRow, AssessmentRow, CommentRow } from '../repositories/assessment';
import { neutralizeFileName } from '../uploads/file-name';

export const assessmentSubject = (a: AssessmentRow) => ({ buyerOrgId: a.buyer_org_id, providerOrgId: a.provider_org_id, status: a.status });

/** What the actor may do with the assessment now: the client shows exactly these buttons. */
export function assessmentAbilities(actor: Actor, a: AssessmentRow): AssessmentAbilities {
  const s = assessmentSubject(a);
  return {
    send: can(actor, 'assessment.send', s),
    answer: can(actor, 'assessment.answer', s),
    submit: can(actor, 'assessment.submit', s),
    review: can(actor, 'assessment.review', s),
    return: can(actor, 'assessment.return', s),
    complete: can(actor, 'assessment.complete', s),
    cancel: can(actor, 'assessment.cancel', s),
    comment: can(actor, 'assessment.comment', s),
  };
}

/** The provider's working answers stay private until its first submission. */
export const buyerSeesAnswers = (actor: Actor, a: AssessmentRow) => !isBuyer(actor) || a.submitted_at !== null;

export const answerMap = (answers: readonly { question_key: string; value: AnswerValue }[]) => new Map(answers.map((x) => [x.question_key, x.value]));

export function presentAssessmentSummary(actor: Actor, a: AssessmentRow, answers: ReadonlyMap<string, AnswerValue>): AssessmentSummaryDto {
  return {
    id: a.id,
    title: a.title,
    status: a.status,
    dueDate: a.due_date,
    engagement: { id: a.engagement_id, name: a.engagement_name },
    buyer: { id: a.buyer_org_id, name: a.buyer_name },
    provider: { id: a.provider_org_id, name: a.provider_name },
    template: { name: a.template_name, version: a.template_version },
    progress: answerProgress(a.content, answers),
    sentAt: a.sent_at?.toISOString() ?? null,
    submittedAt: a.submitted_at?.toISOString() ?? null,
    completedAt: a.completed_at?.toISOString() ?? null,
    createdAt: a.created_at.toISOString(),
    abilities: assessmentAbilities(actor, a),
  };
}

export function presentComment(c: CommentRow): CommentDto & { questionKey: string } {
  return { id: c.id, questionKey: c.question_key, author: c.author_name, side: c.author_kind === 'buyer' ? 'buyer' : 'provider', body: c.body, createdAt: c.created_at.toISOString() };
}

export type EvidenceRow = { question_key: string; id: string; title: string; kind: string; original_name: string; uploaded_at: Date };

export function presentAnswer(a: AnswerRow, evidence: readonly EvidenceRow[] = []) {
  return {
    questionKey: a.question_key,
    value: a.value,
    comment: a.comment,
    updatedAt: a.updated_at.toISOString(),
    updatedBy: a.updated_by_name,
    reused: a.source_answer_id !== null,
    review: a.verdict && a.reviewed_at ? { verdict: a.verdict, reviewedAt: a.reviewed_at.toISOString(), reviewedBy: a.reviewed_by_name } : null,
    evidence: evidence
      .filter((e) => e.question_key === a.question_key)
      .map((e) => ({ id: e.id, title: e.title, kind: e.kind, originalName: neutralizeFileName(e.original_name), uploadedAt: e.uploaded_at.toISOString() })),
  };
}

export function presentAssessment(actor: Actor, a: AssessmentRow, answers: AnswerRow[], comments: CommentRow[], evidence: readonly EvidenceRow[] = []): AssessmentDto {
  const shown = buyerSeesAnswers(actor, a) ? answers : [];
  const values = answerMap(answers);
  return {
    ...presentAssessmentSummary(actor, a, values),
    content: a.content,
    answers: shown.map((x) => presentAnswer(x, evidence)),
    comments: comments.map(presentComment),
    visibleQuestionKeys: [...visibleQuestionKeys(a.content, values)],
    returnMessage: a.return_message,
  };
}
