import { z } from 'zod';

/** A UUID path or body parameter. */
export const id = z.uuid({ message: 'must be a UUID' });

/** `{ id }` path parameters. */
export const idParams = z.strictObject({ id });

/** Email address, trimmed and lower-cased so lookups are case-insensitive. */
export const email = z
  .string({ message: 'must be a string' })
  .trim()
  .toLowerCase()
  .max(254, { message: 'must be at most 254 characters' })
  .pipe(z.email({ message: 'must be a valid email address' }));

/** A person's display name. */
export const personName = z
  .string({ message: 'must be a string' })
  .trim()
  .min(1, { message: 'is required' })
  .max(120, { message: 'must be at most 120 characters' });

/** A new password: long enough to resist guessing, bounded to keep hashing cheap. */
export const newPassword = z
  .string({ message: 'must be a string' })
  .min(12, { message: 'must be at least 12 characters' })
  .max(256, { message: 'must be at most 256 characters' });

/** Free text of bounded length. */
export function text(max: number, { min = 0 } = {}) {
  const base = z.string({ message: 'must be a string' }).trim().max(max, { message: `must be at most ${max} characters` });
  return min > 0 ? base.min(min, { message: min === 1 ? 'is required' : `must be at least ${min} characters` }) : base;
}

/**
 * A query parameter that may be repeated (`?theme=A&theme=B`): always read
 * as an array of strings.
 */
export function repeatedQuery<T extends z.ZodType<string>>(item: T) {
  return z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(item).max(50).optional());
}

/** Standard list pagination in the query string. */
export const pageQuery = {
  page: z.coerce.number({ message: 'must be a number' }).int().min(1).max(100000).default(1),
  pageSize: z.coerce.number({ message: 'must be a number' }).int().min(1).max(200).default(50),
};
