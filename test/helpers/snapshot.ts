import zlib from 'node:zlib';
import { sql } from 'kysely';
import type { Database } from '../../server/db/database';
import { listZipEntries } from '../../server/xlsx/zip-guard';

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

/** Every value of every uuid column of the database (ids and references alike). */
export async function uuidValues(db: Database): Promise<Set<string>> {
  const { rows: columns } = await sql<{ t: string; c: string }>`
    SELECT table_name AS t, column_name AS c FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type = 'uuid'`.execute(db);
  const { rows } = await sql<{ v: string }>`SELECT DISTINCT v::text AS v FROM (${sql.join(
    columns.map((x) => sql`SELECT ${sql.ref(x.c)} AS v FROM ${sql.table(x.t)}`),
    sql` UNION ALL `,
  )}) AS everything WHERE v IS NOT NULL`.execute(db);
  return new Set(rows.map((r) => r.v));
}

/**
 * The text a response body carries, to search it for values: the parts of a
 * zip (xlsx, docx) unpacked, anything else read as UTF-8.
 */
export function searchableText(body: Buffer): string {
  if (body.length < 4 || body.readUInt32LE(0) !== 0x04034b50) return body.toString('utf8');
  return listZipEntries(body)
    .map((e) => {
      const at = e.localHeaderOffset;
      const data = body.subarray(at + 30 + body.readUInt16LE(at + 26) + body.readUInt16LE(at + 28)).subarray(0, e.compressedSize);
      return (e.method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
    })
    .join('\n');
}
