import { AppError } from '../errors';

/** The most a certificate upload may weigh before we refuse to parse it. */
export const MAX_PDF_BYTES = 25 * 1024 * 1024;
/** Pages read; a certificate with its site annexes is a few pages, the rest is not worth the time. */
export const MAX_PDF_PAGES = 50;
/** Fewer non-space characters than this per page means the pages are pictures (a scan). */
export const MIN_TEXT_CHARS_PER_PAGE = 20;

export type UnreadablePdfReason = 'too_large' | 'empty' | 'not_pdf' | 'encrypted' | 'corrupt';

/**
 * The file cannot be read as a PDF. An AppError so the error handler answers
 * without knowing PDFs: 413 for too large, 400 otherwise.
 */
export class UnreadablePdfError extends AppError {
  constructor(
    readonly reason: UnreadablePdfReason,
    message: string,
  ) {
    super(reason === 'too_large' ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', message, { reason });
    this.name = 'UnreadablePdfError';
  }
}

export interface PdfText {
  /** The text of the pages read, a blank line between pages. */
  text: string;
  /** Pages in the document (only the first MAX_PDF_PAGES are read). */
  pages: number;
  /** False for an image-only scan: the fields must be entered by hand. */
  hasTextLayer: boolean;
  /** True when the document has more pages than were read. */
  truncated: boolean;
}

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

/** A page's text as unpdf's extractText joins it: runs in content order, a line break where PDF.js sees one. */
function joinItems(items: readonly unknown[]): string {
  return (items as TextItemLike[])
    .filter((item) => typeof item.str === 'string')
    .map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : ''))
    .join('');
}

function reasonOf(err: unknown): UnreadablePdfError {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    return new UnreadablePdfError('encrypted', 'The PDF is password-protected; upload a copy without a password.');
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new UnreadablePdfError('corrupt', `The PDF is damaged or incomplete and could not be read (${detail}).`);
}

/**
 * The text of a PDF (the first MAX_PDF_PAGES pages), its page count, and
 * whether it has a text layer at all. Throws UnreadablePdfError for a file
 * that is too large, not a PDF, encrypted or damaged.
 */
export async function readPdfText(buffer: Buffer): Promise<PdfText> {
  if (buffer.length > MAX_PDF_BYTES) {
    throw new UnreadablePdfError('too_large', `The PDF is ${(buffer.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_PDF_BYTES / 1024 / 1024} MB.`);
  }
  if (buffer.length === 0) throw new UnreadablePdfError('empty', 'The file is empty.');
  // PDF.js tolerates junk before the header, but a file with no header at all is not a PDF.
  if (!buffer.subarray(0, 1024).includes('%PDF-')) {
    throw new UnreadablePdfError('not_pdf', 'The file is not a PDF (no %PDF header).');
  }

  // unpdf is ESM-only; a dynamic import loads it from this CommonJS module.
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: PDF.js may transfer (detach) the array it is given, and the caller still owns `buffer`.
    pdf = await getDocumentProxy(new Uint8Array(buffer), { verbosity: 0, stopAtErrors: false });
  } catch (err) {
    throw reasonOf(err);
  }
  try {
    const pages = pdf.numPages;
    const read = Math.min(pages, MAX_PDF_PAGES);
    const texts: string[] = [];
    for (let n = 1; n <= read; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      texts.push(joinItems(content.items).trim());
      page.cleanup();
    }
    const text = texts.join('\n\n');
    const visible = text.replace(/\s+/g, '').length;
    return { text, pages, hasTextLayer: read > 0 && visible >= MIN_TEXT_CHARS_PER_PAGE * read, truncated: pages > read };
  } catch (err) {
    throw reasonOf(err);
  } finally {
    await pdf.destroy();
  }
}
