/**
 * Coverage across several certificates: a provider may hold one certificate
 * per site or per business line, so a contracted site or service is covered
 * when any valid certificate shared with the engagement covers it. Each
 * certificate is judged on its own; the verdict says which certificate covers
 * what, and why the others do not (an expired or superseded certificate
 * covers nothing).
 */

export type CoverageVerdict = 'covered' | 'uncertain' | 'not_covered';

/** One certificate as the union reads it. */
export interface CoverageSource {
  certificateId: string;
  /** How the explanation names it: `certificate 123 (BSI)`. */
  label: string;
  /** Why it covers nothing (expired, superseded), or null when it is valid. */
  voidReason: string | null;
  /** Set when the certificate is held by another legal entity than the contracting one. */
  heldByOther?: string | null;
}

/** What one certificate says about one site or service. */
export interface CertificateCoverage {
  certificateId: string;
  certificate: string;
  verdict: CoverageVerdict | 'void';
  explanation: string;
}

export interface UnionMatch {
  verdict: CoverageVerdict;
  explanation: string;
  /** The certificates whose scope covers it. */
  coveredBy: string[];
  byCertificate: CertificateCoverage[];
}

const sentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/**
 * Judges one site or service against every certificate with `judge` and
 * unites the answers: covered when one valid certificate covers it,
 * uncertain when none does but one might, not covered otherwise.
 */
export function judgeAcrossCertificates(sources: readonly CoverageSource[], judge: (certificateId: string) => { verdict: CoverageVerdict; explanation: string }): UnionMatch {
  const byCertificate: CertificateCoverage[] = sources.map((s) => {
    if (s.voidReason) return { certificateId: s.certificateId, certificate: s.label, verdict: 'void', explanation: `The ${s.label} covers nothing: ${s.voidReason}.` };
    const m = judge(s.certificateId);
    if (m.verdict === 'covered' && s.heldByOther) {
      // The scope names it, but for another company: not proof for the contracting entity.
      return { certificateId: s.certificateId, certificate: s.label, verdict: 'uncertain', explanation: `${sentence(m.explanation)} But the ${s.label} is held by "${s.heldByOther}", not the contracting entity.` };
    }
    return { certificateId: s.certificateId, certificate: s.label, verdict: m.verdict, explanation: m.explanation };
  });
  const covering = byCertificate.filter((c) => c.verdict === 'covered');
  if (covering.length) {
    const first = covering[0]!;
    const also = covering.length > 1 ? ` Also covered by the ${covering.slice(1).map((c) => c.certificate).join(', ')}.` : '';
    return { verdict: 'covered', explanation: `Covered by the ${first.certificate}: ${sentence(first.explanation)}${also}`, coveredBy: covering.map((c) => c.certificateId), byCertificate };
  }
  const verdict: CoverageVerdict = byCertificate.some((c) => c.verdict === 'uncertain') ? 'uncertain' : 'not_covered';
  const valid = byCertificate.filter((c) => c.verdict !== 'void');
  const voided = byCertificate.filter((c) => c.verdict === 'void');
  const parts = [
    ...valid.map((c) => `Against the ${c.certificate}: ${sentence(c.explanation)}`),
    ...voided.map((c) => c.explanation),
  ];
  const lead = !valid.length ? 'No valid certificate is shared to cover it. ' : valid.length > 1 || voided.length ? `None of the ${valid.length} valid certificate${valid.length === 1 ? '' : 's'} shared surely covers it. ` : '';
  return { verdict, explanation: `${lead}${parts.join(' ')}`, coveredBy: [], byCertificate };
}
