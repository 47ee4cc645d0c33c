import { checkAnswer, visibleQuestionKeys } from '../../shared/answers/check';
import type { AnswerValue, ReviewVerdict } from '../../shared/schemas/answer';
import { buyerManagerRoles, providerMemberRoles, type Role } from '../../shared/roles';
import { reusePromise, type AssessmentStatus, type CreateAssessmentBody, type SuggestionStatus } from '../../shared/schemas/assessment';
import { allQuestions, type Question, type TemplateContent } from '../../shared/schemas/template';
import type { Database } from '../db/database';
import type { Deps } from '../deps';
import { AppError, invalid, notFound } from '../errors';
import type { RequestOrigin } from '../repositories/audit';
import { authorize, type Action } from '../policies';
import type { Actor } from '../policies/actor';
import { answerMap, assessmentSubject } from '../presenters/assessment';
import { templateSubject } from '../presenters/template';
import {
  deleteAnswer,
  earlierAnswersOfProvider,
  findAssessment,
  insertAssessment,
  insertComment,
  listAnswers,
  recipients,
  setAssessmentStatus,
  setVerdict,
  upsertAnswer,
  type AssessmentRow,
} from '../repositories/assessment';
import { recordAudit } from '../repositories/audit';
import { refreshEngagements } from '../findings/summary';
import { ownDocumentIds, setEvidence } from '../repositories/document';
import type { EngagementRow } from '../repositories/engagement';
import { templateContents, type TemplateRow } from '../repositories/template';

const today = () => new Date().toISOString().slice(0, 10);

/** Creates a draft questionnaire for an engagement from the template's current version (the snapshot it will keep). */
export async function createAssessment(deps: Deps, actor: Actor, e: EngagementRow, t: TemplateRow, body: CreateAssessmentBody, origin: RequestOrigin): Promise<string> {
  if (templateSubject(t).archived) throw invalid([{ path: 'templateId', message: 'is an archived template' }]);
  if (body.dueDate < today()) throw invalid([{ path: 'dueDate', message: 'must be today or later' }]);
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertAssessment(trx, actor, {
      engagementId: e.id,
      providerOrgId: e.provider_org_id,
      templateVersionId: t.version_id,
      title: body.title ?? `${t.name} — ${e.name}`,
      dueDate: body.dueDate,
    });
    await recordAudit(trx, origin, { action: 'assessment.created', organizationId: actor.organizationId, targetType: 'assessment', targetId: id, details: { engagementId: e.id, template: t.name, version: t.current_version } });
    return id;
  });
}

/**
 * Runs `work` on the assessment locked FOR UPDATE after checking the policy
 * on the locked row: concurrent saves and submits serialize, so nothing
 * changes after a submit unless the buyer returns the questionnaire.
 */
export async function withLockedAssessment<T>(deps: Deps, actor: Actor, id: string, action: Action, work: (trx: Database, a: AssessmentRow) => Promise<T>): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    const a = await findAssessment(trx, actor, id, { lock: true });
    if (!a) throw notFound('Assessment');
    authorize(actor, action as 'assessment.send', assessmentSubject(a));
    return work(trx, a);
  });
}

function questionOf(content: TemplateContent, key: string): Question {
  const q = allQuestions(content).find((x) => x.key === key);
  if (!q) throw notFound('Question');
  return q;
}

const link = (deps: Deps, id: string) => `${deps.config.appUrl}/assessments/${id}`;

async function notify(deps: Deps, organizationId: string, roles: readonly Role[], subject: string, text: string, url?: string): Promise<void> {
  for (const r of await recipients(deps.db, organizationId, roles)) {
    await deps.mailer.send({ to: r.email, subject, text: `Hello ${r.name},\n\n${text}\n`, link: url });
  }
}

