import { verificationState, checkedFactLabels } from '../../shared/certificate/verification';
import { outcomeText, type CertificateFacts } from '../../shared/findings/rules';
import type { ScopeJudgementDto } from '../../shared/schemas/engagement';

/** A contracted site or service as the report prints it: a verdict in words and the certificate covering it, or why none does. */
export interface ScopeRow {
  kind: 'Site' | 'Service';
  name: string;
  verdict: 'covered' | 'confirm' | 'not covered' | 'unknown';
  basis: string;
}

/** A certificate the scope rests on, with whether the buyer checked it in a public directory. */
export interface ScopeCertificate {
  number: string;
  body: string;
  expiryDate: string;
  status: string;
  check: string;
}

export interface ReportScope {
  rows: ScopeRow[];
  certificates: ScopeCertificate[];
}

const verdictWords = { covered: 'covered', uncertain: 'confirm', not_covered: 'not covered' } as const;

/** The buyer's latest directory check of a certificate in one phrase: "checked in UKAS CertCheck on 2026-12-07 by Dana Okafor" or "not checked". */
export function checkPhrase(c: CertificateFacts): string {
  const v = c.verification;
  const state = verificationState(v, c);
  if (!v || state.state === 'unverified') return 'not checked';
  const when = `on ${v.checkedOn}${v.recordedBy ? ` by ${v.recordedBy}` : ''}`;
  if (state.state === 'failed') return `not confirmed by ${v.directoryName} ${when}: ${outcomeText[state.outcome]}`;
  const checked = `checked in ${v.directoryName} ${when}`;
  if (state.state === 'stale') return `${checked}, but its ${state.changes.map((ch) => checkedFactLabels[ch.field]).join(', ')} changed since: not checked as it is now`;
  return checked;
}

/**
 * The report's scope section from the engagement's scope judgement (never
 * matched again here): each contracted site and service with its verdict and
 * the certificate that covers it or why none does; "unknown" for each when no
 * certificate is shared at all.
 */
export function reportScope(scope: ScopeJudgementDto, certificates: readonly CertificateFacts[], contracted: { sites: readonly string[]; services: readonly string[] }): ReportScope {
  const byId = new Map(certificates.map((c) => [c.id, c]));
  const name = (id: string) => {
    const c = byId.get(id);
    return c ? `${c.certificateNumber} (${c.certificationBody})` : 'a shared certificate';
  };
  const row = (kind: ScopeRow['kind'], label: string, j: Omit<ScopeJudgementDto['sites'][number], 'site'>): ScopeRow => {
    if (j.verdict !== 'covered') return { kind, name: label, verdict: verdictWords[j.verdict], basis: j.explanation };
    const [first, ...others] = j.coveredBy;
    const why = j.byCertificate.find((b) => b.certificateId === first)?.explanation ?? '';
    const also = others.length > 0 ? ` Also covered by ${others.map(name).join(', ')}.` : '';
    return { kind, name: label, verdict: 'covered', basis: `${name(first!)}: ${why}${also}` };
  };
  const none = certificates.length === 0;
  const unknown = (kind: ScopeRow['kind'], label: string): ScopeRow => ({ kind, name: label, verdict: 'unknown', basis: 'No ISO/IEC 27001 certificate is shared with the engagement.' });
  const rows = none
    ? [...contracted.sites.map((s) => unknown('Site', s)), ...contracted.services.map((s) => unknown('Service', s))]
    : [...scope.sites.map((s) => row('Site', s.site, s)), ...scope.services.map((s) => row('Service', s.service, s))];
  return {
    rows,
    certificates: scope.certificates.map((s) => {
      const c = byId.get(s.id)!;
      return { number: c.certificateNumber, body: c.certificationBody, expiryDate: c.expiryDate, status: s.valid ? 'valid' : `covers nothing: ${s.voidReason}`, check: checkPhrase(c) };
    }),
  };
}
