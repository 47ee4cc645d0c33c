import { z } from 'zod';
import { roles } from '../roles';
import { email, id, newPassword, personName } from './common';

export const userStatuses = ['active', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];

export const role = z.enum(roles, { message: `must be one of ${roles.join(', ')}` });

export const inviteUserBody = z.strictObject({ email, role }).meta({ id: 'InviteUserRequest' });
export type InviteUserBody = z.infer<typeof inviteUserBody>;

export const updateUserBody = z
  .strictObject({
    role: role.optional(),
    status: z.enum(userStatuses, { message: `must be one of ${userStatuses.join(', ')}` }).optional(),
  })
  .refine((b) => b.role !== undefined || b.status !== undefined, { message: 'give role or status', path: ['role'] })
  .meta({ id: 'UpdateUserRequest' });
export type UpdateUserBody = z.infer<typeof updateUserBody>;

const token = z.string({ message: 'must be a string' }).min(20, { message: 'is not a valid invitation token' }).max(200, { message: 'is not a valid invitation token' });

export const inspectInvitationBody = z.strictObject({ token }).meta({ id: 'InspectInvitationRequest' });
export const acceptInvitationBody = z
  .strictObject({ token, name: personName, password: newPassword })
  .meta({ id: 'AcceptInvitationRequest' });
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBody>;

export const userDto = z
  .object({
    id,
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    status: z.enum(userStatuses),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof userDto>;

export const invitationDto = z
  .object({
    id,
    email: z.string(),
    role: z.enum(roles),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
    invitedBy: z.string().nullable(),
    abilities: z.object({ revoke: z.boolean() }),
  })
  .meta({ id: 'Invitation' });
export type InvitationDto = z.infer<typeof invitationDto>;

export const invitationPreview = z
  .object({ email: z.string(), role: z.enum(roles), organizationName: z.string(), expiresAt: z.string() })
  .meta({ id: 'InvitationPreview' });
export type InvitationPreview = z.infer<typeof invitationPreview>;

/** Asks for a link to set a new password (`POST /api/auth/password-reset`). */
export const passwordResetRequestBody = z.strictObject({ email }).meta({ id: 'PasswordResetRequest' });

const resetToken = z.string({ message: 'must be a string' }).min(20, { message: 'is not a valid reset link' }).max(200, { message: 'is not a valid reset link' });

/** Sets a new password with the emailed token (`POST /api/auth/password-reset/confirm`). */
export const passwordResetBody = z.strictObject({ token: resetToken, password: newPassword }).meta({ id: 'PasswordResetConfirm' });
export type PasswordResetBody = z.infer<typeof passwordResetBody>;

/** Changes the signed-in user's password (`POST /api/auth/password`). */
export const changePasswordBody = z
  .strictObject({
    currentPassword: z.string({ message: 'must be a string' }).min(1, { message: 'is required' }).max(256, { message: 'must be at most 256 characters' }),
    newPassword,
  })
  .refine((b) => b.currentPassword !== b.newPassword, { message: 'must differ from the current password', path: ['newPassword'] })
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;
