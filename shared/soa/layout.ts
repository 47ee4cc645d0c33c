import type { SoaCell } from './values';
import { cellText, readApplicable, readImplementation } from './values';
import { readCellIds } from './ids';

/** What a column of an SoA holds. */
export type ColumnRole =
  | 'id'
  | 'id2013'
  | 'idOrTitle'
  | 'title'
  | 'title2013'
  | 'applicable'
  | 'excluded'
  | 'implementation'
  | 'justification'
  | 'comment'
  | 'reasonFlag'
  | 'other';

const REASON_FLAG =
  /^(lr|co|br|bp|br\/bp|bp\/br|rra|ra|rar|rr|legal( and regulatory)? requirements?|regulatory requirements?|contractual (obligations?|requirements?)|business requirements?( ?\/ ?(adopted )?best practices?)?|(adopted )?best practices?|results? of (the )?risk assessment|risk assessment( results?)?|risk treatment)(\s*\(.*\))?$/;

/** The role a header text names, or null when it names nothing this parser reads. */
export function headerRole(raw: string): ColumnRole | null {
  const t = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (!t || t.length > 80) return null;
  if (REASON_FLAG.test(t)) return 'reasonFlag';
  if (/justif|reason|rationale|explanation|\bwhy\b/.test(t)) return 'justification';
  if (/comment|remark|\bnotes?\b/.test(t)) return 'comment';
  if (
    /evidence|owner|responsib|document|policy|policies|procedure|how (is it |it is )?implemented|implementation (detail|description|method|approach|note|plan|date)|objective|guidance|purpose|date|deadline|target/.test(
      t,
    )
  ) {
    return 'other';
  }
  if (/2013/.test(t)) return /title|name|description/.test(t) ? 'title2013' : 'id2013';
  if (/exclu/.test(t)) return 'excluded';
  if (/implement|status|progress|in place|maturity|\bstate\b|compliance/.test(t)) return 'implementation';
  if (/applicab|included|inclusion|selected|selection|in scope|relevant|required|adopted/.test(t)) return 'applicable';
  if (/title|name|description|heading/.test(t)) return 'title';
  if (/^(iso (iec )?27001(:2022)? )?(annex a )?(security )?controls?$/.test(t.replace(/[^a-z0-9: ]/g, ' ').replace(/\s+/g, ' ').trim())) {
    return 'idOrTitle';
  }
  if (/\bid\b|\bref|\bno\b|\bnr\b|number|#|clause|annex|section|control|2022|§/.test(t)) return 'id';
  return null;
}

const YES_WORD = /^(yes|y|applicable|included|include|selected)$/i;
const NO_WORD = /^(no|n|not applicable|n\/a|excluded|exclude|not included|not selected)$/i;

export interface Layout {
  /** 0-based index of the last header row; -1 when no header was found. */
  headerIndex: number;
  /** 0-based index of the first header row (differs when a sub-header row follows). */
  headerStart: number;
  dataStart: number;
  id2022: number | null;
  id2013: number | null;
  title: number | null;
  applicable: number | null;
  /** A column whose mark means "not applicable" ("Excluded?", or the "No" half of a Yes/No pair). */
  excluded: number | null;
  implementation: number | null;
  justification: number[];
  reasonFlags: { column: number; label: string }[];
  headerTexts: string[];
}

function rowTexts(row: readonly SoaCell[] | undefined, width: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < width; c += 1) out.push(cellText(row?.[c] ?? null));
  return out;
}

function hasIds(row: readonly SoaCell[] | undefined): boolean {
  return (row ?? []).some((cell) => {
    const ids = readCellIds(cell);
    return ids.twoPart.length > 0 || ids.threePart.length > 0;
  });
}

const CORE_GROUP: Partial<Record<ColumnRole, string>> = {
  id: 'id',
  id2013: 'id',
  idOrTitle: 'id',
  title: 'title',
  applicable: 'applicable',
  excluded: 'applicable',
  implementation: 'implementation',
  justification: 'justification',
  reasonFlag: 'justification',
};

