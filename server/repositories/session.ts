import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { LoadedSession } from '../auth/session-cache';
import { toActor, type ActorRow } from './user';

const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/**
 * An unexpired session with, in the same query, the active user it is signed
 * in as (null when nobody is signed in or the user is gone or disabled).
 */
export async function findSessionWithActor(db: Kysely<DB>, sid: string): Promise<LoadedSession | undefined> {
  const { rows } = await sql<{ sess: unknown; expire: Date } & Partial<ActorRow>>`
    SELECT s.sess, s.expire, u.id, u.email, u.name, u.role, u.organization_id, o.kind, o.name AS organization_name
    FROM session s
    LEFT JOIN users u
      ON u.id = CASE WHEN s.sess #>> '{passport,user}' ~ ${UUID} THEN (s.sess #>> '{passport,user}')::uuid END
      AND u.status = 'active'
    LEFT JOIN organizations o ON o.id = u.organization_id
    WHERE s.sid = ${sid} AND s.expire >= now()`.execute(db);
  const [row] = rows;
  // A session row that is not a JSON object is not a session (connect-pg-simple would destroy it; ignoring it is enough).
  if (!row || typeof row.sess !== 'object' || row.sess === null || Array.isArray(row.sess)) return undefined;
  return { sess: row.sess as Record<string, unknown>, expire: row.expire, actor: row.id && row.kind ? toActor(row as ActorRow) : null };
}

/** Ends every session of a user (they are signed out everywhere). */
export async function deleteSessionsOf(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('session').where(sql<string>`sess->'passport'->>'user'`, '=', userId).execute();
}
