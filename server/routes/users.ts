import { z } from 'zod';
import { auditPage, auditQuery } from '../../shared/schemas/audit';
import { sessionResponse } from '../../shared/schemas/auth';
import { idParams } from '../../shared/schemas/common';
import { acceptInvitationBody, inspectInvitationBody, invitationDto, invitationPreview, inviteUserBody, updateUserBody, userDto } from '../../shared/schemas/users';
import { acceptInvitation, inviteUser, usableInvitation, withdrawInvitation } from '../commands/invitation';
import { changeUser } from '../commands/user';
import { notFound } from '../errors';
import { defineRoute, Reply } from '../http/route';
import { credentialRateLimit } from '../middleware/rate-limit';
import { authorize } from '../policies';
import { presentInvitation, presentSessionUser, presentUser, invitationSubject } from '../presenters/user';
import { presentAuditEvent } from '../presenters/audit';
import { listAuditEvents } from '../repositories/audit';
import { findInvitation, listInvitations } from '../repositories/invitation';
import { findUser, listUsers } from '../repositories/user';
import { signIn } from './auth';

const tag = 'Users';

export const userRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/users',
    tag,
    summary: "Users of your organization (administrators)",
    access: 'authenticated',
    responses: { 200: { description: 'The users', schema: z.object({ users: z.array(userDto) }) } },
    handler: async ({ deps, actor }) => {
      authorize(actor, 'user.list');
      const users = await listUsers(deps.db, actor);
      return { users: users.map((u) => presentUser(actor, u)) };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/users/:id',
    tag,
    summary: "Change a user's role or status (administrators)",
    description: 'Disabling a user signs them out everywhere. Administrators cannot change themselves.',
    access: 'authenticated',
    params: idParams,
    body: updateUserBody,
    responses: { 200: { description: 'The updated user', schema: z.object({ user: userDto }) } },
    handler: async ({ deps, actor, params, body, origin }) => {
      const user = await findUser(deps.db, actor, params.id);
      if (!user) throw notFound('User');
      authorize(actor, 'user.update', { id: user.id, organizationId: user.organization_id, role: user.role });
      const updated = await changeUser(deps, actor, user, body, origin);
      return { user: presentUser(actor, updated) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/invitations',
    tag,
    summary: "Invitations of your organization (administrators)",
    access: 'authenticated',
    responses: { 200: { description: 'Invitations, newest first', schema: z.object({ invitations: z.array(invitationDto) }) } },
    handler: async ({ deps, actor }) => {
      authorize(actor, 'user.list');
      const rows = await listInvitations(deps.db, actor);
      return { invitations: rows.map((i) => presentInvitation(actor, i)) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/invitations',
    tag,
    summary: 'Invite a person to your organization (administrators)',
    description: 'Emails a link that works once and expires after 7 days. A pending invitation for the same email is replaced.',
    access: 'authenticated',
    body: inviteUserBody,
    responses: { 201: { description: 'The invitation', schema: z.object({ invitation: invitationDto }) }, 409: { description: 'The email already has an account' } },
    handler: async ({ deps, actor, body, origin }) => {
      authorize(actor, 'user.invite');
      const id = await inviteUser(deps, actor, body, origin);
      const row = await findInvitation(deps.db, actor, id);
      if (!row) throw notFound('Invitation');
      return new Reply(201, { invitation: presentInvitation(actor, row) });
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/invitations/:id',
    tag,
    summary: 'Withdraw a pending invitation (administrators)',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The withdrawn invitation', schema: z.object({ invitation: invitationDto }) } },
    handler: async ({ deps, actor, params, origin }) => {
      const inv = await findInvitation(deps.db, actor, params.id);
      if (!inv) throw notFound('Invitation');
      authorize(actor, 'invitation.revoke', invitationSubject(inv));
      await withdrawInvitation(deps, actor, inv, origin);
      const row = await findInvitation(deps.db, actor, params.id);
      return { invitation: presentInvitation(actor, row!) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/invitations/inspect',
    tag,
    summary: 'What an invitation token is for, before accepting it',
    access: 'public',
    body: inspectInvitationBody,
    before: (deps) => [credentialRateLimit(deps.config.loginRateLimit)],
    responses: { 200: { description: 'The invitation', schema: z.object({ invitation: invitationPreview }) }, 400: { description: 'Unknown, expired, withdrawn or used token' } },
    handler: async ({ deps, body }) => {
      const inv = await usableInvitation(deps, body.token);
      return { invitation: { email: inv.email, role: inv.role, organizationName: inv.organization_name, expiresAt: inv.expires_at.toISOString() } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/invitations/accept',
    tag,
    summary: 'Accept an invitation: set your name and password, and sign in',
    access: 'public',
    body: acceptInvitationBody,
    before: (deps) => [credentialRateLimit(deps.config.loginRateLimit)],
    responses: { 201: { description: 'Account created and signed in', schema: sessionResponse }, 400: { description: 'Unknown, expired, withdrawn or used token' } },
    handler: async ({ req, deps, body, origin }) => {
      const actor = await acceptInvitation(deps, body, origin);
      await signIn(req, actor);
      return new Reply(201, { user: presentSessionUser(actor) });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/audit-events',
    tag,
    summary: "Your organization's audit trail (administrators)",
    access: 'authenticated',
    query: auditQuery,
    responses: { 200: { description: 'Events, newest first', schema: auditPage } },
    handler: async ({ deps, actor, query }) => {
      authorize(actor, 'audit.list');
      const { rows, total } = await listAuditEvents(deps.db, actor, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize, action: query.action });
      return {
        events: rows.map(presentAuditEvent),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  }),
];