/** Sends a draft to the provider and emails its users. */
export async function sendAssessment(deps: Deps, actor: Actor, id: string, origin: RequestOrigin): Promise<void> {
  const a = await withLockedAssessment(deps, actor, id, 'assessment.send', async (trx, a) => {
    await setAssessmentStatus(trx, a.id, 'sent');
    await recordAudit(trx, origin, { action: 'assessment.sent', organizationId: actor.organizationId, targetType: 'assessment', targetId: a.id, details: { providerOrgId: a.provider_org_id, dueDate: a.due_date } });
    return a;
  });
  await notify(
    deps,
    a.provider_org_id,
    providerMemberRoles,
    `${a.buyer_name} sent you a security questionnaire: ${a.title}`,
    `${a.buyer_name} asks you to answer "${a.title}" (${allQuestions(a.content).length} questions) by ${a.due_date}.\n\nOpen it here: ${link(deps, a.id)}\n\n${reusePromise}`,
  );
}

export interface SaveResult {
  values: Map<string, AnswerValue>;
}

/**
 * Saves (or clears, with value null) one answer: the question must exist and
 * be shown under the current answers, the value must fit it, and an n.a.
 * answer needs a justification. The first answer moves a sent questionnaire
 * to in progress, and an answer to a returned one takes it back to in progress.
 */
export async function saveAnswer(
  deps: Deps,
  actor: Actor,
  id: string,
  questionKey: string,
  input: { value: AnswerValue; comment?: string | null; evidenceIds?: string[] },
  origin: RequestOrigin,
  { sourceAnswerId = null as string | null } = {},
): Promise<AssessmentRow> {
  return withLockedAssessment(deps, actor, id, 'assessment.answer', async (trx, a) => {
    const question = questionOf(a.content, questionKey);
    const answers = answerMap(await listAnswers(trx, a.id));
    if (!visibleQuestionKeys(a.content, answers).has(questionKey)) {
      const target = question.condition?.questionKey;
      throw invalid([{ path: 'questionKey', message: `is hidden: it is asked only when question "${target}" is answered ${question.condition?.anyOf.join(' or ')}` }]);
    }
    const comment = input.comment?.trim() ? input.comment.trim() : null;
    if (input.value === null) {
      await deleteAnswer(trx, a.id, questionKey);
    } else {
      const problem = checkAnswer(question, { value: input.value, comment });
      if (problem) throw invalid([{ path: problem.field, message: problem.message }]);
      const answerId = await upsertAnswer(trx, { assessmentId: a.id, questionKey, value: input.value, comment, userId: actor.userId, sourceAnswerId });
      if (input.evidenceIds !== undefined) {
        if (input.evidenceIds.length > 0 && question.evidence === 'none') throw invalid([{ path: 'evidenceIds', message: 'this question takes no evidence' }]);
        const ids = [...new Set(input.evidenceIds)];
        const own = await ownDocumentIds(trx, actor, ids);
        const unknown = input.evidenceIds.map((d, i) => ({ d, i })).filter(({ d }) => !own.has(d));
        if (unknown.length) throw invalid(unknown.map(({ i }) => ({ path: `evidenceIds.${i}`, message: 'is not a document of your library' })));
        await setEvidence(trx, answerId, ids);
      }
    }
    if (a.status === 'sent' || a.status === 'returned') await setAssessmentStatus(trx, a.id, 'in_progress');
    if (sourceAnswerId) {
      await recordAudit(trx, origin, { action: 'answer.reused', organizationId: actor.organizationId, targetType: 'assessment', targetId: a.id, details: { questionKey, sourceAnswerId } });
    }
    return a;
  });
}

/** Submits the answers: every question shown must be answered. */
export async function submitAssessment(deps: Deps, actor: Actor, id: string, origin: RequestOrigin): Promise<void> {
  const a = await withLockedAssessment(deps, actor, id, 'assessment.submit', async (trx, a) => {
    const answers = answerMap(await listAnswers(trx, a.id));
    const visible = visibleQuestionKeys(a.content, answers);
    const unanswered = allQuestions(a.content)
      .filter((q) => visible.has(q.key) && !answers.has(q.key))
      .map((q) => q.key);
    if (unanswered.length > 0) {
      throw new AppError('INVALID_STATE', `${unanswered.length} question${unanswered.length === 1 ? ' is' : 's are'} not answered yet`, { unanswered });
    }
    await setAssessmentStatus(trx, a.id, 'submitted');
    await recordAudit(trx, origin, { action: 'assessment.submitted', organizationId: actor.organizationId, targetType: 'assessment', targetId: a.id, details: { answers: answers.size } });
    return a;
  });
  await refreshEngagements(deps, [a.engagement_id]);
  await notify(deps, a.buyer_org_id, buyerManagerRoles, `${a.provider_name} submitted ${a.title}`, `${a.provider_name} submitted its answers to "${a.title}". Review them here: ${link(deps, a.id)}`);
}

