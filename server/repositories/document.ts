import { sql, type Kysely } from 'kysely';
import type { DocumentKind } from '../../shared/schemas/document';
import type { DB } from '../db/types';
import type { Actor } from '../policies/actor';

export interface DocumentRow {
  id: string;
  organization_id: string;
  owner_name: string;
  series_id: string;
  version: number;
  latest_version: number;
  kind: DocumentKind;
  title: string;
  original_name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_at: Date;
  uploaded_by_name: string | null;
}

function base(db: Kysely<DB>) {
  return db
    .selectFrom('documents as d')
    .innerJoin('organizations as o', 'o.id', 'd.organization_id')
    .leftJoin('users as u', 'u.id', 'd.uploaded_by')
    .select([
      'd.id',
      'd.organization_id',
      'o.name as owner_name',
      'd.series_id',
      'd.version',
      sql<number>`(SELECT max(x.version) FROM documents x WHERE x.series_id = d.series_id)`.as('latest_version'),
      'd.kind',
      'd.title',
      'd.original_name',
      'd.mime',
      'd.size_bytes',
      'd.sha256',
      'd.storage_key',
      'd.uploaded_at',
      'u.name as uploaded_by_name',
    ]);
}

/**
 * Documents the actor may see: a provider its own; a buyer those shared with
 * one of its engagements or attached as evidence to an answer of one of its
 * submitted questionnaires.
 */
function scoped(db: Kysely<DB>, actor: Actor) {
  const q = base(db);
  if (actor.organizationKind === 'provider') return q.where('d.organization_id', '=', actor.organizationId);
  return q.where((eb) =>
    eb.or([
      eb.exists(
        eb
          .selectFrom('document_shares as s')
          .innerJoin('engagements as e', 'e.id', 's.engagement_id')
          .select(sql`1`.as('one'))
          .whereRef('s.document_id', '=', 'd.id')
          .where('e.buyer_org_id', '=', actor.organizationId),
      ),
      eb.exists(
        eb
          .selectFrom('answer_evidence as ev')
          .innerJoin('answers as an', 'an.id', 'ev.answer_id')
          .innerJoin('assessments as a', 'a.id', 'an.assessment_id')
          .select(sql`1`.as('one'))
          .whereRef('ev.document_id', '=', 'd.id')
          .where('a.buyer_org_id', '=', actor.organizationId)
          .where('a.submitted_at', 'is not', null),
      ),
    ]),
  );
}

/** The ids of the documents the actor may see, as a subquery other repositories filter on. */
export function visibleDocumentIds(db: Kysely<DB>, actor: Actor) {
  return scoped(db, actor).clearSelect().select('d.id');
}

export async function findDocument(db: Kysely<DB>, actor: Actor, id: string): Promise<DocumentRow | undefined> {
  return (await scoped(db, actor).where('d.id', '=', id).executeTakeFirst()) as DocumentRow | undefined;
}

/** A provider's library shows the latest version of each document; a buyer sees exactly what it was given. */
export async function listDocuments(db: Kysely<DB>, actor: Actor, filter: { kind?: DocumentKind; engagementId?: string }): Promise<DocumentRow[]> {
  let q = scoped(db, actor);
  if (filter.kind) q = q.where('d.kind', '=', filter.kind);
  if (filter.engagementId) {
    q = q.where((eb) => eb.exists(eb.selectFrom('document_shares as s2').select(sql`1`.as('one')).whereRef('s2.document_id', '=', 'd.id').where('s2.engagement_id', '=', filter.engagementId!)));
  } else if (actor.organizationKind === 'provider') {
    q = q.where(sql<boolean>`d.version = (SELECT max(x.version) FROM documents x WHERE x.series_id = d.series_id)`);
  }
  return (await q.orderBy('d.uploaded_at', 'desc').limit(1000).execute()) as DocumentRow[];
}

/** Every version of a document's series the actor may see, newest first. */
export async function listVersions(db: Kysely<DB>, actor: Actor, seriesId: string): Promise<DocumentRow[]> {
  return (await scoped(db, actor).where('d.series_id', '=', seriesId).orderBy('d.version', 'desc').execute()) as DocumentRow[];
}

export async function insertDocument(
  db: Kysely<DB>,
  actor: Actor,
  d: { seriesId?: string; version: number; kind: DocumentKind; title: string; originalName: string; mime: string; size: number; sha256: string; storageKey: string },
): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .insertInto('documents')
    .values({
      id,
      organization_id: actor.organizationId,
      series_id: d.seriesId ?? id,
      version: d.version,
      kind: d.kind,
      title: d.title,
      original_name: d.originalName,
      mime: d.mime,
      size_bytes: d.size,
      sha256: d.sha256,
      storage_key: d.storageKey,
      uploaded_by: actor.userId,
    })
    .execute();
  return id;
}

/** The engagements a provider shared each of these documents with. */
export async function sharesOf(db: Kysely<DB>, documentIds: string[]) {
  if (documentIds.length === 0) return [];
  return db
    .selectFrom('document_shares as s')
    .innerJoin('engagements as e', 'e.id', 's.engagement_id')
    .innerJoin('organizations as b', 'b.id', 'e.buyer_org_id')
    .select(['s.document_id', 's.engagement_id', 'e.name as engagement_name', 'b.name as buyer_name', 's.shared_at'])
    .where('s.document_id', 'in', documentIds)
    .orderBy('s.shared_at')
    .execute();
}

export async function insertShares(db: Kysely<DB>, actor: Actor, engagementId: string, documentIds: string[]): Promise<number> {
  const r = await db
    .insertInto('document_shares')
    .values(documentIds.map((documentId) => ({ engagement_id: engagementId, document_id: documentId, shared_by: actor.userId })))
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

export async function deleteShare(db: Kysely<DB>, engagementId: string, documentId: string): Promise<boolean> {
  const r = await db.deleteFrom('document_shares').where('engagement_id', '=', engagementId).where('document_id', '=', documentId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Which of these ids are documents of the actor's (provider) organization. */
export async function ownDocumentIds(db: Kysely<DB>, actor: Actor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('documents').select('id').where('organization_id', '=', actor.organizationId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function setEvidence(db: Kysely<DB>, answerId: string, documentIds: string[]): Promise<void> {
  await db.deleteFrom('answer_evidence').where('answer_id', '=', answerId).execute();
  if (documentIds.length) await db.insertInto('answer_evidence').values(documentIds.map((document_id) => ({ answer_id: answerId, document_id }))).execute();
}

/** Evidence of the answers of one assessment, by question key, with what the evidence is. */
export async function evidenceOf(db: Kysely<DB>, assessmentId: string) {
  return db
    .selectFrom('answer_evidence as ev')
    .innerJoin('answers as an', 'an.id', 'ev.answer_id')
    .innerJoin('documents as d', 'd.id', 'ev.document_id')
    .select(['an.question_key', 'd.id', 'd.title', 'd.kind', 'd.original_name', 'd.uploaded_at', 'd.sha256'])
    .where('an.assessment_id', '=', assessmentId)
    .orderBy('ev.attached_at')
    .execute();
}
