import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { readCellIds } from '../../shared/soa/ids';
import type { SoaCell } from '../../shared/soa/values';
import { readCsvGrid } from './csv';
import { SpreadsheetFormatError, UnsafeSpreadsheetError } from '../xlsx/errors';
import type { ZipEntryInfo, ZipLimits } from '../xlsx/zip-guard';
import { assertSafeZip } from '../xlsx/zip-guard';

export { SpreadsheetFormatError, UnsafeSpreadsheetError } from '../xlsx/errors';

export interface SpreadsheetLimits extends ZipLimits {
  maxFileBytes: number;
  /** Rows and columns of the sheet that is read, counted to its last filled cell. */
  maxRows: number;
  maxColumns: number;
  /** Characters in one CSV field (an Excel cell holds at most 32,767). */
  maxCellChars: number;
}

const MB = 1024 * 1024;

export const defaultSpreadsheetLimits: Readonly<SpreadsheetLimits> = {
  maxFileBytes: 20 * MB,
  maxRows: 5000,
  maxColumns: 60,
  maxCellChars: 32_767,
  maxUncompressedBytes: 100 * MB,
  maxRatio: 200,
  ratioThresholdBytes: 1 * MB,
  maxEntries: 2000,
  maxCellsPerSheet: 5000 * 60,
  maxRowsPerSheet: 300_000,
};

export interface ReadSpreadsheetOptions {
  /** Read this sheet instead of the one that looks most like an SoA. */
  sheetName?: string;
  /** 'exceljs': the full xlsx parser instead of the direct reader (to compare the two). */
  parser?: 'direct' | 'exceljs';
  limits?: Partial<SpreadsheetLimits>;
}

export interface SpreadsheetGrid {
  sheetName: string;
  /** Row 1 of the sheet at index 0; merged ranges repeat their value in every cell. */
  grid: SoaCell[][];
  /** The workbook's other sheets (a cover, document control, revision history…), cut to 300 rows × 30 columns: read for the version and date. */
  otherSheets: WorkbookSheet[];
}

type ExcelValue = ExcelJS.CellValue | undefined;

/** One exceljs value as a plain cell: rich text joined, formulas as their result, errors as blank. */
function plainValue(value: ExcelValue, numFmt: string | undefined): SoaCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    // A percentage cell holds 0.5 for "50%": keep what the reader saw.
    if (numFmt?.includes('%')) return `${Math.round(value * 10000) / 100}%`;
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return plainValue((value as { result?: ExcelValue }).result, numFmt);
    if ('text' in value) return plainValue((value as { text: ExcelValue }).text, numFmt);
    if ('error' in value) return null;
  }
  return null;
}

/** Sheets read besides the SoA sheet, for its version and date: rows and columns kept of each. */
const OTHER_SHEET_ROWS = 300;
const OTHER_SHEET_COLUMNS = 30;

export interface WorkbookSheet {
  name: string;
  grid: SoaCell[][];
}

interface RawSheet {
  name: string;
  visible: boolean;
  /** Filled cells in reading order (0-based), merged ranges filled in. */
  cells: { row: number; col: number; value: SoaCell }[];
}

const SOA_NAME = /\bsoa\b|statement|applicab|annex/i;
const SOA_WORD = /applicab|exclu|justif/i;

/**
 * How much a sheet looks like the SoA: the distinct control ids it holds (a
 * risk register citing controls repeats a few; an SoA lists each once), plus a
 * name such as "SoA" or "Statement of Applicability", plus a header naming
 * applicability, exclusion or justification.
 */
function idScore(name: string, cells: readonly { row: number; value: SoaCell }[]): number {
  const distinct = new Set<string>();
  let header = false;
  for (const { row, value } of cells) {
    const ids = readCellIds(value);
    for (const t of ids.twoPart) if (t.candidates.length) distinct.add(t.literal);
    for (const t of ids.threePart) distinct.add(t);
    if (!header && row < 60 && typeof value === 'string' && value.length < 80 && SOA_WORD.test(value)) header = true;
  }
  return distinct.size + (SOA_NAME.test(name) ? 40 : 0) + (header ? 40 : 0);
}

