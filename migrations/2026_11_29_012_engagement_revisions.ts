import { Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

/**
 * Each table whose rows feed an engagement's findings and score: the SQL that maps the
 * changed rows (the transition table `changed`) to the engagements affected,
 * and, where only some columns matter, the key and the columns an UPDATE must
 * change to count (findings are rewritten at every refresh with a new
 * `last_seen_at`, answers get comments: neither changes a score).
 */
const sources: Record<string, { engagements: string; relevant?: { key: string; columns: string[] } }> = {
  answers: {
    engagements: 'SELECT a.engagement_id FROM changed c JOIN assessments a ON a.id = c.assessment_id',
    relevant: { key: 'id', columns: ['value', 'verdict', 'question_key', 'assessment_id'] },
  },
  answer_evidence: { engagements: 'SELECT a.engagement_id FROM changed c JOIN answers an ON an.id = c.answer_id JOIN assessments a ON a.id = an.assessment_id' },
  document_shares: { engagements: 'SELECT c.engagement_id FROM changed c' },
  soas: { engagements: 'SELECT sh.engagement_id FROM changed c JOIN document_shares sh ON sh.document_id = c.document_id' },
  soa_rows: { engagements: 'SELECT sh.engagement_id FROM changed c JOIN soas s ON s.id = c.soa_id JOIN document_shares sh ON sh.document_id = s.document_id' },
  findings: {
    engagements: 'SELECT c.engagement_id FROM changed c',
    relevant: { key: 'id', columns: ['engagement_id', 'severity', 'status', 'active', 'risk_expires'] },
  },
  engagements: { engagements: 'SELECT c.id FROM changed c' },
  scoring_profiles: { engagements: 'SELECT e.id FROM changed c JOIN engagements e ON e.buyer_org_id = c.organization_id' },
  assessments: {
    engagements: 'SELECT c.engagement_id FROM changed c',
    relevant: { key: 'id', columns: ['engagement_id', 'status', 'submitted_at'] },
  },
  certificates: { engagements: 'SELECT sh.engagement_id FROM changed c JOIN document_shares sh ON sh.document_id = c.document_id' },
  organizations: {
    engagements: 'SELECT e.id FROM changed c JOIN engagements e ON e.provider_org_id = c.id OR e.buyer_org_id = c.id',
    relevant: { key: 'id', columns: ['name', 'aliases'] },
  },
};
// Engagements get their first revision when created (so every engagement has a row to lock) and are never deleted here.
const skip = new Set(['engagements:delete', 'organizations:insert', 'organizations:delete']);

const events = ['insert', 'update', 'delete'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  // An engagement's findings and scores are functions of these rows and of
  // the day: every change to them gives the engagement a new revision, in the
  // same transaction, so what was computed at one revision can be served again
  // until the next. Enforced here so no write path can forget it.
  await sql`CREATE SEQUENCE engagement_revision_seq`.execute(db);
  await db.schema
    .createTable('engagement_revisions')
    .addColumn('engagement_id', 'uuid', (c) => c.primaryKey().references('engagements.id').onDelete('cascade'))
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO engagement_revisions (engagement_id, revision) SELECT id, nextval('engagement_revision_seq') FROM engagements`.execute(db);
  // The revision and the day a stored summary (and the findings beside it) was computed for.
  await db.schema.alterTable('engagement_summaries').addColumn('facts_revision', 'bigint').addColumn('computed_on', 'date').execute();
  for (const [table, { engagements, relevant }] of Object.entries(sources)) {
    for (const event of events) {
      if (skip.has(`${table}:${event}`)) continue;
      const filtered = event === 'update' && relevant;
      const changed = filtered
        ? `(SELECT n.* FROM new_rows n JOIN old_rows o ON o.${relevant.key} = n.${relevant.key} WHERE (${relevant.columns.map((c) => `n.${c}`).join(', ')}) IS DISTINCT FROM (${relevant.columns.map((c) => `o.${c}`).join(', ')}))`
        : event === 'delete'
          ? 'old_rows'
          : 'new_rows';
      // Rows are locked in engagement order, so two transactions never wait on each other in a cycle.
      await sql
        .raw(
          `CREATE FUNCTION ${table}_${event}_bump_engagement_revision() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            INSERT INTO engagement_revisions (engagement_id, revision)
            SELECT id, nextval('engagement_revision_seq') FROM (
              SELECT DISTINCT engagement_id AS id FROM (${engagements.replace('FROM changed c', `FROM ${changed} c`)}) AS affected(engagement_id) ORDER BY 1
            ) AS ids
            WHERE EXISTS (SELECT 1 FROM engagements WHERE engagements.id = ids.id)
            ON CONFLICT (engagement_id) DO UPDATE SET revision = EXCLUDED.revision;
            RETURN NULL;
          END $$`,
        )
        .execute(db);
      const transition = event === 'insert' ? 'NEW TABLE AS new_rows' : event === 'delete' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await sql
        .raw(`CREATE TRIGGER ${table}_${event}_engagement_revision AFTER ${event.toUpperCase()} ON ${table} REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_${event}_bump_engagement_revision()`)
        .execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of Object.keys(sources)) {
    for (const event of events) {
      if (skip.has(`${table}:${event}`)) continue;
      await sql.raw(`DROP TRIGGER ${table}_${event}_engagement_revision ON ${table}`).execute(db);
      await sql.raw(`DROP FUNCTION ${table}_${event}_bump_engagement_revision()`).execute(db);
    }
  }
  await db.schema.alterTable('engagement_summaries').dropColumn('facts_revision').dropColumn('computed_on').execute();
  await db.schema.dropTable('engagement_revisions').execute();
  await sql`DROP SEQUENCE engagement_revision_seq`.execute(db);
}
