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

/**
 * What a date on a certificate is, read from its label: this certificate's
 * issue, expiry or original certification; another cycle's expiry or an
 * audit, decision, agreement or revision date (`other`); the date beside the
 * signature ("Cologne, 2024-11-28"); or `unlabelled`.
 */
export type DateRole = CertificateDateKind | 'other' | 'signature' | 'unlabelled';

export interface ClassifiedDate {
  iso: string;
  role: DateRole;
  /** Label-to-date span, for the source shown to the reader. */
  start: number;
  end: number;
  /** The label as printed ('' when none). */
  label: string;
  /** 0: the label is unambiguous; 1: it usually means this role. */
  rank: number;
}

// Order matters: a label about another cycle or an audit is never this certificate's date, however else it reads.
const ROLE_RULES: { role: DateRole; rank: number; re: RegExp }[] = [
  { role: 'other', rank: 0, re: /\b(?:last|previous|prior|former)\b[^\n]*\b(?:cycle|certificate|expir)|\bcycle\s+expir|\bof\s+(?:the\s+)?previous\b/i },
  { role: 'other', rank: 0, re: /\baudit|surveillance|decision|agreement|revision|dated\b|\bdue\b|\bdel\b|statement\s+of\s+applicability|\bSoA\b|\bv(?:ersion)?\s*\d|since\s+\d{4}|report/i },
  { role: 'expiry', rank: 0, re: /expir|scadenza|valid\s*(?:until|till|to|through|thru)\b|gültig\s+bis|\bvalid\b[^\n]*\bto\s*:?\s*$/i },
  { role: 'original', rank: 0, re: /\b(?:original|initial|first|prima|erst)\w*|\bsince\b|\boriginally\b/i },
  { role: 'issue', rank: 0, re: /\b(?:re-?issue|issu(?:e|ed|ing)|effective|current|emissione|ausstellung)\b|cycle\s+start/i },
  { role: 'issue', rank: 1, re: /\bregistration\s+date|date\s+of\s+registration|certification\s+date|date\s+of\s+certification|\bvalid(?:ity)?\b[^\n]*\bfrom\b|gültig\s+ab/i },
];

/** The role a label gives the date after it; null when the label says nothing about dates. */
export function roleOfLabel(label: string): { role: DateRole; rank: number } | null {
  for (const r of ROLE_RULES) if (r.re.test(label)) return { role: r.role, rank: r.rank };
  return null;
}

/**
 * Every date of `text` with the role its label gives it. The label is the
 * text before the date on its line (back to the previous date), or the line
 * above when the date's line holds nothing else: label and value may be
 * separated by words ("Expiration date of certificate:"), colons or a line
 * break, as PDF text of table cells reads.
 */