/** A grid from filled cells; the sheet read as the SoA must stay within the limits, other sheets are cut to size. */
function toGrid(sheet: RawSheet, limits: SpreadsheetLimits, enforce: boolean): SoaCell[][] {
  let lastRow = -1;
  let lastColumn = -1;
  const maxRows = enforce ? limits.maxRows : OTHER_SHEET_ROWS;
  const maxColumns = enforce ? limits.maxColumns : OTHER_SHEET_COLUMNS;
  const kept: RawSheet['cells'] = [];
  for (const c of sheet.cells) {
    if (c.col >= maxColumns) {
      if (enforce) throw new UnsafeSpreadsheetError('columns', `Sheet "${sheet.name}" has data in column ${c.col + 1}; at most ${limits.maxColumns} columns are read`);
      continue;
    }
    if (c.row >= maxRows) {
      if (enforce) throw new UnsafeSpreadsheetError('rows', `Sheet "${sheet.name}" has data in row ${c.row + 1}; at most ${limits.maxRows} rows are read`);
      continue;
    }
    kept.push(c);
    lastRow = Math.max(lastRow, c.row);
    lastColumn = Math.max(lastColumn, c.col);
  }
  const grid: SoaCell[][] = Array.from({ length: lastRow + 1 }, () => Array<SoaCell>(lastColumn + 1).fill(null));
  for (const c of kept) grid[c.row]![c.col] = c.value;
  return grid;
}

function pickSheet<T extends { name: string; visible: boolean; cells: readonly { row: number; value: SoaCell }[] }>(sheets: T[], sheetName: string | undefined): T {
  if (!sheets.length) throw new SpreadsheetFormatError('The workbook has no worksheet');
  if (sheetName !== undefined) {
    const named = sheets.find((s) => s.name === sheetName);
    if (!named) throw new SpreadsheetFormatError(`The workbook has no sheet named "${sheetName}"`, 'sheetName');
    return named;
  }
  if (sheets.length === 1) return sheets[0]!;
  // The sheet with the most control ids; a visible one wins a tie.
  let chosen = sheets[0]!;
  let bestScore = -1;
  for (const s of sheets) {
    const score = idScore(s.name, s.cells) * 2 + (s.visible ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      chosen = s;
    }
  }
  return chosen;
}

function workbookOf(sheets: RawSheet[], limits: SpreadsheetLimits, sheetName: string | undefined): SpreadsheetGrid {
  const chosen = pickSheet(sheets, sheetName);
  return {
    sheetName: chosen.name,
    grid: toGrid(chosen, limits, true),
    otherSheets: sheets.filter((s) => s !== chosen).map((s) => ({ name: s.name, grid: toGrid(s, limits, false) })),
  };
}

// ---- A direct reader of the workbook's XML parts -------------------------------------------
// exceljs builds a full object model (styles, themes, every sheet's formatting) before one value
// can be read: 100–1,000 ms for a styled 100 KB workbook. The reader needs cell values, shared
// strings, number formats (dates, percentages) and merged ranges only, so it reads those parts
// directly. exceljs remains the fallback for a workbook this reader does not understand.

class UnreadablePart extends Error {}

function inflateEntry(buf: Buffer, entry: ZipEntryInfo): string {
  const at = entry.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) throw new UnreadablePart(`bad local header for ${entry.name}`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  // assertSafeZip has inflated every entry within its declared size already.
  const out = entry.method === 0 ? data : zlib.inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
  return out.toString('utf8');
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_m, hex: string, dec: string, name: string) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ENTITY[name.toLowerCase()]!,
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1]!.includes(':') && !m[1]!.startsWith('r:') && !m[1]!.startsWith('xml:') ? m[1]!.split(':').pop()! : m[1]!;
    out[name] = decodeXml(m[2] ?? m[3] ?? '');
  }
  return out;
}

/** The text of an <si> or <is> element: every <t>, phonetic runs (<rPh>) left out. */
function runText(xml: string): string {
  const clean = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  for (const m of clean.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += m[1];
  return decodeXml(out);
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) out.push(m[1] ? runText(m[1]) : '');
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);

type Kind = 'date' | 'percent' | 'number';

function formatKind(id: number, code: string | undefined): Kind {
  if (code === undefined) return BUILTIN_DATE_FORMATS.has(id) ? 'date' : BUILTIN_PERCENT_FORMATS.has(id) ? 'percent' : 'number';
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  if (bare.includes('%')) return 'percent';
  // The first section decides; "General" and plain number codes are numbers.
  const first = bare.split(';')[0] ?? '';
  return /[dmyhs]/i.test(first) && !/general/i.test(first) ? 'date' : 'number';
}

