import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AppError } from '../../server/errors';
import { readSpreadsheetGrid, SpreadsheetFormatError, UnsafeSpreadsheetError } from '../../server/soa/read-spreadsheet';
import { fixtureFiles } from './fixtures/generate';
import { fixturesDir } from './read-fixture';
import { writeZip } from './zip-writer';

const MB = 1024 * 1024;

async function workbookBuffer(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the spreadsheet to be refused');
}

describe('readSpreadsheetGrid refuses hostile and oversized files', () => {
  test('when a part unpacks more than 200:1 beyond 1 MB, then it is refused as a zip bomb before parsing', async () => {
    const bomb = writeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(8 * MB, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const err = await refusal(readSpreadsheetGrid(bomb, 'xlsx'));
    expect(err).toBeInstanceOf(UnsafeSpreadsheetError);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: 'compressionRatio', message: expect.stringContaining('zip bomb') });
  });

  test('when the central directory declares more than 100 MB in total, then it is refused without inflating anything', async () => {
    const parts = [0, 1].map((i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from('<x/>'), declareUncompressed: 60 * MB, declareCompressed: 1 * MB }));
    const err = await refusal(readSpreadsheetGrid(writeZip(parts), 'xlsx'));
    expect(err).toMatchObject({ name: 'UnsafeSpreadsheetError', limit: 'uncompressedSize' });
  });

  test('when a part declares a small size but inflates to more, then the lie is caught and the file refused', async () => {
    const liar = writeZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(3 * MB, 0x61), declareUncompressed: 10_000 },
    ]);
    const err = await refusal(readSpreadsheetGrid(liar, 'xlsx'));
    expect(err).toMatchObject({ name: 'UnsafeSpreadsheetError', limit: 'declaredSizeMismatch' });
  });

  test('when the upload is larger than 20 MB, then it is refused before anything is read', async () => {
    const err = await refusal(readSpreadsheetGrid(Buffer.alloc(20 * MB + 1), 'xlsx'));
    expect(err).toMatchObject({ name: 'UnsafeSpreadsheetError', limit: 'fileSize' });
  });

  test.each([
    ['rows', (ws: ExcelJS.Worksheet) => (ws.getCell('A5001').value = 'late row')],
    ['columns', (ws: ExcelJS.Worksheet) => (ws.getCell(1, 61).value = 'far column')],
  ])('when the sheet has data beyond the %s limit, then it is refused', async (limit, place) => {
    const buffer = await workbookBuffer((wb) => {
      const ws = wb.addWorksheet('SoA');
      ws.getCell('A1').value = '5.1';
      place(ws);
    });
    const err = await refusal(readSpreadsheetGrid(buffer, 'xlsx'));
    expect(err).toMatchObject({ name: 'UnsafeSpreadsheetError', limit });
  });

  test('when a worksheet holds more cell elements than allowed, then it is refused before exceljs builds it', async () => {
    const buffer = fs.readFileSync(path.join(fixturesDir, fixtureFiles.clean));
    const err = await refusal(readSpreadsheetGrid(buffer, 'xlsx', { limits: { maxCellsPerSheet: 100 } }));
    expect(err).toMatchObject({ name: 'UnsafeSpreadsheetError', limit: 'cells' });
  });

  test('when a CSV has more than 5000 rows, then it is refused', async () => {
    const csv = Buffer.from(Array.from({ length: 5001 }, (_, i) => `5.1;row ${i}`).join('\n'));
    const err = await refusal(readSpreadsheetGrid(csv, 'csv'));
    expect(err).toMatchObject({ name: 'UnsafeSpreadsheetError', limit: 'rows' });
  });

  test('when a CSV holds one 15 MB quoted field, then it is refused naming the cell length limit', async () => {
    const csv = Buffer.from(`Control;Justification\n5.1;"${'x'.repeat(15 * MB)}"\n`);
    const err = await refusal(readSpreadsheetGrid(csv, 'csv'));
    expect(err).toMatchObject({ name: 'UnsafeSpreadsheetError', limit: 'cellLength', message: 'Row 2, column 2 holds more than 32767 characters; a cell holds at most 32767' });
  });

  test('when a CSV field is unquoted and too long, or exactly as long as an Excel cell, then the first is refused and the second read', async () => {
    const err = await refusal(readSpreadsheetGrid(Buffer.from(`5.1;${'y'.repeat(40_000)}\n`), 'csv'));
    expect(err).toMatchObject({ limit: 'cellLength' });
    const { grid } = await readSpreadsheetGrid(Buffer.from(`5.1;"${'y'.repeat(32_767)}"\n`), 'csv');
    expect(grid[0]![1]).toHaveLength(32_767);
  });

  test('when a CSV row has more fields than a spreadsheet can, then it is refused while reading', async () => {
    const err = await refusal(readSpreadsheetGrid(Buffer.from(`5.1${';'.repeat(5 * MB)}x\n`), 'csv'));
    expect(err).toMatchObject({ limit: 'columns', message: 'Row 1 has more than 16384 columns; a spreadsheet has at most 16384' });
  });

  test('when a CSV has a million rows, then it is refused for its rows', async () => {
    const csv = Buffer.from('5.1;Yes\n'.repeat(1_000_000));
    const err = await refusal(readSpreadsheetGrid(csv, 'csv'));
    expect(err).toMatchObject({ limit: 'rows', message: 'The file has more than 5000 rows' });
  });

  test.each([
    ['a legacy or password-protected workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /legacy \.xls or a password-protected/],
    ['a text file named .xlsx', Buffer.from('Control;Applicable\n5.1;Yes\n'), /not an \.xlsx workbook/],
    ['a zip that is not a workbook', writeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]), /zip archive but not an \.xlsx/],
    ['an empty file', Buffer.alloc(0), /empty/],
  ])('when the upload is %s, then it is refused with a format error', async (_what, buffer, message) => {
    const err = await refusal(readSpreadsheetGrid(buffer, 'xlsx'));
    expect(err).toBeInstanceOf(SpreadsheetFormatError);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(message) });
  });
});

