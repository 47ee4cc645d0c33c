import ExcelJS from 'exceljs';
import { AppError } from '../../server/errors';
import { assertSafeZip, listZipEntries as readZipDirectory } from '../../server/xlsx/zip-guard';
import { buildZip } from './zip-fixture';

const MB = 1024 * 1024;

async function realWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1').addRow(['a', 1]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function refusal(buffer: Buffer, limits = {}): string {
  try {
    assertSafeZip(buffer, limits);
  } catch (err) {
    if (err instanceof AppError) return err.message;
    throw err;
  }
  return 'accepted';
}

describe('assertSafeZip', () => {
  test('when an xlsx written by exceljs is checked, then it is accepted and its entries listed', async () => {
    const entries = assertSafeZip(await realWorkbook());
    expect(entries.map((e) => e.name)).toContain('xl/workbook.xml');
  });

  test('when a small zip of ordinary text is checked, then it is accepted', () => {
    const zip = buildZip([
      { name: 'a.xml', data: Buffer.from('<a>hello</a>'.repeat(1000)) },
      { name: 'b.txt', data: Buffer.from('stored as is'), store: true },
    ]);
    expect(assertSafeZip(zip).map((e) => [e.name, e.uncompressedSize])).toEqual([
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
  ])('when %s is checked, then it is refused with a clear message', (_what, make, message) => {
    expect(refusal(make())).toMatch(message);
  });

  test('when an entry declares a huge uncompressed size, then it is refused without inflating it', () => {
    const zip = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declaredSize: 4_000_000_000 }]);
    expect(refusal(zip)).toMatch(/more than 100\.0 MB.*zip bomb/);
  });

  test('when a ZIP64 entry declares a huge size in its extra field, then the ZIP64 size is read and refused', () => {
    const zip = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declaredSize: 5 * 1024 * MB, zip64: true }]);
    expect(readZipDirectory(zip)[0]?.uncompressedSize).toBe(5 * 1024 * MB);
    expect(refusal(zip)).toMatch(/more than 100\.0 MB/);
  });

  test('when 150 MB of zeros are compressed into one entry, then the archive is refused as a zip bomb', () => {
    const zip = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(150 * MB) }]);
    expect(zip.length).toBeLessThan(MB);
    expect(refusal(zip)).toMatch(/zip bomb/);
  });

  test('when an entry over 1 MB compresses more than 200:1, then it is refused for its ratio', () => {
    const zip = buildZip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(5 * MB) }]);
    expect(refusal(zip)).toMatch(/unpacks \d+:1/);
  });

  test('when a small entry compresses very well, then the ratio rule does not apply', () => {
    const zip = buildZip([{ name: 'xl/styles.xml', data: Buffer.alloc(512 * 1024) }]);
    expect(refusal(zip)).toBe('accepted');
  });

  test('when an entry declares a small size but inflates to more, then the lie is caught', () => {
    const zip = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(2 * MB, 'a'), declaredSize: 1000 }]);
    expect(refusal(zip)).toMatch(/more than it declares/);
  });

  test('when an entry is marked encrypted, then it is refused', () => {
    const zip = buildZip([{ name: 'a.xml', data: Buffer.from('<a/>') }]);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(1, central + 8);
    expect(refusal(zip)).toMatch(/encrypted/);
  });
});
