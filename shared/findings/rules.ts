import { GAP_THRESHOLD } from '../scoring/gap';
import { findControl } from '../catalog';
import type { AnswerValue } from '../schemas/answer';
import type { Question } from '../schemas/template';
import type { CertificateCoverage } from '../matching/coverage';
import { certificationBodyInfo } from '../certificate/bodies';
import { describeChange, verificationState, type VerificationFacts } from '../certificate/verification';
import { findingSeverity, type FindingCode, type Severity } from './codes';

/**
 * The finding rules of SPEC.md as one pure function: the same facts always
 * give the same findings, each with a stable key (so a person's workflow on
 * it survives recomputation) and an explanation quoting the values compared.
 *
 * Matching (sites, services, legal entities) and scoring are computed by
 * their own modules and handed in, so each rule here only decides.
 */

/** ISO/IEC 27001:2013 certificates are no longer valid after this day. */
export const TRANSITION_END_2013 = '2025-10-31';
/** A certificate expiring within this many days raises CERT_EXPIRING. */
export const EXPIRING_WITHIN_DAYS = 90;
/** Evidence older than this when the answers were submitted raises EVIDENCE_STALE. */
export const STALE_EVIDENCE_MONTHS = 12;

export interface CertificateFacts {
  id: string;
  documentTitle: string;
  edition: '2022' | '2013';
  certificateNumber: string;
  certificationBody: string;
  accreditationBody: string | null;
  legalEntity: string;
  issueDate: string;
  expiryDate: string;
  soaReference: { version?: string; date?: string } | null;
  /** The buyer's latest check of this certificate in a public directory; null when nobody has checked it. */
  verification: VerificationFacts | null;
}

export interface SoaFacts {
  id: string;
  documentTitle: string;
  version: string | null;
  date: string | null;
  numbering: '2022' | '2013' | 'both' | '2005';
  rows: { controlId: string; applicable: boolean | null; implementation: 'full' | 'partial' | 'none' | null; justification: string; method: string; sourceRow: number | null }[];
}

export interface MatchVerdict {
  verdict: 'covered' | 'uncertain' | 'not_covered';
  explanation: string;
  /** The certificates whose scope covers it (the union of every valid certificate shared). */
  coveredBy?: string[];
  /** What each certificate shared says about it (expired and superseded ones: `void`). */
  byCertificate?: CertificateCoverage[];
}

/** Whether the certificate's holder is the contracting entity, and which names were compared (and where each came from). */
export interface EntityMatchFacts {
  certificateId: string;
  verdict: 'covered' | 'uncertain' | 'not_covered';
  explanation: string;
  compared: { name: string; source: string }[];
}

export interface AnswerFacts {
  assessmentId: string;
  assessmentTitle: string;
  submittedAt: string | null;
  question: Pick<Question, 'key' | 'text' | 'controlIds' | 'evidence' | 'answerType' | 'options'>;
  value: AnswerValue;
  /** Credit before caps (null: not scored or n.a.). */
  credit: number | null;
  notApplicable: boolean;
  evidence: { title: string; uploadedAt: string }[];
}

export interface RuleInput {
  /** YYYY-MM-DD */
  today: string;
  engagement: { name: string; contractingEntity: string };
  /** Certificates shared with the engagement (the one expiring last is judged). */
  certificates: CertificateFacts[];
  /** The SoA shared with the engagement (the latest), if any. */
  soa: SoaFacts | null;
  /** Controls the engagement's profile requires (they must not be excluded). */
  requiredControls: readonly string[];
  /** For each required control, the engagement facts that require it ("payment card data", "cloud services"…). */
  requiredBecause?: Readonly<Record<string, readonly string[]>>;
  /** Whether the certificate's entity is the contracting entity (computed by the matching module). */
  entityMatch: (MatchVerdict & { verdict: 'covered' | 'uncertain' | 'not_covered' }) | null;
  /** The holder check of every valid certificate shared; when given, it replaces `entityMatch`. */
  entityMatches?: EntityMatchFacts[];
  sites: { site: string; match: MatchVerdict }[];
  services: { service: string; match: MatchVerdict }[];
  answers: AnswerFacts[];
  /** Controls scored below GAP_THRESHOLD, with the severity their weight gives. */
  controlGaps: { controlId: string; score: number; weight: number; severity: Severity }[];
}

