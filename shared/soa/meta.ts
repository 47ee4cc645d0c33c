import type { SoaCell } from './values';
import { columnLetter } from './layout';
import { cellText, excelSerialDate, findDateInText, isoDate } from './values';

/** Where a version or date was read: the sheet, the cell (A1 style) and how it was recognised. */
export interface MetaSource {
  sheet: string | null;
  cell: string;
  how: string;
}

export interface SoaMeta {
  version: string | null;
  date: string | null;
  versionSource: MetaSource | null;
  dateSource: MetaSource | null;
  /** 1-based rows the version and date came from (on their own sheet). */
  versionRow: number | null;
  dateRow: number | null;
  /** Why the date reading may be wrong (day and month could be swapped). */
  dateAmbiguity: string | null;
  /** Other places of the workbook stating a different version or date, for a person to check. */
  conflicts: string[];
}

const VERSION_IN_TEXT = /(?:^|[^a-z])(?:document\s+)?(?:version|ver\.?|v\.?|rev(?:ision)?\.?|issue)\s*(?:no\.?|number|#)?\s*[:\-–]?\s*v?(\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)(?![\d.]*\d)/i;
const VERSION_LABEL = /^(?:(?:current|document|doc\.?|soa)\s+)?(?:version|ver|rev|revision|issue)(?:\s*(?:no|number|#|nr))?\.?\s*:?$/i;
const DATE_LABEL =
  /^(?:date|dated|document date|version date|revision date|release date|issue date|date of issue|date issued|issued|effective date|effective from|approved on|approval date|date approved|date of approval|last (?:updated|reviewed|review|modified|revised|update)|review date|date of last review|updated|published|publication date)\s*:?$/i;
const DATE_WORD = /\b(date|dated|updated|reviewed|approved|effective|issued|revised)\b/i;
/** Dates that are not the document's own: the next review, an expiry, a plan. */
const OTHER_DATE = /\b(next|due|expir\w*|valid until|planned|target|retention|review by|print(?:ed)?|created)\b/i;
const HISTORY_VERSION = /^(?:version|ver\.?|v|rev\.?|revision|issue|release)(?:\s*(?:no\.?|number|#|nr\.?))?$/i;
const HISTORY_DATE = /^(?:date|revision date|version date|release date|issue date|date of issue|date issued|approval date|date approved|approved(?: on)?|effective date|change date|date of change)$/i;
/** Sheet names that hold document control: their statements beat other sheets'. */
const META_SHEET = /cover|title|front|document|doc\.? ?control|control|revision|history|version|change|log|about|info|approval|read ?me/i;

function plausibleVersion(v: string): boolean {
  // A year or a standard's number is not a document version.
  return !/^(19|20)\d\d$/.test(v) && !/^\d{5}$/.test(v) && v.length <= 12;
}

function versionValue(cell: SoaCell): string | null {
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 && cell < 1000 ? String(cell) : null;
  if (typeof cell !== 'string') return null;
  const m = /^(?:v(?:ersion)?\.?|rev\.?)?\s*(\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)(?:\s*\((?:draft|final|approved|current|released)\))?$/i.exec(cell.trim());
  return m && plausibleVersion(m[1]!) ? m[1]! : null;
}

function dateValue(cell: SoaCell): { iso: string; ambiguous?: string } | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : { iso: isoDate(cell) };
  if (typeof cell === 'number') {
    const iso = excelSerialDate(cell);
    return iso ? { iso } : null;
  }
  if (typeof cell === 'string') return findDateInText(cell);
  return null;
}

/** "C5" for 0-based row 4, column 2. */
export function cellRef(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

function quote(text: string, max = 50): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"`;
}

/** Compares "1.10" above "1.9"; null when either is not dotted numbers. */
function compareVersions(a: string, b: string): number | null {
  const pa = /^\d+(?:\.\d+)*$/.test(a) ? a.split('.').map(Number) : null;
  const pb = /^\d+(?:\.\d+)*$/.test(b) ? b.split('.').map(Number) : null;
  if (!pa || !pb) return null;
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** One statement of a version or a date somewhere in the workbook. */
interface Candidate {
  kind: 'version' | 'date';
  value: string;
  ambiguous?: string;
  /** How strongly the cell states it: a label or a history line 4, a labelled text 3, a text 2, a bare date cell 1. */
  strength: number;
  /** Where: the SoA sheet above the table 3, a document-control sheet or below the table 2, another sheet 1. */
  place: number;
  sheet: string | null;
  row: number;
  column: number;
  how: string;
}

/** Where a grid's rows are in the workbook, and how much its statements weigh. */
export interface MetaRegion {
  sheet: string | null;
  grid: readonly (readonly SoaCell[])[];
  /** 0-based rows to read; all rows when absent. */
  rows?: readonly number[];
  place: number;
  /** Read the run of cells below a label (a revision list) rather than only the first. */
  readRunsBelow?: boolean;
  /** Read a value below a label (a form laid out vertically); off for sheets where a label above values is a table header. */
  labelsBelow?: boolean;
  /** Keep only statements at least this strong (an unrelated sheet: labels and history lines only). */
  minStrength?: number;
}

/**
 * A revision-history table: a header with a version column and a date column,
 * then one line per revision. Its current version is the highest one (the last
 * line when versions do not compare), with the date on the same line.
 */
function historyCandidates(region: MetaRegion, rows: readonly number[], header: Set<string>, lineRows: Set<number>, out: Candidate[]): void {
  const inRegion = new Set(rows);
  for (const r of rows) {
    const row = region.grid[r] ?? [];
    let vc = -1;
    let dc = -1;
    row.forEach((cell, c) => {
      const t = cellText(cell);
      if (vc < 0 && HISTORY_VERSION.test(t)) vc = c;
      else if (dc < 0 && HISTORY_DATE.test(t)) dc = c;
    });
    if (vc < 0) continue;
    const lines: { row: number; version: string; date: ReturnType<typeof dateValue> }[] = [];
    for (let k = r + 1; inRegion.has(k) && k < region.grid.length; k += 1) {
      const line = region.grid[k] ?? [];
      if (!line.some((x) => cellText(x))) break;
      const version = versionValue(line[vc] ?? null);
      if (!version) continue;
      lines.push({ row: k, version, date: dc >= 0 ? dateValue(line[dc] ?? null) : null });
    }
    if (!lines.length) continue;
    // Older lines' dates and change notes ("updated after the audit of 12/06/2023") are history, not the document's date.
    for (let k = r + 1; k <= lines[lines.length - 1]!.row; k += 1) lineRows.add(k);
    header.add(`${r}:${vc}`);
    if (dc >= 0) header.add(`${r}:${dc}`);
    let latest = lines[lines.length - 1]!;
    const comparable = lines.every((l) => compareVersions(l.version, latest.version) !== null);
    if (comparable) for (const l of lines) if (compareVersions(l.version, latest.version)! > 0) latest = l;
    const how = `${comparable ? 'highest' : 'last'} line of the revision history (${lines.length} line${lines.length === 1 ? '' : 's'}, header row ${r + 1})`;
    out.push({ kind: 'version', value: latest.version, strength: 4, place: region.place, sheet: region.sheet, row: latest.row, column: vc, how });
    if (latest.date) {
      out.push({ kind: 'date', value: latest.date.iso, ambiguous: latest.date.ambiguous, strength: 4, place: region.place, sheet: region.sheet, row: latest.row, column: dc, how: `date of version ${latest.version} in the revision history` });
    }
  }
}

/**
 * The values a label cell may name: the next filled cell to its right (within
 * three), then the cells below it (the run of them, last first, when asked).
 */
function labelledValues(region: MetaRegion, r: number, c: number, rows: Set<number>): { cell: SoaCell; row: number; column: number }[] {
  const row = region.grid[r] ?? [];
  const out: { cell: SoaCell; row: number; column: number }[] = [];
  for (let k = c + 1; k < Math.min(row.length, c + 4); k += 1) {
    const cell = row[k] ?? null;
    if (cellText(cell) && cellText(cell) !== cellText(row[c] ?? null)) {
      out.push({ cell, row: r, column: k });
      break;
    }
  }
  const below: { cell: SoaCell; row: number; column: number }[] = [];
  for (let k = r + 1; region.labelsBelow !== false && rows.has(k); k += 1) {
    const cell = region.grid[k]?.[c] ?? null;
    if (!cellText(cell)) break;
    below.push({ cell, row: k, column: c });
    if (!region.readRunsBelow) break;
  }
  return [...out, ...below.reverse()];
}

function regionCandidates(region: MetaRegion): Candidate[] {
  const rows = region.rows ?? [...region.grid.keys()];
  const rowSet = new Set(rows);
  const out: Candidate[] = [];
  const header = new Set<string>();
  const lineRows = new Set<number>();
  historyCandidates(region, rows, header, lineRows, out);
  const seen = new Set<string>();
  const at = (kind: Candidate['kind'], value: string, strength: number, row: number, column: number, how: string, ambiguous?: string) =>
    out.push({ kind, value, ambiguous, strength, place: region.place, sheet: region.sheet, row, column, how });
  for (const r of rows) {
    const row = region.grid[r] ?? [];
    for (let c = 0; c < row.length; c += 1) {
      const cell = row[c] ?? null;
      const text = cellText(cell);
      if (!text || header.has(`${r}:${c}`)) continue;
      // Merged cells repeat their text across the range: read each text once per row.
      const key = `${r}:${text}`;
      if (seen.has(key) && !(cell instanceof Date)) continue;
      seen.add(key);
      if (VERSION_LABEL.test(text)) {
        const value = labelledValues(region, r, c, rowSet)
          .map((v) => ({ ...v, v: versionValue(v.cell) }))
          .find((v) => v.v);
        if (value) at('version', value.v!, 4, value.row, value.column, `value of the label ${quote(text)} (${cellRef(r, c)})`);
      } else if (typeof cell === 'string') {
        const m = VERSION_IN_TEXT.exec(text);
        if (m && plausibleVersion(m[1]!)) at('version', m[1]!, /version|rev/i.test(text.slice(0, m.index + m[0].length)) ? 3 : 2, r, c, `in the text ${quote(text)}`);
      }
      if (lineRows.has(r)) continue;
      if (DATE_LABEL.test(text)) {
        const value = labelledValues(region, r, c, rowSet)
          .map((v) => ({ ...v, d: dateValue(v.cell) }))
          .find((v) => v.d);
        if (value) at('date', value.d!.iso, 4, value.row, value.column, `value of the label ${quote(text)} (${cellRef(r, c)})`, value.d!.ambiguous);
      } else if (typeof cell === 'string') {
        const found = findDateInText(text);
        if (found && !OTHER_DATE.test(text) && !OTHER_DATE.test(cellText(row[c - 1] ?? null))) at('date', found.iso, DATE_WORD.test(text) ? 3 : 2, r, c, `in the text ${quote(text)}`, found.ambiguous);
      } else if (cell instanceof Date) {
        const left = cellText(row[c - 1] ?? null);
        if (!OTHER_DATE.test(left)) at('date', isoDate(cell), 1, r, c, 'a date cell');
      }
    }
  }
  return region.minStrength ? out.filter((c) => c.strength >= region.minStrength!) : out;
}

function pick(candidates: Candidate[], kind: Candidate['kind']): { chosen: Candidate | null; conflicts: string[] } {
  const list = candidates.filter((c) => c.kind === kind);
  let chosen: Candidate | null = null;
  // Strength first, then place; within equals, reading order (the first one found).
  for (const c of list) if (!chosen || c.strength > chosen.strength || (c.strength === chosen.strength && c.place > chosen.place)) chosen = c;
  if (!chosen) return { chosen, conflicts: [] };
  const where = (c: Candidate) => `${c.sheet ? `sheet "${c.sheet}" ` : ''}${cellRef(c.row, c.column)}`;
  const conflicts: string[] = [];
  const reported = new Set<string>();
  for (const c of list) {
    if (c === chosen || c.strength < (kind === 'version' ? 2 : 3) || c.value === chosen.value || reported.has(c.value)) continue;
    if (kind === 'version' && compareVersions(c.value, chosen.value) === 0) continue;
    reported.add(c.value);
    conflicts.push(`${kind} ${c.value} at ${where(c)} (${c.how}) differs from ${chosen.value} at ${where(chosen)} (${chosen.how}); read ${chosen.value}`);
  }
  return { chosen, conflicts };
}

/**
 * Reads the SoA's version ("Version 1.1", "Rev. 3", "v2", a revision-history
 * table's latest line) and date ("Date: 13 May 2024", "13/05/2024", a date
 * cell) from any of the given regions: the SoA sheet above and below its
 * table, a cover or document-control sheet, a revision-history sheet, any
 * other sheet. A labelled value or a history line beats a text, which beats a
 * bare date cell; among equals, the SoA sheet's top beats document-control
 * sheets, which beat other sheets. Says where each value came from, and lists
 * the other places stating a different one.
 */
export function readWorkbookMeta(regions: readonly MetaRegion[], sheetName?: string): SoaMeta {
  const candidates = regions.flatMap(regionCandidates);
  const v = pick(candidates, 'version');
  const d = pick(candidates, 'date');
  const source = (c: Candidate | null): MetaSource | null => (c ? { sheet: c.sheet, cell: cellRef(c.row, c.column), how: c.how } : null);
  const meta: SoaMeta = {
    version: v.chosen?.value ?? null,
    versionSource: source(v.chosen),
    versionRow: v.chosen ? v.chosen.row + 1 : null,
    date: d.chosen?.value ?? null,
    dateSource: source(d.chosen),
    dateRow: d.chosen ? d.chosen.row + 1 : null,
    dateAmbiguity: d.chosen?.ambiguous ?? null,
    conflicts: [...v.conflicts, ...d.conflicts],
  };
  if (meta.version === null && sheetName) {
    const m = VERSION_IN_TEXT.exec(sheetName);
    if (m && plausibleVersion(m[1]!)) {
      meta.version = m[1]!;
      meta.versionSource = { sheet: sheetName, cell: '', how: `in the sheet name ${quote(sheetName)}` };
    }
  }
  return meta;
}

/** How much a sheet's statements weigh: a cover or document-control sheet 2, any other 1. */
export function sheetPlace(name: string): number {
  return META_SHEET.test(name) ? 2 : 1;
}

/** The version and date from the given rows of one sheet (0-based, inclusive), as the SoA sheet's top reads them. */
export function readMeta(grid: readonly (readonly SoaCell[])[], rows: readonly number[], sheetName?: string): SoaMeta {
  return readWorkbookMeta([{ sheet: sheetName ?? null, grid, rows, place: 3, readRunsBelow: true }], sheetName);
}
