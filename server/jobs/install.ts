import PgBoss from 'pg-boss';
import type pg from 'pg';

export const REMINDER_QUEUE = 'assessment-reminders';
export const NOTICE_QUEUE = 'buyer-notices';
export const UPLOAD_QUEUE = 'unfinished-uploads';
export const REFRESH_QUEUE = 'engagement-refresh';
/** Every queue the app works on. */
export const QUEUES = [REMINDER_QUEUE, NOTICE_QUEUE, UPLOAD_QUEUE, REFRESH_QUEUE] as const;

/**
 * Installs or upgrades pg-boss's schema and creates the app's queues (each a
 * table of its own): the DDL, run as the schema's owner before the app
 * servers start, so the runtime role needs only to read and write rows.
 */
export async function installQueues(pool: pg.Pool): Promise<void> {
  const boss = new PgBoss({ db: { executeSql: (text, values) => pool.query(text, values) }, schema: 'pgboss', supervise: false, schedule: false });
  boss.on('error', () => undefined);
  await boss.start();
  for (const queue of QUEUES) await boss.createQueue(queue);
  await boss.stop({ graceful: false, wait: true });
}
