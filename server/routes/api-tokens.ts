import { z } from 'zod';
import { apiTokenDto, apiTokenInput } from '../../shared/schemas/api-token';
import { idParams } from '../../shared/schemas/common';
import { createApiToken, revokeApiTokenCommand } from '../commands/api-token';
import { notFound } from '../errors';
import { defineRoute, Reply } from '../http/route';
import { authorize } from '../policies';
import { presentApiToken } from '../presenters/api-token';
import { findApiToken, listApiTokens } from '../repositories/api-token';

const tag = 'API tokens';

export const apiTokenRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/tokens',
    tag,
    summary: "Your organization's API tokens (administrators)",
    description: 'Newest first; the tokens themselves are never shown again, only their first characters.',
    access: 'authenticated',
    responses: { 200: { description: 'The tokens', schema: z.object({ tokens: z.array(apiTokenDto) }) } },
    handler: async ({ deps, actor }) => {
      authorize(actor, 'apiToken.manage');
      return { tokens: (await listApiTokens(deps.db, actor)).map((t) => presentApiToken(actor, t)) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/tokens',
    tag,
    summary: 'Create an API token (administrators)',
    description:
      'Send it as `Authorization: Bearer <token>`: no session and no CSRF token are needed. It acts with the role given, through the same authorization as a user of that role; ' +
      'a `read` token is refused on every method that changes something. The token is in this answer only; it is stored as its SHA-256. Every use is attributable in the audit trail (`details.apiTokenId`).',
    access: 'authenticated',
    body: apiTokenInput,
    responses: { 201: { description: 'The token, shown this once', schema: z.object({ token: z.string(), apiToken: apiTokenDto }) } },
    handler: async ({ deps, actor, body, origin }) => {
      authorize(actor, 'apiToken.manage');
      const { id, token } = await createApiToken(deps, actor, body, origin);
      return new Reply(201, { token, apiToken: presentApiToken(actor, (await findApiToken(deps.db, actor, id))!) });
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/tokens/:id',
    tag,
    summary: 'Revoke an API token (administrators)',
    description: 'At once, on every app server: each request with a token reads its state.',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The revoked token', schema: z.object({ apiToken: apiTokenDto }) } },
    handler: async ({ deps, actor, params, origin }) => {
      authorize(actor, 'apiToken.manage');
      const t = await findApiToken(deps.db, actor, params.id);
      if (!t) throw notFound('API token');
      authorize(actor, 'apiToken.revoke', { organizationId: t.organization_id, revokedAt: t.revoked_at });
      await revokeApiTokenCommand(deps, actor, t, origin);
      return { apiToken: presentApiToken(actor, (await findApiToken(deps.db, actor, t.id))!) };
    },
  }),
];
