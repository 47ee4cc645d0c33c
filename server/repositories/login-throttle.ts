import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types';

/** When this email's lockout ends, if it is locked now. */
export async function lockedUntil(db: Kysely<DB>, email: string): Promise<Date | null> {
  const row = await db.selectFrom('login_throttle').select('locked_until').where('email', '=', email).where('locked_until', '>', new Date()).executeTakeFirst();
  return row?.locked_until ?? null;
}

/**
 * Counts one failure; failures older than the lockout window are forgotten.
 * Locks the email for `lockMinutes` once `threshold` failures accumulate.
 * Returns the new lock end, if any.
 */
export async function recordFailure(db: Kysely<DB>, email: string, { threshold, lockMinutes }: { threshold: number; lockMinutes: number }): Promise<Date | null> {
  const window = sql`make_interval(mins => ${lockMinutes})`;
  const row = await db
    .insertInto('login_throttle')
    .values({ email, failures: 1, last_failure_at: sql`now()`, locked_until: threshold <= 1 ? sql`now() + ${window}` : null })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({
        failures: sql`CASE WHEN login_throttle.last_failure_at < now() - ${window} OR login_throttle.locked_until IS NOT NULL THEN 1 ELSE login_throttle.failures + 1 END`,
        last_failure_at: sql`now()`,
        locked_until: sql`CASE WHEN (CASE WHEN login_throttle.last_failure_at < now() - ${window} OR login_throttle.locked_until IS NOT NULL THEN 1 ELSE login_throttle.failures + 1 END) >= ${threshold} THEN now() + ${window} ELSE NULL END`,
      }),
    )
    .returning('locked_until')
    .executeTakeFirstOrThrow();
  return row.locked_until;
}

export async function clearFailures(db: Kysely<DB>, email: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('email', '=', email).execute();
}
