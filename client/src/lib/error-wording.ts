/** How a form names one of its fields to a person: its label, or the whole sentence to show for any problem with it. */
export type FieldWording = string | { choose: string };

/** A form's fields by path ("dueDate", "riskOverride.reason", "sites.*.city"), as the form names them. */
export type FormWording = Record<string, FieldWording>;

/** Messages that read as the rest of a sentence about the field ("must be today or later", "is required"). */
const PREDICATE = /^(must|is|are|needs?|has|have|cannot|can|should|was|were|does|do)\b/;
/** Labels that already start a sentence ("The due date", "Your password"). */
const DETERMINER = /^(the|a|an|your|this|each|every|its|their)\s/i;

/** "riskOverride.reason" → "Risk override reason"; "weights.5.1" → "Weights (5.1)". */
function humanisePath(path: string): string {
  const [head, ...rest] = path.split('.');
  const words = (head ?? '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const named = rest.filter((p) => !/^\d+$/.test(p)).map((p) => p.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
  const numbers = rest.filter((p) => /^\d+$/.test(p));
  const text = [words, ...named].join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${numbers.length ? ` (${numbers.join('.')})` : ''}`;
}

/** The form's wording for a path: exact, then with list positions as `*`, then its nearest named parent. */
function wordingFor(path: string, wording: FormWording): FieldWording | undefined {
  if (wording[path] !== undefined) return wording[path];
  const starred = path.replace(/(^|\.)\d+(?=\.|$)/g, '$1*');
  if (wording[starred] !== undefined) return wording[starred];
  const parts = path.split('.');
  for (let n = parts.length - 1; n > 0; n--) {
    const w = wording[parts.slice(0, n).join('.')];
    if (w !== undefined) return w;
  }
  return undefined;
}

const upperFirst = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
/** "Due date" → "The due date"; "The reason" and "SoA date" keep their own start (an acronym keeps its capitals). */
function subject(label: string): string {
  if (DETERMINER.test(label)) return upperFirst(label);
  return `The ${/^[A-Z][a-z]*(\s|$)/.test(label) ? `${label.charAt(0).toLowerCase()}${label.slice(1)}` : label}`;
}

/** The field's label: the form's, or one made from its path. */
export function fieldLabel(path: string, wording: FormWording = {}): string {
  const w = wordingFor(path, wording);
  return typeof w === 'string' ? w.replace(DETERMINER, '').replace(/^./, (c) => c.toUpperCase()) : humanisePath(path);
}

/**
 * One problem shown next to its input, as a sentence: "Choose a template",
 * "The due date must be today or later"; a message that is already a
 * sentence of its own is shown as it is, capitalised.
 */
export function fieldSentence(path: string, message: string, wording: FormWording = {}): string {
  const w = wordingFor(path, wording);
  if (w && typeof w === 'object') return w.choose;
  if (PREDICATE.test(message)) return `${subject(typeof w === 'string' ? w : humanisePath(path))} ${message}`;
  return upperFirst(message);
}

/**
 * One problem shown away from its input (in an alert): the same sentence when
 * the message reads as one, otherwise "<Label>: <message>"; never the API path.
 */
export function alertSentence(path: string, message: string, wording: FormWording = {}): string {
  const w = wordingFor(path, wording);
  if ((w && typeof w === 'object') || PREDICATE.test(message) || !path) return fieldSentence(path, message, wording);
  return `${fieldLabel(path, wording)}: ${message}`;
}

/** Several problems as one text: a sentence each, a repeated one once. */
export function joinSentences(sentences: readonly string[]): string {
  return [...new Set(sentences.map((s) => s.replace(/\.$/, '')))].join('. ') + '.';
}

/**
 * The server's problems as sentences in the form's own words: each field by
 * its label ("The due date must be today or later"), a choice by what to do
 * ("Choose a template"); never an API path. Fields the form does not name are
 * humanised from their path.
 */
export function describeApiError(error: unknown, wording: FormWording = {}, fallback = 'Not saved: try again'): string {
  // Structural, so this file needs no DOM types (the server-side test suite type-checks it).
  const e = error as { name?: unknown; message?: unknown; fields?: unknown; code?: unknown };
  if (!(error instanceof Error) || typeof e.code !== 'string' || !Array.isArray(e.fields)) return fallback;
  const fields = e.fields as { path: string; message: string }[];
  if (fields.length === 0) return error.message;
  return joinSentences(fields.map((f) => alertSentence(f.path, f.message, wording)));
}

/** A react-hook-form error tree, as far as the wording reads it. */
export interface ErrorTree {
  [key: string]: unknown;
}

/**
 * The client-side (zod) errors of a form reworded like the server's: each
 * message becomes the field's sentence. `ref` (the input element) is kept
 * as it is and never walked.
 */
export function wordErrorTree<T extends ErrorTree>(errors: T, wording: FormWording, prefix = ''): T {
  const out: ErrorTree = Array.isArray(errors) ? (Object.assign([], errors) as unknown as ErrorTree) : { ...errors };
  for (const [key, value] of Object.entries(errors)) {
    if (key === 'ref' || key === 'type' || key === 'types' || value === null || typeof value !== 'object') continue;
    out[key] = wordErrorTree(value as ErrorTree, wording, prefix ? `${prefix}.${key}` : key);
  }
  if (typeof errors.message === 'string' && prefix) out.message = fieldSentence(prefix, errors.message, wording);
  return out as T;
}
