import { Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // A document is immutable: a new upload of the same document is a new row
  // with the same series and the next version number.
  await db.schema
    .createTable('documents')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('series_id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind IN ('certificate', 'scope_statement', 'soa', 'policy', 'audit_report', 'evidence', 'other')`),
    )
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) BETWEEN 1 AND 200`))
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull().check(sql`size_bytes > 0`))
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('documents_series_version', ['series_id', 'version'])
    .execute();
  await db.schema.createIndex('documents_organization_idx').on('documents').columns(['organization_id', 'uploaded_at']).execute();
  await sql`
    CREATE FUNCTION documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'documents are immutable: upload a new version instead';
    END $$`.execute(db);
  await sql`CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION documents_immutable()`.execute(db);

  // What a provider shared with one of a buyer's engagements.
  await db.schema
    .createTable('document_shares')
    .addColumn('engagement_id', 'uuid', (c) => c.notNull().references('engagements.id'))
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('documents.id'))
    .addColumn('shared_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('shared_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('document_shares_pk', ['engagement_id', 'document_id'])
    .execute();
  await db.schema.createIndex('document_shares_document_idx').on('document_shares').column('document_id').execute();

  // Documents attached to an answer as evidence.
  await db.schema
    .createTable('answer_evidence')
    .addColumn('answer_id', 'uuid', (c) => c.notNull().references('answers.id').onDelete('cascade'))
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('documents.id'))
    .addColumn('attached_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('answer_evidence_pk', ['answer_id', 'document_id'])
    .execute();
  await db.schema.createIndex('answer_evidence_document_idx').on('answer_evidence').column('document_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('answer_evidence').execute();
  await db.schema.dropTable('document_shares').execute();
  await sql`DROP TRIGGER documents_no_update ON documents`.execute(db);
  await db.schema.dropTable('documents').execute();
  await sql`DROP FUNCTION documents_immutable()`.execute(db);
}
