import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../../server/db/database';
import { filesUnder } from '../helpers/files';

/**
 * Tables a refused request may still write, and why:
 * - `session`: the HTTP session store. Every request may roll its session's
 *   expiry (a touch at most once a minute) and a new visitor's CSRF token is
 *   stored there: bookkeeping of the connection, not data the request acts on.
 */
export const bookkeepingTables = ['session'];

let tables: string[] | undefined;

/** Every table of the database (all schemas, pg-boss's included) but the bookkeeping ones. */
async function dataTables(db: Database): Promise<string[]> {
  if (tables) return tables;
  const { rows } = await sql<{ name: string }>`
    SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
    ORDER BY 1`.execute(db);
  tables = rows.map((r) => r.name).filter((n) => !bookkeepingTables.includes(n.replace(/^public\./, '')));
  return tables;
}

/** Per data table: its row count and the newest row version's creating transaction. */
export async function tableMarks(db: Database): Promise<Map<string, { rows: number; xmin: number }>> {
  const marks = (await dataTables(db)).map((t) => {
    const quoted = t.split('.').map((part) => `"${part.replace(/"/g, '""')}"`).join('.');
    return `SELECT '${t}' AS t, count(*) AS n, coalesce(max(xmin::text::bigint), 0) AS x FROM ${quoted}`;
  });
  const { rows } = await sql.raw<{ t: string; n: string; x: string }>(marks.join(' UNION ALL ')).execute(db);
  return new Map(rows.map((r) => [r.t, { rows: Number(r.n), xmin: Number(r.x) }]));
}

/**
 * A fingerprint of everything a request could change: every data table, the
 * stored files and the mail outbox (both under the data folder). Equal
 * before and after a refused request: it changed nothing.
 *
 * Per table it takes the row count and the newest row version's creating
 * transaction (`xmin`): an insert or an update writes a row version with a
 * transaction id newer than every committed one, a delete lowers the count.
 * So any committed change moves one of the two, without reading the
 * contents (the built-in templates alone are hundreds of kilobytes of JSON).
 */
export async function snapshot(db: Database, dataDir: string): Promise<string> {
  const marks = [...(await tableMarks(db))].map(([t, m]) => `${t}:${m.rows}:${m.xmin}`);
  const files = filesUnder(dataDir).map((f) => path.relative(dataDir, f)).sort();
  return `${marks.join(' ')}\nfiles: ${files.join(' ')}`;
}

/**
 * The rows written since `before` (inserted or updated: their row version is
 * newer), as JSON: text columns as strings, jsonb as the JSON it holds.
 */
export async function rowsWrittenSince(db: Database, before: Map<string, { xmin: number }>): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const table of await dataTables(db)) {
    const quoted = table.split('.').map((part) => `"${part.replace(/"/g, '""')}"`).join('.');
    const { rows } = await sql.raw<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM ${quoted} AS t WHERE xmin::text::bigint > ${before.get(table)?.xmin ?? 0}`).execute(db);
    out.push(...rows.map((r) => r.row));
  }
  return out;
}
