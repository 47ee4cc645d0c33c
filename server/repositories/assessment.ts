import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type pg from 'pg';
import type { AnswerValue, ReviewVerdict } from '../../shared/schemas/answer';
import type { Role } from '../../shared/roles';
import type { AssessmentStatus, SuggestionStatus } from '../../shared/schemas/assessment';
import type { TemplateContent } from '../../shared/schemas/template';
import type { DB } from '../db/types';
import type { Actor } from '../policies/actor';
import { templateContents } from './template';

/** An assessment row with the content of its template version (shared and frozen: see templateContents). */
export interface AssessmentRow {
  id: string;
  engagement_id: string;
  engagement_name: string;
  buyer_org_id: string;
  buyer_name: string;
  provider_org_id: string;
  provider_name: string;
  template_version_id: string;
  template_name: string;
  template_version: number;
  content: TemplateContent;
  title: string;
  status: AssessmentStatus;
  due_date: string;
  return_message: string | null;
  created_at: Date;
  sent_at: Date | null;
  submitted_at: Date | null;
  returned_at: Date | null;
  completed_at: Date | null;
  cancelled_at: Date | null;
}

function base(db: Kysely<DB>) {
  return db
    .selectFrom('assessments as a')
    .innerJoin('engagements as e', 'e.id', 'a.engagement_id')
    .innerJoin('organizations as b', 'b.id', 'a.buyer_org_id')
    .innerJoin('organizations as p', 'p.id', 'a.provider_org_id')
    .innerJoin('template_versions as v', 'v.id', 'a.template_version_id')
    .select([
      'a.id',
      'a.engagement_id',
      'e.name as engagement_name',
      'a.buyer_org_id',
      'b.name as buyer_name',
      'a.provider_org_id',
      'p.name as provider_name',
      'a.template_version_id',
      'v.name as template_name',
      'v.version as template_version',
      'a.title',
      'a.status',
      'a.due_date',
      'a.return_message',
      'a.created_at',
      'a.sent_at',
      'a.submitted_at',
      'a.returned_at',
      'a.completed_at',
      'a.cancelled_at',
    ]);
}

/** Buyers see their assessments; providers see those sent to them (never drafts). */
function visibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<{ a: DB['assessments'] }, 'a'>) =>
    actor.organizationKind === 'buyer' ? eb('a.buyer_org_id', '=', actor.organizationId) : eb.and([eb('a.provider_org_id', '=', actor.organizationId), eb('a.status', '<>', 'draft')]);
}

function scoped(db: Kysely<DB>, actor: Actor) {
  return base(db).where(visibleTo(actor));
}

/** What deciding on a score needs of an assessment: who it belongs to, its state and its engagement's score revision. */
export interface AssessmentScoreKey {
  id: string;
  engagement_id: string;
  buyer_org_id: string;
  provider_org_id: string;
  template_version_id: string;
  status: AssessmentStatus;
  submitted_at: Date | null;
  /** Changes (in the same transaction) whenever anything the findings or the score read changes: see the engagement_revisions migration. */
  facts_revision: number;
}

const scoreKeyColumns = 'a.id, a.engagement_id, a.buyer_org_id, a.provider_org_id, a.template_version_id, a.status, a.submitted_at, coalesce(r.revision, 0)::int8 AS facts_revision';
const scoreKeyQuery = {
  buyer: `SELECT ${scoreKeyColumns} FROM assessments a LEFT JOIN engagement_revisions r ON r.engagement_id = a.engagement_id WHERE a.id = $1 AND a.buyer_org_id = $2`,
  provider: `SELECT ${scoreKeyColumns} FROM assessments a LEFT JOIN engagement_revisions r ON r.engagement_id = a.engagement_id WHERE a.id = $1 AND a.provider_org_id = $2 AND a.status <> 'draft'`,
} as const;

