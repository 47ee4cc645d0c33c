import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MAX_PDF_BYTES, MAX_PDF_PAGES, readPdfText, UnreadablePdfError } from '../../server/certificate/pdf-text';
import { encrypted, numberedPages, scannedWithCaption, writeCertificateFixtures, type FixtureName } from './fixtures/generate';


let dir: string;
let files: Record<FixtureName, string>;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scopewise-pdf-text-'));
  files = await writeCertificateFixtures(dir);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('readPdfText', () => {
  test('when the PDF has a text layer, then its text, page count and text layer are reported', async () => {
    const result = await readPdfText(await fs.readFile(files['bsi-like']));
    expect(result.pages).toBe(1);
    expect(result.hasTextLayer).toBe(true);
    expect(result.truncated).toBe(false);
    expect(result.text).toContain('This is to certify that: Acme BPO Philippines Inc.');
    expect(result.text).toContain('Holds Certificate Number: IS 765432');
  });

  test('when the PDF has two pages, then both are read with a blank line between them', async () => {
    const { text, pages } = await readPdfText(await fs.readFile(files['multi-site']));
    expect(pages).toBe(2);
    expect(text).toMatch(/render this Certificate invalid\.\n\nAppendix to Certificate/);
  });

  test('when the PDF is an image-only scan, then it has no text layer', async () => {
    const result = await readPdfText(await fs.readFile(files.scanned));
    expect(result).toEqual({ text: '', pages: 1, hasTextLayer: false, truncated: false });
  });

  test('when a scan carries only a short printed caption, then it still has no usable text layer', async () => {
    const result = await readPdfText(await scannedWithCaption());
    expect(result.text).toBe('Scan 1/1');
    expect(result.hasTextLayer).toBe(false);
  });

  test('when the PDF has more pages than the limit, then only the first pages are read and it says so', async () => {
    const result = await readPdfText(await numberedPages(MAX_PDF_PAGES + 3));
    expect(result.pages).toBe(MAX_PDF_PAGES + 3);
    expect(result.truncated).toBe(true);
    expect(result.text).toContain(`page marker ${MAX_PDF_PAGES} of`);
    expect(result.text).not.toContain(`page marker ${MAX_PDF_PAGES + 1} of`);
  });

  test("when the text is read, then the caller's buffer is left intact", async () => {
    const buffer = await fs.readFile(files['tuv-like']);
    const copy = Buffer.from(buffer);
    await readPdfText(buffer);
    expect(buffer.equals(copy)).toBe(true);
  });

  const unreadable: [string, () => Promise<Buffer>, string, RegExp][] = [
    ['random bytes after a PDF header', async () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 'x7\u0001')]), 'corrupt', /damaged or incomplete/],
    ['the first half of a real certificate', async () => (await fs.readFile(files['bsi-like'])).subarray(0, 800), 'corrupt', /damaged or incomplete/],
    ['a text file', async () => Buffer.from('This is to certify that nothing here is a PDF.'), 'not_pdf', /not a PDF/],
    ['an empty file', async () => Buffer.alloc(0), 'empty', /empty/],
    ['a password-protected PDF', encrypted, 'encrypted', /password/],
    ['a file over the size limit', async () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_PDF_BYTES)]), 'too_large', /limit is 25 MB/],
  ];

  test.each(unreadable)('when given %s, then an UnreadablePdfError says why', async (_case, make, reason, message) => {
    const attempt = readPdfText(await make());
    await expect(attempt).rejects.toBeInstanceOf(UnreadablePdfError);
    await expect(attempt).rejects.toMatchObject({ reason, message: expect.stringMatching(message) });
  });

  test('when the file is too large, then the error maps to "payload too large" and the others to a validation failure', async () => {
    const big = readPdfText(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_PDF_BYTES)]));
    await expect(big).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    await expect(readPdfText(Buffer.from('%PDF-1.4\n%%EOF'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', name: 'UnreadablePdfError' });
  });
});
