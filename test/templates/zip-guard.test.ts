import ExcelJS from 'exceljs';
import { AppError } from '../../server/errors';
import { assertSafeZip, listZipEntries as readZipDirectory, SheetTagCounter } from '../../server/xlsx/zip-guard';
import { cellForms, emptyRowsSheetXml, hostileSheetXml, workbookWithSheet, type CellForm } from '../helpers/hostile-workbook';
import { buildZip } from './zip-fixture';

const MB = 1024 * 1024;

async function realWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1').addRow(['a', 1]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function refusal(buffer: Buffer, limits = {}): Promise<string> {
  try {
    await assertSafeZip(buffer, limits);
  } catch (err) {
    if (err instanceof AppError) return err.message;
    throw err;
  }
  return 'accepted';
}

describe('assertSafeZip', () => {
  test('when an xlsx written by exceljs is checked, then it is accepted and its entries listed', async () => {
    const entries = await assertSafeZip(await realWorkbook());
    expect(entries.map((e) => e.name)).toContain('xl/workbook.xml');
  });

  test('when a small zip of ordinary text is checked, then it is accepted', async () => {
    const zip = buildZip([
      { name: 'a.xml', data: Buffer.from('<a>hello</a>'.repeat(1000)) },
      { name: 'b.txt', data: Buffer.from('stored as is'), store: true },
    ]);
    expect((await assertSafeZip(zip)).map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['a.xml', 12000],
      ['b.txt', 12],
    ]);
  });

  test.each<[string, () => Buffer, RegExp]>([
    ['an empty buffer', () => Buffer.alloc(0), /empty/],
    ['a text file', () => Buffer.from('Section key,Question key\ns,q\n'), /not a readable \.xlsx workbook.*not a zip archive/],
    ['an old .xls (OLE2) file', () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]), /97-2003 \(\.xls\)/],
    ['a zip cut short', () => buildZip([{ name: 'a.xml', data: Buffer.from('x'.repeat(5000)) }]).subarray(0, 40), /damaged/],
    ['a zip with no entries', () => buildZip([]), /not a readable \.xlsx workbook.*holds no files/],
  ])('when %s is checked, then it is refused with a clear message', async (_what, make, message) => {
    expect(await refusal(make())).toMatch(message);
  });

  test('when an entry declares a huge uncompressed size, then it is refused without inflating it', async () => {
    const zip = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declaredSize: 4_000_000_000 }]);
    expect(await refusal(zip)).toMatch(/more than 100\.0 MB.*zip bomb/);
  });

  test('when a ZIP64 entry declares a huge size in its extra field, then the ZIP64 size is read and refused', async () => {
    const zip = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declaredSize: 5 * 1024 * MB, zip64: true }]);
    expect(readZipDirectory(zip)[0]?.uncompressedSize).toBe(5 * 1024 * MB);
    expect(await refusal(zip)).toMatch(/more than 100\.0 MB/);
  });

  test('when 150 MB of zeros are compressed into one entry, then the archive is refused as a zip bomb', async () => {
    const zip = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(150 * MB) }]);
    expect(zip.length).toBeLessThan(MB);
    expect(await refusal(zip)).toMatch(/zip bomb/);
  });

  test('when an entry over 1 MB compresses more than 200:1, then it is refused for its ratio', async () => {
    const zip = buildZip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(5 * MB) }]);
    expect(await refusal(zip)).toMatch(/unpacks \d+:1/);
  });

  test('when a small entry compresses very well, then the ratio rule does not apply', async () => {
    const zip = buildZip([{ name: 'xl/styles.xml', data: Buffer.alloc(512 * 1024) }]);
    expect(await refusal(zip)).toBe('accepted');
  });

  test('when an entry declares a small size but inflates to more, then the lie is caught', async () => {
    const zip = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(2 * MB, 'a'), declaredSize: 1000 }]);
    expect(await refusal(zip)).toMatch(/more than it declares/);
  });

  test('when an entry is marked encrypted, then it is refused', async () => {
    const zip = buildZip([{ name: 'a.xml', data: Buffer.from('<a/>') }]);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(1, central + 8);
    expect(await refusal(zip)).toMatch(/encrypted/);
  });
});

