import PgBoss from 'pg-boss';
import type { Deps } from '../deps';
import { sendNotices } from './notices';
import { refreshStaleEngagements } from './refresh';
import { sendDueReminders } from './reminders';
import { reconcileUploads } from '../uploads/reconcile';

import { NOTICE_QUEUE, REFRESH_QUEUE, REMINDER_QUEUE, UPLOAD_QUEUE } from './install';

export { NOTICE_QUEUE, REFRESH_QUEUE, REMINDER_QUEUE, UPLOAD_QUEUE };

export interface JobRunner {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * Background work on PostgreSQL with pg-boss (not timers in the web
 * process): a cron schedule puts a reminder scan on the queue every 30
 * minutes, and any app server can pick it up. pg-boss keeps its tables in
 * its own `pgboss` schema and shares the app's connection pool.
 */
export async function startJobs(deps: Deps, { pollingIntervalSeconds = 2, cron = '*/30 * * * *' } = {}): Promise<JobRunner> {
  const boss = new PgBoss({ db: { executeSql: (text, values) => deps.pool.query(text, values) }, schema: 'pgboss' });
  boss.on('error', (err) => deps.logger.error({ err }, 'background job error'));
  await boss.start();
  await boss.createQueue(REMINDER_QUEUE);
  await boss.work(REMINDER_QUEUE, { pollingIntervalSeconds }, async () => {
    const sent = await sendDueReminders(deps, new Date());
    if (sent > 0) deps.logger.info({ sent }, 'assessment reminders sent');
  });
  await boss.schedule(REMINDER_QUEUE, cron, {}, { tz: 'UTC' });
  await boss.createQueue(NOTICE_QUEUE);
  await boss.work(NOTICE_QUEUE, { pollingIntervalSeconds }, async () => {
    const sent = await sendNotices(deps, new Date());
    if (sent > 0) deps.logger.info({ sent }, 'buyer notices sent');
  });
  await boss.schedule(NOTICE_QUEUE, '15 6 * * *', {}, { tz: 'UTC' });
  // Every start removes unfinished uploads older than the grace period; this hourly pass catches
  // those that were younger then, or whose server never started again. Never with a grace of 0
  // (one server only): it would take that server's own uploads in progress.
  await boss.createQueue(UPLOAD_QUEUE);
  await boss.work(UPLOAD_QUEUE, { pollingIntervalSeconds }, async () => {
    const removed = await reconcileUploads(deps, deps.config.uploadGraceMinutes);
    if (removed.uploads + removed.parts > 0) deps.logger.warn(removed, 'unfinished uploads removed');
  });
  if (deps.config.uploadGraceMinutes > 0) await boss.schedule(UPLOAD_QUEUE, '20 * * * *', {}, { tz: 'UTC' });
  else await boss.unschedule(UPLOAD_QUEUE);
  // Shortly after midnight UTC, and every hour after as a catch-up, every engagement computed before today is
  // recomputed: findings that depend on the day reach the portfolio the same day. pg-boss runs one job per
  // schedule slot across all app servers.
  await boss.createQueue(REFRESH_QUEUE);
  await boss.work(REFRESH_QUEUE, { pollingIntervalSeconds }, async () => {
    const refreshed = await refreshStaleEngagements(deps, new Date().toISOString().slice(0, 10));
    if (refreshed > 0) deps.logger.info({ refreshed }, 'stale engagements refreshed');
  });
  await boss.schedule(REFRESH_QUEUE, '5 * * * *', {}, { tz: 'UTC' });
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 5000 }) };
}
