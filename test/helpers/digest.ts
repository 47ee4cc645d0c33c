import { sql } from 'kysely';
import type { Database } from '../../server/db/database';

/**
 * A fingerprint of the full contents of some tables: equal before and after
 * a refused request proves the request changed nothing.
 */
export async function tableDigest(db: Database, tables: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const { rows } = await sql<{ digest: string | null; n: string }>`
      SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest, count(*) AS n FROM ${sql.table(table)} AS t`.execute(db);
    const [row] = rows;
    parts.push(`${table}:${row?.n}:${row?.digest}`);
  }
  return parts.join(' ');
}
