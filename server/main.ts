import path from 'node:path';
import pino from 'pino';
import { createApp } from './app';
import { createSessionCache } from './auth/session-cache';
import { loadConfig } from './config';
import { createDatabase } from './db/database';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './db/embedded';
import { prepareDatabase } from './db/prepare';
import type { Deps } from './deps';
import { startJobs } from './jobs/queue';
import { syncBuiltinTemplates } from './templates/builtin-sync';
import { builtinTemplates } from '../shared/templates/builtin';
import { createMailer } from './mail/mailer';
import { createStorage } from './storage';
import { hasAnyOrganization } from './repositories/organization';
import { emailTaken } from './repositories/user';
import { DEMO_PASSWORD, demoLogins, seedDemo } from './seed/demo';
import { reconcileUploads } from './uploads/reconcile';

/**
 * Pretty lines on a terminal in development; JSON otherwise. In production the
 * lines are buffered (one write per 4 KiB or per half second, flushed at exit)
 * instead of a write system call per request.
 */
function createLogger(config: ReturnType<typeof loadConfig>): pino.Logger {
  if (process.stdout.isTTY && config.env !== 'production') {
    return pino({ level: config.logLevel, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } });
  }
  if (config.env !== 'production') return pino({ level: config.logLevel });
  const destination = pino.destination({ sync: false, minLength: 4096 });
  setInterval(() => {
    try {
      destination.flush();
    } catch {
      // closed while exiting
    }
  }, 500).unref();
  return pino({ level: config.logLevel }, destination);
}

/** How long a shutdown may take before the process exits anyway. */
const SHUTDOWN_LIMIT_MS = 30_000;
/** A signal repeated within this time is the same request to stop. */
const REPEAT_SIGNAL_MS = 1_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);

  let embedded: EmbeddedPostgresHandle | undefined;
  let databaseUrl = config.databaseUrl;
  let ownerUrl = config.migrationDatabaseUrl;
  if (!databaseUrl) {
    logger.info('DATABASE_URL is not set: starting the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort, database: 'scopewise', log: (line) => logger.debug(line) });
    databaseUrl = embedded.runtimeUrl;
    ownerUrl = embedded.url;
  }
  const migrations = await prepareDatabase({ runtimeUrl: databaseUrl, ownerUrl });
  for (const m of migrations.results ?? []) logger.info(`migration ${m.migrationName}: ${m.status}`);
  if (process.argv.includes('--migrate-only')) {
    // A one-shot migration job (docker-compose.yml): the app servers then run without the owner's credentials.
    await embedded?.stop();
    logger.info('migrated; exiting (--migrate-only)');
    return process.exit(0);
  }
  const { db, pool } = createDatabase(databaseUrl, { max: 20 });

  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir: path.join(config.dataDir, 'outbox'), logger, env: config.env });
  const storage = createStorage(config);
  logger.info(`files stored in ${storage.description}`);
  const sessions = createSessionCache(pool, logger);
  await sessions.start();
  const deps: Deps = { config, db, pool, logger, mailer, storage, sessions };
  await removeUnfinishedUploads(deps);

  await syncBuiltinTemplates(db, builtinTemplates);

  if (config.seedDemo && !(await hasAnyOrganization(db))) {
    await seedDemo(deps);
    logger.info('demo data seeded');
  }

  const jobs = await startJobs(deps);

  const app = createApp(deps);
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const demo = await emailTaken(db, demoLogins[0]!.email);
  printBanner(`http://localhost:${port}`, demo);

  let stoppingSince: number | undefined;
  /** Ends the process without waiting for the rest of the shutdown, stopping the embedded PostgreSQL first (else it outlives us and holds its data folder). */
  const exitNow = async (reason: string) => {
    logger.error(reason);
    await Promise.race([embedded?.stop(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]).catch(() => undefined);
    process.exit(1);
  };
  const shutdown = async (signal: string) => {
    if (stoppingSince !== undefined) {
      // One Ctrl-C can arrive twice at once (from the terminal, and relayed by npm start's launcher): that is not a second one.
      if (Date.now() - stoppingSince < REPEAT_SIGNAL_MS) return;
      // A second Ctrl-C means "now": in-flight requests and jobs are abandoned.
      return exitNow(`${signal} again: exiting without waiting for the shutdown to finish`);
    }
    stoppingSince = Date.now();
    logger.info(`${signal}: shutting down`);
    // Whatever hangs (a database that went away, a stuck job), the process ends.
    setTimeout(() => void exitNow(`shutdown did not finish within ${SHUTDOWN_LIMIT_MS / 1000} s: exiting`), SHUTDOWN_LIMIT_MS).unref();
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(force);
    await jobs.stop();
    await sessions.close();
    await db.destroy();
    await embedded?.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** What a crash left of uploads, before serving; a failure here is logged and does not stop the start. */
async function removeUnfinishedUploads(deps: Deps): Promise<void> {
  try {
    const removed = await reconcileUploads(deps, deps.config.uploadGraceMinutes);
    if (removed.uploads + removed.parts > 0) deps.logger.warn(removed, `removed ${removed.uploads} upload(s) that never completed and ${removed.parts} partial file(s)`);
  } catch (err) {
    deps.logger.error({ err }, 'could not remove unfinished uploads; the next pass tries again');
  }
}

function printBanner(url: string, demo: boolean): void {
  const lines = [``, `  Scopewise is running at ${url}`, `  API reference: ${url}/api/docs`];
  if (demo) {
    lines.push(``, `  Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const l of demoLogins) lines.push(`    ${l.email.padEnd(30)} ${l.organization} · ${l.role}`);
  }
  lines.push(``);
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((err) => {
  process.stderr.write(`Scopewise failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
