import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { templateContents } from './template';
import type { CertificateRow } from './certificate';
import type { SoaRowRecord } from './soa';

/**
 * The facts the finding rules read for one engagement, all scoped to what
 * the provider shared with that engagement. The caller has loaded the
 * engagement through a tenant-scoped query first.
 */

export async function certificatesSharedWith(db: Kysely<DB>, engagementId: string) {
  return (await db
    .selectFrom('certificates as c')
    .innerJoin('document_shares as s', 's.document_id', 'c.document_id')
    .innerJoin('documents as d', 'd.id', 'c.document_id')
    .selectAll('c')
    .select('d.title as document_title')
    .where('s.engagement_id', '=', engagementId)
    .orderBy('c.expiry_date', 'desc')
    .execute()) as unknown as (CertificateRow & { document_title: string })[];
}

export async function latestSoaSharedWith(db: Kysely<DB>, engagementId: string) {
  const soa = await latestSoaQuery(db, engagementId).executeTakeFirst();
  if (!soa) return null;
  const rows = (await db.selectFrom('soa_rows').select(['control_id', 'applicable', 'implementation', 'justification', 'method', 'source_row', 'note']).where('soa_id', '=', soa.id).execute()) as SoaRowRecord[];
  return { ...soa, rows };
}

/** The questionnaire of the engagement most recently submitted, with its answers and their evidence. */
export async function latestSubmittedAssessment(db: Kysely<DB>, engagementId: string) {
  const a = await latestSubmittedQuery(db, engagementId).executeTakeFirst();
  if (!a) return null;
  const content = (await templateContents(db, [a.template_version_id])).get(a.template_version_id)!;
  return { id: a.id, title: a.title, submittedAt: a.submitted_at!, content };
}

/** The SoA the rules read: the one saved last on a document shared with the engagement. */
function latestSoaQuery(db: Kysely<DB>, engagementId: string) {
  return db
    .selectFrom('soas as s')
    .innerJoin('document_shares as sh', 'sh.document_id', 's.document_id')
    .innerJoin('documents as d', 'd.id', 's.document_id')
    .select(['s.id', 's.version', 's.soa_date', 's.numbering', 'd.title as document_title'])
    .where('sh.engagement_id', '=', engagementId)
    .orderBy('s.created_at', 'desc')
    .limit(1);
}

/** The questionnaire whose answers the rules read: the one submitted last, unless cancelled. */
function latestSubmittedQuery(db: Kysely<DB>, engagementId: string) {
  return db
    .selectFrom('assessments as a')
    .select(['a.id', 'a.title', 'a.submitted_at', 'a.template_version_id'])
    .where('a.engagement_id', '=', engagementId)
    .where('a.submitted_at', 'is not', null)
    .where('a.status', '<>', 'cancelled')
    .orderBy('a.submitted_at', 'desc')
    .limit(1);
}

/** The facts the finding rules read for an engagement, named for people: certificates, the latest SoA and the submitted questionnaire. */
export async function findingsBasis(db: Kysely<DB>, engagementId: string) {
  const [certificates, soa, answers] = await Promise.all([
    db
      .selectFrom('certificates as c')
      .innerJoin('document_shares as s', 's.document_id', 'c.document_id')
      .select(['c.id', 'c.certificate_number', 'c.certification_body', 'c.expiry_date'])
      .where('s.engagement_id', '=', engagementId)
      .orderBy('c.expiry_date', 'desc')
      .execute(),
    latestSoaQuery(db, engagementId).executeTakeFirst(),
    latestSubmittedQuery(db, engagementId).executeTakeFirst(),
  ]);
  return { certificates, soa: soa ?? null, answers: answers ?? null };
}