/** How much a row looks like the header: distinct kinds of column it names. */
function headerScore(texts: string[]): number {
  const distinctTexts = new Set(texts.filter(Boolean));
  // A title merged across the whole width repeats one text: never a header.
  if (distinctTexts.size < 2) return 0;
  const groups = new Set<string>();
  for (const t of distinctTexts) {
    const role = headerRole(t);
    const group = role ? CORE_GROUP[role] : undefined;
    if (group) groups.add(group);
  }
  return groups.size;
}

/** Whether a row repeats the header (tables printed in pages, or pasted twice): two or more of its cells match it. */
export function repeatsHeader(row: readonly SoaCell[] | undefined, layout: Layout): boolean {
  if (layout.headerIndex < 0) return false;
  let same = 0;
  layout.headerTexts.forEach((header, c) => {
    const text = cellText(row?.[c] ?? null).toLowerCase();
    if (text && header.toLowerCase().split(' / ').includes(text)) same += 1;
  });
  return same >= 2;
}

function isSubHeader(texts: string[]): boolean {
  const filled = texts.filter(Boolean);
  return (
    filled.length > 0 &&
    filled.every((t) => t.length <= 60 && readCellIds(t).headings.length === 0 && (headerRole(t) !== null || YES_WORD.test(t) || NO_WORD.test(t)))
  );
}

interface ColumnStats {
  ids2022: number;
  ids2013: number;
  filled: number;
  yesNo: number;
  implementation: number;
  text: number;
}

function columnStats(grid: readonly (readonly SoaCell[])[], start: number, width: number): ColumnStats[] {
  const stats: ColumnStats[] = Array.from({ length: width }, () => ({ ids2022: 0, ids2013: 0, filled: 0, yesNo: 0, implementation: 0, text: 0 }));
  for (let r = start; r < grid.length; r += 1) {
    const row = grid[r] ?? [];
    for (let c = 0; c < width; c += 1) {
      const cell = row[c] ?? null;
      const text = cellText(cell);
      if (!text) continue;
      const s = stats[c]!;
      s.filled += 1;
      const ids = readCellIds(cell);
      if (ids.threePart.length) s.ids2013 += 1;
      else if (ids.twoPart.some((t) => t.candidates.length)) s.ids2022 += 1;
      if (typeof cell === 'boolean' || /^(y|n|yes|no|true|false|[✓✔✗✘x])$/i.test(text)) s.yesNo += 1;
      if (readImplementation(cell).implementation !== null) s.implementation += 1;
      if (typeof cell === 'string' && /[a-z]{3}/i.test(text) && readApplicable(cell) === null) s.text += 1;
    }
  }
  return stats;
}

/** The spreadsheet column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "D" for index 3; with the header text when there is one: D "Applicable?". */
export function columnLabel(index: number, header: string | undefined): string {
  return header ? `${columnLetter(index)} "${header.replace(/\s+/g, ' ')}"` : columnLetter(index);
}

function best(candidates: number[], score: (c: number) => number): number | null {
  let chosen: number | null = null;
  for (const c of candidates) if (chosen === null || score(c) > score(chosen)) chosen = c;
  return chosen;
}

/**
 * Finds the header (a single row, or a row plus a sub-header row such as
 * "Yes | No" under a merged "Applicable") and what each column holds, from
 * the header words first and the column contents second.
 */
