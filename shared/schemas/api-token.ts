import { z } from 'zod';
import { roles } from '../roles';
import { id, text } from './common';

export const apiTokenAccess = ['read', 'write'] as const;

/** A new API token (`POST /api/tokens`): what it is for, the role it acts with, read or read-write, and for how long. */
export const apiTokenInput = z
  .strictObject({
    name: text(100, { min: 1 }),
    role: z.enum(roles, { message: `must be one of ${roles.join(', ')}` }),
    access: z.enum(apiTokenAccess, { message: 'must be read or write' }),
    expiresInDays: z.number({ message: 'must be a number of days' }).int({ message: 'must be a whole number of days' }).min(1, { message: 'must be at least 1 day' }).max(365, { message: 'must be at most 365 days' }),
  })
  .meta({ id: 'ApiTokenInput' });
export type ApiTokenInput = z.infer<typeof apiTokenInput>;

export const apiTokenDto = z
  .object({
    id,
    name: z.string(),
    role: z.enum(roles),
    access: z.enum(apiTokenAccess),
    /** The token's first characters, to tell tokens apart; the token itself is shown once, when it is created. */
    prefix: z.string(),
    createdBy: z.object({ id, name: z.string() }),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    state: z.enum(['active', 'expired', 'revoked']),
    abilities: z.object({ revoke: z.boolean() }),
  })
  .meta({ id: 'ApiToken' });
export type ApiTokenDto = z.infer<typeof apiTokenDto>;
