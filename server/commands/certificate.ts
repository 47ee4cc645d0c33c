import { certificationBodyInfo, directoryNameFor } from '../../shared/certificate/bodies';
import { checkedFactsOf } from '../../shared/certificate/verification';
import type { CertificateInput } from '../../shared/schemas/certificate';
import type { VerificationInput } from '../../shared/schemas/certificate-verification';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { Actor } from '../policies/actor';
import type { RequestOrigin } from '../repositories/audit';
import { insertCertificate, updateCertificate, type CertificateRow } from '../repositories/certificate';
import { attachVerificationEvidence, buyerEngagementsSharing, insertVerification, type VerificationRow } from '../repositories/certificate-verification';
import { engagementsSharingDocument } from '../repositories/engagement';
import { settleUpload, type ReceivedFile } from '../uploads/receive';
import { runWrite } from './write';

/** Records the confirmed facts of a certificate on one of the provider's documents. Returns its id. */
export async function recordCertificate(deps: Deps, actor: Actor, body: CertificateInput, origin: RequestOrigin): Promise<string> {
  return runWrite(deps, origin, async ({ trx, audit, affects }) => {
    const certificateId = await insertCertificate(trx, actor, body);
    await audit({ action: 'certificate.recorded', organizationId: actor.organizationId, targetType: 'certificate', targetId: certificateId, details: { documentId: body.documentId, edition: body.edition, expiryDate: body.expiryDate } });
    affects(...(await engagementsSharingDocument(trx, body.documentId)));
    return certificateId;
  });
}

/** Corrects a certificate's facts; a directory check of the old facts stops vouching for it (see the rules). */
export async function correctCertificate(deps: Deps, actor: Actor, c: CertificateRow, body: Partial<Omit<CertificateInput, 'documentId'>>, origin: RequestOrigin): Promise<void> {
  await runWrite(deps, origin, async ({ trx, audit, affects }) => {
    await updateCertificate(trx, actor, c.id, body);
    await audit({ action: 'certificate.corrected', organizationId: actor.organizationId, targetType: 'certificate', targetId: c.id, details: { fields: Object.keys(body) } });
    affects(...(await engagementsSharingDocument(trx, c.document_id)));
  });
}

/**
 * Records what a public directory showed for a certificate, with the
 * certificate's facts as they were checked. The directory's name, unless
 * given, is read from the address checked. Returns the verification id.
 */
export async function verifyCertificate(deps: Deps, actor: Actor, c: CertificateRow, body: VerificationInput, origin: RequestOrigin): Promise<string> {
  const checkedFacts = checkedFactsOf({ certificateNumber: c.certificate_number, certificationBody: c.certification_body, legalEntity: c.legal_entity, expiryDate: c.expiry_date });
  const directoryName = body.directoryName ?? directoryNameFor(body.directoryUrl, certificationBodyInfo(c.certification_body, c.accreditation_body));
  return runWrite(deps, origin, async ({ trx, audit, affects }) => {
    const verificationId = await insertVerification(trx, actor, { certificateId: c.id, outcome: body.outcome, directoryName, directoryUrl: body.directoryUrl, checkedOn: body.checkedOn, note: body.note, checkedFacts });
    await audit({
      action: 'certificate.verification_recorded',
      organizationId: actor.organizationId,
      targetType: 'certificate',
      targetId: c.id,
      details: { verificationId, outcome: body.outcome, directoryName, directoryUrl: body.directoryUrl, checkedOn: body.checkedOn, checkedFacts },
    });
    affects(...(await buyerEngagementsSharing(trx, actor, c.document_id)));
    return verificationId;
  });
}

/** Attaches the screenshot of what the directory showed to a check that has none. */
export async function attachVerificationScreenshot(deps: Deps, actor: Actor, v: VerificationRow, file: ReceivedFile, origin: RequestOrigin): Promise<void> {
  await runWrite(deps, origin, async ({ trx, audit }) => {
    await settleUpload(trx, file.storageKey);
    if (!(await attachVerificationEvidence(trx, v.id, file))) throw new AppError('CONFLICT', 'This check already has its screenshot: record a new check to add another');
    await audit({
      action: 'certificate.verification_evidence_attached',
      organizationId: actor.organizationId,
      targetType: 'certificate',
      targetId: v.certificate_id,
      details: { verificationId: v.id, name: file.originalName, mime: file.mime, size: file.size, sha256: file.sha256 },
    });
  });
}
