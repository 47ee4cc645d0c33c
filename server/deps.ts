import type pg from 'pg';
import type { Logger } from 'pino';
import type { SessionCache } from './auth/session-cache';
import type { Config } from './config';
import type { Database } from './db/database';
import type { Mailer } from './mail/mailer';
import type { Storage } from './storage/storage';

/** What handlers and commands need from the outside world, built once in main.ts (or by a test). */
export interface Deps {
  config: Config;
  db: Database;
  pool: pg.Pool;
  logger: Logger;
  mailer: Mailer;
  storage: Storage;
  /** Recently read sessions and their actors, invalidated through LISTEN/NOTIFY. */
  sessions: SessionCache;
}
