import { Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // The dashboard row of each engagement, recomputed whenever its facts
  // change, so the portfolio is one indexed query whatever its size.
  await db.schema
    .createTable('engagement_summaries')
    .addColumn('engagement_id', 'uuid', (c) => c.primaryKey().references('engagements.id'))
    .addColumn('assessment_id', 'uuid', (c) => c.references('assessments.id'))
    .addColumn('overall', 'double precision')
    .addColumn('rating', 'text')
    .addColumn('residual_risk', 'text')
    .addColumn('coverage', 'double precision')
    .addColumn('inherent_tier', 'integer', (c) => c.notNull())
    .addColumn('findings_critical', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('findings_high', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('findings_medium', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('findings_low', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('certificate_expiry', 'date')
    .addColumn('certificate_edition', 'text')
    .addColumn('soa_version', 'text')
    .addColumn('next_review', 'date')
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('engagement_summaries_rating_idx').on('engagement_summaries').columns(['rating', 'overall']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('engagement_summaries').execute();
}