export function classifyDates(text: string, options: DateOptions = {}, dates = findDates(text, options)): ClassifiedDate[] {
  const lines = lineStarts(text);
  return dates.map((d, i) => {
    const next = dates[i + 1];
    const lineEndAt = text.indexOf('\n', d.end);
    const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
    if (next && next.start < lineEnd && /^\s*(?:to|until|till|through|thru|bis|al|-|–|—)\s*:?\s*$/i.test(text.slice(d.end, next.start))) {
      // The first date of "Valid: X – Y" is the issue, whatever words the label has besides.
      const ls = text.lastIndexOf('\n', d.start - 1) + 1;
      const lead = text.slice(Math.max(ls, d.start - 80), d.start);
      if (/valid|gültig|effective|period/i.test(lead) && roleOfLabel(lead)?.role !== 'other') {
        return { iso: d.iso, role: 'issue', rank: 0, start: Math.max(ls, d.start - 80), end: d.end, label: lead.trim() };
      }
    }
    const lineStart = text.lastIndexOf('\n', d.start - 1) + 1;
    const prev = dates[i - 1];
    let from = prev && prev.end > lineStart ? prev.end : lineStart;
    let label = text.slice(from, d.start);
    const rangeTo = prev && prev.end > lineStart && /^\s*(?:to|until|till|through|thru|bis|al|-|–|—)\s*:?\s*$/i.test(label);
    if (rangeTo && prev) {
      // "valid from X to Y": Y is the expiry when the range is about validity.
      const lead = text.slice(Math.max(lineStart, prev.start - 80), prev.start);
      const leadRole = roleOfLabel(lead);
      if (/valid|gültig|effective|period/i.test(lead) && leadRole?.role !== 'other') {
        return { iso: d.iso, role: 'expiry', start: Math.max(lineStart, prev.start - 80), end: d.end, label: `${lead.trim()} … ${label.trim()}`, rank: 0 };
      }
      return { iso: d.iso, role: leadRole?.role === 'other' ? 'other' : 'unlabelled', start: from, end: d.end, label: label.trim(), rank: 1 };
    }
    if (!/[\p{L}]/u.test(label) && from === lineStart && lineStart > 0) {
      const above = labelAbove(text, lines, lineStart, options);
      if (above) {
        from = above.start;
        label = above.label;
      }
    }
    // Only the last few words before the date speak for it, not a whole sentence.
    const words = label.replace(/\s+/g, ' ').trim().split(' ');
    const near = words.slice(-8).join(' ');
    const role = roleOfLabel(near);
    if (role) return { iso: d.iso, role: role.role, rank: role.rank, start: from, end: d.end, label: near };
    if ((/^\s*\p{Lu}[\p{L} .'-]{1,30},\s*$/u.test(label) && words.length <= 3) || /place\s+and\s+date|ort\s+und\s+datum|luogo\s+e\s+data/i.test(near)) {
      return { iso: d.iso, role: 'signature', rank: 1, start: from, end: d.end, label: near };
    }
    return { iso: d.iso, role: 'unlabelled', rank: 1, start: from, end: d.end, label: near };
  });
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The label of a date alone on its line: the line above, or, when labels and
 * dates come out as two columns (a run of label lines, then a run of date
 * lines), the label in the same position of the label run.
 */
function labelAbove(text: string, lines: number[], lineStart: number, options: DateOptions): { label: string; start: number } | null {
  const idx = lines.indexOf(lineStart);
  const lineText = (k: number) => text.slice(lines[k] ?? 0, (lines[k + 1] ?? text.length + 1) - 1);
  const dateOnly = (k: number) => {
    const t = lineText(k);
    return findDates(t, options).length > 0 && !/\p{L}/u.test(t.replace(/(?:\d{1,2}\.?\s+)?\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}/gu, ''));
  };
  let first = idx;
  while (first > 0 && dateOnly(first - 1)) first--;
  const k = idx - first;
  const runLength = (() => {
    let n = 0;
    while (first + n < lines.length && dateOnly(first + n)) n++;
    return n;
  })();
  // Label-only lines directly above the date run.
  const labels: number[] = [];
  for (let j = first - 1; j >= 0 && labels.length < runLength; j--) {
    const t = lineText(j);
    if (!t.trim() || findDates(t, options).length || t.length > 80) break;
    labels.unshift(j);
  }
  const pick = labels.length === runLength ? labels[k] : k === 0 ? labels[labels.length - 1] : undefined;
  if (pick === undefined) return null;
  return { label: lineText(pick), start: lines[pick] ?? 0 };
}

function describe(c: ClassifiedDate): string {
  return `${c.iso} (${c.label ? `"${c.label.replace(/\s*:?\s*$/, '')}"` : 'unlabelled'})`;
}

/**
 * One date from its candidates: high confidence only when the surest
 * candidates agree and their label is unambiguous; otherwise the first is
 * proposed with a warning naming every value and its label.
 */
function pick(text: string, candidates: ClassifiedDate[], what: string, warnings: string[]): Field<string> {
  if (!candidates.length) return null;
  const sorted = [...candidates].sort((a, b) => a.rank - b.rank || a.start - b.start);
  const best = sorted[0]!;
  const sure = sorted.filter((c) => c.rank === best.rank);
  const distinct = [...new Map(sure.map((c) => [c.iso, c])).values()];
  let confidence: Confidence = best.rank === 0 ? 'high' : 'medium';
  if (distinct.length > 1) {
    const warning = `Two ${what} dates conflict: ${distinct.map(describe).join(' and ')}. Proposed ${best.iso}; please confirm.`;
    warnings.push(warning);
    return { ...proposed(text, best.iso, best.start, best.end, best.rank === 0 ? 'medium' : 'low'), warning };
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
 * Issue, expiry and original certification dates: every date is classified
 * by its label (`classifyDates`), each field takes its candidates, and
 * conflicts are warned about rather than guessed. Warnings also flag dates
 * that disagree with how certificates work (three-year cycles).
 * `exclude` are spans whose dates belong to something else (the cited SoA).
 */
export function findCertificateDates(text: string, options: DateOptions = {}, exclude: { start: number; end: number }[] = []): CertificateDates {
  const warnings: string[] = [];
  const dates = findDates(text, options).filter((d) => !exclude.some((x) => d.end > x.start && d.start < x.end));
  const all = classifyDates(text, options, dates);
  const of = (role: DateRole) => all.filter((c) => c.role === role);

  const originalCertificationDate = pick(text, of('original'), 'original certification', warnings);
  let issue = of('issue');
  // A re-issue supersedes the issue of the same cycle; "Registration date" is the issue only where no surer label is.
  const reissue = issue.filter((c) => /re-?issue/i.test(c.label));
  if (reissue.length) issue = reissue;
  let issueDate = pick(text, issue, 'issue', warnings);
  if (!issueDate) {
    const signed = of('signature');
    const last = signed[signed.length - 1];
    if (last) issueDate = proposed(text, last.iso, last.start, last.end, 'low');
  }
  let expiryDate = pick(text, of('expiry'), 'expiry', warnings);
  if (!expiryDate) {
    // No expiry label: the latest unlabelled date may be the expiry, but that is a guess to confirm.
    const unlabelled = all.filter((c) => c.role === 'unlabelled' || c.role === 'signature');
    const latest = unlabelled.reduce<ClassifiedDate | undefined>((a, d) => (!a || d.iso > a.iso ? d : a), undefined);
    if (latest && (!issueDate || latest.iso > issueDate.value)) {
      const warning = `No date is labelled as the expiry; ${latest.iso} is the latest date printed: please confirm.`;
      expiryDate = { ...proposed(text, latest.iso, latest.start, latest.end, 'low'), warning };
      warnings.push(warning);
    }
  }

  if (issueDate && expiryDate) {
    if (expiryDate.value <= issueDate.value) warnings.push(`The expiry date ${expiryDate.value} is not after the issue date ${issueDate.value}.`);
    else if (expiryDate.value > addYears(issueDate.value, 3, 31)) {
      warnings.push(`The certificate is valid for more than three years (${issueDate.value} to ${expiryDate.value}).`);
      if (expiryDate.confidence === 'high') expiryDate = { ...expiryDate, confidence: 'medium' };
    }
  }
  if (originalCertificationDate && issueDate && originalCertificationDate.value > issueDate.value) {
    warnings.push(`The original certification date ${originalCertificationDate.value} is after the issue date ${issueDate.value}.`);
  }
  return { issueDate, expiryDate, originalCertificationDate, warnings };
}
