import { Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // The chain: each organization's events numbered 1, 2, 3… without gaps,
  // each sealed with a SHA-256 over its canonical text, which includes the
  // previous event's hash. Events without an organization form one more chain.
  await db.schema
    .alterTable('audit_events')
    .addColumn('seq', 'bigint')
    .addColumn('prev_hash', 'text')
    .addColumn('hash', 'text')
    .execute();

  // The last sealed event of each chain, locked FOR UPDATE by every insert so
  // concurrent events of one organization are numbered one after the other.
  // Only the sealing trigger (SECURITY DEFINER) writes here.
  await db.schema
    .createTable('audit_chain_heads')
    .addColumn('organization_id', 'uuid')
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX audit_chain_heads_organization ON audit_chain_heads (organization_id) NULLS NOT DISTINCT`.execute(db);

  // JSON with object keys in code point order and no whitespace; strings
  // escaped as JSON.stringify does; other scalars as PostgreSQL prints them.
  await sql`
    CREATE FUNCTION audit_canonical_json(j jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT AS $$
    BEGIN
      CASE jsonb_typeof(j)
        WHEN 'object' THEN
          RETURN '{' || coalesce((SELECT string_agg(to_jsonb(e.key)::text || ':' || audit_canonical_json(e.value), ',' ORDER BY e.key COLLATE "C") FROM jsonb_each(j) e), '') || '}';
        WHEN 'array' THEN
          RETURN '[' || coalesce((SELECT string_agg(audit_canonical_json(e.value), ',' ORDER BY e.n) FROM jsonb_array_elements(j) WITH ORDINALITY e(value, n)), '') || ']';
        ELSE
          RETURN j::text;
      END CASE;
    END
    $$`.execute(db);

  // The text an event's hash covers: a JSON array of every column but the hash itself.
  await sql`
    CREATE FUNCTION audit_event_canonical(e audit_events) RETURNS text LANGUAGE sql STABLE AS $$
      SELECT '[' || concat_ws(',',
        '"scopewise-audit-v1"',
        coalesce(to_jsonb(e.organization_id::text)::text, 'null'),
        coalesce(e.seq::text, 'null'),
        coalesce(e.id::text, 'null'),
        coalesce(to_jsonb(to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text, 'null'),
        coalesce(to_jsonb(e.action)::text, 'null'),
        coalesce(to_jsonb(e.target_type)::text, 'null'),
        coalesce(to_jsonb(e.target_id)::text, 'null'),
        coalesce(to_jsonb(e.actor_user_id::text)::text, 'null'),
        coalesce(to_jsonb(e.actor_email)::text, 'null'),
        coalesce(to_jsonb(e.ip)::text, 'null'),
        coalesce(to_jsonb(e.request_id)::text, 'null'),
        coalesce(audit_canonical_json(e.details), 'null'),
        coalesce(to_jsonb(e.prev_hash)::text, 'null')
      ) || ']'
    $$`.execute(db);
  await sql`
    CREATE FUNCTION audit_event_hash(e audit_events) RETURNS text LANGUAGE sql STABLE AS $$
      SELECT encode(sha256(convert_to(audit_event_canonical(e), 'UTF8')), 'hex')
    $$`.execute(db);

  // Existing events, in the order they were written (the identity), chained
  // as if they had been sealed when inserted.
  await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`.execute(db);
  await sql`
    DO $$
    DECLARE
      ev audit_events;
      head_seq bigint;
      head_hash text;
    BEGIN
      FOR ev IN SELECT * FROM audit_events ORDER BY id LOOP
        SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_chain_heads h WHERE h.organization_id IS NOT DISTINCT FROM ev.organization_id;
        ev.seq := coalesce(head_seq, 0) + 1;
        ev.prev_hash := head_hash;
        ev.hash := audit_event_hash(ev);
        UPDATE audit_events SET seq = ev.seq, prev_hash = ev.prev_hash, hash = ev.hash WHERE id = ev.id;
        IF head_seq IS NULL THEN
          INSERT INTO audit_chain_heads (organization_id, seq, hash) VALUES (ev.organization_id, ev.seq, ev.hash);
        ELSE
          UPDATE audit_chain_heads SET seq = ev.seq, hash = ev.hash WHERE organization_id IS NOT DISTINCT FROM ev.organization_id;
        END IF;
      END LOOP;
    END
    $$`.execute(db);
  await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete`.execute(db);
  // The defaults only let an INSERT omit them: the sealing trigger always overwrites both.
  await sql`ALTER TABLE audit_events ALTER COLUMN seq SET NOT NULL, ALTER COLUMN seq SET DEFAULT 0, ALTER COLUMN hash SET NOT NULL, ALTER COLUMN hash SET DEFAULT ''`.execute(db);
  await sql`CREATE UNIQUE INDEX audit_events_chain ON audit_events (organization_id, seq) NULLS NOT DISTINCT`.execute(db);

  // Sealing runs as the owner of the table (SECURITY DEFINER), so the app's
  // role needs no right on the chain heads; its search path is pinned (the
  // caller's temporary tables last) so no object of the caller's can stand in
  // for the chain's. The time is the database's clock, read after the chain
  // is locked, whatever the app sent; sequence and hashes are overwritten
  // likewise.
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  await sql`
    CREATE FUNCTION audit_events_seal() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${sql.id(rows[0]!.schema)}, pg_temp AS $$
    DECLARE
      head audit_chain_heads;
    BEGIN
      SELECT * INTO head FROM audit_chain_heads WHERE organization_id IS NOT DISTINCT FROM NEW.organization_id FOR UPDATE;
      IF NOT FOUND THEN
        INSERT INTO audit_chain_heads (organization_id, seq, hash) VALUES (NEW.organization_id, 0, '') ON CONFLICT DO NOTHING;
        SELECT * INTO head FROM audit_chain_heads WHERE organization_id IS NOT DISTINCT FROM NEW.organization_id FOR UPDATE;
      END IF;
      NEW.occurred_at := clock_timestamp();
      NEW.seq := head.seq + 1;
      NEW.prev_hash := nullif(head.hash, '');
      NEW.hash := audit_event_hash(NEW);
      UPDATE audit_chain_heads SET seq = NEW.seq, hash = NEW.hash WHERE organization_id IS NOT DISTINCT FROM NEW.organization_id;
      RETURN NEW;
    END
    $$`.execute(db);
  await sql`CREATE TRIGGER audit_events_seal BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_seal()`.execute(db);
  await sql`REVOKE ALL ON FUNCTION audit_events_seal() FROM PUBLIC`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER audit_events_seal ON audit_events`.execute(db);
  await sql`DROP FUNCTION audit_events_seal()`.execute(db);
  await sql`DROP INDEX audit_events_chain`.execute(db);
  await sql`DROP FUNCTION audit_event_hash(audit_events)`.execute(db);
  await sql`DROP FUNCTION audit_event_canonical(audit_events)`.execute(db);
  await sql`DROP FUNCTION audit_canonical_json(jsonb)`.execute(db);
  await db.schema.dropTable('audit_chain_heads').execute();
  await db.schema.alterTable('audit_events').dropColumn('seq').dropColumn('prev_hash').dropColumn('hash').execute();
}
