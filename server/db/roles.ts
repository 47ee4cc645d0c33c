import { sql, type Kysely } from 'kysely';
import pg from 'pg';

/** The PostgreSQL role a connection URL signs in as. */
export function roleOf(connectionString: string): string {
  const user = decodeURIComponent(new URL(connectionString).username);
  if (!user) throw new Error('The database URL names no user: the runtime role cannot be told apart from the owner');
  return user;
}

/** Tables the runtime role may read and append to, never change. */
const APPEND_ONLY = ['audit_events'];
/** Tables the runtime role may only read: written by the owner's code (migrations, the sealing trigger). */
const READ_ONLY = ['audit_chain_heads', 'kysely_migration', 'kysely_migration_lock'];

/**
 * Gives the app's runtime role what serving needs and no more, run by the
 * owner after migrating (every start, so tables of new migrations are
 * covered): reads and writes on the app's tables, only SELECT and INSERT on
 * the audit trail, nothing that alters a table or its triggers (those need
 * ownership), and rows, not tables, in pg-boss's schema. The runtime role
 * gets no CREATE anywhere, so it cannot plant objects the owner's code would
 * find on its search path.
 */
export async function grantRuntimeRole(db: Kysely<any>, runtimeRole: string): Promise<void> {
  const role = sql.id(runtimeRole);
  // One transaction: the runtime role never holds, even for a moment, the broad grant before its narrowing.
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ owner: string; schema: string }>`SELECT current_user AS owner, current_schema() AS schema`.execute(trx);
    const { owner, schema } = rows[0]!;
    if (owner === runtimeRole) return;
    const s = sql.id(schema);
    await sql`GRANT USAGE ON SCHEMA ${s} TO ${role}`.execute(trx);
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${role}`.execute(trx);
    await sql`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${s} TO ${role}`.execute(trx);
    for (const table of APPEND_ONLY) {
      await sql`REVOKE ALL ON ${sql.table(table)} FROM ${role}`.execute(trx);
      await sql`GRANT SELECT, INSERT ON ${sql.table(table)} TO ${role}`.execute(trx);
    }
    for (const table of READ_ONLY) {
      await sql`REVOKE ALL ON ${sql.table(table)} FROM ${role}`.execute(trx);
      await sql`GRANT SELECT ON ${sql.table(table)} TO ${role}`.execute(trx);
    }
    // pg-boss's tables and queues, which the owner installed (server/jobs/install.ts): rows only.
    await sql`SELECT set_config('scopewise.runtime_role', ${runtimeRole}, true)`.execute(trx);
    await sql`
      DO $$
      DECLARE
        runtime text := current_setting('scopewise.runtime_role');
        rel record;
      BEGIN
        EXECUTE format('GRANT USAGE ON SCHEMA pgboss TO %I', runtime);
        FOR rel IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'pgboss' AND c.relkind IN ('r', 'p', 'S')
        LOOP
          IF rel.relkind = 'S' THEN
            EXECUTE format('GRANT USAGE, SELECT, UPDATE ON SEQUENCE %s TO %I', rel.name, runtime);
          ELSE
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE %s TO %I', rel.name, runtime);
          END IF;
        END LOOP;
      END
      $$`.execute(trx);
  });
}

/** Creates (or resets the password of) a login role with no rights of its own: run as a superuser. */
export async function ensureLoginRole(adminUrl: string, name: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
    const ident = client.escapeIdentifier(name);
    const secret = client.escapeLiteral(password);
    await client.query(found.rowCount ? `ALTER ROLE ${ident} LOGIN PASSWORD ${secret}` : `CREATE ROLE ${ident} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${secret}`);
  } finally {
    await client.end();
  }
}
