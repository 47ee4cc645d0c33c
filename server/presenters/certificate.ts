import type { CertificateDto } from '../../shared/schemas/certificate';
import { can } from '../policies';
import type { Actor } from '../policies/actor';
import type { CertificateRow } from '../repositories/certificate';

export function presentCertificate(actor: Actor, c: CertificateRow): CertificateDto {
  return {
    id: c.id,
    documentId: c.document_id,
    owner: { id: c.organization_id, name: c.owner_name },
    standard: c.standard,
    edition: c.edition,
    certificateNumber: c.certificate_number,
    certificationBody: c.certification_body,
    accreditationBody: c.accreditation_body,
    legalEntity: c.legal_entity,
    issueDate: c.issue_date,
    expiryDate: c.expiry_date,
    originalCertificationDate: c.original_certification_date,
    scopeText: c.scope_text,
    sites: c.sites,
    services: c.services,
    soaReference: c.soa_version || c.soa_date ? { ...(c.soa_version ? { version: c.soa_version } : {}), ...(c.soa_date ? { date: c.soa_date } : {}) } : null,
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    abilities: { update: can(actor, 'certificate.update', { organizationId: c.organization_id }) },
  };
}
