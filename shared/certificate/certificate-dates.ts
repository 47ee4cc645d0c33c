import { findDates, type DateMatch, type DateOptions } from './dates';
import { findLabelled } from './labels';
import type { Confidence, Field } from './proposal';
import { proposed } from './text-span';

export type CertificateDateKind = 'issue' | 'expiry' | 'original';

/** Labels for each date, the surest first. */
export const DATE_LABELS: Record<CertificateDateKind, readonly string[][]> = {
  original: [
    [
      'original certification date',
      'original registration date',
      'original approval date',
      'original approval(s)',
      'original approval',
      'original issue date',
      'original date of certification',
      'date of original certification',
      'initial certification date',
      'date of initial certification',
      'initial registration date',
      'initial certification',
      'original cycle start date',
      'certified since',
      'registered since',
      'first issued',
      'first issue date',
      'erstzertifizierung',
    ],
  ],
  issue: [
    [
      'issue date',
      'date of issue',
      'certificate issue date',
      'issued on',
      'effective date',
      'date of effect',
      'current issue',
      'latest issue',
      'issue',
      'issued',
      'certification / recertification cycle start date',
      'recertification cycle start date',
      'cycle start date',
      'certification date',
      'date of certification',
      'ausstellungsdatum',
    ],
    ['valid from', 'validity from', 'effective from', 'gültig ab'],
  ],
  expiry: [
    [
      'expiry date',
      'expiration date',
      'date of expiry',
      'date of expiration',
      'certificate expiry date',
      'certificate expiry',
      'expiry',
      'expires on',
      'expires',
      'this certificate expires on',
      'certificate expires',
      'valid until',
      'valid till',
      'valid to',
      'valid through',
      'valid thru',
      'gültig bis',
    ],
  ],
};

// Words before or after a label that make it about another date ("Expiry date of previous cycle").
const NOT_THIS_DATE: Record<CertificateDateKind, { before: RegExp; after: RegExp }> = {
  original: { before: /(?:previous|expiry)\s*$/i, after: /^\s*of\s+(?:the\s+)?previous/i },
  issue: { before: /(?:original|initial|first|previous|revision|audit)\s*(?:\/\s*)?$/i, after: /^\s*(?:of\s+(?:the\s+)?previous|audit)/i },
  expiry: { before: /(?:previous)\s*$/i, after: /^\s*of\s+(?:the\s+)?previous/i },
};

export interface DateCandidate {
  iso: string;
  start: number;
  end: number;
  /** Lower is surer: the rank of the label list it came from. */
  rank: number;
}

/** The first of `dates` (sorted) that starts at or after `pos`. */
function firstDateFrom(dates: readonly DateMatch[], pos: number): DateMatch | undefined {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((dates[mid]?.start ?? Infinity) < pos) lo = mid + 1;
    else hi = mid;
  }
  return dates[lo];
}

/**
 * A date right after a label, within the label's value or, for a label alone
 * on its line, the line below. `dates` are the text's dates when already found.
 */
export function labelledDates(text: string, kind: CertificateDateKind, options: DateOptions = {}, dates = findDates(text, options)): DateCandidate[] {
  const found: DateCandidate[] = [];
  DATE_LABELS[kind].forEach((labels, rank) => {
    for (const l of findLabelled(text, labels, { maxLength: 80 })) {
      const { before, after } = NOT_THIS_DATE[kind];
      if (before.test(text.slice(Math.max(0, l.labelStart - 25), l.labelStart))) continue;
      if (after.test(text.slice(l.labelEnd, l.labelEnd + 30))) continue;
      const date = firstDateFrom(dates, l.valueStart);
      if (date && date.end <= Math.max(l.valueEnd, l.valueStart + 1) && onlyPunctuationBetween(text, l, date)) {
        found.push({ iso: date.iso, start: l.labelStart, end: date.end, rank });
      }
    }
  });
  return dedupe(found);
}

