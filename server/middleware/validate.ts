import type { z } from 'zod';
import type { FieldIssue } from '../../shared/errors';
import { invalid } from '../errors';

/** zod issues as field problems a person can act on. */
export function fieldIssues(error: z.ZodError, prefix: (string | number)[] = []): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path].map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: 'is not an allowed field' }));
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) return [{ path, message: 'is required' }];
    if (issue.code === 'invalid_union' && issue.input === undefined) return [{ path, message: 'is required' }];
    return [{ path, message: issue.message }];
  });
}

/** Parses one part of a request; a failure names every offending field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix: (string | number)[] = []): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw invalid(fieldIssues(result.error, prefix));
  return result.data;
}
