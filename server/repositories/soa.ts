import type { Kysely } from 'kysely';
import type { SoaInput } from '../../shared/schemas/soa';
import type { DB } from '../db/types';
import type { Actor } from '../policies/actor';
import { visibleDocumentIds } from './document';

export interface SoaRowRecord {
  control_id: string;
  applicable: boolean | null;
  implementation: 'full' | 'partial' | 'none' | null;
  justification: string;
  method: string;
  source_row: number | null;
  note: string;
}

/** SoAs whose document the actor may see. */
function scoped(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('soas as s')
    .innerJoin('organizations as o', 'o.id', 's.organization_id')
    .select(['s.id', 's.organization_id', 'o.name as owner_name', 's.document_id', 's.version', 's.soa_date', 's.numbering', 's.created_at'])
    .where('s.document_id', 'in', visibleDocumentIds(db, actor));
}

export type SoaRecord = Awaited<ReturnType<ReturnType<typeof scoped>['executeTakeFirstOrThrow']>>;

export async function findSoa(db: Kysely<DB>, actor: Actor, id: string) {
  return scoped(db, actor).where('s.id', '=', id).executeTakeFirst();
}

export async function listSoas(db: Kysely<DB>, actor: Actor, filter: { documentId?: string } = {}) {
  let q = scoped(db, actor);
  if (filter.documentId) q = q.where('s.document_id', '=', filter.documentId);
  return q.orderBy('s.created_at', 'desc').limit(500).execute();
}

export async function soaRows(db: Kysely<DB>, soaId: string): Promise<SoaRowRecord[]> {
  return (await db.selectFrom('soa_rows').select(['control_id', 'applicable', 'implementation', 'justification', 'method', 'source_row', 'note']).where('soa_id', '=', soaId).execute()) as SoaRowRecord[];
}

export async function insertSoa(db: Kysely<DB>, actor: Actor, s: SoaInput): Promise<string> {
  const row = await db
    .insertInto('soas')
    .values({
      organization_id: actor.organizationId,
      document_id: s.documentId,
      version: s.version,
      soa_date: s.date,
      numbering: s.numbering,
      import_report: s.importReport ? JSON.stringify(s.importReport) : null,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('soa_rows')
    .values(
      s.rows.map((r) => ({
        soa_id: row.id,
        control_id: r.controlId,
        applicable: r.applicable,
        implementation: r.implementation,
        justification: r.justification,
        method: r.source.method,
        source_row: r.source.row,
        note: r.source.note,
      })),
    )
    .execute();
  return row.id;
}
