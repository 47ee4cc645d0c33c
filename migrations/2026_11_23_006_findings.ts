import { Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // Findings are derived by rules from current data; this table keeps what
  // people decided about them under a stable key, so recomputing never loses
  // a status, a plan or a risk acceptance.
  await db.schema
    .createTable('findings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('engagement_id', 'uuid', (c) => c.notNull().references('engagements.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity IN ('critical', 'high', 'medium', 'low', 'info')`))
    .addColumn('control_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('facts', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status IN ('open', 'remediation_planned', 'resolved', 'risk_accepted', 'dismissed')`),
    )
    .addColumn('remediation_owner', 'text')
    .addColumn('remediation_due', 'date')
    .addColumn('remediation_plan', 'text')
    .addColumn('provider_response', 'text')
    .addColumn('resolution_note', 'text')
    .addColumn('dismiss_reason', 'text')
    .addColumn('risk_justification', 'text')
    .addColumn('risk_approver', 'text')
    .addColumn('risk_expires', 'date')
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('findings_engagement_key', ['engagement_id', 'key'])
    .addCheckConstraint('findings_risk_acceptance', sql`status <> 'risk_accepted' OR (risk_justification IS NOT NULL AND risk_approver IS NOT NULL AND risk_expires IS NOT NULL)`)
    .addCheckConstraint('findings_dismissal', sql`status <> 'dismissed' OR dismiss_reason IS NOT NULL`)
    .execute();
  await db.schema.createIndex('findings_engagement_idx').on('findings').columns(['engagement_id', 'active', 'severity']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('findings').execute();
}
