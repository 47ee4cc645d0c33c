import { findAccreditationBody, findCertificationBody } from './bodies';
import { findCertificateDates } from './certificate-dates';
import { findCertificateNumber } from './certificate-number';
import { ambiguousNumericDates, detectUsDateStyle } from './dates';
import { findLegalEntity } from './legal-entity';
import { CERTIFICATE_SCORE, certificateFeatures, type CertificateFeatures, NOT_A_CERTIFICATE_WARNING } from './certificate-features';
import type { CertificateProposal, Field } from './proposal';
import { findScopeText, findServices } from './scope';
import { findSites } from './sites';
import { findSoaReference } from './soa-reference';
import { findStandard } from './standard';

/**
 * Reads an ISO/IEC 27001 certificate's text (as pulled out of its PDF) and
 * proposes its facts, each with the span of `text` it came from and a
 * confidence, for a person to confirm. Pure: the same text gives the same
 * proposal, in the browser as on the server.
 */
export function extractCertificateFields(text: string): CertificateProposal {
  return readCertificate(text).proposal;
}

/**
 * `extractCertificateFields` with how much the text reads as a certificate
 * (`certificateFeatures`, scored before confidences are lowered), for the
 * route to refuse what is not a certificate.
 */
export function readCertificate(text: string): { proposal: CertificateProposal; likeness: CertificateFeatures } {
  const warnings: string[] = [];
  if (text.replace(/\s+/g, '').length < 20) {
    warnings.push('There is no text to read (a scanned PDF?): enter the certificate fields by hand.');
  }
  const dateOptions = { monthFirst: detectUsDateStyle(text) };

  const { standard, edition, warnings: standardWarnings } = findStandard(text);
  const certificateNumber = findCertificateNumber(text);
  const certificationBody = findCertificationBody(text);
  const accreditation = findAccreditationBody(text);
  const legalEntity = findLegalEntity(text);
  const scopeText = findScopeText(text);
  const soaReference = findSoaReference(text, dateOptions);
  // The SoA's date is not one of the certificate's dates.
  const dates = findCertificateDates(text, dateOptions, soaReference?.source ? [soaReference.source] : []);
  const sites = findSites(text, scopeText, legalEntity);
  const services = findServices(text, scopeText);

  if (!standard && warnings.length === 0) warnings.push('The text does not name ISO/IEC 27001: check that this is an ISO/IEC 27001 certificate.');
  warnings.push(...standardWarnings, ...certificateNumber.warnings, ...certificationBody.warnings, ...accreditation.warnings, ...dates.warnings);
  const ambiguous = ambiguousNumericDates(text);
  if (ambiguous.length) {
    const order = dateOptions.monthFirst ? 'month first (the document writes dates US style)' : 'day first';
    warnings.push(`${[...new Set(ambiguous)].join(', ')} could be read day first or month first; read ${order}.`);
  }

  const proposal: CertificateProposal = {
    standard,
    edition,
    certificateNumber: certificateNumber.field,
    certificationBody: certificationBody.field,
    accreditationBody: accreditation.body,
    accreditationNumber: accreditation.number,
    legalEntity,
    issueDate: dates.issueDate,
    expiryDate: dates.expiryDate,
    originalCertificationDate: dates.originalCertificationDate,
    scopeText,
    sites,
    services,
    soaReference,
    warnings,
  };
  const likeness = certificateFeatures(text, proposal);
  if (text.replace(/\s+/g, '').length >= 20 && likeness.score < CERTIFICATE_SCORE) {
    // Partly certificate-like at best: every value is a guess to confirm.
    warnings.unshift(`${NOT_A_CERTIFICATE_WARNING}: no certificate number, certification wording or labelled certificate dates were found together. Check that this is the certificate; every value below needs confirming.`);
    return { proposal: lowerConfidences(proposal), likeness };
  }
  return { proposal, likeness };
}

function lowerConfidences(p: CertificateProposal): CertificateProposal {
  const low = <T,>(f: Field<T>): Field<T> => (f ? { ...f, confidence: 'low' } : f);
  return {
    ...p,
    standard: low(p.standard),
    edition: low(p.edition),
    certificateNumber: low(p.certificateNumber),
    certificationBody: low(p.certificationBody),
    accreditationBody: low(p.accreditationBody),
    accreditationNumber: low(p.accreditationNumber),
    legalEntity: low(p.legalEntity),
    issueDate: low(p.issueDate),
    expiryDate: low(p.expiryDate),
    originalCertificationDate: low(p.originalCertificationDate),
    scopeText: low(p.scopeText),
    sites: p.sites.map((s) => ({ ...s, confidence: 'low' })),
    services: p.services.map((s) => ({ ...s, confidence: 'low' })),
    soaReference: low(p.soaReference),
  };
}