/**
 * An assessment the actor may see (the same tenant scope as the other
 * queries here), without its template content, with its engagement's facts
 * revision: the one query of every score request. A named prepared statement
 * on the pool, since each connection then parses and plans it once (the query
 * builder and the planner were most of this hot path's cost).
 */
export async function findAssessmentScoreKey(pool: pg.Pool, actor: Actor, id: string): Promise<AssessmentScoreKey | undefined> {
  const side = actor.organizationKind === 'buyer' ? 'buyer' : 'provider';
  const { rows } = await pool.query<AssessmentScoreKey>({ name: `assessment_score_key_${side}`, text: scoreKeyQuery[side], values: [id, actor.organizationId] });
  return rows[0];
}

/** Rows of the assessment queries with the content of their template versions attached. */
async function withContent(db: Kysely<DB>, rows: Omit<AssessmentRow, 'content'>[]): Promise<AssessmentRow[]> {
  const contents = await templateContents(db, rows.map((r) => r.template_version_id));
  return rows.map((r) => ({ ...r, content: contents.get(r.template_version_id)! }));
}

export async function findAssessment(db: Kysely<DB>, actor: Actor, id: string, { lock = false } = {}): Promise<AssessmentRow | undefined> {
  let q = scoped(db, actor).where('a.id', '=', id);
  if (lock) q = q.forUpdate('a');
  const row = await q.executeTakeFirst();
  return row ? (await withContent(db, [row as unknown as Omit<AssessmentRow, 'content'>]))[0] : undefined;
}

export async function listAssessments(db: Kysely<DB>, actor: Actor, filter: { status?: AssessmentStatus[]; engagementId?: string }): Promise<AssessmentRow[]> {
  let q = scoped(db, actor);
  if (filter.status?.length) q = q.where('a.status', 'in', filter.status);
  if (filter.engagementId) q = q.where('a.engagement_id', '=', filter.engagementId);
  return withContent(db, (await q.orderBy('a.due_date').orderBy('a.created_at', 'desc').limit(500).execute()) as unknown as Omit<AssessmentRow, 'content'>[]);
}

