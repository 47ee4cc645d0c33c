import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types';

/** Ends every session of a user (they are signed out everywhere). */
export async function deleteSessionsOf(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('session').where(sql<string>`sess->'passport'->>'user'`, '=', userId).execute();
}
