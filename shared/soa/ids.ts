import { controlIds, controlsFor2013, isControlId } from '../catalog/index';
import type { SoaCell } from './values';
import { cellText } from './values';

/** A two-part id read from a cell, with the 2022 controls it may stand for. */
export interface IdCandidate {
  /** The id as written, normalised ("5.1" for "A.5.1", "A 5.1" or the number 5.1). */
  literal: string;
  /**
   * The 2022 controls it may be: just the literal, or also literal + "0" when
   * Excel may have dropped a trailing zero (5.1 for 5.10). Empty: no such control.
   */
  candidates: string[];
  /** Part of a range ("8.20-8.22") rather than written out. */
  fromRange?: boolean;
}

/** The ids a cell starts with, and what follows them. */
export interface CellIds {
  /** Two-part ids in themes 5–8: 2022 controls, or 2013 objective headings in a 2013 column. */
  twoPart: IdCandidate[];
  /** Three-part ids, normalised "A.9.2.3"; whether Annex B knows them is for the caller to check. */
  threePart: string[];
  /** One-part ids ("A.5", "5") and two-part ids outside themes 5–8 ("A.12.1"): section headings. */
  headings: string[];
  /** The text after the ids: a title in "5.15 Access control". */
  rest: string;
  /** The id came from a number cell, where Excel drops trailing zeros. */
  numeric: boolean;
}

const EMPTY: CellIds = { twoPart: [], threePart: [], headings: [], rest: '', numeric: false };

/** "5.1" → ["5.1", "5.10"]; "5.15" → ["5.15"]; "5.38" → []. */
export function candidatesFor(literal: string): string[] {
  const out: string[] = [];
  if (isControlId(literal)) out.push(literal);
  const [, minor = ''] = literal.split('.');
  if (minor.length === 1 && isControlId(`${literal}0`)) out.push(`${literal}0`);
  return out;
}

function twoPart(major: number, minor: number): IdCandidate {
  const literal = `${major}.${minor}`;
  return { literal, candidates: candidatesFor(literal) };
}

const TOKEN = /^(?:annex\s+)?(a\s*\.?\s*)?(\d{1,2})(?:\s*\.\s*(\d{1,2}))?(?:\s*\.\s*(\d{1,2}))?(?![\d.]*\d)/i;
const SEPARATOR = /^(?:\s*(?:[;,/&+|\n\-–—]|\band\b|\bor\b)\s*|\s+(?=(?:a\s*\.?\s*)?\d{1,2}\s*\.))/i;
const RANGE_DASH = /^\s*[-–—]\s*|^\s*to\s+/i;

interface Token {
  parts: number[];
  prefixed: boolean;
  length: number;
}

function readToken(text: string): Token | null {
  const m = TOKEN.exec(text);
  if (!m) return null;
  const parts = [m[2], m[3], m[4]].filter((p): p is string => p !== undefined).map(Number);
  return { parts, prefixed: m[1] !== undefined, length: m[0].length };
}

/**
 * The control ids a cell starts with: "A.5.15", "5.15", "A.9.2.3", "5.36; 8.8",
 * "8.20-8.22", "A.5.15 Access control", or a number (5.1) that Excel made of "5.10".
 */
export function readCellIds(cell: SoaCell | undefined): CellIds {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || Number.isInteger(cell)) return EMPTY;
    const literal = String(Math.round(cell * 100) / 100);
    const [major = 0] = literal.split('.').map(Number);
    if (major < 5 || major > 8) return EMPTY;
    return { ...EMPTY, twoPart: [{ literal, candidates: candidatesFor(literal) }], numeric: true };
  }
  if (typeof cell !== 'string') return EMPTY;
  let text = cellText(cell);
  const out: CellIds = { twoPart: [], threePart: [], headings: [], rest: '', numeric: false };
  let first = true;
  for (;;) {
    const token = readToken(text);
    if (!token) break;
    const [major = 0, minor, third] = token.parts;
    let accepted = false;
    if (third !== undefined && major >= 5 && major <= 18) {
      out.threePart.push(`A.${major}.${minor}.${third}`);
      accepted = true;
    } else if (minor !== undefined && major >= 5 && major <= 8) {
      out.twoPart.push(twoPart(major, minor));
      accepted = true;
    } else if (first && (minor !== undefined ? major >= 5 && major <= 18 : token.prefixed || (major >= 5 && major <= 18))) {
      // "A.12.1 Operational procedures", "A.5 Information security policies", "5 Organizational controls"
      out.headings.push(minor !== undefined ? `A.${major}.${minor}` : `${token.prefixed ? 'A.' : ''}${major}`);
      accepted = true;
    }
    if (!accepted) break;
    text = text.slice(token.length);
    const dash = RANGE_DASH.exec(text);
    if (dash && minor !== undefined && third === undefined) {
      const end = readToken(text.slice(dash[0].length));
      if (end && end.parts.length === 2 && end.parts[0] === major && end.parts[1]! > minor) {
        const from = controlIds.indexOf(`${major}.${minor}`);
        const to = controlIds.indexOf(`${major}.${end.parts[1]}`);
        if (from >= 0 && to > from) {
          for (const id of controlIds.slice(from + 1, to + 1)) out.twoPart.push({ literal: id, candidates: [id], fromRange: true });
          text = text.slice(dash[0].length + end.length);
        }
      }
    }
    first = false;
    const sep = SEPARATOR.exec(text);
    if (!sep || !readToken(text.slice(sep[0].length))) break;
    text = text.slice(sep[0].length);
  }
  if (!out.twoPart.length && !out.threePart.length && !out.headings.length) return EMPTY;
  out.rest = text.replace(/^[\s\-–—:.)\]]+/, '').trim();
  return out;
}

/** Whether Annex B knows this 2013 id. */
export function isKnown2013(id: string): boolean {
  return controlsFor2013(id).length > 0;
}
