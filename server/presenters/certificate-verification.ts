import { certificationBodyInfo } from '../../shared/certificate/bodies';
import { IAF_CERTSEARCH_URL } from '../../shared/certificate/certification-bodies.data';
import { checkedFactsOf, factsChangedSince, verificationState } from '../../shared/certificate/verification';
import type { VerificationDto, VerificationsDto } from '../../shared/schemas/certificate-verification';
import { can } from '../policies';
import type { Actor } from '../policies/actor';
import type { CertificateRow } from '../repositories/certificate';
import type { VerificationRow } from '../repositories/certificate-verification';

const factsOfRow = (c: CertificateRow) => checkedFactsOf({ certificateNumber: c.certificate_number, certificationBody: c.certification_body, legalEntity: c.legal_entity, expiryDate: c.expiry_date });

export function presentVerification(actor: Actor, c: CertificateRow, v: VerificationRow): VerificationDto {
  return {
    id: v.id,
    certificateId: v.certificate_id,
    outcome: v.outcome,
    directoryName: v.directory_name,
    directoryUrl: v.directory_url,
    checkedOn: v.checked_on,
    note: v.note,
    checkedFacts: v.checked_facts,
    changedSince: factsChangedSince(v.checked_facts, factsOfRow(c)),
    recordedBy: v.recorded_by ? { id: v.recorded_by, name: v.recorded_by_name ?? '' } : null,
    recordedAt: v.created_at.toISOString(),
    evidence: v.evidence_storage_key ? { name: v.evidence_name ?? '', mime: v.evidence_mime ?? '', sizeBytes: v.evidence_size_bytes ?? 0, sha256: v.evidence_sha256 ?? '' } : null,
    abilities: { attachEvidence: !v.evidence_storage_key && can(actor, 'certificate.verify') },
  };
}

/** A certificate's checks by the actor's organization, the state the latest gives it today, and where to look it up. */
export function presentVerifications(actor: Actor, c: CertificateRow, rows: VerificationRow[]): VerificationsDto {
  const lookup = certificationBodyInfo(c.certification_body, c.accreditation_body);
  const latest = rows[0];
  const state = verificationState(
    latest ? { outcome: latest.outcome, checkedOn: latest.checked_on, directoryName: latest.directory_name, directoryUrl: latest.directory_url, recordedBy: latest.recorded_by_name, note: latest.note, checkedFacts: latest.checked_facts } : null,
    factsOfRow(c),
  ).state;
  return {
    certificateId: c.id,
    state,
    lookup: { certificationBody: lookup.canonicalName, knownBody: lookup.known, directoryName: lookup.directoryName, directoryUrl: lookup.directoryUrl, iafCertSearchUrl: IAF_CERTSEARCH_URL },
    verifications: rows.map((v) => presentVerification(actor, c, v)),
    abilities: { verify: can(actor, 'certificate.verify') },
  };
}
