import { controlChars } from './file-name';

/** The file types Scopewise accepts, by the type detected from the bytes (never the name or the header). */
export const acceptedTypes = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document (.docx)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook (.xlsx)',
  'text/csv': 'CSV',
  'text/plain': 'Text',
} as const;
export type AcceptedType = keyof typeof acceptedTypes;

export const acceptedList = 'PDF, PNG, JPEG, DOCX, XLSX, CSV or TXT';

/** How many bytes are read before deciding what a file is. */
export const SAMPLE_BYTES = 64 * 1024;

/**
 * Checks an uploaded file's name: it is kept for display and downloads only,
 * but a name with path parts or control characters is refused, not silently
 * rewritten. Returns the problem, or null.
 */
export function fileNameProblem(name: string): string | null {
  if (!name || !name.trim()) return 'must have a file name';
  if (name.length > 255) return 'has a name longer than 255 characters';
  if (controlChars.test(name)) return 'has control characters in its name';
  if (/[\\/]/.test(name) || name === '.' || name === '..' || name.includes('..')) return 'has a name with path separators or ".."';
  return null;
}

/**
 * Text files (CSV, TXT) have no magic bytes: accept them when the sample is
 * UTF-8 (a BOM is fine) without NUL bytes. Other encodings are refused with a
 * message saying so, rather than read wrongly.
 */
const isUtf16 = (b: Buffer) => b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
const utf16Problem = { problem: 'is UTF-16 text: save it as UTF-8 (in Excel: "CSV UTF-8")' };

export function sniffText(sample: Buffer, name: string): { type: AcceptedType } | { problem: string } {
  if (isUtf16(sample)) return utf16Problem;
  if (sample.includes(0)) return { problem: `is not a ${acceptedList} file` };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
  } catch {
    return { problem: 'is text in an encoding other than UTF-8: save it as UTF-8 (in Excel: "CSV UTF-8")' };
  }
  return { type: /\.csv$/i.test(name) ? 'text/csv' : 'text/plain' };
}

/** The detected type of a sample, or why it is refused. */
export async function detectType(sample: Buffer, name: string): Promise<{ type: AcceptedType } | { problem: string }> {
  // A UTF-16 byte order mark looks like an MP3 frame to signature detection: decide it first.
  if (isUtf16(sample)) return utf16Problem;
  const { fileTypeFromBuffer } = await import('file-type/core');
  const detected = await fileTypeFromBuffer(sample);
  if (detected) {
    if (detected.mime in acceptedTypes) return { type: detected.mime as AcceptedType };
    return { problem: `is a ${detected.ext.toUpperCase()} file (${detected.mime}); accepted: ${acceptedList}` };
  }
  return sniffText(sample, name);
}
