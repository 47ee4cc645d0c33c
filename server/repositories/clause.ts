import type { Kysely } from 'kysely';
import { defaultClauses, type ClauseCondition } from '../../shared/clauses/library';
import type { DB } from '../db/types';
import type { Actor } from '../policies/actor';

export interface ClauseRow {
  id: string;
  key: string;
  version: number;
  title: string;
  text: string;
  control_ids: string[];
  finding_codes: string[];
  applies_when: 'always' | ClauseCondition;
  disabled: boolean;
  updated_at: Date;
}

/** Gives a buyer organization its library, started from the defaults, the first time it is needed. */
export async function ensureLibrary(db: Kysely<DB>, organizationId: string): Promise<void> {
  const any = await db.selectFrom('clauses').select('id').where('organization_id', '=', organizationId).limit(1).executeTakeFirst();
  if (any) return;
  await db.transaction().execute(async (trx) => {
    for (const c of defaultClauses) {
      const row = await trx.insertInto('clauses').values({ organization_id: organizationId, key: c.key }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
      if (!row) continue;
      await trx.insertInto('clause_versions').values({ clause_id: row.id, version: 1, title: c.title, text: c.text, control_ids: c.controlIds, finding_codes: c.findingCodes, applies_when: JSON.stringify(c.when) }).execute();
    }
  });
}

function current(db: Kysely<DB>, organizationId: string) {
  return db
    .selectFrom('clauses as c')
    .innerJoin('clause_versions as v', (j) => j.onRef('v.clause_id', '=', 'c.id').onRef('v.version', '=', 'c.current_version'))
    .select(['c.id', 'c.key', 'v.version', 'v.title', 'v.text', 'v.control_ids', 'v.finding_codes', 'v.applies_when', 'c.disabled', 'c.updated_at'])
    .where('c.organization_id', '=', organizationId);
}

export async function listClauses(db: Kysely<DB>, actor: Pick<Actor, 'organizationId'>): Promise<ClauseRow[]> {
  return (await current(db, actor.organizationId).orderBy('c.created_at').orderBy('c.key').execute()) as unknown as ClauseRow[];
}

export async function findClause(db: Kysely<DB>, actor: Actor, id: string): Promise<ClauseRow | undefined> {
  return (await current(db, actor.organizationId).where('c.id', '=', id).executeTakeFirst()) as unknown as ClauseRow | undefined;
}

export async function insertClause(db: Kysely<DB>, actor: Actor, c: { key: string; title: string; text: string; controlIds: string[]; findingCodes: string[]; when: unknown }): Promise<string> {
  const row = await db.insertInto('clauses').values({ organization_id: actor.organizationId, key: c.key }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('clause_versions').values({ clause_id: row.id, version: 1, title: c.title, text: c.text, control_ids: c.controlIds, finding_codes: c.findingCodes, applies_when: JSON.stringify(c.when), created_by: actor.userId }).execute();
  return row.id;
}

/** Saves an edit as the next version (and/or the disabled flag). */
export async function updateClause(db: Kysely<DB>, actor: Actor, c: ClauseRow, patch: { title?: string; text?: string; controlIds?: string[]; findingCodes?: string[]; when?: unknown; disabled?: boolean }): Promise<void> {
  const content = patch.title !== undefined || patch.text !== undefined || patch.controlIds !== undefined || patch.findingCodes !== undefined || patch.when !== undefined;
  const version = content ? c.version + 1 : c.version;
  if (content) {
    await db
      .insertInto('clause_versions')
      .values({
        clause_id: c.id,
        version,
        title: patch.title ?? c.title,
        text: patch.text ?? c.text,
        control_ids: patch.controlIds ?? c.control_ids,
        finding_codes: patch.findingCodes ?? c.finding_codes,
        applies_when: JSON.stringify(patch.when ?? c.applies_when),
        created_by: actor.userId,
      })
      .execute();
  }
  await db
    .updateTable('clauses')
    .set({ current_version: version, updated_at: new Date(), ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}) })
    .where('id', '=', c.id)
    .where('organization_id', '=', actor.organizationId)
    .execute();
}
