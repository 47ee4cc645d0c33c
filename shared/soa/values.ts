/** One cell of a sheet as the spreadsheet reader hands it over. */
export type SoaCell = string | number | boolean | Date | null;

export type Implementation = 'full' | 'partial' | 'none';

/** The cell as trimmed text ('' when blank); numbers keep JavaScript's shortest spelling. */
export function cellText(cell: SoaCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoDate(cell);
  return String(cell).replace(/\r\n?/g, '\n').trim();
}

/** Blank, or a dash or question mark standing for "nothing said". */
export function isPlaceholder(cell: SoaCell | undefined): boolean {
  return /^[-–—?]?$/.test(cellText(cell));
}

/** Lower case, single spaces, no trailing dot or colon: the form spelling tables compare. */
function norm(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.:;!]+$/, '')
    .trim();
}

const CHECK_MARKS = /^[✓✔☑✅●■]$|^x$|^\(x\)$|^\[x\]$/;
const CROSS_MARKS = /^[✗✘☒❌×]$|^☐$/;

const APPLICABLE_NO =
  /^(n|no|non|nein|false|0|not applicable|not appl|n\/a|n\.a|na|n\/app|excluded|exclude|not included|out of scope|not in scope|not selected|not required|not relevant|irrelevant|omitted)\b/;
const APPLICABLE_YES =
  /^(y|yes|ja|oui|si|sí|true|1|applicable|appl|included|include|selected|in scope|required|relevant|mandatory|adopted)\b/;

/**
 * Reads an "applicable?" cell: Y/Yes/Applicable/Included/✓/x/true/1 → true,
 * N/No/Not applicable/N/A/Excluded/✗/false/0 → false, blank or unknown → null.
 * A status such as "Implemented" or "Planned" in that column also means applicable.
 */
export function readApplicable(cell: SoaCell | undefined): boolean | null {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : null;
  if (cell instanceof Date) return null;
  const t = norm(cellText(cell));
  if (isPlaceholder(t)) return null;
  if (CROSS_MARKS.test(t)) return false;
  if (CHECK_MARKS.test(t)) return true;
  if (APPLICABLE_NO.test(t)) return false;
  if (APPLICABLE_YES.test(t)) return true;
  const impl = readImplementation(cell);
  if (impl.notApplicable) return false;
  if (impl.implementation) return true;
  return null;
}

export interface ImplementationReading {
  implementation: Implementation | null;
  /** The cell says the control does not apply ("N/A", "Not applicable", "Excluded"). */
  notApplicable: boolean;
}

const IMPL_NA = /^(n\/a|n\.a|na|not applicable|not appl|excluded|out of scope|not relevant)\b/;
const IMPL_NONE =
  /^(not implemented|not yet implemented|not yet|not started|not in place|not done|not met|not at all|not present|not established|non[- ]?compliant|unimplemented|none|no|n|nil|missing|absent|planned|scheduled|pending|to do|todo|to be (?:implemented|started|done|established)|gap|open|false|0)\b/;
// "Not fully implemented", "Not completely in place": part of it is.
const IMPL_NOT_FULLY = /^not (?:yet )?(?:fully|completely|entirely|wholly)\b/;
const IMPL_PARTIAL =
  /^(partial|partially|partly|in part|part[- ]implemented|in progress|ongoing|on-going|under implementation|in implementation|being implemented|implementing|under development|in development|being developed|work in progress|wip|limited|some|started|semi|mostly|largely|nearly|almost|substantially)\b/;
// "Implemented partially", "Yes, partly": a qualifier later in the cell wins over the first word.
const IMPL_PARTIAL_ANYWHERE = /\b(partial|partially|partly|in progress)\b/;
const IMPL_FULL =
  /^(implemented|fully implemented|full|fully|yes|y|done|complete|completed|in place|fully in place|in use|operational|operating|effective|in operation|live|compliant|met|achieved|established|true|1)\b/;

/** A percentage as 0–100, from "50%", "50 %" or "0.5" style text. */
function percentOf(text: string): number | null {
  const m = /^(\d{1,3}(?:[.,]\d+)?)\s*%$/.exec(text);
  return m ? Number(m[1]!.replace(',', '.')) : null;
}

function fromPercent(p: number): Implementation | null {
  if (!(p >= 0 && p <= 100)) return null;
  return p >= 100 ? 'full' : p <= 0 ? 'none' : 'partial';
}

