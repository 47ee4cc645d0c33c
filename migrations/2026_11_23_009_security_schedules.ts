import { Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // A schedule freezes the clause texts it was generated with, the score and
  // the open findings: later changes never alter a finalised schedule.
  await db.schema
    .createTable('security_schedules')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('engagement_id', 'uuid', (c) => c.notNull().references('engagements.id'))
    .addColumn('buyer_org_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status IN ('draft', 'final')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('variables', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('score', 'jsonb')
    .addColumn('findings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finalized_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('schedule_clauses')
    .addColumn('schedule_id', 'uuid', (c) => c.notNull().references('security_schedules.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('clause_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('reasons', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('missing', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('included', 'boolean', (c) => c.notNull().defaultTo(true))
    .addPrimaryKeyConstraint('schedule_clauses_pk', ['schedule_id', 'clause_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('schedule_clauses').execute();
  await db.schema.dropTable('security_schedules').execute();
}