/** Number kind of each cell style index (date, percentage or plain number). */
function styleKinds(xml: string | null): Kind[] {
  if (!xml) return [];
  const codes = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]!);
    if (a.numFmtId !== undefined && a.formatCode !== undefined) codes.set(Number(a.numFmtId), a.formatCode);
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  if (!xfs) return [];
  const out: Kind[] = [];
  for (const m of xfs[1]!.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(attributes(m[1]!).numFmtId ?? 0);
    out.push(formatKind(id, codes.get(id)));
  }
  return out;
}

function cellPosition(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86400000));
}

/** The r, s and t attributes of a <c> or <row> tag (their values never need decoding). */
function cellAttributes(tag: string): { r?: string; s?: string; t?: string } {
  const out: { r?: string; s?: string; t?: string } = {};
  for (const m of tag.matchAll(/(?:^|\s)(r|s|t)\s*=\s*["']([^"']*)["']/g)) out[m[1] as 'r' | 's' | 't'] = m[2];
  return out;
}

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const INLINE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;

function sheetCells(xml: string, strings: string[], kinds: Kind[], date1904: boolean, name: string): RawSheet['cells'] {
  const cells = new Map<number, { row: number; col: number; value: SoaCell }>();
  const key = (row: number, col: number) => row * 16384 + col;
  const dataStart = xml.indexOf('<sheetData') >= 0 ? xml.indexOf('<sheetData') : xml.search(/<\w+:sheetData/);
  const dataEnd = xml.search(/<\/(?:\w+:)?sheetData>/);
  const data = dataStart >= 0 ? xml.slice(dataStart, dataEnd >= 0 ? dataEnd : undefined) : '';
  let nextRow = 0;
  for (const rm of data.matchAll(ROW)) {
    const ra = cellAttributes(rm[1]!);
    const row = ra.r ? Number(ra.r) - 1 : nextRow;
    nextRow = row + 1;
    let nextCol = 0;
    for (const cm of (rm[2] ?? '').matchAll(CELL)) {
      const a = cellAttributes(cm[1]!);
      const pos = a.r ? cellPosition(a.r) : { row, col: nextCol };
      if (!pos) throw new UnreadablePart(`cell reference "${a.r}" in sheet "${name}"`);
      nextCol = pos.col + 1;
      const body = cm[2] ?? '';
      const raw = VALUE.exec(body)?.[1];
      let value: SoaCell = null;
      switch (a.t) {
        case 's': {
          const i = raw === undefined ? NaN : Number(raw);
          value = Number.isInteger(i) ? (strings[i] ?? null) : null;
          break;
        }
        case 'inlineStr': {
          const is = INLINE.exec(body);
          value = is ? runText(is[1]!) : null;
          break;
        }
        case 'str':
          value = raw === undefined ? null : decodeXml(raw);
          break;
        case 'b':
          value = raw === undefined ? null : raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
          break;
        case 'e':
          value = null;
          break;
        case 'd': {
          const d = raw === undefined ? null : new Date(decodeXml(raw));
          value = d && !Number.isNaN(d.getTime()) ? d : null;
          break;
        }
        default: {
          if (raw === undefined || raw.trim() === '') break;
          const n = Number(raw);
          if (!Number.isFinite(n)) {
            value = decodeXml(raw);
            break;
          }
          const kind = kinds[Number(a.s ?? 0)] ?? 'number';
          value = kind === 'date' ? serialToDate(n, date1904) : kind === 'percent' ? `${Math.round(n * 10000) / 100}%` : n;
        }
      }
      if (typeof value === 'string') value = value.replace(/\r\n?/g, '\n').trim();
      if (value === null || value === '') continue;
      cells.set(key(pos.row, pos.col), { row: pos.row, col: pos.col, value });
    }
  }
  // Merged ranges: every cell of the range shows the first cell's value, as a reader sees it.
  const merges = /<(?:\w+:)?mergeCells\b[^>]*>([\s\S]*?)<\/(?:\w+:)?mergeCells>/.exec(xml)?.[1] ?? '';
  for (const mm of merges.matchAll(/<(?:\w+:)?mergeCell\b([^>]*?)\/?>/g)) {
    const [from, to] = (attributes(mm[1]!).ref ?? '').split(':');
    const a = from ? cellPosition(from) : null;
    const b = to ? cellPosition(to) : null;
    if (!a || !b) continue;
    const master = cells.get(key(a.row, a.col));
    if (!master) continue;
    if ((b.row - a.row + 1) * (b.col - a.col + 1) > 20000) continue;
    for (let r = a.row; r <= b.row; r += 1) {
      for (let c = a.col; c <= b.col; c += 1) if (!cells.has(key(r, c))) cells.set(key(r, c), { row: r, col: c, value: master.value });
    }
  }
  return [...cells.values()].sort((x, y) => x.row - y.row || x.col - y.col);
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

function readXmlWorkbook(buffer: Buffer, entries: ZipEntryInfo[]): RawSheet[] {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const part = (name: string) => {
    const entry = byName.get(name);
    return entry ? inflateEntry(buffer, entry) : null;
  };
  const workbook = part('xl/workbook.xml');
  if (!workbook) throw new UnreadablePart('no workbook part');
  const rels = part('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    if (a.Id && a.Target) targets.set(a.Id, resolveTarget(a.Target));
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(workbook);
  const strings = sharedStrings(part('xl/sharedStrings.xml'));
  const kinds = styleKinds(part('xl/styles.xml'));
  const sheets: RawSheet[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    const target = targets.get(a['r:id'] ?? a.id ?? '');
    if (!a.name || !target) throw new UnreadablePart(`sheet "${a.name ?? '?'}" has no part`);
    const xml = part(target);
    // A chart sheet or dialog sheet holds no cells.
    if (xml === null || !/^xl\/worksheets\//.test(target)) continue;
    sheets.push({ name: a.name, visible: (a.state ?? 'visible') === 'visible', cells: sheetCells(xml, strings, kinds, date1904, a.name) });
  }
  return sheets;
}

async function readWithExcelJs(buffer: Buffer): Promise<RawSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new SpreadsheetFormatError('The .xlsx workbook cannot be read');
  }
  return workbook.worksheets.map((sheet) => {
    const cells: RawSheet['cells'] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const value = plainValue(cell.value, cell.numFmt);
        if (value === null || (typeof value === 'string' && value.trim() === '')) return;
        cells.push({ row: rowNumber - 1, col: col - 1, value: typeof value === 'string' ? value.trim() : value });
      });
    });
    return { name: sheet.name, visible: sheet.state === 'visible', cells };
  });
}

