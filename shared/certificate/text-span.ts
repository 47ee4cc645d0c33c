import type { Confidence, ProposedField, SourceSpan } from './proposal';

/** The span `[start, end)` of `text` as a source, trimmed of surrounding whitespace. */
export function sourceSpan(text: string, start: number, end: number): SourceSpan {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return { snippet: text.slice(s, e), start: s, end: e };
}

/** A proposed value with the span of `text` it was read from. */
export function proposed<T>(text: string, value: T, start: number, end: number, confidence: Confidence): ProposedField<T> {
  return { value, source: sourceSpan(text, start, end), confidence };
}

/** Line breaks from the PDF's layout are not meaningful inside a value. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** `s` as a literal inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A label or phrase as a regular-expression source that tolerates what PDF
 * text does to it: words wrapped onto the next line, full stops left out
 * ("Cert no" for "Cert. no.").
 */
export function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/\\\./g, '\\.?'))
    .join('\\s+');
}

/** Letters or digits in any script: what a word boundary means for labels like "Zertifikat-Nr.". */
export const WORD_CHAR = '[\\p{L}\\p{N}]';
