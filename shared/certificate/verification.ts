/**
 * Whether a certificate was checked in a public directory, and whether that
 * check still stands. A check is of the facts the certificate had then: when
 * the provider later corrects its number, body, holder or expiry, or shares a
 * new version (a new certificate), the check no longer vouches for it.
 */

export const verificationOutcomes = ['verified', 'not_found', 'mismatch'] as const;
export type VerificationOutcome = (typeof verificationOutcomes)[number];

/** The facts a directory look-up confirms: what was on the certificate when it was checked. */
export interface CheckedFacts {
  certificateNumber: string;
  certificationBody: string;
  legalEntity: string;
  expiryDate: string;
}

export const checkedFactLabels: Record<keyof CheckedFacts, string> = {
  certificateNumber: 'certificate number',
  certificationBody: 'certification body',
  legalEntity: 'certified entity',
  expiryDate: 'expiry date',
};

/** A recorded check, as the rules and the UI read it. */
export interface VerificationFacts {
  outcome: VerificationOutcome;
  checkedOn: string;
  directoryName: string;
  directoryUrl: string;
  recordedBy: string | null;
  note: string;
  checkedFacts: CheckedFacts;
}

export interface FactChange {
  field: keyof CheckedFacts;
  checked: string;
  now: string;
}

export type VerificationState =
  | { state: 'unverified' }
  /** Checked, but of facts the certificate no longer has. */
  | { state: 'stale'; changes: FactChange[] }
  | { state: 'verified' }
  | { state: 'failed'; outcome: Exclude<VerificationOutcome, 'verified'> };

export function checkedFactsOf(c: CheckedFacts): CheckedFacts {
  return { certificateNumber: c.certificateNumber, certificationBody: c.certificationBody, legalEntity: c.legalEntity, expiryDate: c.expiryDate };
}

const same = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/** The facts that differ between what was checked and what the certificate says now. */
export function factsChangedSince(checked: CheckedFacts, now: CheckedFacts): FactChange[] {
  return (Object.keys(checkedFactLabels) as (keyof CheckedFacts)[])
    .filter((field) => !same(checked[field] ?? '', now[field]))
    .map((field) => ({ field, checked: checked[field] ?? '', now: now[field] }));
}

/** What the latest check (if any) says about the certificate as it is now. */
export function verificationState(latest: VerificationFacts | null, now: CheckedFacts): VerificationState {
  if (!latest) return { state: 'unverified' };
  const changes = factsChangedSince(latest.checkedFacts, now);
  if (changes.length > 0) return { state: 'stale', changes };
  return latest.outcome === 'verified' ? { state: 'verified' } : { state: 'failed', outcome: latest.outcome };
}

/** "expiry date 2027-03-01 (checked: 2026-03-01)": a change, quoting both values. */
export const describeChange = (c: FactChange) => `${checkedFactLabels[c.field]} "${c.now}" (checked: "${c.checked}")`;
