import { Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

/**
 * App servers keep recently read sessions, with the user they are signed in
 * as, in memory. These triggers tell every server, at commit, which entries
 * no longer hold: a session changed or ended (`s:` + sid), a user changed or
 * was removed (`u:` + id), an organization changed (`o:` + id).
 */
const notifiers = [
  { table: 'session', prefix: 's:', key: 'sid' },
  { table: 'users', prefix: 'u:', key: 'id' },
  { table: 'organizations', prefix: 'o:', key: 'id' },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const { table, prefix, key } of notifiers) {
    await sql
      .raw(
        `CREATE FUNCTION ${table}_notify_auth() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('scopewise_auth', '${prefix}' || OLD.${key}::text);
          RETURN NULL;
        END $$`,
      )
      .execute(db);
    await sql.raw(`CREATE TRIGGER ${table}_notify_auth AFTER UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_notify_auth()`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { table } of notifiers) {
    await sql.raw(`DROP TRIGGER ${table}_notify_auth ON ${table}`).execute(db);
    await sql.raw(`DROP FUNCTION ${table}_notify_auth()`).execute(db);
  }
}