/** The buyer's verdict on one answer, with an optional comment in the answer's thread. */
export async function reviewAnswer(deps: Deps, actor: Actor, id: string, questionKey: string, body: { verdict: ReviewVerdict; comment?: string }, origin: RequestOrigin): Promise<void> {
  const engagementId = await withLockedAssessment(deps, actor, id, 'assessment.review', async (trx, a) => {
    questionOf(a.content, questionKey);
    if (!(await setVerdict(trx, a.id, questionKey, body.verdict, actor.userId))) {
      throw new AppError('INVALID_STATE', 'This question has no answer to review');
    }
    if (body.comment) await insertComment(trx, actor, a.id, questionKey, body.comment);
    await recordAudit(trx, origin, { action: 'answer.reviewed', organizationId: actor.organizationId, targetType: 'assessment', targetId: a.id, details: { questionKey, verdict: body.verdict } });
    return a.engagement_id;
  });
  await refreshEngagements(deps, [engagementId]);
}

/** Buyer-side transitions of a submitted questionnaire (return, complete) and cancellation. */
export async function transitionAssessment(
  deps: Deps,
  actor: Actor,
  id: string,
  step: { action: 'assessment.return' | 'assessment.complete' | 'assessment.cancel'; to: AssessmentStatus; message?: string },
  origin: RequestOrigin,
): Promise<void> {
  const a = await withLockedAssessment(deps, actor, id, step.action, async (trx, a) => {
    await setAssessmentStatus(trx, a.id, step.to, step.to === 'returned' ? { returnMessage: step.message?.trim() || null } : {});
    await recordAudit(trx, origin, { action: `assessment.${step.to}`, organizationId: actor.organizationId, targetType: 'assessment', targetId: a.id, details: step.message ? { message: step.message } : {} });
    return a;
  });
  await refreshEngagements(deps, [a.engagement_id]);
  if (step.to === 'returned') {
    await notify(deps, a.provider_org_id, providerMemberRoles, `${a.buyer_name} returned ${a.title} for changes`, `${a.buyer_name} returned "${a.title}" to you.${step.message ? `\n\nTheir message: ${step.message}` : ''}\n\nOpen it here: ${link(deps, a.id)}`);
  }
}

/** Adds a comment to one answer's thread (both sides). */
export async function commentOnAnswer(deps: Deps, actor: Actor, id: string, questionKey: string, body: string, origin: RequestOrigin): Promise<string> {
  return withLockedAssessment(deps, actor, id, 'assessment.comment', async (trx, a) => {
    questionOf(a.content, questionKey);
    const commentId = await insertComment(trx, actor, a.id, questionKey, body);
    await recordAudit(trx, origin, { action: 'answer.commented', organizationId: actor.organizationId, targetType: 'assessment', targetId: a.id, details: { questionKey } });
    return commentId;
  });
}

export interface Suggestion {
  questionKey: string;
  sourceAnswerId: string;
  value: AnswerValue;
  comment: string | null;
  sharedControlIds: string[];
  source: { questionText: string; status: SuggestionStatus; statusAt: string };
}

/**
 * For each unanswered question, the provider's best earlier submitted answer
 * (accepted by a buyer before not yet reviewed before returned for changes,
 * then the most recent; never a rejected one), to a question of the same
 * answer type mapped to at least one of the same controls, whose value is
 * valid for this question. Only the provider's own assessments are read
 * (tenancy in the SQL), and the source never says which buyer.
 */