export interface DerivedFinding {
  code: FindingCode;
  severity: Severity;
  /** Stable identity within the engagement: the workflow state is stored under it. */
  key: string;
  controlIds: string[];
  title: string;
  explanation: string;
  /** The values compared, for the UI and the audit trail. */
  facts: Record<string, unknown>;
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
const addMonths = (iso: string, months: number) => {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
const controlLabel = (id: string) => `${id} ${findControl(id)?.title ?? ''}`.trim();
const normVersion = (v: string) => v.trim().toLowerCase().replace(/^(version|ver\.?|rev\.?|v)\s*/, '');
const fixed = (code: Exclude<FindingCode, 'CONTROL_GAP'>) => findingSeverity[code];

/**
 * Whether an exclusion's justification is empty or only a placeholder ("N/A",
 * "-", "TBD", "none", "see above"…): such a cell says nothing about why the
 * control was excluded, so it does not count as a justification.
 */
export function isPlaceholderJustification(text: string): boolean {
  const t = text.trim().toLowerCase().replace(/[\s.]+$/g, '').trim();
  if (!t) return true;
  if (/^[\p{P}\p{S}\s]+$/u.test(t)) return true;
  return /^(n\/?a|n\.a|na|not applicable|none|nil|null|tbd|tbc|to be (?:defined|determined|confirmed)|x|no|excluded|not required|see above|as above|idem|same as above)$/.test(t);
}

const numberKey = (n: string) => n.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
// Two issues of one certificate carry the same number however it is punctuated ("IS 765432", "IS-765432"); a number with no letter or digit identifies nothing.
const sameNumber = (a: string, b: string) => numberKey(a) !== '' && numberKey(a) === numberKey(b);

/**
 * Why a certificate covers nothing today, or null when it is valid: expired,
 * to the superseded 2013 edition after the transition, or replaced by a later
 * issue of the same certificate number that is also shared.
 */
export function certificateVoidReason(cert: CertificateFacts, all: readonly CertificateFacts[], today: string): string | null {
  const lapsed = lapsedReason(cert, all, today);
  if (lapsed) return lapsed;
  // A certificate the public directory did not confirm may be forged or withdrawn: its scope vouches for nothing.
  const check = verificationState(cert.verification, cert);
  if (check.state === 'failed') return `${cert.verification!.directoryName} did not confirm it on ${cert.verification!.checkedOn} (${outcomeText[check.outcome]})`;
  return null;
}

/** Expired, to the superseded edition, or replaced by a later issue: the reasons a certificate lapses whatever a directory says. */
function lapsedReason(cert: CertificateFacts, all: readonly CertificateFacts[], today: string): string | null {
  if (cert.expiryDate < today) return `it expired on ${cert.expiryDate}`;
  if (cert.edition === '2013' && today > TRANSITION_END_2013) return `it is to ISO/IEC 27001:2013, no longer valid after ${TRANSITION_END_2013}`;
  const later = all.find((o) => o.id !== cert.id && sameNumber(o.certificateNumber, cert.certificateNumber) && o.issueDate > cert.issueDate);
  if (later) return `it is superseded by the issue of ${later.issueDate} ("${later.documentTitle}")`;
  return null;
}

/** What a failed directory check found, in words (the finding rules and the report say it the same way). */
export const outcomeText = { not_found: 'not found in the directory', mismatch: "the directory's entry differs from the certificate" } as const;

/** How findings name a certificate. */
export const certificateLabel = (cert: Pick<CertificateFacts, 'certificateNumber' | 'certificationBody'>) => `certificate ${cert.certificateNumber} (${cert.certificationBody})`;

/** The certificate judged for the engagement: the one that stays valid longest. */
export function currentCertificate(certificates: readonly CertificateFacts[]): CertificateFacts | null {
  return [...certificates].sort((a, b) => (a.expiryDate < b.expiryDate ? 1 : -1))[0] ?? null;
}

function certificateRules(input: RuleInput): DerivedFinding[] {
  const out: DerivedFinding[] = [];
  const cert = currentCertificate(input.certificates);
  if (!cert) {
    out.push({
      code: 'CERT_MISSING',
      severity: fixed('CERT_MISSING'),
      key: 'CERT_MISSING',
      controlIds: [],
      title: 'No ISO/IEC 27001 certificate shared',
      explanation: `The provider has not shared an ISO/IEC 27001 certificate with "${input.engagement.name}".`,
      facts: {},
    });
    return out;
  }
  const where = `certificate ${cert.certificateNumber} (${cert.certificationBody})`;
  if (cert.expiryDate < input.today) {
    out.push({
      code: 'CERT_EXPIRED',
      severity: fixed('CERT_EXPIRED'),
      key: `CERT_EXPIRED:${cert.id}`,
      controlIds: [],
      title: 'Certificate expired',
      explanation: `The ${where} expired on ${cert.expiryDate}; today is ${input.today}.`,
      facts: { certificateId: cert.id, expiryDate: cert.expiryDate, today: input.today },
    });
  } else if (cert.expiryDate <= addDays(input.today, EXPIRING_WITHIN_DAYS)) {
    out.push({
      code: 'CERT_EXPIRING',
      severity: fixed('CERT_EXPIRING'),
      key: `CERT_EXPIRING:${cert.id}`,
      controlIds: [],
      title: 'Certificate expires soon',
      explanation: `The ${where} expires on ${cert.expiryDate}, in ${daysBetween(input.today, cert.expiryDate)} days (within ${EXPIRING_WITHIN_DAYS}).`,
      facts: { certificateId: cert.id, expiryDate: cert.expiryDate, daysLeft: daysBetween(input.today, cert.expiryDate) },
    });
  }
  if (cert.edition === '2013' && input.today > TRANSITION_END_2013) {
    out.push({
      code: 'CERT_SUPERSEDED_EDITION',
      severity: fixed('CERT_SUPERSEDED_EDITION'),
      key: `CERT_SUPERSEDED_EDITION:${cert.id}`,
      controlIds: [],
      title: 'Certificate to the superseded 2013 edition',
      explanation: `The ${where} is to ISO/IEC 27001:2013; the transition to the 2022 edition ended on ${TRANSITION_END_2013}, so it is no longer a valid certification.`,
      facts: { certificateId: cert.id, edition: cert.edition, transitionEnd: TRANSITION_END_2013 },
    });
  }
  if (!cert.accreditationBody) {
    out.push({
      code: 'CERT_UNACCREDITED',
      severity: fixed('CERT_UNACCREDITED'),
      key: `CERT_UNACCREDITED:${cert.id}`,
      controlIds: [],
      title: 'Certificate names no accreditation body',
      explanation: `The ${where} names no accreditation body (such as UKAS, ANAB or DAkkS): the certification body's work is not overseen by an IAF member, which is weaker assurance.`,
      facts: { certificateId: cert.id, certificationBody: cert.certificationBody },
    });
  }
  const entityMatches: EntityMatchFacts[] = input.entityMatches ?? (input.entityMatch ? [{ certificateId: cert.id, verdict: input.entityMatch.verdict, explanation: input.entityMatch.explanation, compared: [] }] : []);
  for (const m of entityMatches) {
    const held = input.certificates.find((c) => c.id === m.certificateId);
    if (!held || m.verdict === 'covered') continue;
    out.push({
      code: 'CERT_ENTITY_MISMATCH',
      severity: fixed('CERT_ENTITY_MISMATCH'),
      key: `CERT_ENTITY_MISMATCH:${held.id}`,
      controlIds: [],
      title: 'Certified entity is not the contracting entity',
      explanation: `The ${held.id === cert.id ? 'certificate' : certificateLabel(held)} is issued to "${held.legalEntity}" but the contract is with "${input.engagement.contractingEntity}". ${m.explanation}`,
      facts: { certificateId: held.id, certifiedEntity: held.legalEntity, contractingEntity: input.engagement.contractingEntity, verdict: m.verdict, compared: m.compared },
    });
  }
  return out;
}

/**
 * Every certificate that has not lapsed must have been looked up in a public
 * directory by the buyer, and the look-up must still be of the facts it has
 * now; one the directory did not confirm is a finding of its own.
 */
function verificationRules(input: RuleInput): DerivedFinding[] {
  const out: DerivedFinding[] = [];
  for (const held of input.certificates) {
    if (lapsedReason(held, input.certificates, input.today)) continue;
    const label = certificateLabel(held);
    const lookup = certificationBodyInfo(held.certificationBody, held.accreditationBody);
    const check = verificationState(held.verification, held);
    const last = held.verification;
    const base = { certificateId: held.id, certificateNumber: held.certificateNumber, certificationBody: held.certificationBody, directoryName: lookup.directoryName, directoryUrl: lookup.directoryUrl };
    if (check.state === 'failed' && last) {
      out.push({
        code: 'CERT_VERIFICATION_FAILED',
        severity: fixed('CERT_VERIFICATION_FAILED'),
        key: `CERT_VERIFICATION_FAILED:${held.id}`,
        controlIds: [],
        title: 'Certificate not confirmed by the public directory',
        explanation:
          `On ${last.checkedOn}${last.recordedBy ? `, ${last.recordedBy}` : ''} looked up the ${label} in ${last.directoryName} (${last.directoryUrl}): ${outcomeText[check.outcome]}.` +
          `${last.note ? ` Note: "${last.note}".` : ''} Until the certification body confirms it, its scope is not counted as covering any site or service.`,
        facts: { ...base, outcome: last.outcome, checkedOn: last.checkedOn, checkedIn: { name: last.directoryName, url: last.directoryUrl }, recordedBy: last.recordedBy, note: last.note, checkedFacts: last.checkedFacts },
      });
    } else if (check.state === 'unverified' || check.state === 'stale') {
      const stale = check.state === 'stale' && last;
      out.push({
        code: 'CERT_UNVERIFIED',
        severity: fixed('CERT_UNVERIFIED'),
        key: `CERT_UNVERIFIED:${held.id}`,
        controlIds: [],
        title: stale ? 'Certificate changed since it was checked' : 'Certificate not yet checked in a public directory',
        explanation: stale
          ? `The ${label} was checked in ${last.directoryName} on ${last.checkedOn}, but since then the provider changed its ${check.changes.map(describeChange).join(', ')}: look it up again in ${lookup.directoryName} (${lookup.directoryUrl}).`
          : `Nobody has recorded looking up the ${label} in a public directory. A PDF can be edited and a certificate withdrawn without its PDF saying so: look it up in ${lookup.directoryName} (${lookup.directoryUrl}) and record what it shows.`,
        facts: { ...base, ...(stale ? { changedSinceCheck: check.changes, lastCheck: { checkedOn: last.checkedOn, directoryName: last.directoryName, outcome: last.outcome } } : {}) },
      });
    }
  }
  return out;
}

function scopeRules(input: RuleInput): DerivedFinding[] {
  const out: DerivedFinding[] = [];
  if (!currentCertificate(input.certificates)) return out;
  for (const { site, match } of input.sites) {
    if (match.verdict === 'covered') continue;
    const uncertain = match.verdict === 'uncertain';
    out.push({
      code: uncertain ? 'SCOPE_UNCERTAIN' : 'SCOPE_SITE_NOT_COVERED',
      severity: fixed(uncertain ? 'SCOPE_UNCERTAIN' : 'SCOPE_SITE_NOT_COVERED'),
      key: `${uncertain ? 'SCOPE_UNCERTAIN:site' : 'SCOPE_SITE_NOT_COVERED'}:${site.toLowerCase()}`,
      controlIds: [],
      title: uncertain ? `Confirm the certificate covers the site "${site}"` : `Delivery site "${site}" is outside the certificate's scope`,
      explanation: match.explanation,
      facts: { site, verdict: match.verdict, ...(match.byCertificate && { certificates: match.byCertificate }) },
    });
  }
  for (const { service, match } of input.services) {
    if (match.verdict === 'covered') continue;
    const uncertain = match.verdict === 'uncertain';
    out.push({
      code: uncertain ? 'SCOPE_UNCERTAIN' : 'SCOPE_SERVICE_NOT_COVERED',
      severity: fixed(uncertain ? 'SCOPE_UNCERTAIN' : 'SCOPE_SERVICE_NOT_COVERED'),
      key: `${uncertain ? 'SCOPE_UNCERTAIN:service' : 'SCOPE_SERVICE_NOT_COVERED'}:${service.toLowerCase()}`,
      controlIds: [],
      title: uncertain ? `Confirm the certificate covers the service "${service}"` : `Service "${service}" is outside the certificate's scope`,
      explanation: match.explanation,
      facts: { service, verdict: match.verdict, ...(match.byCertificate && { certificates: match.byCertificate }) },
    });
  }
  return out;
}

/**
 * SOA_OUTDATED_NUMBERING: an SoA numbered only by ISO/IEC 27001:2013 (A.5–A.18)
 * or 2005 (A.5–A.15) Annex A. A 2005 SoA's controls are not mapped to 2022 ones,
 * so it states nothing about any 2022 control.
 */
function outdatedNumbering(soa: SoaFacts): DerivedFinding | null {
  if (soa.numbering !== '2013' && soa.numbering !== '2005') return null;
  const old2005 = soa.numbering === '2005';
  return {
    code: 'SOA_OUTDATED_NUMBERING',
    severity: fixed('SOA_OUTDATED_NUMBERING'),
    key: `SOA_OUTDATED_NUMBERING:${soa.id}`,
    controlIds: [],
    title: old2005 ? 'SoA uses the ISO/IEC 27001:2005 Annex A numbering' : 'SoA uses only the 2013 Annex A numbering',
    explanation: old2005
      ? `"${soa.documentTitle}" lists controls by ISO/IEC 27001:2005 numbering (A.5–A.15, 133 controls), recognised from its ids and titles: it was written for an edition withdrawn in 2013, and its controls were not mapped to the 2022 ones (2005 ids name other controls than the same 2013 ids).`
      : `"${soa.documentTitle}" lists controls only by ISO/IEC 27001:2013 numbering (A.5–A.18): it was not updated for the 2022 controls, including the 11 new ones.`,
    facts: { numbering: soa.numbering },
  };
}

function soaRules(input: RuleInput): DerivedFinding[] {
  const out: DerivedFinding[] = [];
  const soa = input.soa;
  if (!soa) {
    out.push({
      code: 'SOA_MISSING',
      severity: fixed('SOA_MISSING'),
      key: 'SOA_MISSING',
      controlIds: [],
      title: 'No Statement of Applicability shared',
      explanation: `The provider has not shared a Statement of Applicability with "${input.engagement.name}": which controls are excluded cannot be checked.`,
      facts: {},
    });
    return out;
  }
  const cert = currentCertificate(input.certificates);
  const cited = cert?.soaReference;
  if (cited && (cited.version || cited.date)) {
    // A cited version or date the shared SoA does not carry (or carries differently) is a mismatch.
    const versionDiffers = Boolean(cited.version) && (!soa.version || normVersion(cited.version!) !== normVersion(soa.version));
    const dateDiffers = Boolean(cited.date) && (!soa.date || cited.date !== soa.date);
    if (versionDiffers || dateDiffers) {
      const citedText = [cited.version && `version ${cited.version}`, cited.date && `dated ${cited.date}`].filter(Boolean).join(', ');
      const sharedText = [soa.version ? `version ${soa.version}` : 'no version', soa.date ? `dated ${soa.date}` : 'no date'].join(', ');
      out.push({
        code: 'SOA_REFERENCE_MISMATCH',
        severity: fixed('SOA_REFERENCE_MISMATCH'),
        key: `SOA_REFERENCE_MISMATCH:${soa.id}`,
        controlIds: [],
        title: 'The shared SoA is not the one the certificate cites',
        explanation: `The certificate cites the SoA ${citedText}; the SoA shared ("${soa.documentTitle}") is ${sharedText}.`,
        facts: { cited, shared: { version: soa.version, date: soa.date } },
      });
    }
  }
  const outdated = outdatedNumbering(soa);
  if (outdated) out.push(outdated);
  const missing = soa.rows.filter((r) => r.method === 'missing').map((r) => r.controlId);
  if (missing.length) {
    out.push({
      code: 'SOA_INCOMPLETE',
      severity: fixed('SOA_INCOMPLETE'),
      key: `SOA_INCOMPLETE:${soa.id}`,
      controlIds: missing,
      title: `SoA does not list ${missing.length} control${missing.length === 1 ? '' : 's'}`,
      explanation: `"${soa.documentTitle}" does not list ${missing.length} of the 93 controls: ${missing.slice(0, 12).join(', ')}${missing.length > 12 ? ', …' : ''}.`,
      facts: { missing },
    });
  }
  const required = new Set(input.requiredControls);
  const because = (id: string) => {
    const reasons = input.requiredBecause?.[id] ?? [];
    return reasons.length ? ` because of ${reasons.join(' and ')}` : '';
  };
  for (const r of soa.rows) {
    if (r.applicable !== false) continue;
    const at = r.sourceRow ? ` (row ${r.sourceRow})` : '';
    if (required.has(r.controlId)) {
      out.push({
        code: 'SOA_EXCLUDES_REQUIRED',
        severity: fixed('SOA_EXCLUDES_REQUIRED'),
        key: `SOA_EXCLUDES_REQUIRED:${r.controlId}`,
        controlIds: [r.controlId],
        title: `SoA excludes ${controlLabel(r.controlId)}, which this engagement requires`,
        explanation: `The SoA${at} marks ${controlLabel(r.controlId)} as not applicable${r.justification ? ` ("${r.justification}")` : ''}, but this engagement requires it${because(r.controlId)}.`,
        facts: { controlId: r.controlId, justification: r.justification, row: r.sourceRow, requiredBecause: input.requiredBecause?.[r.controlId] ?? [] },
      });
    }
    if (isPlaceholderJustification(r.justification)) {
      const given = r.justification.trim();
      out.push({
        code: 'SOA_EXCLUSION_UNJUSTIFIED',
        severity: fixed('SOA_EXCLUSION_UNJUSTIFIED'),
        key: `SOA_EXCLUSION_UNJUSTIFIED:${r.controlId}`,
        controlIds: [r.controlId],
        title: `Exclusion of ${r.controlId} has no justification`,
        explanation: given
          ? `The SoA${at} excludes ${controlLabel(r.controlId)} with only "${given}" as its justification, which says nothing about why; ISO/IEC 27001 requires a justification for every exclusion.`
          : `The SoA${at} excludes ${controlLabel(r.controlId)} without saying why; ISO/IEC 27001 requires a justification for every exclusion.`,
        facts: { controlId: r.controlId, row: r.sourceRow, justification: given },
      });
    }
  }
  return out;
}

function answerRules(input: RuleInput): DerivedFinding[] {
  const out: DerivedFinding[] = [];
  const soaRows = new Map((input.soa?.rows ?? []).map((r) => [r.controlId, r]));
  for (const a of input.answers) {
    const positive = !a.notApplicable && a.credit !== null && a.credit > 0;
    const quoted = `"${a.question.text}" answered ${JSON.stringify(a.value)}`;
    const where = `in "${a.assessmentTitle}"`;
    for (const controlId of a.question.controlIds) {
      const row = soaRows.get(controlId);
      if (!row) continue;
      const claimsExcluded = positive && (row.applicable === false || row.implementation === 'none');
      const naButApplicable = a.notApplicable && row.applicable === true;
      if (!claimsExcluded && !naButApplicable) continue;
      const soaSays = row.applicable === false ? 'excludes it' : row.implementation === 'none' ? 'marks it not implemented' : 'says it is applicable';
      out.push({
        code: 'ANSWER_CONTRADICTS_SOA',
        severity: fixed('ANSWER_CONTRADICTS_SOA'),
        key: `ANSWER_CONTRADICTS_SOA:${a.assessmentId}:${a.question.key}:${controlId}`,
        controlIds: [controlId],
        title: `Answer contradicts the SoA on ${controlId}`,
        explanation: `${quoted} ${where}, but the SoA${row.sourceRow ? ` (row ${row.sourceRow})` : ''} ${soaSays} for ${controlLabel(controlId)}${row.justification.trim() ? `, with the justification "${row.justification.trim()}"` : ' and gives no justification'}.`,
        facts: { assessmentId: a.assessmentId, questionKey: a.question.key, value: a.value, controlId, soa: { applicable: row.applicable, implementation: row.implementation, justification: row.justification } },
      });
    }
    if (positive && a.question.evidence === 'required' && a.evidence.length === 0) {
      out.push({
        code: 'CLAIM_WITHOUT_EVIDENCE',
        severity: fixed('CLAIM_WITHOUT_EVIDENCE'),
        key: `CLAIM_WITHOUT_EVIDENCE:${a.assessmentId}:${a.question.key}`,
        controlIds: a.question.controlIds,
        title: 'Claim without the required evidence',
        explanation: `${quoted} ${where} without the evidence the question requires; its credit is capped at 0.5.`,
        facts: { assessmentId: a.assessmentId, questionKey: a.question.key, value: a.value },
      });
    }
    if (a.submittedAt) {
      const limit = addMonths(a.submittedAt, -STALE_EVIDENCE_MONTHS);
      for (const e of a.evidence) {
        if (e.uploadedAt.slice(0, 10) >= limit) continue;
        out.push({
          code: 'EVIDENCE_STALE',
          severity: fixed('EVIDENCE_STALE'),
          key: `EVIDENCE_STALE:${a.assessmentId}:${a.question.key}:${e.title}`,
          controlIds: a.question.controlIds,
          title: 'Evidence older than 12 months',
          explanation: `"${e.title}", attached to "${a.question.text}" ${where}, was uploaded on ${e.uploadedAt.slice(0, 10)}, more than ${STALE_EVIDENCE_MONTHS} months before the answers were submitted on ${a.submittedAt.slice(0, 10)}.`,
          facts: { assessmentId: a.assessmentId, questionKey: a.question.key, uploadedAt: e.uploadedAt, submittedAt: a.submittedAt },
        });
      }
    }
  }
  return out;
}

function gapRules(input: RuleInput): DerivedFinding[] {
  return input.controlGaps.map((g) => ({
    code: 'CONTROL_GAP' as const,
    severity: g.severity,
    key: `CONTROL_GAP:${g.controlId}`,
    controlIds: [g.controlId],
    title: `Gap on ${controlLabel(g.controlId)}`,
    explanation: `${controlLabel(g.controlId)} scores ${g.score.toFixed(2)} (below ${GAP_THRESHOLD}) with weight ${g.weight}.`,
    facts: { controlId: g.controlId, score: g.score, weight: g.weight },
  }));
}

const severityOrder: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** One row of the rule table: a pure function of the facts, and the codes it may raise. */
export interface FindingRule {
  /** What the rule looks at, for the people reading the table. */
  name: string;
  codes: readonly FindingCode[];
  derive: (input: RuleInput) => DerivedFinding[];
}

/**
 * Every finding rule, one row each, in the order their findings are gathered.
 * Adding a rule is a pure function over RuleInput and a row here (the recipe is
 * in docs/architecture.md); each code of codes.ts belongs to exactly one row
 * (test/findings/rule-registration.test.ts).
 */
export const findingRules: readonly FindingRule[] = [
  { name: 'certificate', codes: ['CERT_MISSING', 'CERT_EXPIRED', 'CERT_EXPIRING', 'CERT_SUPERSEDED_EDITION', 'CERT_UNACCREDITED', 'CERT_ENTITY_MISMATCH'], derive: certificateRules },
  { name: 'certificate verification', codes: ['CERT_UNVERIFIED', 'CERT_VERIFICATION_FAILED'], derive: verificationRules },
  { name: 'certificate scope', codes: ['SCOPE_SITE_NOT_COVERED', 'SCOPE_SERVICE_NOT_COVERED', 'SCOPE_UNCERTAIN'], derive: scopeRules },
  { name: 'Statement of Applicability', codes: ['SOA_MISSING', 'SOA_REFERENCE_MISMATCH', 'SOA_OUTDATED_NUMBERING', 'SOA_INCOMPLETE', 'SOA_EXCLUDES_REQUIRED', 'SOA_EXCLUSION_UNJUSTIFIED'], derive: soaRules },
  { name: 'answers', codes: ['ANSWER_CONTRADICTS_SOA', 'CLAIM_WITHOUT_EVIDENCE', 'EVIDENCE_STALE'], derive: answerRules },
  { name: 'control gaps', codes: ['CONTROL_GAP'], derive: gapRules },
];

/** Every finding the rules raise on these facts, most severe first. */
export function deriveFindings(input: RuleInput): DerivedFinding[] {
  const all = findingRules.flatMap((rule) => rule.derive(input));
  const seen = new Set<string>();
  return all
    .filter((f) => (seen.has(f.key) ? false : (seen.add(f.key), true)))
    .sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || a.key.localeCompare(b.key));
}
