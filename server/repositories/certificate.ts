import type { Kysely } from 'kysely';
import type { CertificateInput } from '../../shared/schemas/certificate';
import type { DB } from '../db/types';
import type { Actor } from '../policies/actor';
import { visibleDocumentIds } from './document';

export interface CertificateRow {
  id: string;
  organization_id: string;
  owner_name: string;
  document_id: string;
  standard: string;
  edition: '2022' | '2013';
  certificate_number: string;
  certification_body: string;
  accreditation_body: string | null;
  legal_entity: string;
  issue_date: string;
  expiry_date: string;
  original_certification_date: string | null;
  scope_text: string;
  sites: { name?: string; address: string; city?: string; country?: string }[];
  services: string[];
  soa_version: string | null;
  soa_date: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Certificates whose document the actor may see (its own, or shared with one of its engagements). */
function scoped(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('certificates as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .selectAll('c')
    .select('o.name as owner_name')
    .where('c.document_id', 'in', visibleDocumentIds(db, actor));
}

export async function findCertificate(db: Kysely<DB>, actor: Actor, id: string): Promise<CertificateRow | undefined> {
  return (await scoped(db, actor).where('c.id', '=', id).executeTakeFirst()) as unknown as CertificateRow | undefined;
}

export async function listCertificates(db: Kysely<DB>, actor: Actor, filter: { documentId?: string } = {}): Promise<CertificateRow[]> {
  let q = scoped(db, actor);
  if (filter.documentId) q = q.where('c.document_id', '=', filter.documentId);
  return (await q.orderBy('c.expiry_date', 'desc').limit(500).execute()) as unknown as CertificateRow[];
}

const columns = (c: Partial<Omit<CertificateInput, 'documentId'>>) => ({
  ...(c.standard !== undefined && { standard: c.standard }),
  ...(c.edition !== undefined && { edition: c.edition }),
  ...(c.certificateNumber !== undefined && { certificate_number: c.certificateNumber }),
  ...(c.certificationBody !== undefined && { certification_body: c.certificationBody }),
  ...(c.accreditationBody !== undefined && { accreditation_body: c.accreditationBody }),
  ...(c.legalEntity !== undefined && { legal_entity: c.legalEntity }),
  ...(c.issueDate !== undefined && { issue_date: c.issueDate }),
  ...(c.expiryDate !== undefined && { expiry_date: c.expiryDate }),
  ...(c.originalCertificationDate !== undefined && { original_certification_date: c.originalCertificationDate }),
  ...(c.scopeText !== undefined && { scope_text: c.scopeText }),
  ...(c.sites !== undefined && { sites: JSON.stringify(c.sites) }),
  ...(c.services !== undefined && { services: JSON.stringify(c.services) }),
  ...(c.soaReference !== undefined && { soa_version: c.soaReference?.version ?? null, soa_date: c.soaReference?.date ?? null }),
});

export async function insertCertificate(db: Kysely<DB>, actor: Actor, c: CertificateInput): Promise<string> {
  const row = await db
    .insertInto('certificates')
    .values({
      ...columns(c),
      organization_id: actor.organizationId,
      document_id: c.documentId,
      standard: c.standard,
      edition: c.edition,
      certificate_number: c.certificateNumber,
      certification_body: c.certificationBody,
      legal_entity: c.legalEntity,
      issue_date: c.issueDate,
      expiry_date: c.expiryDate,
      scope_text: c.scopeText,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCertificate(db: Kysely<DB>, actor: Actor, id: string, c: Partial<Omit<CertificateInput, 'documentId'>>): Promise<void> {
  await db
    .updateTable('certificates')
    .set({ ...columns(c), updated_at: new Date() })
    .where('id', '=', id)
    .where('organization_id', '=', actor.organizationId)
    .execute();
}
