import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/** A PDF drawn by pdfkit with these options, as bytes. */
export function renderPdf(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/** A real PDF with some text, written by pdfkit. */
export function makePdf(lines: string[] = ['Scopewise test document']): Promise<Buffer> {
  return renderPdf({ size: 'A4', info: { Title: 'Test' } }, (doc) => {
    for (const line of lines) doc.text(line);
  });
}

/** Every file under a folder (the disk storage), recursively. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The first bytes of a Windows executable: what a renamed .exe starts with. */
export function fakeExecutable(): Buffer {
  const b = Buffer.alloc(4096);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

/**
 * A multipart body written by hand, so a test can send exactly the file name
 * an attacker would (HTTP clients clean names up before sending).
 */
export function rawMultipart(fields: Record<string, string>, file: { name: string; content: Buffer; type?: string }) {
  const boundary = `----scopewise${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`, 'utf8'));
  parts.push(file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
