import crypto from 'node:crypto';
import { rolesFor } from '../../shared/roles';
import type { ApiTokenInput } from '../../shared/schemas/api-token';
import { hashToken } from '../auth/tokens';
import type { Deps } from '../deps';
import { AppError, invalid } from '../errors';
import type { Actor } from '../policies/actor';
import type { RequestOrigin } from '../repositories/audit';
import { insertApiToken, revokeApiToken, type ApiTokenRow } from '../repositories/api-token';
import { runWrite } from './write';

/** A new token: "sw_" and 256 random bits, so a leaked one is recognisable and none can be guessed. */
function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = `sw_${crypto.randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, 10) };
}

/** Creates a token of the admin's organization; the token itself is returned this once and never stored. */
export async function createApiToken(deps: Deps, actor: Actor, body: ApiTokenInput, origin: RequestOrigin): Promise<{ id: string; token: string }> {
  if (!rolesFor(actor.organizationKind).includes(body.role)) throw invalid([{ path: 'role', message: `must be one of ${rolesFor(actor.organizationKind).join(', ')} in a ${actor.organizationKind} organization` }]);
  const { token, hash, prefix } = newApiToken();
  const expiresAt = new Date(Date.now() + body.expiresInDays * 86_400_000);
  const id = await runWrite(deps, origin, async ({ trx, audit }) => {
    const tokenId = await insertApiToken(trx, actor, { name: body.name, role: body.role, access: body.access, tokenHash: hash, prefix, expiresAt });
    await audit({ action: 'api_token.created', organizationId: actor.organizationId, targetType: 'api_token', targetId: tokenId, details: { name: body.name, role: body.role, access: body.access, expiresAt: expiresAt.toISOString(), prefix } });
    return tokenId;
  });
  return { id, token };
}

/** Revokes a token: the next request with it, on any app server, is refused. */
export async function revokeApiTokenCommand(deps: Deps, actor: Actor, t: ApiTokenRow, origin: RequestOrigin): Promise<void> {
  await runWrite(deps, origin, async ({ trx, audit }) => {
    if (!(await revokeApiToken(trx, actor, t.id))) throw new AppError('INVALID_STATE', 'The token was already revoked');
    await audit({ action: 'api_token.revoked', organizationId: actor.organizationId, targetType: 'api_token', targetId: t.id, details: { name: t.name, prefix: t.prefix } });
  });
}
