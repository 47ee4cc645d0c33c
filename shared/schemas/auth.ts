import { z } from 'zod';
import { organizationKinds, roles } from '../roles';
import { email, id } from './common';

export const loginBody = z
  .strictObject({
    email,
    // Not validated beyond presence and length: a login must fail the same
    // way for every wrong password.
    password: z.string({ message: 'must be a string' }).min(1, { message: 'is required' }).max(256, { message: 'must be at most 256 characters' }),
  })
  .meta({ id: 'LoginRequest' });
export type LoginBody = z.infer<typeof loginBody>;

export const organizationSummary = z
  .object({ id, name: z.string(), kind: z.enum(organizationKinds) })
  .meta({ id: 'OrganizationSummary' });

export const sessionUser = z
  .object({
    id,
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    organization: organizationSummary,
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionResponse = z.object({ user: sessionUser }).meta({ id: 'SessionResponse' });
export const csrfResponse = z.object({ token: z.string() }).meta({ id: 'CsrfToken' });