describe('SheetTagCounter', () => {
  const count = (xml: string, splitAt?: number) => {
    const counter = new SheetTagCounter();
    const bytes = Buffer.from(xml);
    if (splitAt === undefined) counter.feed(bytes);
    else {
      counter.feed(bytes.subarray(0, splitAt));
      counter.feed(bytes.subarray(splitAt));
    }
    return { cells: counter.cells, rows: counter.rows };
  };

  test.each<[string, string, { cells: number; rows: number }]>([
    ['a space', '<row r="1"><c r="A1"/></row>', { cells: 1, rows: 1 }],
    ['a tab', '<row\tr="1"><c\tr="A1"/></row>', { cells: 1, rows: 1 }],
    ['a newline', '<row\nr="1"><c\nr="A1"/></row>', { cells: 1, rows: 1 }],
    ['a carriage return', '<row\rr="1"><c\rr="A1"/></row>', { cells: 1, rows: 1 }],
    ['">" right after the name', '<row><c><v>1</v></c></row>', { cells: 1, rows: 1 }],
    ['"/" right after the name', '<row/><c/>', { cells: 1, rows: 1 }],
    ['a namespace prefix', '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>', { cells: 1, rows: 1 }],
    ['longer names that start alike', '<col min="1"/><cols/><rows/><cfRule/><ro/><v>1</v></c>', { cells: 0, rows: 0 }],
    ['end tags and declarations', '<?xml version="1.0"?><!-- x --></c></row>', { cells: 0, rows: 0 }],
  ])('when a tag is written with %s, then it is counted as an XML parser reads it', (_what, xml, expected) => {
    expect(count(xml)).toEqual(expected);
  });

  test('when a tag is split across two inflated chunks at any byte, then it is still counted once', () => {
    const xml = '<x:row r="1"><x:c\tr="A1"/><c/><c>1</c></x:row><row/>';
    for (let at = 0; at <= xml.length; at += 1) expect(count(xml, at)).toEqual({ cells: 3, rows: 2 });
  });
});

describe('assertSafeZip counts cells however they are spelled', () => {
  const refusalOf = async (buffer: Buffer, limits: object) => {
    try {
      await assertSafeZip(buffer, limits);
    } catch (err) {
      return err;
    }
    return 'accepted';
  };

  test.each(Object.keys(cellForms) as CellForm[])('when a worksheet writes its cells with %s, then one over the cap is refused and the cap itself accepted', async (form) => {
    const over = await workbookWithSheet(hostileSheetXml(form, 101));
    expect(await refusalOf(over, { maxCellsPerSheet: 100 })).toMatchObject({ limit: 'cells', message: expect.stringMatching(/more than 100 cells/) });
    expect(await refusalOf(await workbookWithSheet(hostileSheetXml(form, 100)), { maxCellsPerSheet: 100 })).toBe('accepted');
  });

  test('when the relationships put the sheet outside xl/worksheets/sheetN.xml, then its cells are counted all the same', async () => {
    const moved = await workbookWithSheet(hostileSheetXml('tab', 101), 'xl/elsewhere/data.bin');
    expect(await refusalOf(moved, { maxCellsPerSheet: 100 })).toMatchObject({ limit: 'cells', message: 'The workbook part xl/elsewhere/data.bin holds more than 100 cells, the limit for one sheet' });
  });

  test('when a worksheet holds more empty rows than allowed, then it is refused for its rows', async () => {
    const over = await workbookWithSheet(emptyRowsSheetXml(51));
    expect(await refusalOf(over, { maxRowsPerSheet: 50 })).toMatchObject({ limit: 'rows', message: expect.stringMatching(/more than 50 rows/) });
    expect(await refusalOf(await workbookWithSheet(emptyRowsSheetXml(50)), { maxRowsPerSheet: 50 })).toBe('accepted');
  });

  test('when a million tab-separated cells are packed in one sheet, then the guard stops at the cap', async () => {
    const bomb = await workbookWithSheet(hostileSheetXml('tab', 1_000_000));
    expect(await refusalOf(bomb, {})).toMatchObject({ limit: 'cells', message: expect.stringMatching(/more than 300000 cells/) });
  });
});
