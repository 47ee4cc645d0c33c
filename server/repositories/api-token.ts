import type { Kysely } from 'kysely';
import type { Role } from '../../shared/roles';
import type { DB } from '../db/types';
import type { Actor } from '../policies/actor';

export interface ApiTokenRow {
  id: string;
  organization_id: string;
  created_by: string;
  created_by_name: string | null;
  name: string;
  role: string;
  access: 'read' | 'write';
  prefix: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

function scoped(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('api_tokens as t')
    .leftJoin('users as u', 'u.id', 't.created_by')
    .select(['t.id', 't.organization_id', 't.created_by', 'u.name as created_by_name', 't.name', 't.role', 't.access', 't.prefix', 't.created_at', 't.expires_at', 't.revoked_at', 't.last_used_at'])
    .where('t.organization_id', '=', actor.organizationId);
}

export async function listApiTokens(db: Kysely<DB>, actor: Actor): Promise<ApiTokenRow[]> {
  return (await scoped(db, actor).orderBy('t.created_at', 'desc').limit(500).execute()) as ApiTokenRow[];
}

export async function findApiToken(db: Kysely<DB>, actor: Actor, id: string): Promise<ApiTokenRow | undefined> {
  return (await scoped(db, actor).where('t.id', '=', id).executeTakeFirst()) as ApiTokenRow | undefined;
}

export async function insertApiToken(db: Kysely<DB>, actor: Actor, t: { name: string; role: Role; access: 'read' | 'write'; tokenHash: string; prefix: string; expiresAt: Date }): Promise<string> {
  const row = await db
    .insertInto('api_tokens')
    .values({ organization_id: actor.organizationId, created_by: actor.userId, name: t.name, role: t.role, access: t.access, token_hash: t.tokenHash, prefix: t.prefix, expires_at: t.expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Revokes a token of the actor's organization; false when it was already revoked. */
export async function revokeApiToken(db: Kysely<DB>, actor: Actor, id: string): Promise<boolean> {
  const r = await db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', '=', id).where('organization_id', '=', actor.organizationId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The actor a token stands for, if it is usable now: not revoked, not
 * expired, its organization's creator still active. Read on every request,
 * so a revocation holds at once on every app server. The last use is
 * recorded at most once a minute.
 */
export async function actorForTokenHash(db: Kysely<DB>, tokenHash: string): Promise<Actor | undefined> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.created_by')
    .innerJoin('organizations as o', 'o.id', 't.organization_id')
    .select(['t.id', 't.name', 't.role', 't.access', 't.organization_id', 't.last_used_at', 'u.id as user_id', 'u.email', 'o.kind', 'o.name as organization_name'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('t.expires_at', '>', new Date())
    .where('u.status', '=', 'active')
    .whereRef('u.organization_id', '=', 't.organization_id')
    .executeTakeFirst();
  if (!row) return undefined;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.id).execute();
  return {
    userId: row.user_id,
    email: row.email,
    name: `API token "${row.name}"`,
    role: row.role as Role,
    organizationId: row.organization_id,
    organizationKind: row.kind as Actor['organizationKind'],
    organizationName: row.organization_name,
    apiToken: { id: row.id, name: row.name, access: row.access as 'read' | 'write' },
  };
}
