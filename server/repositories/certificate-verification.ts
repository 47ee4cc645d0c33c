import type { Kysely } from 'kysely';
import type { CheckedFacts, VerificationFacts, VerificationOutcome } from '../../shared/certificate/verification';
import type { DB } from '../db/types';
import type { Actor } from '../policies/actor';

export interface VerificationRow {
  id: string;
  certificate_id: string;
  organization_id: string;
  outcome: VerificationOutcome;
  directory_name: string;
  directory_url: string;
  checked_on: string;
  note: string;
  checked_facts: CheckedFacts;
  recorded_by: string | null;
  recorded_by_name: string | null;
  created_at: Date;
  evidence_storage_key: string | null;
  evidence_name: string | null;
  evidence_mime: string | null;
  evidence_size_bytes: number | null;
  evidence_sha256: string | null;
}

/** Verifications recorded by the actor's organization: each buyer's checks are its own. */
function scoped(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('certificate_verifications as v')
    .leftJoin('users as u', 'u.id', 'v.recorded_by')
    .selectAll('v')
    .select('u.name as recorded_by_name')
    .where('v.organization_id', '=', actor.organizationId);
}

/** The actor's organization's checks of a certificate, newest first. */
export async function listVerifications(db: Kysely<DB>, actor: Actor, certificateId: string): Promise<VerificationRow[]> {
  return (await scoped(db, actor).where('v.certificate_id', '=', certificateId).orderBy('v.created_at', 'desc').orderBy('v.id', 'desc').limit(200).execute()) as unknown as VerificationRow[];
}

export async function findVerification(db: Kysely<DB>, actor: Actor, id: string): Promise<VerificationRow | undefined> {
  return (await scoped(db, actor).where('v.id', '=', id).executeTakeFirst()) as unknown as VerificationRow | undefined;
}

export interface NewVerification {
  certificateId: string;
  outcome: VerificationOutcome;
  directoryName: string;
  directoryUrl: string;
  checkedOn: string;
  note: string;
  checkedFacts: CheckedFacts;
}

export async function insertVerification(db: Kysely<DB>, actor: Actor, v: NewVerification): Promise<string> {
  const row = await db
    .insertInto('certificate_verifications')
    .values({
      certificate_id: v.certificateId,
      organization_id: actor.organizationId,
      outcome: v.outcome,
      directory_name: v.directoryName,
      directory_url: v.directoryUrl,
      checked_on: v.checkedOn,
      note: v.note,
      checked_facts: JSON.stringify(v.checkedFacts),
      recorded_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Attaches the screenshot to a check that has none; false when one was attached meanwhile. */
export async function attachVerificationEvidence(db: Kysely<DB>, id: string, file: { storageKey: string; originalName: string; mime: string; size: number; sha256: string }): Promise<boolean> {
  const r = await db
    .updateTable('certificate_verifications')
    .set({ evidence_storage_key: file.storageKey, evidence_name: file.originalName, evidence_mime: file.mime, evidence_size_bytes: file.size, evidence_sha256: file.sha256 })
    .where('id', '=', id)
    .where('evidence_storage_key', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The latest check by `buyerOrgId` of each certificate, as the finding rules
 * read it (null where none was recorded).
 */
export async function latestVerifications(db: Kysely<DB>, buyerOrgId: string, certificateIds: readonly string[]): Promise<Map<string, VerificationFacts>> {
  if (certificateIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('certificate_verifications as v')
    .leftJoin('users as u', 'u.id', 'v.recorded_by')
    .distinctOn('v.certificate_id')
    .select(['v.certificate_id', 'v.outcome', 'v.checked_on', 'v.directory_name', 'v.directory_url', 'v.note', 'v.checked_facts', 'u.name as recorded_by_name'])
    .where('v.organization_id', '=', buyerOrgId)
    .where('v.certificate_id', 'in', certificateIds)
    .orderBy('v.certificate_id')
    .orderBy('v.created_at', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
  return new Map(
    rows.map((r) => [
      r.certificate_id,
      {
        outcome: r.outcome as VerificationOutcome,
        checkedOn: r.checked_on,
        directoryName: r.directory_name,
        directoryUrl: r.directory_url,
        recordedBy: r.recorded_by_name,
        note: r.note,
        checkedFacts: r.checked_facts as unknown as CheckedFacts,
      },
    ]),
  );
}

/** The engagements of the actor's organization that a certificate is shared with: their findings move with a check. */
export async function buyerEngagementsSharing(db: Kysely<DB>, actor: Actor, documentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('document_shares as s')
    .innerJoin('engagements as e', 'e.id', 's.engagement_id')
    .select('e.id')
    .where('s.document_id', '=', documentId)
    .where('e.buyer_org_id', '=', actor.organizationId)
    .execute();
  return rows.map((r) => r.id);
}
