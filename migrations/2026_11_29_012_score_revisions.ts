import { Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

/**
 * Each table whose rows feed an engagement's score, and the SQL that maps the
 * changed rows (the transition table `changed`) to the engagements affected.
 */
const sources: Record<string, string> = {
  answers: 'SELECT a.engagement_id FROM changed c JOIN assessments a ON a.id = c.assessment_id',
  answer_evidence: 'SELECT a.engagement_id FROM changed c JOIN answers an ON an.id = c.answer_id JOIN assessments a ON a.id = an.assessment_id',
  document_shares: 'SELECT c.engagement_id FROM changed c',
  soas: 'SELECT sh.engagement_id FROM changed c JOIN document_shares sh ON sh.document_id = c.document_id',
  soa_rows: 'SELECT sh.engagement_id FROM changed c JOIN soas s ON s.id = c.soa_id JOIN document_shares sh ON sh.document_id = s.document_id',
  findings: 'SELECT c.engagement_id FROM changed c',
  engagements: 'SELECT c.id FROM changed c',
  scoring_profiles: 'SELECT e.id FROM changed c JOIN engagements e ON e.buyer_org_id = c.organization_id',
};

const events = [
  { event: 'INSERT', transition: 'NEW TABLE AS changed' },
  { event: 'UPDATE', transition: 'NEW TABLE AS changed' },
  { event: 'DELETE', transition: 'OLD TABLE AS changed' },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  // The score of an assessment is a function of these rows and of the day:
  // every change to them gives the engagement a new revision, in the same
  // transaction, so a score computed at one revision can be served again
  // until the next. Enforced here so no write path can forget it.
  await sql`CREATE SEQUENCE score_revision_seq`.execute(db);
  await db.schema
    .createTable('score_revisions')
    .addColumn('engagement_id', 'uuid', (c) => c.primaryKey().references('engagements.id').onDelete('cascade'))
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .execute();
  for (const [table, engagements] of Object.entries(sources)) {
    // Rows are locked in engagement order, so two transactions never wait on each other in a cycle.
    await sql
      .raw(
        `CREATE FUNCTION ${table}_bump_score_revision() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO score_revisions (engagement_id, revision)
          SELECT id, nextval('score_revision_seq') FROM (SELECT DISTINCT engagement_id AS id FROM (${engagements}) AS affected(engagement_id) ORDER BY 1) AS ids
          WHERE EXISTS (SELECT 1 FROM engagements WHERE engagements.id = ids.id)
          ON CONFLICT (engagement_id) DO UPDATE SET revision = EXCLUDED.revision;
          RETURN NULL;
        END $$`,
      )
      .execute(db);
    for (const { event, transition } of events) {
      if (table === 'engagements' && event !== 'UPDATE') continue;
      await sql
        .raw(`CREATE TRIGGER ${table}_score_revision_${event.toLowerCase()} AFTER ${event} ON ${table} REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_bump_score_revision()`)
        .execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of Object.keys(sources)) {
    for (const { event } of events) await sql.raw(`DROP TRIGGER IF EXISTS ${table}_score_revision_${event.toLowerCase()} ON ${table}`).execute(db);
    await sql.raw(`DROP FUNCTION ${table}_bump_score_revision()`).execute(db);
  }
  await db.schema.dropTable('score_revisions').execute();
  await sql`DROP SEQUENCE score_revision_seq`.execute(db);
}
