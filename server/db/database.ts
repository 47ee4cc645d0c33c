import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './types';

export type Database = Kysely<DB>;

// Return bigint/numeric columns as JS numbers and dates as Date; `date`
// columns (OID 1082) stay ISO strings so no timezone shifts a calendar day.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

/** A connection pool and the Kysely instance over it. */
export function createDatabase(connectionString: string, { max = 10 } = {}): { db: Database; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString, max, application_name: 'scopewise' });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}
