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

