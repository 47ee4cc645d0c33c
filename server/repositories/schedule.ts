import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { Actor } from '../policies/actor';

export interface ScheduleRow {
  id: string;
  engagement_id: string;
  engagement_name: string;
  buyer_org_id: string;
  title: string;
  status: 'draft' | 'final';
  variables: Record<string, string>;
  score: { overall: number; rating: string; residualRisk: string } | null;
  findings: { code: string; severity: string; title: string; dueDate: string | null }[];
  created_at: Date;
  finalized_at: Date | null;
  shared_at: Date | null;
}

export interface ScheduleClauseRow {
  clause_key: string;
  clause_version: number | null;
  title: string;
  text: string;
  reasons: string[];
  missing: string[];
  included: boolean;
}

/** What a new schedule is made of: the engagement's facts frozen at generation, and its clauses in order. */
export interface NewSchedule {
  engagementId: string;
  title: string;
  variables: Record<string, string>;
  score: ScheduleRow['score'];
  findings: ScheduleRow['findings'];
  clauses: readonly { key: string; version: number; title: string; text: string; reasons: string[]; missing: string[]; included: boolean }[];
}

/**
 * Schedules the actor may see: the buyer's own, and for a provider only the
 * final schedules its buyer shared with it (a draft is the buyer's
 * internal work, so it is "not found" like another tenant's).
 */
function scoped(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('security_schedules as s')
    .innerJoin('engagements as e', 'e.id', 's.engagement_id')
    .selectAll('s')
    .select('e.name as engagement_name')
    .where((eb) =>
      actor.organizationKind === 'buyer'
        ? eb('s.buyer_org_id', '=', actor.organizationId)
        : eb.and([eb('e.provider_org_id', '=', actor.organizationId), eb('s.shared_at', 'is not', null), eb('s.status', '=', 'final')]),
    );
}

/** One schedule the actor may see; another tenant's (or an unshared one, for the provider) is undefined. `lock` holds it until the transaction ends. */
export async function findSchedule(db: Kysely<DB>, actor: Actor, id: string, { lock = false } = {}): Promise<ScheduleRow | undefined> {
  let q = scoped(db, actor).where('s.id', '=', id);
  if (lock) q = q.forUpdate('s');
  return (await q.executeTakeFirst()) as unknown as ScheduleRow | undefined;
}

/** The schedule's clauses in document order (the caller loaded the schedule through `findSchedule`). */
export async function listScheduleClauses(db: Kysely<DB>, scheduleId: string): Promise<ScheduleClauseRow[]> {
  return (await db
    .selectFrom('schedule_clauses')
    .select(['clause_key', 'clause_version', 'title', 'text', 'reasons', 'missing', 'included'])
    .where('schedule_id', '=', scheduleId)
    .orderBy('position')
    .execute()) as unknown as ScheduleClauseRow[];
}

/** Stores a draft schedule of the actor's organization with its clauses. Returns its id. */
export async function insertSchedule(db: Kysely<DB>, actor: Actor, s: NewSchedule): Promise<string> {
  const row = await db
    .insertInto('security_schedules')
    .values({
      engagement_id: s.engagementId,
      buyer_org_id: actor.organizationId,
      title: s.title,
      variables: JSON.stringify(s.variables),
      score: s.score ? JSON.stringify(s.score) : null,
      findings: JSON.stringify(s.findings),
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (s.clauses.length) {
    await db
      .insertInto('schedule_clauses')
      .values(s.clauses.map((c, i) => ({ schedule_id: row.id, position: i, clause_key: c.key, clause_version: c.version, title: c.title, text: c.text, reasons: JSON.stringify(c.reasons), missing: c.missing, included: c.included })))
      .execute();
  }
  return row.id;
}

/** Includes and excludes clauses of one of the actor's schedules by key. */
export async function setClausesIncluded(db: Kysely<DB>, actor: Actor, scheduleId: string, change: { include: readonly string[]; exclude: readonly string[] }): Promise<void> {
  const own = db.selectFrom('security_schedules').select('id').where('id', '=', scheduleId).where('buyer_org_id', '=', actor.organizationId);
  for (const [keys, included] of [[change.include, true], [change.exclude, false]] as const) {
    if (keys.length) await db.updateTable('schedule_clauses').set({ included }).where('schedule_id', 'in', own).where('clause_key', 'in', keys).execute();
  }
}

/** Marks one of the actor's draft schedules final; a final one keeps its first finalisation time. */
export async function markScheduleFinal(db: Kysely<DB>, actor: Actor, scheduleId: string, at: Date): Promise<void> {
  await db.updateTable('security_schedules').set({ status: 'final', finalized_at: at }).where('id', '=', scheduleId).where('buyer_org_id', '=', actor.organizationId).where('status', '=', 'draft').execute();
}

/** Marks one of the actor's schedules shared with the provider; a shared one keeps its first sharing time. */
export async function markScheduleShared(db: Kysely<DB>, actor: Actor, scheduleId: string, at: Date): Promise<void> {
  await db.updateTable('security_schedules').set({ shared_at: at }).where('id', '=', scheduleId).where('buyer_org_id', '=', actor.organizationId).where('shared_at', 'is', null).execute();
}
