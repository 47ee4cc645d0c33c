import crypto from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database } from '../../server/db/database';

/** The suite's server, connected to its maintenance database. */
export function adminUrl(): string {
  return databaseUrlFor('postgres');
}

/** DATABASE_URL with another database name. */
export function databaseUrlFor(name: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  db: Database;
  pool: pg.Pool;
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env.SW_TEMPLATE_DB;
  if (!template) throw new Error('SW_TEMPLATE_DB is not set: the jest global setup did not run');
  const name = `sw_t_${process.env.SW_TEST_RUN}_${crypto.randomBytes(5).toString('hex')}`;
  // Cloning takes a lock on the template: retry if another worker is cloning it right now.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
      break;
    } catch (err) {
      if (attempt >= 20 || (err as { code?: string }).code !== '55006') throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const url = databaseUrlFor(name);
  const { db, pool } = createDatabase(url, { max: 10 });
  return {
    name,
    url,
    db,
    pool,
    drop: async () => {
      await db.destroy();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
