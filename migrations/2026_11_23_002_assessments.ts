import { Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('engagements')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('buyer_org_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('provider_org_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) BETWEEN 1 AND 200`))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('services', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('sites', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('contracting_entity', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('data_categories', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('uses_cloud', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('remote_work', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('develops_software', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('subcontractors', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('risk_tier_override', 'integer', (c) => c.check(sql`risk_tier_override BETWEEN 1 AND 4`))
    .addColumn('risk_override_reason', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('engagements_override_reason', sql`(risk_tier_override IS NULL) = (risk_override_reason IS NULL)`)
    .execute();
  await db.schema.createIndex('engagements_buyer_idx').on('engagements').columns(['buyer_org_id', 'created_at']).execute();
  await db.schema.createIndex('engagements_provider_idx').on('engagements').column('provider_org_id').execute();

  // Built-in templates have no organization; a buyer's own templates belong to it.
  await db.schema
    .createTable('templates')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.references('organizations.id'))
    .addColumn('builtin_slug', 'text', (c) => c.unique())
    .addColumn('current_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('templates_owner', sql`(organization_id IS NULL) = (builtin_slug IS NOT NULL)`)
    .execute();
  await db.schema.createIndex('templates_organization_idx').on('templates').column('organization_id').execute();

  // Versions are immutable: sending an assessment points at one for good.
  await db.schema
    .createTable('template_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('template_id', 'uuid', (c) => c.notNull().references('templates.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('question_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('template_versions_unique', ['template_id', 'version'])
    .execute();
  await sql`
    CREATE FUNCTION template_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'template versions are immutable: create a new version instead';
    END $$`.execute(db);
  await sql`CREATE TRIGGER template_versions_no_update BEFORE UPDATE OR DELETE ON template_versions FOR EACH ROW EXECUTE FUNCTION template_versions_immutable()`.execute(db);

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('engagement_id', 'uuid', (c) => c.notNull().references('engagements.id'))
    .addColumn('buyer_org_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('provider_org_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('template_version_id', 'uuid', (c) => c.notNull().references('template_versions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status IN ('draft', 'sent', 'in_progress', 'submitted', 'returned', 'completed', 'cancelled')`),
    )
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('returned_at', 'timestamptz')
    .addColumn('return_message', 'text')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('assessments_engagement_idx').on('assessments').column('engagement_id').execute();
  await db.schema.createIndex('assessments_provider_idx').on('assessments').columns(['provider_org_id', 'status']).execute();
  await db.schema.createIndex('assessments_buyer_idx').on('assessments').columns(['buyer_org_id', 'status']).execute();

  await db.schema
    .createTable('answers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('assessment_id', 'uuid', (c) => c.notNull().references('assessments.id'))
    .addColumn('question_key', 'text', (c) => c.notNull())
    .addColumn('value', 'jsonb')
    .addColumn('comment', 'text')
    .addColumn('source_answer_id', 'uuid', (c) => c.references('answers.id'))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('verdict', 'text', (c) => c.check(sql`verdict IN ('accepted', 'rejected', 'clarification_requested')`))
    .addColumn('reviewed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'timestamptz')
    .addUniqueConstraint('answers_unique', ['assessment_id', 'question_key'])
    .execute();

  // One thread per answer, visible to both sides of the assessment.
  await db.schema
    .createTable('answer_comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('assessment_id', 'uuid', (c) => c.notNull().references('assessments.id'))
    .addColumn('question_key', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('author_org_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`length(body) BETWEEN 1 AND 4000`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('answer_comments_idx').on('answer_comments').columns(['assessment_id', 'question_key', 'created_at']).execute();

  // A reminder is sent once per assessment and kind, whatever number of workers run the job.
  await db.schema
    .createTable('assessment_reminders')
    .addColumn('assessment_id', 'uuid', (c) => c.notNull().references('assessments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('assessment_reminders_pk', ['assessment_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['assessment_reminders', 'answer_comments', 'answers', 'assessments']) await db.schema.dropTable(table).execute();
  await sql`DROP TRIGGER template_versions_no_update ON template_versions`.execute(db);
  await db.schema.dropTable('template_versions').execute();
  await sql`DROP FUNCTION template_versions_immutable()`.execute(db);
  await db.schema.dropTable('templates').execute();
  await db.schema.dropTable('engagements').execute();
}
