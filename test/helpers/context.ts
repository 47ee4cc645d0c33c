import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import pino from 'pino';
import { createApp } from '../../server/app';
import { createSessionCache } from '../../server/auth/session-cache';
import { loadConfig, type Config } from '../../server/config';
import type { Deps } from '../../server/deps';
import { createMailer } from '../../server/mail/mailer';
import { createStorage } from '../../server/storage';
import type { Storage } from '../../server/storage/storage';
import { createTestDatabase, type TestDatabase } from './database';

export interface TestContext {
  app: Express;
  deps: Deps;
  db: Deps['db'];
  database: TestDatabase;
  dataDir: string;
  /** Messages written to the outbox, oldest first, as raw .eml text. */
  outbox(): string[];
  close(): Promise<void>;
}

/** A configuration for tests: quiet logs, a private data folder, generous rate limits. */
export function testConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, SESSION_SECRET: 'test-secret-test-secret-test-secret-42', APP_URL: 'http://scopewise.test', LOGIN_RATE_LIMIT: '10000', CSRF_RATE_LIMIT: '10000' });
  return { ...base, ...overrides };
}

/** A fresh database, data folder and app for one test file. */
export async function createTestContext(overrides: Partial<Config> = {}, replace: { storage?: (config: Config) => Storage } = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopewise-test-'));
  const config = testConfig(dataDir, overrides);
  const logger = pino({ level: 'silent' });
  const outboxDir = path.join(dataDir, 'outbox');
  const mailer = createMailer({ from: config.mailFrom, outboxDir, logger, env: config.env });
  const sessions = createSessionCache(database.pool, logger);
  await sessions.start();
  const deps: Deps = { config, db: database.db, pool: database.pool, logger, mailer, storage: replace.storage?.(config) ?? createStorage(config), sessions };
  return {
    app: createApp(deps),
    deps,
    db: database.db,
    database,
    dataDir,
    outbox: () =>
      fs.existsSync(outboxDir)
        ? fs
            .readdirSync(outboxDir)
            .sort()
            .map((f) => fs.readFileSync(path.join(outboxDir, f), 'utf8'))
        : [],
    close: async () => {
      await sessions.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