export async function insertAssessment(
  db: Kysely<DB>,
  actor: Actor,
  a: { engagementId: string; providerOrgId: string; templateVersionId: string; title: string; dueDate: string },
): Promise<string> {
  const row = await db
    .insertInto('assessments')
    .values({
      engagement_id: a.engagementId,
      buyer_org_id: actor.organizationId,
      provider_org_id: a.providerOrgId,
      template_version_id: a.templateVersionId,
      title: a.title,
      due_date: a.dueDate,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const stamp: Partial<Record<AssessmentStatus, 'sent_at' | 'submitted_at' | 'returned_at' | 'completed_at' | 'cancelled_at'>> = {
  sent: 'sent_at',
  submitted: 'submitted_at',
  returned: 'returned_at',
  completed: 'completed_at',
  cancelled: 'cancelled_at',
};

/** Moves an assessment to a status, stamping the time of that step. The caller has checked the transition. */
export async function setAssessmentStatus(db: Kysely<DB>, id: string, status: AssessmentStatus, extra: { returnMessage?: string | null } = {}): Promise<void> {
  const now = new Date();
  const column = stamp[status];
  await db
    .updateTable('assessments')
    .set({ status, updated_at: now, ...(column ? { [column]: now } : {}), ...(extra.returnMessage !== undefined ? { return_message: extra.returnMessage } : {}) })
    .where('id', '=', id)
    .execute();
}

export interface AnswerRow {
  id: string;
  question_key: string;
  value: AnswerValue;
  comment: string | null;
  source_answer_id: string | null;
  updated_at: Date;
  updated_by_name: string | null;
  verdict: ReviewVerdict | null;
  reviewed_at: Date | null;
  reviewed_by_name: string | null;
}

/** Answers of one assessment the caller has already loaded through a scoped query. */
export async function listAnswers(db: Kysely<DB>, assessmentId: string): Promise<AnswerRow[]> {
  const rows = await db
    .selectFrom('answers')
    .leftJoin('users as u', 'u.id', 'answers.updated_by')
    .leftJoin('users as r', 'r.id', 'answers.reviewed_by')
    .select([
      'answers.id',
      'answers.question_key',
      'answers.value',
      'answers.comment',
      'answers.source_answer_id',
      'answers.updated_at',
      'u.name as updated_by_name',
      'answers.verdict',
      'answers.reviewed_at',
      'r.name as reviewed_by_name',
    ])
    .where('answers.assessment_id', '=', assessmentId)
    .execute();
  return rows as unknown as AnswerRow[];
}

/**
 * Writes one answer. A changed value clears an earlier review verdict: the
 * buyer must look at it again.
 */
export async function upsertAnswer(
  db: Kysely<DB>,
  a: { assessmentId: string; questionKey: string; value: AnswerValue; comment: string | null; userId: string; sourceAnswerId: string | null },
): Promise<string> {
  const value = JSON.stringify(a.value);
  return db
    .insertInto('answers')
    .values({ assessment_id: a.assessmentId, question_key: a.questionKey, value, comment: a.comment, updated_by: a.userId, source_answer_id: a.sourceAnswerId })
    .onConflict((oc) =>
      oc.columns(['assessment_id', 'question_key']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        comment: eb.ref('excluded.comment'),
        updated_by: eb.ref('excluded.updated_by'),
        source_answer_id: eb.ref('excluded.source_answer_id'),
        updated_at: new Date(),
        verdict: eb.case().when('answers.value', '=', eb.ref('excluded.value')).then(eb.ref('answers.verdict')).else(null).end(),
        reviewed_by: eb.case().when('answers.value', '=', eb.ref('excluded.value')).then(eb.ref('answers.reviewed_by')).else(null).end(),
        reviewed_at: eb.case().when('answers.value', '=', eb.ref('excluded.value')).then(eb.ref('answers.reviewed_at')).else(null).end(),
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow()
    .then((r) => r.id);
}

export async function deleteAnswer(db: Kysely<DB>, assessmentId: string, questionKey: string): Promise<void> {
  await db.deleteFrom('answers').where('assessment_id', '=', assessmentId).where('question_key', '=', questionKey).execute();
}

export async function setVerdict(db: Kysely<DB>, assessmentId: string, questionKey: string, verdict: ReviewVerdict, userId: string): Promise<boolean> {
  const r = await db
    .updateTable('answers')
    .set({ verdict, reviewed_by: userId, reviewed_at: new Date() })
    .where('assessment_id', '=', assessmentId)
    .where('question_key', '=', questionKey)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface CommentRow {
  id: string;
  question_key: string;
  body: string;
  created_at: Date;
  author_name: string;
  author_kind: string;
}

export async function listComments(db: Kysely<DB>, assessmentId: string): Promise<CommentRow[]> {
  return db
    .selectFrom('answer_comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_user_id')
    .innerJoin('organizations as o', 'o.id', 'c.author_org_id')
    .select(['c.id', 'c.question_key', 'c.body', 'c.created_at', 'u.name as author_name', 'o.kind as author_kind'])
    .where('c.assessment_id', '=', assessmentId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

export async function insertComment(db: Kysely<DB>, actor: Actor, assessmentId: string, questionKey: string, body: string): Promise<string> {
  const row = await db
    .insertInto('answer_comments')
    .values({ assessment_id: assessmentId, question_key: questionKey, author_user_id: actor.userId, author_org_id: actor.organizationId, body })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One of the provider's earlier answers, with where it stands with the buyer it went to. */
export interface EarlierAnswerRow {
  id: string;
  question_key: string;
  value: AnswerValue;
  comment: string | null;
  status: SuggestionStatus;
  status_at: Date;
  template_version_id: string;
}

/**
 * The provider's submitted answers in its other assessments, the material for
 * reuse suggestions: accepted ones first, then those not reviewed yet, then
 * those returned for changes, newest first within each. Rejected answers and
 * unreviewed answers of a questionnaire not (or no longer) submitted are left out.
 */
export async function earlierAnswersOfProvider(db: Kysely<DB>, actor: Actor, exceptAssessmentId: string): Promise<EarlierAnswerRow[]> {
  const status = sql<SuggestionStatus>`case ans.verdict when 'accepted' then 'accepted' when 'clarification_requested' then 'changes_requested' else 'submitted' end`;
  const rank = sql<number>`case ans.verdict when 'accepted' then 0 when 'clarification_requested' then 2 else 1 end`;
  const statusAt = sql<Date>`coalesce(ans.reviewed_at, a.submitted_at)`;
  return db
    .selectFrom('answers as ans')
    .innerJoin('assessments as a', 'a.id', 'ans.assessment_id')
    .select(['ans.id', 'ans.question_key', 'ans.value', 'ans.comment', 'a.template_version_id', status.as('status'), statusAt.as('status_at')])
    .where('a.provider_org_id', '=', actor.organizationId)
    .where('a.id', '<>', exceptAssessmentId)
    .where((eb) =>
      eb.or([
        eb('ans.verdict', 'in', ['accepted', 'clarification_requested']),
        // Unreviewed answers count only while their questionnaire sits submitted or completed: once it is back with the
        // provider they may be drafts again. Decided by status, not by comparing the answer's time with the submission's.
        eb.and([eb('ans.verdict', 'is', null), eb('a.status', 'in', ['submitted', 'completed'])]),
      ]),
    )
    .orderBy(rank)
    .orderBy(statusAt, 'desc')
    .orderBy('ans.id')
    .limit(5000)
    .execute() as unknown as Promise<EarlierAnswerRow[]>;
}

/** Active users of an organization with the given roles: who gets notified. */
export async function recipients(db: Kysely<DB>, organizationId: string, roles: readonly Role[]) {
  return db.selectFrom('users').select(['email', 'name']).where('organization_id', '=', organizationId).where('status', '=', 'active').where('role', 'in', roles).execute();
}

/** The answer values of several assessments in one query (list pages show each one's progress). */
export async function answerValuesFor(db: Kysely<DB>, assessmentIds: string[]): Promise<Map<string, Map<string, AnswerValue>>> {
  const result = new Map<string, Map<string, AnswerValue>>();
  if (assessmentIds.length === 0) return result;
  const rows = await db.selectFrom('answers').select(['assessment_id', 'question_key', 'value']).where('assessment_id', 'in', assessmentIds).execute();
  for (const r of rows) {
    const values = result.get(r.assessment_id) ?? new Map<string, AnswerValue>();
    values.set(r.question_key, r.value as AnswerValue);
    result.set(r.assessment_id, values);
  }
  return result;
}

/** Questionnaires still waiting for the provider whose due date falls on or before `dueBy`. */
export async function openAssessmentsDueBy(db: Kysely<DB>, dueBy: string) {
  return db
    .selectFrom('assessments as a')
    .innerJoin('organizations as b', 'b.id', 'a.buyer_org_id')
    .select(['a.id', 'a.title', 'a.due_date', 'a.provider_org_id', 'b.name as buyer_name'])
    .where('a.status', 'in', ['sent', 'in_progress', 'returned'])
    .where('a.due_date', '<=', dueBy)
    .orderBy('a.due_date')
    .execute();
}

/** Claims a reminder (once per assessment and kind); false when it was already sent. */
export async function claimReminder(db: Kysely<DB>, assessmentId: string, kind: string): Promise<boolean> {
  const row = await db.insertInto('assessment_reminders').values({ assessment_id: assessmentId, kind }).onConflict((oc) => oc.doNothing()).returning('assessment_id').executeTakeFirst();
  return row !== undefined;
}
