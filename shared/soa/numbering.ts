import { annexA2005 } from './annex/iso27001-2005';
import { annexA2013 } from './annex/iso27001-2013';
import { pairSimilarity } from './titles';

/**
 * Which edition a file's three-part Annex A ids (A.7.1.1) belong to: ISO/IEC
 * 27001:2013 or 2005. Both number A.5.1.1 onwards and 102 ids exist in both
 * editions, most naming different controls (2005 A.7.1.1 "Inventory of assets"
 * is 2013 A.7.1.1 "Screening"), so the ids alone cannot tell. Read from the ids
 * and the titles together: a title decides a row when it clearly fits one
 * edition's control of that id; an id only one edition has (2005 A.10.10.1,
 * 2013 A.18.1.1) decides a row without a title; an edition named in the file
 * ("ISO/IEC 27001:2005") counts as several rows.
 */

const titles2005 = new Map(annexA2005.filter(([id]) => id.split('.').length === 4));
const titles2013 = new Map(annexA2013.filter(([id]) => id.split('.').length === 4));

export function title2005(id: string): string | undefined {
  return titles2005.get(id);
}

export function title2013(id: string): string | undefined {
  return titles2013.get(id);
}

export type OldEdition = '2005' | '2013';

/** How one row's id and title fit each edition. */
export interface RowEdition {
  edition: OldEdition | null;
  /** Why, for the report: 'title "Inventory of assets" is 2005 A.7.1.1; 2013 A.7.1.1 is "Screening"'. */
  reason: string;
}

const CLEAR = 0.2;
const FITS = 0.6;

/** The edition a single row's id (normalised "A.7.1.1") and title point to, or null when they do not tell. */
export function rowEdition(id: string, title: string): RowEdition {
  const t05 = titles2005.get(id);
  const t13 = titles2013.get(id);
  if (title) {
    const s05 = t05 ? pairSimilarity(title, t05) : 0;
    const s13 = t13 ? pairSimilarity(title, t13) : 0;
    if (Math.max(s05, s13) >= FITS && Math.abs(s05 - s13) >= CLEAR) {
      if (s05 > s13) return { edition: '2005', reason: `title "${title}" is 2005 ${id} "${t05}"${t13 ? `; 2013 ${id} is "${t13}"` : ''}` };
      return { edition: '2013', reason: `title "${title}" is 2013 ${id} "${t13}"` };
    }
  }
  if (t05 && !t13) return { edition: '2005', reason: `${id} exists only in the 2005 numbering ("${t05}")` };
  if (t13 && !t05) return { edition: '2013', reason: `${id} exists only in the 2013 numbering ("${t13}")` };
  return { edition: null, reason: '' };
}

export interface EditionVerdict {
  /** null: the file's old ids fit neither edition clearly (or there are none). */
  edition: OldEdition | null;
  votes2005: number;
  votes2013: number;
  /** The first reasons on the winning side, for the report. */
  evidence: string[];
}

const NAMED_2005 = /\b(?:27001|27002)\s*:\s*2005\b|\b17799\b/i;
const NAMED_2013 = /\b(?:27001|27002)\s*:\s*2013\b/i;
/** An edition named in the file weighs as much as this many rows. */
const NAMED_WEIGHT = 3;

/** Whether a text names ISO/IEC 27001:2005 (or 17799) or 27001:2013; null when neither or both. */
export function editionNamed(text: string): OldEdition | null {
  const a = NAMED_2005.test(text);
  const b = NAMED_2013.test(text);
  return a === b ? null : a ? '2005' : '2013';
}

/**
 * The edition of a file's three-part ids: the side with at least three votes
 * and twice the other's. Anything closer is no verdict, and the caller must
 * say so rather than guess.
 */
export function judgeEdition(rows: readonly { id: string; title: string }[], namedIn: readonly string[] = []): EditionVerdict {
  let votes2005 = 0;
  let votes2013 = 0;
  const why: Record<OldEdition, string[]> = { '2005': [], '2013': [] };
  for (const text of namedIn) {
    const named = editionNamed(text);
    if (!named) continue;
    if (named === '2005') votes2005 += NAMED_WEIGHT;
    else votes2013 += NAMED_WEIGHT;
    why[named].push(`the file names ISO/IEC 27001:${named} ("${text.length > 60 ? `${text.slice(0, 59)}…` : text}")`);
  }
  for (const r of rows) {
    const { edition, reason } = rowEdition(r.id, r.title);
    if (edition === '2005') votes2005 += 1;
    if (edition === '2013') votes2013 += 1;
    if (edition) why[edition].push(reason);
  }
  let edition: OldEdition | null = null;
  if (votes2005 >= 3 && votes2005 >= 2 * votes2013) edition = '2005';
  else if (votes2013 >= 3 && votes2013 >= 2 * votes2005) edition = '2013';
  else if (votes2005 === 0 && votes2013 > 0) edition = '2013';
  return { edition, votes2005, votes2013, evidence: edition ? why[edition].slice(0, 3) : [...why['2005'].slice(0, 2), ...why['2013'].slice(0, 2)] };
}
