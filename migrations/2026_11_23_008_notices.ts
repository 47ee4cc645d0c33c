import { Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // Each notice is sent once: (subject, kind) is claimed in the transaction that sends it.
  await db.schema
    .createTable('notices')
    .addColumn('subject_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('notices_pk', ['subject_id', 'kind'])
    .execute();

  // A buyer's scoring profile: control weights other than the default 1.
  await db.schema
    .createTable('scoring_profiles')
    .addColumn('organization_id', 'uuid', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('weights', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scoring_profiles').execute();
  await db.schema.dropTable('notices').execute();
}