// "Original approval(s): ISO/IEC 27001 – 13 March 2017" puts the standard between label and date; allow it, but not other dates or words.
function onlyPunctuationBetween(text: string, l: { valueStart: number }, d: DateMatch): boolean {
  const between = text.slice(l.valueStart, d.start);
  return /^[\s:,–—\-(]*(?:(?:ISO\s*\/?\s*IEC\s*)?27001(?::\d{4})?[\s:,–—\-]*)?(?:on|the|from|is|am)?\s*$/i.test(between);
}

function dedupe(found: DateCandidate[]): DateCandidate[] {
  const seen = new Set<number>();
  return found
    .sort((a, b) => a.rank - b.rank || a.start - b.start)
    .filter((c) => (seen.has(c.start) ? false : (seen.add(c.start), true)));
}

export interface ValidityRange {
  from: DateMatch;
  to: DateMatch;
  start: number;
  end: number;
}

/** "Valid from 01.07.2024 until 30.06.2027", "Validity: 15 September 2023 – 14 September 2026". */
export function findValidityRange(text: string, options: DateOptions = {}, dates = findDates(text, options)): ValidityRange | null {
  for (let i = 0; i + 1 < dates.length; i++) {
    const from = dates[i];
    const to = dates[i + 1];
    if (!from || !to) continue;
    if (!/^\s*(?:to|until|till|through|thru|bis|-|–|—)\s*$/i.test(text.slice(from.end, to.start))) continue;
    const lead = /(?:valid(?:ity)?|effective|period|gültig)[^\n.]{0,40}$/i.exec(text.slice(Math.max(0, from.start - 60), from.start));
    if (!lead) continue;
    return { from, to, start: from.start - lead[0].length, end: to.end };
  }
  return null;
}

export interface CertificateDates {
  issueDate: Field<string>;
  expiryDate: Field<string>;
  originalCertificationDate: Field<string>;
  warnings: string[];
}

function pick(text: string, candidates: DateCandidate[], what: string, warnings: string[]): Field<string> {
  const best = candidates[0];
  if (!best) return null;
  const distinct = [...new Set(candidates.filter((c) => c.rank === best.rank).map((c) => c.iso))];
  let confidence: Confidence = best.rank === 0 ? 'high' : 'medium';
  if (distinct.length > 1) {
    warnings.push(`Different ${what} dates are printed: ${distinct.join(', ')}.`);
    confidence = 'medium';
  }
  return proposed(text, best.iso, best.start, best.end, confidence);
}

function addYears(iso: string, years: number, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Issue, expiry and original certification dates from their labels or a
 * "valid from … until …" range, with warnings when the dates disagree with
 * each other or with how certificates work (three-year cycles).
 * `exclude` are spans whose dates belong to something else (the cited SoA).
 */
export function findCertificateDates(text: string, options: DateOptions = {}, exclude: { start: number; end: number }[] = []): CertificateDates {
  const warnings: string[] = [];
  const outside = (c: { start: number; end: number }) => !exclude.some((x) => c.end > x.start && c.start < x.end);
  const dates = findDates(text, options);
  const original = labelledDates(text, 'original', options, dates).filter(outside);
  const taken = new Set(original.map((c) => c.start));
  const issue = labelledDates(text, 'issue', options, dates).filter((c) => outside(c) && !taken.has(c.start));
  const expiry = labelledDates(text, 'expiry', options, dates).filter(outside);

  const range = findValidityRange(text, options, dates);
  if (range) {
    // A range is as sure as an "Issue date" label, and the only source on many European certificates.
    issue.push({ iso: range.from.iso, start: range.start, end: range.from.end, rank: 0 });
    expiry.push({ iso: range.to.iso, start: range.start, end: range.end, rank: 0 });
    for (const list of [issue, expiry]) list.sort((a, b) => a.rank - b.rank || a.start - b.start);
  }

  const originalCertificationDate = pick(text, original, 'original certification', warnings);
  const issueDate = pick(text, dedupe(issue), 'issue', warnings);
  let expiryDate = pick(text, dedupe(expiry), 'expiry', warnings);

  if (!expiryDate) {
    // No label: the latest date on a certificate is almost always its expiry.
    const candidates = dates.filter(outside);
    const latest = candidates.reduce<DateMatch | undefined>((a, d) => (!a || d.iso > a.iso ? d : a), undefined);
    if (latest && candidates.length > 1 && (!issueDate || latest.iso > issueDate.value)) {
      expiryDate = proposed(text, latest.iso, latest.start, latest.end, 'low');
    }
  }

  if (issueDate && expiryDate) {
    if (expiryDate.value <= issueDate.value) warnings.push(`The expiry date ${expiryDate.value} is not after the issue date ${issueDate.value}.`);
    else if (expiryDate.value > addYears(issueDate.value, 3, 31)) warnings.push(`The certificate is valid for more than three years (${issueDate.value} to ${expiryDate.value}).`);
  }
  if (originalCertificationDate && issueDate && originalCertificationDate.value > issueDate.value) {
    warnings.push(`The original certification date ${originalCertificationDate.value} is after the issue date ${issueDate.value}.`);
  }
  return { issueDate, expiryDate, originalCertificationDate, warnings };
}
