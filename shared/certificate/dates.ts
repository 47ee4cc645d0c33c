/**
 * Dates as certificates print them: "13 May 2024", "May 13, 2024",
 * "2024-05-13", "13/05/2024", "13.05.2024", "13-May-2024". Values are ISO
 * (YYYY-MM-DD) strings so they survive JSON and compare as strings.
 */

export interface DateOptions {
  /** Read an ambiguous numeric date such as 04/05/2024 as month first (US style). Default: day first. */
  monthFirst?: boolean;
}

export interface DateMatch {
  iso: string;
  start: number;
  end: number;
  raw: string;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, januar: 1, 'jänner': 1,
  february: 2, feb: 2, februar: 2,
  march: 3, mar: 3, 'märz': 3, maerz: 3, 'mär': 3,
  april: 4, apr: 4,
  may: 5, mai: 5,
  june: 6, jun: 6, juni: 6,
  july: 7, jul: 7, juli: 7,
  august: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  october: 10, oct: 10, oktober: 10, okt: 10,
  november: 11, nov: 11,
  december: 12, dec: 12, dezember: 12, dez: 12,
};

// Longest first so "September" is not read as "Sep" followed by "tember".
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

const ISO_DATE = /(?<![\p{L}\p{N}])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\p{L}\p{N}])/gu;
const NUMERIC_DATE = /(?<![\p{L}\p{N}.\/-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\p{L}\p{N}]|[-/.]\d)/gu;
const DAY_MONTH_YEAR = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:st|nd|rd|th)?(?:\\.?\\s+(?:of\\s+)?|-)${MONTH}\\.?(?:(?:,?\\s+|\\s*-\\s*)(\\d{4})|-(\\d{2}))(?![\\p{L}\\p{N}])`,
  'giu',
);
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}\\p{N}])${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?![\\p{L}\\p{N}])`, 'giu');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

/** YYYY-MM-DD for a real calendar day in a plausible range, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Day and month of a numeric date. A number above 12 settles the order;
 * otherwise dotted dates are European and the rest follow `monthFirst`.
 */
function numericDayMonth(a: number, b: number, separator: string, monthFirst: boolean): [day: number, month: number] {
  if (a > 12 && b <= 12) return [a, b];
  if (b > 12 && a <= 12) return [b, a];
  if (separator === '.') return [a, b];
  return monthFirst ? [b, a] : [a, b];
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

/** Every date in `text`, in order, without overlaps. */
export function findDates(text: string, options: DateOptions = {}): DateMatch[] {
  const monthFirst = options.monthFirst ?? false;
  const found: DateMatch[] = [];
  const add = (m: RegExpExecArray, iso: string | null) => {
    if (iso) found.push({ iso, start: m.index, end: m.index + m[0].length, raw: m[0] });
  };
  for (const m of text.matchAll(ISO_DATE)) add(m, isoDate(Number(m[1]), Number(m[3]), Number(m[4])));
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const [day, month] = numericDayMonth(Number(m[1]), Number(m[3]), m[2] ?? '/', monthFirst);
    add(m, isoDate(fullYear(m[4] ?? ''), month, day));
  }
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    add(m, isoDate(fullYear(m[3] ?? m[4] ?? ''), monthNumber(m[2] ?? '') ?? 0, Number(m[1])));
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) add(m, isoDate(Number(m[3]), monthNumber(m[1] ?? '') ?? 0, Number(m[2])));

  found.sort((x, y) => x.start - y.start || y.end - x.end);
  const result: DateMatch[] = [];
  for (const d of found) {
    const last = result[result.length - 1];
    if (last && d.start < last.end) continue;
    result.push(d);
  }
  return result;
}

/** The ISO date `raw` spells, when `raw` is a date and nothing else; else null. */
export function parseDate(raw: string, options: DateOptions = {}): string | null {
  const trimmed = raw.trim().replace(/[.,;]+$/, '');
  const dates = findDates(trimmed, options);
  const only = dates[0];
  return dates.length === 1 && only && only.start === 0 && only.end === trimmed.length ? only.iso : null;
}

/**
 * Whether the document writes dates US style (month first). Numeric dates
 * that only read one way decide; failing those, dates written "May 13, 2024"
 * rather than "13 May 2024" do.
 */
export function detectUsDateStyle(text: string): boolean {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (m[2] === '.') continue;
    if (a > 12 && b <= 12) dayFirst++;
    if (b > 12 && a <= 12) monthFirst++;
  }
  if (dayFirst !== monthFirst) return monthFirst > dayFirst;
  return [...text.matchAll(MONTH_DAY_YEAR)].length > [...text.matchAll(DAY_MONTH_YEAR)].length;
}

/** Numeric dates that read differently day first and month first ("05/04/2024"), as written. */
export function ambiguousNumericDates(text: string): string[] {
  return [...text.matchAll(NUMERIC_DATE)]
    .filter((m) => m[2] !== '.' && Number(m[1]) <= 12 && Number(m[3]) <= 12 && m[1] !== m[3])
    .map((m) => m[0]);
}
