import { distance } from 'fastest-levenshtein';
import { controls, titleVariants } from '../catalog/index';

const STOP_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'to', 'on', 'or', 'with', 'during', 'a', 'an', 'its', 'other']);

/**
 * A title reduced to what identifies the control: lower case, no id prefix,
 * no "(New control)" / "- NEW" / "(updated)" markers, American spellings,
 * no punctuation.
 */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^\s*(?:annex\s+)?(?:a\s*\.?\s*)?\d{1,2}(?:\s*\.\s*\d{1,2}){0,2}\b[\s\-–—:.)]*/, '')
    .replace(/[([{*]\s*(?:new|new control|new in 2022|added|updated|changed|modified|revised|merged|renamed)\s*(?:control)?\s*[)\]}*]?/g, ' ')
    .replace(/\s[-–—:]\s*(?:new|new control|updated|changed|merged)\b.*$/, '')
    .replace(/\bnew!?\s*$/, '')
    .replace(/&/g, ' and ')
    .replace(/isation/g, 'ization')
    .replace(/ising\b/g, 'izing')
    .replace(/labelling/g, 'labeling')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function words(normalized: string): Set<string> {
  return new Set(normalized.split(' ').filter((w) => w && !STOP_WORDS.has(w)));
}

/** Similarity of two normalised titles, 0–1: the better of edit-distance ratio and shared-word overlap. */
function similarityOfNormalized(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const lev = 1 - distance(a, b) / Math.max(a.length, b.length);
  const wa = words(a);
  const wb = words(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared += 1;
  const dice = wa.size + wb.size ? (2 * shared) / (wa.size + wb.size) : 0;
  return Math.max(lev, dice);
}

interface KnownTitle {
  id: string;
  normalized: string;
}

const knownTitles: KnownTitle[] = controls.flatMap((c) =>
  [c.title, ...(titleVariants[c.id] ?? [])].map((t) => ({ id: c.id, normalized: normalizeTitle(t) })),
);

/** How well a title written in a sheet fits a 2022 control's title or a known variant (0–1). */
export function titleSimilarity(title: string, controlId: string): number {
  const n = normalizeTitle(title);
  let best = 0;
  for (const k of knownTitles) if (k.id === controlId) best = Math.max(best, similarityOfNormalized(n, k.normalized));
  return best;
}

export interface TitleMatch {
  controlId: string;
  score: number;
  /** The score of the best other control: how clear the match is. */
  runnerUp: number;
}

/** The 2022 control whose title fits best, or null for an empty title. */
export function bestTitleMatch(title: string): TitleMatch | null {
  const n = normalizeTitle(title);
  if (!n) return null;
  const byControl = new Map<string, number>();
  for (const k of knownTitles) {
    const s = similarityOfNormalized(n, k.normalized);
    if (s > (byControl.get(k.id) ?? -1)) byControl.set(k.id, s);
  }
  const best: TitleMatch = { controlId: '', score: -1, runnerUp: 0 };
  for (const [controlId, score] of byControl) {
    if (score > best.score) {
      best.runnerUp = Math.max(best.score, 0);
      best.controlId = controlId;
      best.score = score;
    } else if (score > best.runnerUp) {
      best.runnerUp = score;
    }
  }
  return best.controlId ? best : null;
}

/** How well two titles fit each other (0–1), after the same normalisation as catalog titles. */
export function pairSimilarity(a: string, b: string): number {
  return similarityOfNormalized(normalizeTitle(a), normalizeTitle(b));
}
