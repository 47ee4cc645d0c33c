import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type FieldValues, type Path, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '../../lib/api-client';

/** react-hook-form driven by the same zod schema the server validates with. */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'> = {}) {
  return useForm<z.input<S>, unknown, z.output<S>>({ ...options, resolver: zodResolver(schema as never) as never, mode: 'onTouched' });
}

/**
 * Shows the server's field problems next to the fields; returns the message
 * for anything that is not about a field in this form.
 */
export function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T, unknown, FieldValues>, error: unknown, fields: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  let matched = false;
  for (const f of error.fields) {
    const top = f.path.split('.')[0] ?? '';
    if (fields.includes(top)) {
      form.setError(f.path as Path<T>, { type: 'server', message: `${f.message}` });
      matched = true;
    }
  }
  return matched && error.code === 'VALIDATION_FAILED' ? null : error.message;
}

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
  if (!(error instanceof ApiError)) return fallback;
  if (error.fields.length === 0) return error.message;
  const sentences = error.fields.map((f) => {
    const w = wording[f.path] ?? wording[f.path.split('.')[0] ?? ''];
    if (w && typeof w === 'object') return w.choose;
    return `${w ?? humanisePath(f.path)} ${f.message}`;
  });
  return [...new Set(sentences)].join('. ') + '.';
}
