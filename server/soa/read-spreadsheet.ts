import ExcelJS from 'exceljs';
import { readCellIds } from '../../shared/soa/ids';
import type { SoaCell } from '../../shared/soa/values';
import { readCsvGrid } from './csv';
import { SpreadsheetFormatError, UnsafeSpreadsheetError } from '../xlsx/errors';
import type { ZipLimits } from '../xlsx/zip-guard';
import { assertSafeZip } from '../xlsx/zip-guard';

export { SpreadsheetFormatError, UnsafeSpreadsheetError } from '../xlsx/errors';

export interface SpreadsheetLimits extends ZipLimits {
  maxFileBytes: number;
  /** Rows and columns of the sheet that is read, counted to its last filled cell. */
  maxRows: number;
  maxColumns: number;
}

const MB = 1024 * 1024;

export const defaultSpreadsheetLimits: Readonly<SpreadsheetLimits> = {
  maxFileBytes: 20 * MB,
  maxRows: 5000,
  maxColumns: 60,
  maxUncompressedBytes: 100 * MB,
  maxRatio: 200,
  ratioThresholdBytes: 1 * MB,
  maxEntries: 2000,
  maxCellsPerSheet: 5000 * 60,
};

export interface ReadSpreadsheetOptions {
  /** Read this sheet instead of the one that looks most like an SoA. */
  sheetName?: string;
  limits?: Partial<SpreadsheetLimits>;
}

export interface SpreadsheetGrid {
  sheetName: string;
  /** Row 1 of the sheet at index 0; merged ranges repeat their value in every cell. */
  grid: SoaCell[][];
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

function idLikeCells(sheet: ExcelJS.Worksheet): number {
  let n = 0;
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      const ids = readCellIds(plainValue(cell.value, cell.numFmt));
      if (ids.twoPart.some((t) => t.candidates.length) || ids.threePart.length) n += 1;
    });
  });
  return n;
}

function sheetGrid(sheet: ExcelJS.Worksheet, limits: SpreadsheetLimits): SoaCell[][] {
  const rows: { index: number; cells: SoaCell[] }[] = [];
  let lastRow = 0;
  let lastColumn = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SoaCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const value = plainValue(cell.value, cell.numFmt);
      if (value === null || (typeof value === 'string' && value.trim() === '')) return;
      if (col > limits.maxColumns) {
        throw new UnsafeSpreadsheetError('columns', `Sheet "${sheet.name}" has data in column ${col}; at most ${limits.maxColumns} columns are read`);
      }
      cells[col - 1] = typeof value === 'string' ? value.trim() : value;
      lastColumn = Math.max(lastColumn, col);
    });
    if (!cells.length) return;
    if (rowNumber > limits.maxRows) {
      throw new UnsafeSpreadsheetError('rows', `Sheet "${sheet.name}" has data in row ${rowNumber}; at most ${limits.maxRows} rows are read`);
    }
    rows.push({ index: rowNumber - 1, cells });
    lastRow = Math.max(lastRow, rowNumber);
  });
  const grid: SoaCell[][] = Array.from({ length: lastRow }, () => Array<SoaCell>(lastColumn).fill(null));
  for (const { index, cells } of rows) cells.forEach((v, c) => (grid[index]![c] = v ?? null));
  return grid;
}

async function readXlsx(buffer: Buffer, limits: SpreadsheetLimits, sheetName: string | undefined): Promise<SpreadsheetGrid> {
  if (buffer.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new SpreadsheetFormatError('The file is a legacy .xls or a password-protected workbook: save it as .xlsx without a password');
  }
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw new SpreadsheetFormatError('The file is not an .xlsx workbook');
  const entries = assertSafeZip(buffer, limits);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw new SpreadsheetFormatError('The file is a zip archive but not an .xlsx workbook');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new SpreadsheetFormatError('The .xlsx workbook cannot be read');
  }
  const sheets = workbook.worksheets;
  if (!sheets.length) throw new SpreadsheetFormatError('The workbook has no worksheet');
  let sheet: ExcelJS.Worksheet | undefined;
  if (sheetName !== undefined) {
    sheet = sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new SpreadsheetFormatError(`The workbook has no sheet named "${sheetName}"`, 'sheetName');
  } else if (sheets.length === 1) {
    sheet = sheets[0];
  } else {
    // The sheet with the most control ids; a visible one wins a tie.
    let bestScore = -1;
    for (const s of sheets) {
      const score = idLikeCells(s) * 2 + (s.state === 'visible' ? 1 : 0);
      if (score > bestScore) {
        bestScore = score;
        sheet = s;
      }
    }
  }
  return { sheetName: sheet!.name, grid: sheetGrid(sheet!, limits) };
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
  if (kind === 'csv') return { sheetName: 'CSV', grid: readCsvGrid(buffer, limits) };
  return readXlsx(buffer, limits, opts.sheetName);
}
