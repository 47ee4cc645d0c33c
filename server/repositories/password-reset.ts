import type { Kysely } from 'kysely';
import type { DB } from '../db/types';

/** Records a reset token for a user; any earlier unused one is voided (only the latest link works). */
export async function insertPasswordReset(db: Kysely<DB>, userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.updateTable('password_resets').set({ used_at: new Date() }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
  await db.insertInto('password_resets').values({ user_id: userId, token_hash: tokenHash, expires_at: expiresAt }).execute();
}

/** The reset behind a token hash with its (active) user, locked for the transaction that uses it. */
export async function findUsableReset(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('password_resets as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.user_id', 'r.expires_at', 'r.used_at', 'u.organization_id', 'u.email', 'u.status'])
    .where('r.token_hash', '=', tokenHash)
    .forUpdate('r')
    .executeTakeFirst();
}

export async function markResetUsed(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('password_resets').set({ used_at: new Date() }).where('id', '=', id).execute();
}

export async function setPasswordHash(db: Kysely<DB>, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** The signed-in user's password hash, for checking the current password. */
export async function passwordHashOf(db: Kysely<DB>, userId: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst())?.password_hash ?? undefined;
}
