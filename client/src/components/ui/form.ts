import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type FieldValues, type Path, type Resolver, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '../../lib/api-client';
import { alertSentence, fieldSentence, joinSentences, wordErrorTree, type ErrorTree, type FormWording } from '../../lib/error-wording';

/**
 * react-hook-form driven by the same zod schema the server validates with;
 * `wording` names the fields as the form does, so a problem reads "Choose a
 * template" or "The due date must be today or later", not "must be a UUID".
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  { wording = {}, ...options }: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'> & { wording?: FormWording } = {},
) {
  const zod = zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>;
  const resolver: Resolver<z.input<S>, unknown, z.output<S>> = async (values, context, opts) => {
    const result = await zod(values, context, opts);
    return { ...result, errors: wordErrorTree(result.errors as ErrorTree, wording) } as Awaited<ReturnType<typeof zod>>;
  };
  return useForm<z.input<S>, unknown, z.output<S>>({ ...options, resolver, mode: 'onTouched' });
}

/**
 * Shows the server's field problems next to the fields, in the form's words;
 * returns the text for the alert: the problems with fields this form does not
 * show ("<Label>: <message>", never an API path), or the error's own message.
 */
export function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T, unknown, FieldValues>, error: unknown, fields: readonly string[], wording: FormWording = {}): string | null {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  if (error.fields.length === 0) return error.message;
  const elsewhere: string[] = [];
  for (const f of error.fields) {
    const top = f.path.split('.')[0] ?? '';
    if (fields.includes(top)) form.setError(f.path as Path<T>, { type: 'server', message: fieldSentence(f.path, f.message, wording) });
    else elsewhere.push(alertSentence(f.path, f.message, wording));
  }
  if (elsewhere.length > 0) return joinSentences(elsewhere);
  return error.code === 'VALIDATION_FAILED' ? null : error.message;
}
