import type { AcceptedType } from './file-kind';

/**
 * Bidirectional formatting characters (embeddings, overrides, isolates and
 * the LRM, RLM and ALM marks): invisible, they make "invoice\u202Efdp.hta"
 * read as "invoiceath.pdf".
 */
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** C0 and C1 controls, DEL, and the line and paragraph separators. */
export const controlChars = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A name without its bidi controls: what an upload stores (they carry no meaning a file name needs). */
export const withoutBidiControls = (name: string): string => name.replace(bidiControls, '');

/**
 * A stored name as it is shown and served, for rows stored before uploads
 * removed these characters: bidi controls removed, control characters as "_".
 */
export function neutralizeFileName(name: string): string {
  return withoutBidiControls(name).replace(new RegExp(controlChars.source, 'g'), '_').trim();
}

/**
 * The extensions a download may keep, by the type detected from its bytes.
 * An allow-list: whatever a name ends in otherwise (.html, .hta, .svg, .js,
 * .bat, .ps1, .lnk, .jar, a trailing dot…) is no promise about the bytes.
 */
const safeExtensions: Record<AcceptedType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'text/csv': ['csv'],
  'text/plain': ['txt', 'text', 'log'],
};

/**
 * The name a document is downloaded under: neutralised, and ending in an
 * extension of its detected type, appended when the name ends otherwise
 * ("evidence.html" is text, saved as "evidence.html.txt"), so that what
 * reaches the buyer's disk opens as what it is and never runs.
 */
export function downloadName(name: string, mime: string): string {
  const base = neutralizeFileName(name) || 'document';
  const allowed = safeExtensions[mime as AcceptedType] ?? safeExtensions['text/plain'];
  const dot = base.lastIndexOf('.');
  const extension = dot >= 0 ? base.slice(dot + 1).toLowerCase() : '';
  return allowed.includes(extension) ? base : `${base}.${allowed[0]}`;
}
