import { sql } from 'kysely';
import type { Database } from '../../server/db/database';

const tableLists = new WeakMap<Database, Promise<string[]>>();

/** The application's tables (schema public), read once per database from information_schema. */
export function publicTables(db: Database): Promise<string[]> {
  let tables = tableLists.get(db);
  if (!tables) {
    tables = sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`
      .execute(db)
      .then((r) => r.rows.map((x) => x.name));
    tableLists.set(db, tables);
  }
  return tables;
}

/**
 * The number of rows of every table but those excepted, in one query: a cheap
 * whole-database check that a refused request inserted or deleted nothing,
 * whatever tables its route declares. `session` changes with every request.
 */
export async function rowCounts(db: Database, except: readonly string[] = ['session']): Promise<Record<string, number>> {
  const tables = (await publicTables(db)).filter((t) => !except.includes(t));
  const { rows } = await sql<{ t: string; n: number }>`${sql.join(
    tables.map((t) => sql`SELECT ${t}::text AS t, count(*)::int AS n FROM ${sql.table(t)}`),
    sql` UNION ALL `,
  )}`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}
