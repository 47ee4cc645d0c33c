import { SpreadsheetFormatError, UnsafeSpreadsheetError } from '../xlsx/errors';

/**
 * Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's
 * "Unicode text"), else Windows-1252, which is what Excel writes for "CSV" on Windows.
 */
export function decodeCsv(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  if (buf.includes(0)) throw new SpreadsheetFormatError('The file is not a text CSV file');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('windows-1252').decode(buf);
  }
}

/** Excel's own limits: a CSV field or row beyond them was not written by a spreadsheet. */
export const EXCEL_CELL_CHARS = 32_767;
export const EXCEL_COLUMNS = 16_384;

export interface CsvReadLimits {
  /** Stop (without refusing) once this many records are read. */
  maxRecords?: number;
  /** Refuse a field longer than this, as soon as it is read that far. */
  maxFieldChars?: number;
  /** Refuse a record with more fields than this, as soon as it has them. */
  maxFields?: number;
}

/**
 * Splits CSV text into records: quoted fields may hold the delimiter, doubled
 * quotes and line breaks. The limits are enforced while reading, so a hostile
 * file is refused after reading only as much as breaks a limit.
 */
export function splitCsv(text: string, delimiter: string, limits: CsvReadLimits = {}): string[][] {
  const { maxRecords = Number.POSITIVE_INFINITY, maxFieldChars = Number.POSITIVE_INFINITY, maxFields = Number.POSITIVE_INFINITY } = limits;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  const checkField = () => {
    if (field.length > maxFieldChars) {
      throw new UnsafeSpreadsheetError('cellLength', `Row ${records.length + 1}, column ${record.length + 1} holds more than ${maxFieldChars} characters; a cell holds at most ${maxFieldChars}`);
    }
  };
  const endField = () => {
    record.push(field);
    field = '';
    if (record.length > maxFields) {
      throw new UnsafeSpreadsheetError('columns', `Row ${records.length + 1} has more than ${maxFields} columns; a spreadsheet has at most ${maxFields}`);
    }
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < n) {
    if (quoted) {
      // Copy up to the next quote in one slice: a long quoted field costs one pass, not one string per character.
      const q = text.indexOf('"', i);
      field += text.slice(i, q < 0 ? n : q);
      checkField();
      if (q < 0) break;
      if (text[q + 1] === '"') {
        field += '"';
        i = q + 2;
      } else {
        quoted = false;
        i = q + 1;
      }
      continue;
    }
    const ch = text[i]!;
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      if (records.length > maxRecords) return records;
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      field += ch;
      if (field.length > maxFieldChars) checkField();
    }
    i += 1;
  }
  if (field !== '' || record.length) endRecord();
  return records;
}

/**
 * The delimiter that splits the first lines most consistently into several
 * fields: ";" (European Excel), "," or a tab. A "sep=;" first line (Excel's hint) wins.
 */
export function detectDelimiter(text: string): string {
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint) return hint[1]!;
  const sample = text.slice(0, 64 * 1024);
  let best = ',';
  let bestScore = -1;
  for (const d of [';', ',', '\t', '|']) {
    const records = splitCsv(sample, d, { maxRecords: 30 }).slice(0, 30);
    const counts = records.map((r) => r.length).filter((n) => n > 1);
    if (!counts.length) continue;
    const frequency = new Map<number, number>();
    for (const n of counts) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    const [mode, times] = [...frequency].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    const score = times * 1000 + mode;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/**
 * A CSV file as a grid of trimmed strings (null for empty fields), within the
 * row and column limits; fields longer than an Excel cell and rows wider than
 * an Excel sheet are refused while reading.
 */
export function readCsvGrid(buf: Buffer, limits: { maxRows: number; maxColumns: number; maxCellChars?: number }): (string | null)[][] {
  let text = decodeCsv(buf);
  const delimiter = detectDelimiter(text);
  text = text.replace(/^sep=.\r?\n/i, '');
  const records = splitCsv(text, delimiter, { maxRecords: limits.maxRows + 1, maxFieldChars: limits.maxCellChars ?? EXCEL_CELL_CHARS, maxFields: Math.max(EXCEL_COLUMNS, limits.maxColumns) });
  while (records.length && records[records.length - 1]!.every((f) => f.trim() === '')) records.pop();
  if (records.length > limits.maxRows) {
    throw new UnsafeSpreadsheetError('rows', `The file has more than ${limits.maxRows} rows`);
  }
  return records.map((record, r) => {
    let last = record.length;
    while (last > 0 && record[last - 1]!.trim() === '') last -= 1;
    if (last > limits.maxColumns) {
      throw new UnsafeSpreadsheetError('columns', `Row ${r + 1} has ${last} columns; at most ${limits.maxColumns} are read`);
    }
    return record.slice(0, last).map((f) => (f.trim() === '' ? null : f.trim()));
  });
}