/**
 * Reads an implementation cell: Implemented/Yes/Done/100% → full,
 * Partially/In progress/1–99% → partial, Not implemented/No/Planned/0% → none;
 * N/A and "Not applicable" give no implementation but flag the control as not applicable.
 * "Planned" counts as none: a planned control is not in place yet.
 */
export function readImplementation(cell: SoaCell | undefined): ImplementationReading {
  const none: ImplementationReading = { implementation: null, notApplicable: false };
  if (cell === null || cell === undefined || cell instanceof Date) return none;
  if (typeof cell === 'boolean') return { implementation: cell ? 'full' : 'none', notApplicable: false };
  if (typeof cell === 'number') {
    // Fractions are percent-formatted cells that lost their format; 1 is "yes".
    if (cell >= 0 && cell <= 1) return { implementation: fromPercent(cell * 100), notApplicable: false };
    return { implementation: fromPercent(cell), notApplicable: false };
  }
  const t = norm(cellText(cell));
  if (isPlaceholder(t)) return none;
  const pct = percentOf(t);
  if (pct !== null) return { implementation: fromPercent(pct), notApplicable: false };
  if (IMPL_NA.test(t)) return { implementation: null, notApplicable: true };
  if (CROSS_MARKS.test(t)) return { implementation: 'none', notApplicable: false };
  if (CHECK_MARKS.test(t)) return { implementation: 'full', notApplicable: false };
  if (IMPL_NOT_FULLY.test(t)) return { implementation: 'partial', notApplicable: false };
  if (IMPL_NONE.test(t)) return { implementation: 'none', notApplicable: false };
  if (IMPL_PARTIAL.test(t) || IMPL_PARTIAL_ANYWHERE.test(t)) return { implementation: 'partial', notApplicable: false };
  if (IMPL_FULL.test(t)) return { implementation: 'full', notApplicable: false };
  return none;
}

const IMPLEMENTATION_RANK: Record<Implementation, number> = { none: 0, partial: 1, full: 2 };

/** The weakest of several implementation states (none < partial < full), ignoring unknowns. */
export function weakestImplementation(values: readonly (Implementation | null)[]): Implementation | null {
  let weakest: Implementation | null = null;
  for (const v of values) {
    if (v && (weakest === null || IMPLEMENTATION_RANK[v] < IMPLEMENTATION_RANK[weakest])) weakest = v;
  }
  return weakest;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** YYYY-MM-DD from a Date's UTC fields (spreadsheet dates carry no time zone). */
export function isoDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function validIso(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return isoDate(dt);
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
const MONTH_WORD = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

export interface DateReading {
  iso: string;
  /** Set when day and month could be swapped (05/06/2024): the reading is day first. */
  ambiguous?: string;
}

/**
 * Finds the first date written in free text: 2024-05-13, 13/05/2024, 13.05.24,
 * 13 May 2024, 13th May 2024, May 13, 2024, 13-May-2024. Numeric dates are read
 * day first unless that is impossible (05/13/2024 is month first).
 */
export function findDateInText(text: string): DateReading | null {
  const t = text.toLowerCase();
  let m = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(t);
  if (m) {
    const iso = validIso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) return { iso };
  }
  m = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = fullYear(m[3]!);
    const dayFirst = validIso(y, b, a);
    const monthFirst = validIso(y, a, b);
    if (dayFirst && monthFirst && a !== b) {
      return { iso: dayFirst, ambiguous: `"${m[0]}" could be ${dayFirst} or ${monthFirst}; read day first` };
    }
    if (dayFirst || monthFirst) return { iso: (dayFirst ?? monthFirst)! };
  }
  m = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?[\\s\\-/.]*(?:of\\s+)?${MONTH_WORD}\\.?[\\s\\-/.,]*(\\d{4}|\\d{2})\\b`).exec(t);
  if (m) {
    const iso = validIso(fullYear(m[3]!), MONTHS[m[2]!]!, Number(m[1]));
    if (iso) return { iso };
  }
  m = new RegExp(`\\b${MONTH_WORD}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`).exec(t);
  if (m) {
    const iso = validIso(Number(m[3]), MONTHS[m[1]!]!, Number(m[2]));
    if (iso) return { iso };
  }
  return null;
}

/** An Excel serial day number (45425 = 2024-05-13) as a date, within a plausible range. */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 32874 || serial > 73051) return null; // 1990 … 2100
  return isoDate(new Date(Math.round((serial - 25569) * 86400000)));
}
