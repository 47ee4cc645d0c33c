import type { Kysely } from 'kysely';
import type { Role } from '../../shared/roles';
import type { DB } from '../db/types';
import type { Actor } from '../policies/actor';

const invitationColumns = [
  'invitations.id',
  'invitations.organization_id',
  'invitations.email',
  'invitations.role',
  'invitations.created_at',
  'invitations.expires_at',
  'invitations.accepted_at',
  'invitations.revoked_at',
] as const;

export type InvitationRow = {
  id: string;
  organization_id: string;
  email: string;
  role: Role;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  invited_by_name: string | null;
};

function selectInvitations(db: Kysely<DB>) {
  return db
    .selectFrom('invitations')
    .leftJoin('users as inviter', 'inviter.id', 'invitations.invited_by')
    .select([...invitationColumns, 'inviter.name as invited_by_name']);
}

/** Invitations of the actor's organization, newest first. */
export async function listInvitations(db: Kysely<DB>, actor: Actor): Promise<InvitationRow[]> {
  const rows = await selectInvitations(db).where('invitations.organization_id', '=', actor.organizationId).orderBy('invitations.created_at', 'desc').execute();
  return rows as InvitationRow[];
}

export async function findInvitation(db: Kysely<DB>, actor: Actor, id: string): Promise<InvitationRow | undefined> {
  const row = await selectInvitations(db).where('invitations.id', '=', id).where('invitations.organization_id', '=', actor.organizationId).executeTakeFirst();
  return row as InvitationRow | undefined;
}

export async function insertInvitation(
  db: Kysely<DB>,
  inv: { organizationId: string; email: string; role: Role; tokenHash: string; invitedBy: string | null; expiresAt: Date },
): Promise<string> {
  const row = await db
    .insertInto('invitations')
    .values({ organization_id: inv.organizationId, email: inv.email, role: inv.role, token_hash: inv.tokenHash, invited_by: inv.invitedBy, expires_at: inv.expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Revokes pending invitations of one email in one organization; returns their ids. */
export async function revokePendingFor(db: Kysely<DB>, organizationId: string, email: string): Promise<string[]> {
  const rows = await db
    .updateTable('invitations')
    .set({ revoked_at: new Date() })
    .where('organization_id', '=', organizationId)
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function revokeInvitation(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  await db.updateTable('invitations').set({ revoked_at: new Date() }).where('id', '=', id).where('organization_id', '=', actor.organizationId).execute();
}

/** The invitation behind a token, locked for the accepting transaction. */
export async function findByTokenHash(db: Kysely<DB>, tokenHash: string, { lock = false } = {}) {
  let q = db
    .selectFrom('invitations')
    .innerJoin('organizations', 'organizations.id', 'invitations.organization_id')
    .select(['invitations.id', 'invitations.organization_id', 'invitations.email', 'invitations.role', 'invitations.expires_at', 'invitations.accepted_at', 'invitations.revoked_at', 'organizations.name as organization_name', 'organizations.kind as organization_kind'])
    .where('invitations.token_hash', '=', tokenHash);
  if (lock) q = q.forUpdate('invitations');
  return q.executeTakeFirst();
}

export async function markAccepted(db: Kysely<DB>, id: string, userId: string): Promise<void> {
  await db.updateTable('invitations').set({ accepted_at: new Date(), accepted_user_id: userId }).where('id', '=', id).execute();
}
