import { Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // A buyer's record that someone looked a certificate up in a public
  // directory (the accreditation body's, the certification body's or IAF
  // CertSearch) and what they found. Kept per buyer: each buyer's due
  // diligence is its own. The facts checked are copied, so a later
  // correction of the certificate makes the check stale.
  await db.schema
    .createTable('certificate_verifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('certificate_id', 'uuid', (c) => c.notNull().references('certificates.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome IN ('verified', 'not_found', 'mismatch')`))
    .addColumn('directory_name', 'text', (c) => c.notNull())
    .addColumn('directory_url', 'text', (c) => c.notNull())
    .addColumn('checked_on', 'date', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('checked_facts', 'jsonb', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('evidence_storage_key', 'text')
    .addColumn('evidence_name', 'text')
    .addColumn('evidence_mime', 'text')
    .addColumn('evidence_size_bytes', 'integer')
    .addColumn('evidence_sha256', 'text')
    .execute();
  await sql`CREATE INDEX certificate_verifications_latest ON certificate_verifications (organization_id, certificate_id, created_at DESC)`.execute(db);
  // A verification is a record of what was seen: only its evidence may be added, once.
  await sql`
    CREATE FUNCTION certificate_verifications_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.evidence_storage_key IS NOT NULL
        OR (NEW.certificate_id, NEW.organization_id, NEW.outcome, NEW.directory_name, NEW.directory_url, NEW.checked_on, NEW.note, NEW.checked_facts, NEW.created_at)
          IS DISTINCT FROM (OLD.certificate_id, OLD.organization_id, OLD.outcome, OLD.directory_name, OLD.directory_url, OLD.checked_on, OLD.note, OLD.checked_facts, OLD.created_at)
      THEN
        RAISE EXCEPTION 'certificate verifications are records: record a new one instead';
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER certificate_verifications_guard BEFORE UPDATE ON certificate_verifications FOR EACH ROW EXECUTE FUNCTION certificate_verifications_guard()`.execute(db);
  // A new verification moves the findings of the buyer's engagements the certificate is shared with.
  await sql`
    CREATE FUNCTION certificate_verifications_insert_bump_engagement_revision() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO engagement_revisions (engagement_id, revision)
      SELECT id, nextval('engagement_revision_seq') FROM (
        SELECT DISTINCT e.id FROM new_rows v
        JOIN certificates ce ON ce.id = v.certificate_id
        JOIN document_shares sh ON sh.document_id = ce.document_id
        JOIN engagements e ON e.id = sh.engagement_id AND e.buyer_org_id = v.organization_id
        ORDER BY 1
      ) AS ids
      ON CONFLICT (engagement_id) DO UPDATE SET revision = EXCLUDED.revision;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER certificate_verifications_insert_engagement_revision AFTER INSERT ON certificate_verifications REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION certificate_verifications_insert_bump_engagement_revision()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE certificate_verifications`.execute(db);
  await sql`DROP FUNCTION certificate_verifications_insert_bump_engagement_revision()`.execute(db);
  await sql`DROP FUNCTION certificate_verifications_guard()`.execute(db);
}
