import { Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // A Statement of Applicability as a person confirmed it: one row per 2022
  // control, with how each row was read from the source file. Never edited:
  // a corrected SoA is a new one.
  await db.schema
    .createTable('soas')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('documents.id'))
    .addColumn('version', 'text')
    .addColumn('soa_date', 'date')
    .addColumn('numbering', 'text', (c) => c.notNull().check(sql`numbering IN ('2022', '2013', 'both')`))
    .addColumn('import_report', 'jsonb')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('soas_document_idx').on('soas').column('document_id').execute();
  await db.schema
    .createTable('soa_rows')
    .addColumn('soa_id', 'uuid', (c) => c.notNull().references('soas.id'))
    .addColumn('control_id', 'text', (c) => c.notNull())
    .addColumn('applicable', 'boolean')
    .addColumn('implementation', 'text', (c) => c.check(sql`implementation IN ('full', 'partial', 'none')`))
    .addColumn('justification', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('source_row', 'integer')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('soa_rows_pk', ['soa_id', 'control_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('soa_rows').execute();
  await db.schema.dropTable('soas').execute();
}