describe('readSpreadsheetGrid reads workbooks', () => {
  test('when a workbook has a cover sheet first, then the sheet with the most control ids is read', async () => {
    const buffer = fs.readFileSync(path.join(fixturesDir, fixtureFiles.multi));
    const { sheetName, grid } = await readSpreadsheetGrid(buffer, 'xlsx');
    expect(sheetName).toBe('SoA 2022');
    expect(grid[0]![0]).toBe('ACME BPO — Statement of Applicability (ISO/IEC 27001:2022)');
    const cover = await readSpreadsheetGrid(buffer, 'xlsx', { sheetName: 'Cover' });
    expect(cover.grid).toEqual([['ACME BPO Information Security Management System'], ['Statement of Applicability'], ['Owner: CISO']]);
    await expect(readSpreadsheetGrid(buffer, 'xlsx', { sheetName: 'Nope' })).rejects.toBeInstanceOf(SpreadsheetFormatError);
  });

  test('when cells hold percentages, formulas, rich text, links, dates and merges, then the grid holds what a reader sees', async () => {
    const when = new Date(Date.UTC(2024, 4, 13));
    const buffer = await workbookBuffer((wb) => {
      const ws = wb.addWorksheet('SoA');
      ws.getCell('A1').value = 'Merged title';
      ws.mergeCells('A1:C1');
      ws.getCell('A2').value = 0.5;
      ws.getCell('A2').numFmt = '0%';
      ws.getCell('B2').value = { formula: '1+1', result: 2 };
      ws.getCell('C2').value = { richText: [{ text: 'Partially ' }, { text: 'implemented', font: { bold: true } }] };
      ws.getCell('A3').value = { text: 'Policy', hyperlink: 'https://example.test/policy' };
      ws.getCell('B3').value = when;
      ws.getCell('C3').value = '  padded  ';
      ws.getCell('A5').value = 5.1;
    });
    const { grid } = await readSpreadsheetGrid(buffer, 'xlsx');
    expect(grid).toEqual([
      ['Merged title', 'Merged title', 'Merged title'],
      ['50%', 2, 'Partially implemented'],
      ['Policy', when, 'padded'],
      [null, null, null],
      [5.1, null, null],
    ]);
  });
});

describe('readSpreadsheetGrid reads CSV files', () => {
  test.each([
    ['comma-delimited with quotes', Buffer.from('Control,Justification\r\n5.1,"Board policy, reviewed ""yearly"""\r\n8.3,"two\nlines"\r\n\r\n'), ','],
    ['semicolon-delimited with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Control;Justification\n5.1;"Board policy, reviewed ""yearly"""\n8.3;"two\nlines"\n')]), ';'],
    ['tab-delimited UTF-16 (Excel "Unicode text")', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Control\tJustification\r\n5.1\t"Board policy, reviewed ""yearly"""\r\n8.3\t"two\nlines"\r\n', 'utf16le')]), '\t'],
    ['with an Excel "sep=" line', Buffer.from('sep=|\nControl|Justification\n5.1|"Board policy, reviewed ""yearly"""\n8.3|"two\nlines"\n'), '|'],
  ])('when the file is %s, then fields split correctly', async (_what, buffer) => {
    const { sheetName, grid } = await readSpreadsheetGrid(buffer, 'csv');
    expect(sheetName).toBe('CSV');
    expect(grid).toEqual([
      ['Control', 'Justification'],
      ['5.1', 'Board policy, reviewed "yearly"'],
      ['8.3', 'two\nlines'],
    ]);
  });

  test('when a CSV is Windows-1252, then accented text is decoded', async () => {
    const latin = Buffer.from('Contrôle;Justification\n5.1;Sécurité\n', 'latin1');
    const { grid } = await readSpreadsheetGrid(latin, 'csv');
    expect(grid).toEqual([
      ['Contrôle', 'Justification'],
      ['5.1', 'Sécurité'],
    ]);
  });
});
