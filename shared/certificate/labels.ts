import { collapseWhitespace, phraseSource, WORD_CHAR } from './text-span';

/**
 * Labelled values ("Certificate No.: IS 765432") in text pulled out of a PDF,
 * where a label's value may sit on the same line, on the next line, or run on
 * for a paragraph until the next label.
 */

export interface LabelledValue {
  /** The label as the document writes it. */
  label: string;
  labelStart: number;
  labelEnd: number;
  valueStart: number;
  valueEnd: number;
  /** The value with layout whitespace collapsed; '' when the label has nothing after it. */
  value: string;
}

export interface FindLabelledOptions {
  /** Read past the end of the label's line, up to the next label (paragraphs such as the scope). */
  multiline?: boolean;
  /** The longest value read, in characters of the text. */
  maxLength?: number;
  /** What ends a value; `defaultStops` unless given. */
  stops?: StopSet;
}

/**
 * How a phrase ends a value: `label` at the start of a line or followed by a
 * colon; `heading` alone on its line or followed by a colon, and `colon` only
 * followed by a colon (both for words that also occur inside sentences);
 * `sentence` at the start of a line or of a sentence.
 */
export type StopKind = 'label' | 'heading' | 'colon' | 'sentence';

export interface StopSet {
  lineStart: RegExp;
  heading: RegExp;
  colon: RegExp;
  sentence: RegExp;
}

/** A regular expression matching any of `phrases` as whole words, case-insensitively. */
export function labelRegex(phrases: readonly string[]): RegExp {
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map(phraseSource);
  return new RegExp(`(?<!${WORD_CHAR})(?:${alternatives.join('|')})(?!${WORD_CHAR})`, 'giu');
}

/** Builds the stop set for `findLabelled` from phrases and how each may end a value. */
export function stopSet(phrases: readonly { phrase: string; kind: StopKind }[]): StopSet {
  const of = (kinds: StopKind[]) =>
    phrases
      .filter((p) => kinds.includes(p.kind))
      .sort((a, b) => b.phrase.length - a.phrase.length)
      .map((p) => phraseSource(p.phrase))
      .join('|');
  const none = '(?!)';
  return {
    lineStart: new RegExp(`(?<=^|\\n)[ \\t]*(?:${of(['label', 'sentence']) || none})(?!${WORD_CHAR})`, 'giu'),
    heading: new RegExp(`(?<=^|\\n)[ \\t]*(?:${of(['heading']) || none})[ \\t]*:?[ \\t]*(?=\\r?\\n|$)`, 'giu'),
    colon: new RegExp(`(?<!${WORD_CHAR})(?:${of(['label', 'heading', 'colon']) || none})[ \\t]*[:：]`, 'giu'),
    sentence: new RegExp(`(?<=[.;][ \\t]+)(?:${of(['sentence']) || none})(?!${WORD_CHAR})`, 'giu'),
  };
}

/** The phrases behind `defaultStops`, for building narrower stop sets. */
export const DEFAULT_STOP_PHRASES: readonly { phrase: string; kind: StopKind }[] = [
  ...[
    'certificate no.',
    'certificate number',
    'certificate registration no.',
    'certificate registration number',
    'cert. no.',
    'registration no.',
    'registration number',
    'approval number',
    'approval number(s)',
    'holds certificate number',
    'holds certificate no.',
    'issue date',
    'date of issue',
    'current issue',
    'latest issue',
    'issued on',
    'effective date',
    'expiry date',
    'expiration date',
    'date of expiry',
    'expires on',
    'certificate expiry',
    'valid from',
    'valid until',
    'original certification date',
    'original registration date',
    'original approval',
    'original approval(s)',
    'original cycle start date',
    'initial certification date',
    'latest revision date',
    'revision date',
    'certification / recertification audit date',
    'certification / recertification cycle start date',
    'expiry date of previous cycle',
    'certified since',
    'scope of certification',
    'scope of registration',
    'certified sites',
    'certified locations',
    'site address',
    'site addresses',
    'certification body',
    'accreditation body',
    'place and date',
  ].map((phrase) => ({ phrase, kind: 'label' as const })),
  ...['scope', 'standard', 'sites', 'locations', 'validity', 'organisation', 'organization', 'address'].map((phrase) => ({
    phrase,
    kind: 'heading' as const,
  })),
  ...['statement of applicability', 'soa', 'date', 'version'].map((phrase) => ({ phrase, kind: 'colon' as const })),
  ...[
    'this certificate',
    'the certificate is',
    'this approval',
    'an audit was performed',
    'proof has been furnished',
    'the validity of this certificate',
    'validity of this certificate',
    'further clarifications',
    'for and on behalf of',
    'on behalf of',
    'signed',
    'authorised by',
    'authorized by',
    'managing director',
    'subject to the continued',
    'has been audited',
    'has been assessed',
    'and operates',
    'accredited by',
    'lead auditor',
    'registered office',
    'page',
    'appendix',
    'annex',
  ].map((phrase) => ({ phrase, kind: 'sentence' as const })),
];

/** The labels and phrases that end a value on a certificate. */
export const defaultStops: StopSet = stopSet(DEFAULT_STOP_PHRASES);

// Enough text before `from` for the stops' lookbehinds (a line break, or a full stop and spaces).
const LOOKBEHIND = 16;
const LOOKAHEAD = 120;