export function detectLayout(grid: readonly (readonly SoaCell[])[]): Layout {
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  let headerIndex = -1;
  let bestScore = 1;
  for (let r = 0; r < Math.min(grid.length, 60); r += 1) {
    if (hasIds(grid[r])) continue;
    const score = headerScore(rowTexts(grid[r], width));
    if (score > bestScore) {
      bestScore = score;
      headerIndex = r;
    }
  }
  const headerStart = headerIndex;
  let headerTexts = headerIndex >= 0 ? rowTexts(grid[headerIndex], width) : Array.from({ length: width }, () => '');
  let roles = headerTexts.map(headerRole);
  if (headerIndex >= 0 && headerIndex + 1 < grid.length && !hasIds(grid[headerIndex + 1])) {
    const sub = rowTexts(grid[headerIndex + 1], width);
    if (isSubHeader(sub)) {
      roles = roles.map((role, c) => {
        const s = sub[c] ?? '';
        if ((role === 'applicable' || role === 'excluded') && YES_WORD.test(s)) return role;
        if ((role === 'applicable' || role === 'excluded') && NO_WORD.test(s)) return role === 'applicable' ? 'excluded' : 'applicable';
        return headerRole(s) ?? role;
      });
      headerTexts = headerTexts.map((t, c) => [t, sub[c] ?? ''].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(' / '));
      headerIndex += 1;
    }
  }
  const dataStart = headerIndex + 1;
  const stats = columnStats(grid, dataStart, width);
  const columns = [...Array(width).keys()];
  const isIdHeader = (c: number) => roles[c] === 'id' || roles[c] === 'idOrTitle' || roles[c] === 'id2013';

  const id2022 = best(
    columns.filter((c) => stats[c]!.ids2022 > 0 && stats[c]!.ids2022 > stats[c]!.ids2013 && roles[c] !== 'id2013'),
    (c) => stats[c]!.ids2022 * 2 + (isIdHeader(c) ? 1 : 0),
  );
  const id2013 = best(
    columns.filter((c) => c !== id2022 && stats[c]!.ids2013 > 0 && (stats[c]!.ids2013 >= stats[c]!.ids2022 || roles[c] === 'id2013')),
    (c) => stats[c]!.ids2013 * 2 + (isIdHeader(c) ? 1 : 0),
  );
  const taken = new Set([id2022, id2013].filter((c): c is number => c !== null));
  const free = (c: number) => !taken.has(c);

  let title = best(columns.filter((c) => free(c) && roles[c] === 'title'), (c) => stats[c]!.text);
  title ??= best(columns.filter((c) => free(c) && roles[c] === 'idOrTitle'), (c) => stats[c]!.text);
  const idColumn = id2022 ?? id2013;
  if (title === null && idColumn !== null) {
    const next = idColumn + 1;
    if (next < width && free(next) && roles[next] === null && stats[next]!.text >= stats[next]!.filled / 2 && stats[next]!.text > 0) title = next;
  }
  if (title !== null) taken.add(title);

  const byRole = (role: ColumnRole, score: (c: number) => number) => best(columns.filter((c) => free(c) && roles[c] === role), score);
  let applicable = byRole('applicable', (c) => stats[c]!.filled);
  const excluded = byRole('excluded', (c) => stats[c]!.filled);
  let implementation = byRole('implementation', (c) => stats[c]!.implementation);
  for (const c of [applicable, excluded, implementation]) if (c !== null) taken.add(c);
  if (applicable === null && excluded === null) {
    applicable = best(
      columns.filter((c) => free(c) && roles[c] !== 'other' && stats[c]!.filled >= 3 && stats[c]!.yesNo >= 0.6 * stats[c]!.filled),
      (c) => stats[c]!.yesNo,
    );
    if (applicable !== null) taken.add(applicable);
  }
  if (implementation === null) {
    implementation = best(
      columns.filter((c) => free(c) && roles[c] === null && stats[c]!.filled >= 3 && stats[c]!.implementation >= 0.6 * stats[c]!.filled),
      (c) => stats[c]!.implementation,
    );
    if (implementation !== null) taken.add(implementation);
  }
  let justification = columns.filter((c) => free(c) && roles[c] === 'justification');
  if (!justification.length) justification = columns.filter((c) => free(c) && roles[c] === 'comment');
  const reasonFlags = columns.filter((c) => free(c) && roles[c] === 'reasonFlag').map((c) => ({ column: c, label: headerTexts[c] ?? '' }));

  return { headerIndex, headerStart, dataStart, id2022, id2013, title, applicable, excluded, implementation, justification, reasonFlags, headerTexts };
}