export async function suggestAnswers(db: Database, actor: Actor, a: AssessmentRow): Promise<Suggestion[]> {
  const current = answerMap(await listAnswers(db, a.id));
  const open = allQuestions(a.content).filter((q) => !current.has(q.key) && q.controlIds.length > 0);
  if (open.length === 0) return [];
  const earlier = await earlierAnswersOfProvider(db, actor, a.id);
  const contents = await templateContents(db, earlier.map((x) => x.template_version_id));
  // Each template version's questions by key, once: the candidates now include every submitted answer, not only accepted ones.
  const questionsOf = new Map([...contents].map(([versionId, content]) => [versionId, new Map(allQuestions(content).map((x) => [x.key, x]))]));
  const candidates = earlier.flatMap((c) => {
    const sourceQuestion = questionsOf.get(c.template_version_id)?.get(c.question_key);
    return sourceQuestion ? [{ ...c, sourceQuestion }] : [];
  });
  const suggestions: Suggestion[] = [];
  for (const q of open) {
    for (const { sourceQuestion, ...candidate } of candidates) {
      if (sourceQuestion.answerType !== q.answerType) continue;
      const shared = q.controlIds.filter((c) => sourceQuestion.controlIds.includes(c));
      if (shared.length === 0) continue;
      if (checkAnswer(q, { value: candidate.value, comment: candidate.comment })) continue;
      suggestions.push({
        questionKey: q.key,
        sourceAnswerId: candidate.id,
        value: candidate.value,
        comment: candidate.comment,
        sharedControlIds: shared,
        source: { questionText: sourceQuestion.text, status: candidate.status, statusAt: candidate.status_at.toISOString() },
      });
      break;
    }
  }
  return suggestions;
}

export interface ImportedAnswer {
  questionKey: string;
  value: AnswerValue;
  comment: string | null;
  /** The workbook row, for the report. */
  row: number;
}

/**
 * Applies answers from an offline workbook, all or nothing: every row must
 * name a question of this questionnaire that is shown once all imported
 * answers are in place, and fit it. Any problem → nothing is saved and every
 * problem is reported with its row. Returns how many answers changed.
 */
export async function importAnswers(deps: Deps, actor: Actor, id: string, rows: ImportedAnswer[], origin: RequestOrigin): Promise<number> {
  return withLockedAssessment(deps, actor, id, 'assessment.answer', async (trx, a) => {
    const questions = new Map(allQuestions(a.content).map((q) => [q.key, q]));
    const existing = await listAnswers(trx, a.id);
    const current = answerMap(existing);
    const comments = new Map(existing.map((x) => [x.question_key, x.comment]));
    const merged = new Map(current);
    for (const r of rows) merged.set(r.questionKey, r.value);
    const visible = visibleQuestionKeys(a.content, merged);
    const problems: { row: number; column: string; message: string }[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      const q = questions.get(r.questionKey);
      if (!q) {
        problems.push({ row: r.row, column: 'Question id', message: `"${r.questionKey}" is not a question of this questionnaire` });
        continue;
      }
      if (seen.has(r.questionKey)) problems.push({ row: r.row, column: 'Question id', message: `"${r.questionKey}" is answered twice` });
      seen.add(r.questionKey);
      if (!visible.has(r.questionKey)) {
        problems.push({ row: r.row, column: 'Answer', message: `question "${r.questionKey}" is not asked with these answers (it depends on "${q.condition?.questionKey}")` });
        continue;
      }
      const problem = checkAnswer(q, { value: r.value, comment: r.comment });
      if (problem) problems.push({ row: r.row, column: problem.field === 'comment' ? 'Comment / justification' : 'Answer', message: problem.message });
    }
    if (problems.length) {
      throw new AppError('VALIDATION_FAILED', `The workbook has ${problems.length} problem${problems.length === 1 ? '' : 's'}: nothing was imported`, { problems, fields: [{ path: 'file', message: 'has problems, listed in details.problems' }] });
    }
    let changed = 0;
    for (const r of rows) {
      const comment = r.comment?.trim() || null;
      if (JSON.stringify(current.get(r.questionKey)) === JSON.stringify(r.value) && (comments.get(r.questionKey) ?? null) === comment) continue;
      await upsertAnswer(trx, { assessmentId: a.id, questionKey: r.questionKey, value: r.value, comment, userId: actor.userId, sourceAnswerId: null });
      changed++;
    }
    if (changed > 0 && (a.status === 'sent' || a.status === 'returned')) await setAssessmentStatus(trx, a.id, 'in_progress');
    await recordAudit(trx, origin, { action: 'assessment.imported', organizationId: actor.organizationId, targetType: 'assessment', targetId: a.id, details: { rows: rows.length, changed } });
    return changed;
  });
}