async function readXlsx(buffer: Buffer, limits: SpreadsheetLimits, sheetName: string | undefined, parser: 'direct' | 'exceljs'): Promise<SpreadsheetGrid> {
  if (buffer.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new SpreadsheetFormatError('The file is a legacy .xls or a password-protected workbook: save it as .xlsx without a password');
  }
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw new SpreadsheetFormatError('The file is not an .xlsx workbook');
  const entries = await assertSafeZip(buffer, limits);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw new SpreadsheetFormatError('The file is a zip archive but not an .xlsx workbook');
  let sheets: RawSheet[];
  try {
    if (parser === 'exceljs') throw new UnreadablePart('exceljs asked for');
    sheets = readXmlWorkbook(buffer, entries);
  } catch {
    // A part this reader does not understand (or cannot unpack): the full xlsx parser decides.
    sheets = await readWithExcelJs(buffer);
  }
  return workbookOf(sheets, limits, sheetName);
}

/**
 * Reads an uploaded SoA spreadsheet into a grid of cells for `parseSoaGrid`.
 * xlsx: refuses zip bombs before parsing (declared and actual unpacked sizes,
 * compression ratios), picks the sheet that looks most like an SoA, caps rows
 * and columns. csv: UTF-8/UTF-16/Windows-1252 with or without BOM, ";" "," or tab.
 * Throws UnsafeSpreadsheetError (413) or SpreadsheetFormatError (400).
 */
export async function readSpreadsheetGrid(buffer: Buffer, kind: 'xlsx' | 'csv', opts: ReadSpreadsheetOptions = {}): Promise<SpreadsheetGrid> {
  const limits: SpreadsheetLimits = { ...defaultSpreadsheetLimits, ...opts.limits };
  if (buffer.length > limits.maxFileBytes) {
    throw new UnsafeSpreadsheetError('fileSize', `The file is ${(buffer.length / MB).toFixed(1)} MB; at most ${(limits.maxFileBytes / MB).toFixed(0)} MB are accepted`);
  }
  if (buffer.length === 0) throw new SpreadsheetFormatError('The file is empty');
  if (kind === 'csv') return { sheetName: 'CSV', grid: readCsvGrid(buffer, limits), otherSheets: [] };
  return readXlsx(buffer, limits, opts.sheetName, opts.parser ?? 'direct');
}
