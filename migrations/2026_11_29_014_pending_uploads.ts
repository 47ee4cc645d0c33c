import { Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // An upload between "bytes go to storage" and "its documents row is
  // committed". The row is written before the first byte and removed in the
  // transaction that inserts the document, so after a crash the rows left
  // name exactly the stored objects that no document owns.
  await db.schema
    .createTable('pending_uploads')
    .addColumn('storage_key', 'text', (c) => c.primaryKey().check(sql`storage_key ~ '^[0-9a-f]{64}$'`))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pending_uploads').execute();
}