function firstMatchAt(re: RegExp, text: string, from: number, to: number): number | undefined {
  // Search a window, not the rest of the text: values are short and a text can be long.
  // The window runs a little past `to` so lookaheads ("alone on its line") see the real text.
  const base = Math.max(0, from - LOOKBEHIND);
  const window = text.slice(base, Math.min(text.length, to + LOOKAHEAD));
  re.lastIndex = from - base;
  const m = re.exec(window);
  // A "^" at the window's start is not a line start in the text, but it lies before `from` anyway.
  return m && m.index < to - base ? base + m.index : undefined;
}

/** Where the first stop in `[from, to)` begins, if any. */
export function nextStop(text: string, from: number, to: number, stops: StopSet = defaultStops): number | undefined {
  const hits = [stops.lineStart, stops.heading, stops.colon, stops.sentence]
    .map((re) => firstMatchAt(re, text, from, to))
    .filter((i): i is number => i !== undefined);
  return hits.length ? Math.min(...hits) : undefined;
}

const SEPARATOR = /[ \t]*(?:[:：#]|[-–—](?=\s))?[ \t]*/y;

const LABEL_PHRASES = DEFAULT_STOP_PHRASES.filter((p) => p.kind !== 'sentence').map((p) => p.phrase);

/** A line that holds nothing but a label (and a colon): one of `labels` or a known certificate label. */
function labelOnlyLine(labels: readonly string[]): RegExp {
  const alternatives = [...labels, ...LABEL_PHRASES].sort((a, b) => b.length - a.length).map(phraseSource);
  return new RegExp(`^[ \\t]*(?:${alternatives.join('|')})[ \\t]*[:：]?[ \\t]*$`, 'iu');
}

interface Line {
  start: number;
  end: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const eol = text.indexOf('\n', start);
    lines.push({ start, end: eol === -1 ? text.length : eol });
    if (eol === -1) return lines;
    start = eol + 1;
  }
}

function lineIndexAt(lines: readonly Line[], pos: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid]?.start ?? 0) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * For each line, the line where the value of a label standing alone on it
 * starts. A form drawn as a column of labels and then a column of values
 * comes out of the PDF as label lines followed by value lines: the k-th
 * label's value is the k-th line after the run. Other lines: the next line.
 */
export function valueLines(lineTexts: readonly string[], isLabelLine: (line: string) => boolean): number[] {
  const label = lineTexts.map((l) => isLabelLine(l));
  const runStart: number[] = [];
  label.forEach((isLabel, i) => (runStart[i] = isLabel && i > 0 && label[i - 1] ? (runStart[i - 1] ?? i) : i));
  const runEnd: number[] = [];
  for (let i = label.length - 1; i >= 0; i--) runEnd[i] = label[i] && label[i + 1] ? (runEnd[i + 1] ?? i) : i;
  return label.map((isLabel, i) => {
    if (!isLabel) return i + 1;
    const valueLine = (runEnd[i] ?? i) + 1 + (i - (runStart[i] ?? i));
    return valueLine < lineTexts.length ? valueLine : i + 1;
  });
}

/**
 * Every occurrence of one of `labels` with the value after it: on the same
 * line, or below when the label ends its line, up to the next stop.
 */
export function findLabelled(text: string, labels: readonly string[], options: FindLabelledOptions = {}): LabelledValue[] {
  const { multiline = false, stops = defaultStops } = options;
  const maxLength = options.maxLength ?? (multiline ? 1500 : 200);
  const result: LabelledValue[] = [];
  let lines: Line[] | undefined;
  let valueLineOf: number[] | undefined;
  for (const m of text.matchAll(labelRegex(labels))) {
    const labelStart = m.index;
    const labelEnd = labelStart + m[0].length;
    SEPARATOR.lastIndex = labelEnd;
    let pos = labelEnd + (SEPARATOR.exec(text)?.[0].length ?? 0);
    // A label that ends its line (a heading, or a form's label column) has its value below.
    if (/^[ \t]*(?:\r?\n|$)/.test(text.slice(pos, pos + 200))) {
      lines ??= linesOf(text);
      if (!valueLineOf) {
        const re = labelOnlyLine(labels);
        valueLineOf = valueLines(
          lines.map((l) => text.slice(l.start, l.end)),
          (line) => re.test(line),
        );
      }
      const index = lineIndexAt(lines, labelStart);
      const below = lines[valueLineOf[index] ?? index + 1];
      if (below) pos = below.start + (/^[ \t]*/.exec(text.slice(below.start, below.end))?.[0].length ?? 0);
    }
    let limit = Math.min(text.length, pos + maxLength);
    if (!multiline) {
      const eol = text.indexOf('\n', pos);
      if (eol !== -1) limit = Math.min(limit, eol);
    } else {
      const blank = /\n[ \t]*\n/g;
      blank.lastIndex = pos;
      const b = blank.exec(text);
      if (b && b.index < limit) limit = b.index;
    }
    const end = nextStop(text, pos, limit, stops) ?? limit;
    let valueEnd = Math.max(pos, end);
    while (valueEnd > pos && /\s/.test(text[valueEnd - 1] ?? '')) valueEnd--;
    result.push({
      label: m[0],
      labelStart,
      labelEnd,
      valueStart: pos,
      valueEnd,
      value: collapseWhitespace(text.slice(pos, valueEnd)),
    });
  }
  return result;
}
