/** Finding codes: part of the public API. */
export const findingCodes = [
  'CERT_MISSING',
  'CERT_EXPIRED',
  'CERT_EXPIRING',
  'CERT_SUPERSEDED_EDITION',
  'CERT_UNACCREDITED',
  'CERT_ENTITY_MISMATCH',
  'CERT_UNVERIFIED',
  'CERT_VERIFICATION_FAILED',
  'SCOPE_SITE_NOT_COVERED',
  'SCOPE_SERVICE_NOT_COVERED',
  'SCOPE_UNCERTAIN',
  'SOA_MISSING',
  'SOA_REFERENCE_MISMATCH',
  'SOA_OUTDATED_NUMBERING',
  'SOA_INCOMPLETE',
  'SOA_EXCLUDES_REQUIRED',
  'SOA_EXCLUSION_UNJUSTIFIED',
  'ANSWER_CONTRADICTS_SOA',
  'CLAIM_WITHOUT_EVIDENCE',
  'EVIDENCE_STALE',
  'CONTROL_GAP',
] as const;
export type FindingCode = (typeof findingCodes)[number];

export const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof severities)[number];

/** The fixed severity of each code; CONTROL_GAP's depends on the control's weight (see the rules). */
export const findingSeverity: Record<Exclude<FindingCode, 'CONTROL_GAP'>, Severity> = {
  CERT_MISSING: 'high',
  CERT_EXPIRED: 'critical',
  CERT_EXPIRING: 'medium',
  CERT_SUPERSEDED_EDITION: 'high',
  CERT_UNACCREDITED: 'medium',
  CERT_ENTITY_MISMATCH: 'high',
  CERT_UNVERIFIED: 'low',
  CERT_VERIFICATION_FAILED: 'high',
  SCOPE_SITE_NOT_COVERED: 'critical',
  SCOPE_SERVICE_NOT_COVERED: 'high',
  SCOPE_UNCERTAIN: 'medium',
  SOA_MISSING: 'high',
  SOA_REFERENCE_MISMATCH: 'medium',
  SOA_OUTDATED_NUMBERING: 'high',
  SOA_INCOMPLETE: 'medium',
  SOA_EXCLUDES_REQUIRED: 'high',
  SOA_EXCLUSION_UNJUSTIFIED: 'medium',
  ANSWER_CONTRADICTS_SOA: 'high',
  CLAIM_WITHOUT_EVIDENCE: 'medium',
  EVIDENCE_STALE: 'low',
};
