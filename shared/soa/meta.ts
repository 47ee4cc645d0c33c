import type { SoaCell } from './values';
import { cellText, excelSerialDate, findDateInText, isoDate } from './values';

export interface SoaMeta {
  version: string | null;
  date: string | null;
  /** 1-based rows the version and date came from. */
  versionRow: number | null;
  dateRow: number | null;
  /** Why the date reading may be wrong (day and month could be swapped). */
  dateAmbiguity: string | null;
}

const VERSION_IN_TEXT = /(?:^|[^a-z])(?:document\s+)?(?:version|ver\.?|v\.?|rev(?:ision)?\.?|issue)\s*(?:no\.?|number|#)?\s*[:\-–]?\s*v?(\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)(?![\d.]*\d)/i;
const VERSION_LABEL = /^(?:document\s+)?(?:version|ver|rev|revision|issue)(?:\s*(?:no|number|#))?\.?\s*:?$/i;
const DATE_LABEL =
  /^(?:date|dated|document date|version date|revision date|issue date|date of issue|effective date|approved on|approval date|date approved|last (?:updated|reviewed|review|modified|revised)|review date|updated|published)\s*:?$/i;
const DATE_WORD = /\b(date|dated|updated|reviewed|approved|effective|issued|revised)\b/i;

function plausibleVersion(v: string): boolean {
  // A year or a standard's number is not a document version.
  return !/^(19|20)\d\d$/.test(v) && !/^\d{5}$/.test(v) && v.length <= 12;
}

function versionValue(cell: SoaCell): string | null {
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 && cell < 1000 ? String(cell) : null;
  if (typeof cell !== 'string') return null;
  const m = /^v?\s*(\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)$/i.exec(cell.trim());
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

/**
 * The values a label cell may name: the next filled cell to its right, then the
 * cells below it, last first; a revision-history table below a label gives its last line.
 */
function labelledValues(grid: readonly (readonly SoaCell[])[], r: number, c: number, lastRow: number): { cell: SoaCell; row: number }[] {
  const row = grid[r] ?? [];
  const right: { cell: SoaCell; row: number }[] = [];
  for (let k = c + 1; k < Math.min(row.length, c + 4); k += 1) {
    const cell = row[k] ?? null;
    if (cellText(cell)) {
      right.push({ cell, row: r });
      break;
    }
  }
  const below: { cell: SoaCell; row: number }[] = [];
  for (let k = r + 1; k <= lastRow; k += 1) {
    const cell = grid[k]?.[c] ?? null;
    if (!cellText(cell)) break;
    below.push({ cell, row: k });
  }
  return [...right, ...below.reverse()];
}

/**
 * Reads the SoA's version ("Version 1.1", "Rev. 3", "v2") and date ("Date: 13 May 2024",
 * "13/05/2024", a date cell) from the given rows (0-based, inclusive), in reading order;
 * a date next to a date label beats a bare date.
 */
export function readMeta(grid: readonly (readonly SoaCell[])[], rows: readonly number[], sheetName?: string): SoaMeta {
  const meta: SoaMeta = { version: null, date: null, versionRow: null, dateRow: null, dateAmbiguity: null };
  let datePriority = 0;
  const lastRow = rows.length ? Math.max(...rows) : -1;
  const seen = new Set<string>();
  const offerDate = (found: { iso: string; ambiguous?: string } | null, row: number, priority: number) => {
    if (found && priority > datePriority) {
      datePriority = priority;
      meta.date = found.iso;
      meta.dateRow = row + 1;
      meta.dateAmbiguity = found.ambiguous ?? null;
    }
  };
  for (const r of rows) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c += 1) {
      const cell = row[c] ?? null;
      const text = cellText(cell);
      if (!text) continue;
      // Merged cells repeat their text across the range: read each text once per row.
      const key = `${r}:${text}`;
      if (seen.has(key) && !(cell instanceof Date)) continue;
      seen.add(key);
      if (meta.version === null) {
        if (VERSION_LABEL.test(text)) {
          const value = labelledValues(grid, r, c, lastRow).map((v) => ({ v: versionValue(v.cell), row: v.row })).find((v) => v.v);
          if (value) {
            meta.version = value.v;
            meta.versionRow = value.row + 1;
          }
        } else if (typeof cell === 'string') {
          const m = VERSION_IN_TEXT.exec(text);
          if (m && plausibleVersion(m[1]!)) {
            meta.version = m[1]!;
            meta.versionRow = r + 1;
          }
        }
      }
      if (DATE_LABEL.test(text)) {
        const value = labelledValues(grid, r, c, lastRow).map((v) => ({ d: dateValue(v.cell), row: v.row })).find((v) => v.d);
        if (value) offerDate(value.d, value.row, 3);
      } else if (typeof cell === 'string') {
        offerDate(findDateInText(text), r, DATE_WORD.test(text) ? 3 : 2);
      } else if (cell instanceof Date) {
        offerDate(dateValue(cell), r, 1);
      }
    }
  }
  if (meta.version === null && sheetName) {
    const m = VERSION_IN_TEXT.exec(sheetName);
    if (m && plausibleVersion(m[1]!)) meta.version = m[1]!;
  }
  return meta;
}
