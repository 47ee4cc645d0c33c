import { accreditationBodies, certificationBodies, findBodyMentions } from './bodies';
import type { Field } from './proposal';
import { collapseWhitespace, proposed } from './text-span';

// Longer forms first so "Pvt. Ltd." is not cut at "Pvt.".
const SUFFIXES_ANY_CASE = [
  'Pvt\\.?\\s+Ltd\\.?',
  'Private\\s+Limited',
  'Pty\\.?\\s+Ltd\\.?',
  'Pte\\.?\\s+Ltd\\.?',
  'Sdn\\.?\\s+Bhd\\.?',
  'Co\\.?,?\\s+Ltd\\.?',
  'GmbH\\s*&\\s*Co\\.?\\s+KG',
  'S\\.A\\.\\s+de\\s+C\\.V\\.',
  'Incorporated',
  'Inc\\.?',
  'Limited',
  'Ltd\\.?',
  'Corporation',
  'Corp\\.?',
  'GmbH',
  'S\\.A\\.S\\.?',
  'S\\.A\\.',
  'SARL',
  'S\\.L\\.',
  'S\\.r\\.l\\.?',
  'S\\.p\\.A\\.?',
  'B\\.V\\.?',
  'N\\.V\\.?',
  'LLC',
  'L\\.L\\.C\\.?',
  'LLP',
  'PLC',
  'K\\.K\\.',
  'A\\/S',
  'ApS',
  'Kft\\.?',
  'sp\\.\\s*z\\s*o\\.\\s*o\\.',
];
// Two-letter suffixes are only suffixes in capitals ("AG", not "ag").
const SUFFIXES_CAPITALS = ['AG', 'SA', 'SAS', 'SE', 'BV', 'NV', 'AB', 'LP', 'KK', 'Oy', 'OÜ'];

/** `source` matching letters in either case, for a regular expression that is otherwise case-sensitive. */
function anyCase(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i] ?? '';
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
    } else if (/[a-z]/i.test(c)) {
      out += `[${c.toLowerCase()}${c.toUpperCase()}]`;
    } else {
      out += c;
    }
  }
  return out;
}

const SUFFIX = `(?:${SUFFIXES_ANY_CASE.map(anyCase).join('|')}|${SUFFIXES_CAPITALS.join('|')})(?![\\p{L}\\p{N}])`;

/** A legal-form suffix ending a company name: Inc., Ltd, Pvt. Ltd., GmbH, S.A., B.V., LLC, Pty Ltd… */
export const LEGAL_SUFFIX = new RegExp(`(?<=[\\p{L}\\p{N}.)&,]\\s*)${SUFFIX}`, 'gu');

/** Text that starts with a legal-form suffix (after optional spaces): what follows a word that ends a company name. */
export const STARTS_WITH_LEGAL_SUFFIX = new RegExp(`^\\s*,?\\s*${SUFFIX}`, 'u');

// What introduces the certified organisation on certificates from different bodies.
const LEADS: RegExp[] = [
  /this\s+is\s+to\s+certify\s+that/giu,
  /(?<!to\s)certif(?:y|ies)\s+that/giu,
  /(?:granted|awarded|issued)\s+to/giu,
  /(?:certified\s+)?organi[sz]ation(?:\s+name)?\s*:/giu,
  /name\s+of\s+(?:the\s+)?(?:organi[sz]ation|company|client)\s*:?/giu,
  /(?:company(?:\s+name)?|certificate\s+holder|client)\s*:/giu,
  /(?<![\p{L}])the\s+management\s+system\s+of\s*:?(?=\s*\n)/giu,
  // "the Information Security Management System as defined and implemented by\nVantorra Systems B.V.*"
  /\b(?:defined\s+and\s+)?implemented\s+by\s*:?/giu,
  /\bmanagement\s+system\s+(?:operated|maintained)\s+by\s*:?/giu,
];

// Words between the lead and the name: "…certify that the Information Security Management System of: ACME".
const BRIDGE = /^[\s:]*(?:the\s+(?:information\s+security\s+)?management\s+system\s+(?:of|operated\s+by)\s*:?\s*)?/iu;

// Where the sentence carries on after the name.
const NAME_ENDS = /\s+(?:has|have|holds|operates|is|are|was|located|at|for|and\s+operates)\s|,\s*(?=\d)|\s{3,}/iu;

function firstSuffixEnd(candidate: string): number | undefined {
  const [m] = candidate.matchAll(LEGAL_SUFFIX);
  return m ? m.index + m[0].length : undefined;
}

function isCertificateBody(name: string): boolean {
  return findBodyMentions(name, certificationBodies).length > 0 || findBodyMentions(name, accreditationBodies).length > 0;
}

interface Candidate {
  start: number;
  end: number;
  confidence: 'high' | 'medium' | 'low';
}

/** The organisation name right after `from`: up to its legal suffix when there is one (within two lines), else its line. */
export function nameAt(text: string, from: number): Candidate | null {
  const bridge = BRIDGE.exec(text.slice(from, from + 200))?.[0].length ?? 0;
  const start = from + bridge;
  const window = text.slice(start, start + 200);
  const twoLines = window.split('\n').slice(0, 2).join('\n');
  const stop = NAME_ENDS.exec(twoLines)?.index ?? twoLines.length;
  const suffixEnd = firstSuffixEnd(twoLines.slice(0, stop + 1));
  const firstLineEnd = window.indexOf('\n') === -1 ? window.length : window.indexOf('\n');
  // A legal suffix marks the end of the name for sure; without one, the name is taken to fill its line.
  const end = suffixEnd ?? Math.min(firstLineEnd, stop);
  const confidence = suffixEnd !== undefined ? 'high' : 'medium';
  const name = collapseWhitespace(window.slice(0, end)).replace(/[,;:]$/, '');
  if (!/^[\p{Lu}\p{N}]/u.test(name) || name.length < 3 || name.length > 120 || isCertificateBody(name)) return null;
  return { start, end: start + end, confidence };
}

/**
 * The certified organisation: the name after "This is to certify that",
 * "certifies that", "is granted to", "Organisation:" and the like; failing
 * those, a line ending in a legal suffix that is not a certification body.
 */
export function findLegalEntity(text: string): Field<string> {
  const candidates: Candidate[] = [];
  for (const lead of LEADS) {
    for (const m of text.matchAll(lead)) {
      const c = nameAt(text, m.index + m[0].length);
      if (c) candidates.push(c);
    }
  }
  const rank = { high: 0, medium: 1, low: 2 };
  candidates.sort((a, b) => rank[a.confidence] - rank[b.confidence] || a.start - b.start);
  const best = candidates[0];
  if (best) return proposed(text, cleanName(text.slice(best.start, best.end)), best.start, best.end, best.confidence);

  for (const line of text.matchAll(/^[ \t]*(\S[^\n]{1,100}?)[ \t]*$/gmu)) {
    const content = line[1] ?? '';
    const suffix = [...content.matchAll(LEGAL_SUFFIX)].pop();
    if (!suffix || suffix.index + suffix[0].length !== content.length) continue;
    if (isCertificateBody(content) || /registered|accredit|member/i.test(content)) continue;
    const start = line.index + line[0].indexOf(content);
    return proposed(text, cleanName(content), start, start + content.length, 'low');
  }
  return null;
}

function cleanName(raw: string): string {
  return collapseWhitespace(raw).replace(/[,;:]$/, '');
}
