import { z } from 'zod';
import { answerInput } from '../../shared/schemas/answer';
import {
  acceptSuggestionBody,
  answerDto,
  answerImportResult,
  answerSaveResult,
  assessmentDto,
  assessmentStatuses,
  assessmentSummaryDto,
  commentBody,
  createAssessmentBody,
  questionKeyParams,
  returnBody,
  reviewBody,
  suggestionDto,
  threadCommentDto,
  type AnswerSaveResult,
} from '../../shared/schemas/assessment';
import { idParams, repeatedQuery } from '../../shared/schemas/common';
import {
  commentOnAnswer,
  importAnswers,
  createAssessment,
  reviewAnswer,
  saveAnswer,
  sendAssessment,
  submitAssessment,
  suggestAnswers,
  transitionAssessment,
} from '../commands/assessment';
import type { Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { defineRoute, Reply } from '../http/route';
import { authorize } from '../policies';
import type { Actor } from '../policies/actor';
import { answerMap, assessmentSubject, presentAnswer, presentAssessment, presentAssessmentSummary, presentComment } from '../presenters/assessment';
import { engagementSubject } from '../presenters/engagement';
import { answerValuesFor, findAssessment, findAssessmentScoreKey, listAnswers, listAssessments, listComments } from '../repositories/assessment';
import { evidenceOf } from '../repositories/document';
import { findEngagement } from '../repositories/engagement';
import { listFindings } from '../repositories/finding';
import { currentScore } from '../scoring/score-assessment';
import { cachedJson } from '../scoring/score-cache';
import { scopeWithCertificates } from '../findings/derive';
import { refreshIfStale } from '../findings/summary';
import { reportPdf, reportWorkbook } from '../reports/assessment-report';
import { reportScope } from '../reports/scope-section';
import { findTemplate } from '../repositories/template';
import { buildAnswerWorkbook } from '../assessments/offline-workbook';
import { neutralizeFileName } from '../uploads/file-name';
import { receiveSpreadsheet } from '../uploads/spreadsheet';
import { parseOffThread } from '../xlsx/off-thread';
import { answerProgress, visibleQuestionKeys } from '../../shared/answers/check';
import { scoreResponse } from '../../shared/schemas/score';
import { allQuestions } from '../../shared/schemas/template';

const tag = 'Assessments';
const one = z.object({ assessment: assessmentDto });
const statusQuery = z.strictObject({ status: repeatedQuery(z.enum(assessmentStatuses, { message: `must be one of ${assessmentStatuses.join(', ')}` })) });

/** The assessment as the actor sees it now. */
export async function loadAssessmentDto(deps: Deps, actor: Actor, id: string) {
  const a = await findAssessment(deps.db, actor, id);
  if (!a) throw notFound('Assessment');
  const [answers, comments, evidence] = await Promise.all([listAnswers(deps.db, a.id), listComments(deps.db, a.id), evidenceOf(deps.db, a.id)]);
  return presentAssessment(actor, a, answers, comments, evidence);
}

/** After an answer changed: the answer, the progress and which questions are now shown. */
async function answerResult(deps: Deps, actor: Actor, id: string, questionKey: string): Promise<AnswerSaveResult> {
  const a = (await findAssessment(deps.db, actor, id))!;
  const answers = await listAnswers(deps.db, a.id);
  const values = answerMap(answers);
  const row = answers.find((x) => x.question_key === questionKey);
  const evidence = await evidenceOf(deps.db, a.id);
  return { answer: row ? presentAnswer(row, evidence) : null, progress: answerProgress(a.content, values), visibleQuestionKeys: [...visibleQuestionKeys(a.content, values)], status: a.status };
}

function transitionRoute(name: 'send' | 'submit' | 'complete' | 'cancel', summary: string, description: string) {
  return defineRoute({
    method: 'post',
    path: `/api/assessments/:id/${name}`,
    tag,
    summary,
    description,
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The assessment in its new status', schema: one }, 409: { description: 'Not allowed in the current status' } },
    handler: async ({ deps, actor, params, origin }) => {
      if (name === 'send') await sendAssessment(deps, actor, params.id, origin);
      else if (name === 'submit') await submitAssessment(deps, actor, params.id, origin);
      else await transitionAssessment(deps, actor, params.id, { action: `assessment.${name}`, to: name === 'complete' ? 'completed' : 'cancelled' }, origin);
      return { assessment: await loadAssessmentDto(deps, actor, params.id) };
    },
  });
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const assessmentRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/engagements/:id/assessments',
    tag,
    summary: "An engagement's questionnaires",
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'By due date', schema: z.object({ assessments: z.array(assessmentSummaryDto) }) } },
    handler: async ({ deps, actor, params }) => {
      const e = await findEngagement(deps.db, actor, params.id);
      if (!e) throw notFound('Engagement');
      return { assessments: await summaries(deps, actor, { engagementId: e.id }) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/engagements/:id/assessments',
    tag,
    summary: 'Create a questionnaire for an engagement from a template (a draft until sent)',
    description: "The template's current version is snapshotted: later edits of the template never change this questionnaire.",
    access: 'authenticated',
    params: idParams,
    body: createAssessmentBody,
    responses: { 201: { description: 'The draft', schema: one } },
    handler: async ({ deps, actor, params, body, origin }) => {
      const e = await findEngagement(deps.db, actor, params.id);
      if (!e) throw notFound('Engagement');
      authorize(actor, 'assessment.create', engagementSubject(e));
      const t = await findTemplate(deps.db, actor, body.templateId);
      if (!t) throw new AppError('VALIDATION_FAILED', 'Invalid request: templateId: is not one of your templates', { fields: [{ path: 'templateId', message: 'is not one of your templates' }] });
      const id = await createAssessment(deps, actor, e, t, body, origin);
      return new Reply(201, { assessment: await loadAssessmentDto(deps, actor, id) });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/assessments',
    tag,
    summary: 'Questionnaires: a buyer sees those it sent, a provider its inbox',
    access: 'authenticated',
    query: statusQuery,
    responses: { 200: { description: 'By due date', schema: z.object({ assessments: z.array(assessmentSummaryDto) }) } },
    handler: async ({ deps, actor, query }) => ({ assessments: await summaries(deps, actor, { status: query.status }) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/assessments/:id',
    tag,
    summary: 'One questionnaire with its questions (as sent), answers, reviews and comments',
    description: "A buyer sees the answers once the provider has submitted; before that, only the progress.",
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The assessment', schema: one } },
    handler: async ({ deps, actor, params }) => ({ assessment: await loadAssessmentDto(deps, actor, params.id) }),
  }),
  transitionRoute('send', 'Send a draft to the provider (buyer)', "The provider's users are notified by email."),
  transitionRoute('submit', 'Submit the answers (provider)', 'Every question shown must be answered (409 lists the unanswered ones). Answers cannot change afterwards unless the buyer returns the questionnaire.'),
  transitionRoute('complete', 'Complete the review of a submitted questionnaire (buyer)', 'Only the buyer completes.'),
  transitionRoute('cancel', 'Cancel a questionnaire (buyer)', 'Any status but completed.'),
  defineRoute({
    method: 'post',
    path: '/api/assessments/:id/return',
    tag,
    summary: 'Return a submitted questionnaire to the provider for changes (buyer)',
    access: 'authenticated',
    params: idParams,
    body: returnBody,
    responses: { 200: { description: 'The returned assessment', schema: one } },
    handler: async ({ deps, actor, params, body, origin }) => {
      await transitionAssessment(deps, actor, params.id, { action: 'assessment.return', to: 'returned', message: body.message }, origin);
      return { assessment: await loadAssessmentDto(deps, actor, params.id) };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/assessments/:id/answers/:questionKey',
    tag,
    summary: 'Save (autosave) one answer; value null clears it (provider)',
    description: 'The value must fit the question (yes/partial/no/na, an option key, option keys, text, YYYY-MM-DD, number). An n.a. answer needs a justification in `comment`. A question hidden by its condition cannot be answered.',
    access: 'authenticated',
    params: questionKeyParams,
    body: answerInput,
    responses: { 200: { description: 'The saved answer, the progress and the questions now shown', schema: answerSaveResult } },
    handler: async ({ deps, actor, params, body, origin }) => {
      await saveAnswer(deps, actor, params.id, params.questionKey, body, origin);
      return answerResult(deps, actor, params.id, params.questionKey);
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/assessments/:id/answers/:questionKey/review',
    tag,
    summary: 'Accept, reject or ask for clarification on one answer (buyer)',
    access: 'authenticated',
    params: questionKeyParams,
    body: reviewBody,
    responses: { 200: { description: 'The reviewed answer', schema: z.object({ answer: answerDto }) } },
    handler: async ({ deps, actor, params, body, origin }) => {
      await reviewAnswer(deps, actor, params.id, params.questionKey, body, origin);
      const row = (await listAnswers(deps.db, params.id)).find((x) => x.question_key === params.questionKey)!;
      return { answer: presentAnswer(row, await evidenceOf(deps.db, params.id)) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/assessments/:id/answers/:questionKey/comments',
    tag,
    summary: "Comment in one answer's thread (both sides)",
    access: 'authenticated',
    params: questionKeyParams,
    body: commentBody,
    responses: { 201: { description: 'The comment', schema: z.object({ comment: threadCommentDto }) } },
    handler: async ({ deps, actor, params, body, origin }) => {
      const id = await commentOnAnswer(deps, actor, params.id, params.questionKey, body.body, origin);
      const comment = (await listComments(deps.db, params.id)).find((c) => c.id === id)!;
      return new Reply(201, { comment: presentComment(comment) });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/assessments/:id/suggestions',
    tag,
    summary: 'Your earlier submitted answers to questions mapped to the same controls (provider)',
    description: 'Accepted answers first, then those not reviewed yet, then those returned for changes; never rejected ones. Each says its status, never which buyer. Nothing is filled in: accept a suggestion explicitly with the reuse endpoint.',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'At most one suggestion per unanswered question', schema: z.object({ suggestions: z.array(suggestionDto) }) } },
    handler: async ({ deps, actor, params }) => {
      const a = await findAssessment(deps.db, actor, params.id);
      if (!a) throw notFound('Assessment');
      authorize(actor, 'assessment.answer', { buyerOrgId: a.buyer_org_id, providerOrgId: a.provider_org_id, status: a.status });
      return { suggestions: await suggestAnswers(deps.db, actor, a) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/assessments/:id/answers/:questionKey/reuse',
    tag,
    summary: 'Fill one answer from a suggestion (provider)',
    access: 'authenticated',
    params: questionKeyParams,
    body: acceptSuggestionBody,
    responses: { 200: { description: 'The saved answer', schema: answerSaveResult } },
    handler: async ({ deps, actor, params, body, origin }) => {
      const a = await findAssessment(deps.db, actor, params.id);
      if (!a) throw notFound('Assessment');
      authorize(actor, 'assessment.answer', { buyerOrgId: a.buyer_org_id, providerOrgId: a.provider_org_id, status: a.status });
      if (!allQuestions(a.content).some((q) => q.key === params.questionKey)) throw notFound('Question');
      const suggestion = (await suggestAnswers(deps.db, actor, a)).find((s) => s.questionKey === params.questionKey && s.sourceAnswerId === body.sourceAnswerId);
      if (!suggestion) throw new AppError('VALIDATION_FAILED', 'Invalid request: sourceAnswerId: is not a current suggestion for this question', { fields: [{ path: 'sourceAnswerId', message: 'is not a current suggestion for this question' }] });
      await saveAnswer(deps, actor, params.id, params.questionKey, { value: suggestion.value, comment: suggestion.comment }, origin, { sourceAnswerId: suggestion.sourceAnswerId });
      return answerResult(deps, actor, params.id, params.questionKey);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/assessments/:id/export',
    tag,
    summary: 'Download the questionnaire as an xlsx to answer offline (provider)',
    description: 'Question ids are locked, allowed answers are dropdowns, current answers are filled in. Upload it back with POST /api/assessments/:id/import.',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The workbook', contentType: XLSX_TYPE } },
    handler: async ({ res, deps, actor, params }) => {
      const a = await findAssessment(deps.db, actor, params.id);
      if (!a) throw notFound('Assessment');
      authorize(actor, 'assessment.answer', assessmentSubject(a));
      const answers = await listAnswers(deps.db, a.id);
      const buffer = await buildAnswerWorkbook({
        assessmentId: a.id,
        title: a.title,
        buyerName: a.buyer_name,
        dueDate: a.due_date,
        content: a.content,
        answers: new Map(answers.map((x) => [x.question_key, { value: x.value, comment: x.comment }])),
      });
      res.attachment(`${a.title.replace(/[^\w.-]+/g, '-').slice(0, 80)}.xlsx`);
      res.type(XLSX_TYPE);
      res.send(buffer);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/assessments/:id/import',
    tag,
    summary: 'Upload a filled offline workbook: all answers or none (provider)',
    description: 'Every row is checked; if any is wrong nothing is saved and details.problems lists each problem with its row and column. Empty answer cells keep the current answer.',
    access: 'authenticated',
    params: idParams,
    bodyType: 'multipart',
    body: z.strictObject({}),
    before: () => [receiveSpreadsheet(['xlsx'])],
    responses: { 200: { description: 'How many answers changed, and the questionnaire', schema: answerImportResult }, 400: { description: 'Problems by row and column; nothing was imported' } },
    handler: async ({ req, deps, actor, params, origin }) => {
      const a = await findAssessment(deps.db, actor, params.id);
      if (!a) throw notFound('Assessment');
      authorize(actor, 'assessment.answer', assessmentSubject(a));
      const parsed = await parseOffThread('answerWorkbook', [req.spreadsheet!.buffer, a.content], 'xlsx');
      if (!parsed.ok) {
        throw new AppError('VALIDATION_FAILED', `The workbook has ${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}: nothing was imported`, { problems: parsed.problems, fields: [{ path: 'file', message: 'has problems, listed in details.problems' }] });
      }
      const applied = await importAnswers(deps, actor, a.id, parsed.rows, origin);
      return { applied, assessment: await loadAssessmentDto(deps, actor, a.id) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/assessments/:id/score',
    tag,
    summary: 'The score of a submitted questionnaire with its full breakdown (buyer)',
    description: 'Overall and theme scores (0–100), rating and its cap by open findings, residual risk, coverage, and per control the questions, answers, credits, weights and multipliers behind it. The method is in docs/scoring.md.',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The score', schema: scoreResponse }, 409: { description: 'Not submitted yet' } },
    handler: async ({ deps, actor, params }) => {
      const a = await findAssessmentScoreKey(deps.pool, actor, params.id);
      if (!a) throw notFound('Assessment');
      authorize(actor, 'assessment.score', { buyerOrgId: a.buyer_org_id, providerOrgId: a.provider_org_id, status: a.status });
      if (!a.submitted_at) throw new AppError('INVALID_STATE', 'The questionnaire has not been submitted yet: there is nothing to score');
      const today = new Date().toISOString().slice(0, 10);
      // Served again until anything the score reads changes (a new revision) or the day does.
      return cachedJson(deps.db, `score:${a.id}:${a.facts_revision}:${today}`, async () => ({ score: await currentScore(deps.db, a, today) }));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/assessments/:id/report',
    tag,
    summary: 'The assessment report as PDF or xlsx: score, breakdown, findings, evidence with SHA-256 (buyer)',
    access: 'authenticated',
    params: idParams,
    query: z.strictObject({ format: z.enum(['pdf', 'xlsx'], { message: 'must be pdf or xlsx' }).default('pdf') }),
    responses: { 200: { description: 'The report file', contentType: 'application/pdf' }, 409: { description: 'Not submitted yet' } },
    handler: async ({ res, deps, actor, params, query }) => {
      const a = await findAssessment(deps.db, actor, params.id);
      if (!a) throw notFound('Assessment');
      authorize(actor, 'assessment.score', assessmentSubject(a));
      if (!a.submitted_at) throw new AppError('INVALID_STATE', 'The questionnaire has not been submitted yet: there is nothing to report');
      const e = (await findEngagement(deps.db, actor, a.engagement_id))!;
      // The findings as the rules raise them today, like the findings page: a report is read away from the portal.
      await refreshIfStale(deps.db, e);
      const findings = await listFindings(deps.db, actor, e.id);
      const today = new Date().toISOString().slice(0, 10);
      const score = await currentScore(deps.db, a, today);
      const judged = await scopeWithCertificates(deps.db, e, today);
      const questions = new Map(a.content.sections.flatMap((s) => s.questions).map((q) => [q.key, q.text]));
      const data = {
        title: a.title,
        engagement: e.name,
        buyer: a.buyer_name,
        provider: a.provider_name,
        submittedAt: a.submitted_at.toISOString(),
        generatedAt: new Date().toISOString(),
        score,
        findings: findings.map((f) => ({ severity: f.severity, code: f.code, title: f.title, explanation: f.explanation, status: f.status })),
        evidence: (await evidenceOf(deps.db, a.id)).map((x) => ({ question: questions.get(x.question_key) ?? x.question_key, title: x.title, fileName: neutralizeFileName(x.original_name), sha256: x.sha256, uploadedAt: x.uploaded_at.toISOString() })),
        scope: reportScope(judged.scope, judged.certificates, judged.contracted),
      };
      const name = `${a.title.replace(/[^\w.-]+/g, '-').slice(0, 80)}-report`;
      if (query.format === 'xlsx') {
        res.attachment(`${name}.xlsx`);
        res.type(XLSX_TYPE);
        res.send(await reportWorkbook(data));
      } else {
        res.attachment(`${name}.pdf`);
        res.type('application/pdf');
        res.send(await reportPdf(data));
      }
    },
  }),
];

/** Summaries with their progress, answers loaded in one query for the whole page. */
async function summaries(deps: Deps, actor: Actor, filter: Parameters<typeof listAssessments>[2]) {
  const rows = await listAssessments(deps.db, actor, filter);
  if (rows.length === 0) return [];
  const byAssessment = await answerValuesFor(deps.db, rows.map((r) => r.id));
  return rows.map((r) => presentAssessmentSummary(actor, r, byAssessment.get(r.id) ?? new Map()));
}
