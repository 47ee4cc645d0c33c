import { Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // The facts of an ISO/IEC 27001 certificate, as a person confirmed them
  // (usually from a reading of the certificate PDF they corrected).
  await db.schema
    .createTable('certificates')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('documents.id'))
    .addColumn('standard', 'text', (c) => c.notNull())
    .addColumn('edition', 'text', (c) => c.notNull().check(sql`edition IN ('2022', '2013')`))
    .addColumn('certificate_number', 'text', (c) => c.notNull())
    .addColumn('certification_body', 'text', (c) => c.notNull())
    .addColumn('accreditation_body', 'text')
    .addColumn('legal_entity', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'date', (c) => c.notNull())
    .addColumn('expiry_date', 'date', (c) => c.notNull())
    .addColumn('original_certification_date', 'date')
    .addColumn('scope_text', 'text', (c) => c.notNull())
    .addColumn('sites', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('services', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('soa_version', 'text')
    .addColumn('soa_date', 'date')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('certificates_dates', sql`expiry_date > issue_date`)
    .execute();
  await db.schema.createIndex('certificates_document_idx').on('certificates').column('document_id').execute();
  await db.schema.createIndex('certificates_organization_idx').on('certificates').column('organization_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('certificates').execute();
}
