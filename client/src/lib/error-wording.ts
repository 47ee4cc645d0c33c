/** How a form names one of its fields to a person: its label, or the whole sentence to show for any problem with it. */
export type FieldWording = string | { choose: string };

/** "riskOverride.reason" → "Risk override reason"; "weights.5.1" → "Weights (5.1)". */
function humanisePath(path: string): string {
  const [head, ...rest] = path.split('.');
  const words = (head ?? '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const named = rest.filter((p) => !/^\d+$/.test(p)).map((p) => p.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
  const numbers = rest.filter((p) => /^\d+$/.test(p));
  const text = [words, ...named].join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${numbers.length ? ` (${numbers.join('.')})` : ''}`;
}

/**
 * The server's problems as sentences in the form's own words: each field by
 * its label ("The due date must be today or later"), a choice by what to do
 * ("Choose a template"); never an API path. Fields the form does not name are
 * humanised from their path.
 */
export function describeApiError(error: unknown, wording: Record<string, FieldWording> = {}, fallback = 'Not saved: try again'): string {
  // Structural, so this file needs no DOM types (the server-side test suite type-checks it).
  const e = error as { name?: unknown; message?: unknown; fields?: unknown; code?: unknown };
  if (!(error instanceof Error) || typeof e.code !== 'string' || !Array.isArray(e.fields)) return fallback;
  const fields = e.fields as { path: string; message: string }[];
  if (fields.length === 0) return error.message;
  const sentences = fields.map((f) => {
    const w = wording[f.path] ?? wording[f.path.split('.')[0] ?? ''];
    if (w && typeof w === 'object') return w.choose;
    return `${w ?? humanisePath(f.path)} ${f.message}`;
  });
  return [...new Set(sentences)].join('. ') + '.';
}
