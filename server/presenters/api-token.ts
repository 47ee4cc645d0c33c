import type { Role } from '../../shared/roles';
import type { ApiTokenDto } from '../../shared/schemas/api-token';
import { can } from '../policies';
import type { Actor } from '../policies/actor';
import type { ApiTokenRow } from '../repositories/api-token';

export function presentApiToken(actor: Actor, t: ApiTokenRow, now = Date.now()): ApiTokenDto {
  const state = t.revoked_at ? 'revoked' : t.expires_at.getTime() <= now ? 'expired' : 'active';
  return {
    id: t.id,
    name: t.name,
    role: t.role as Role,
    access: t.access,
    prefix: t.prefix,
    createdBy: { id: t.created_by, name: t.created_by_name ?? '' },
    createdAt: t.created_at.toISOString(),
    expiresAt: t.expires_at.toISOString(),
    revokedAt: t.revoked_at?.toISOString() ?? null,
    lastUsedAt: t.last_used_at?.toISOString() ?? null,
    state,
    abilities: { revoke: can(actor, 'apiToken.revoke', { organizationId: t.organization_id, revokedAt: t.revoked_at }) },
  };
}
