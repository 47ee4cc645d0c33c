import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { createApp } from '../../server/app';
import { projectRoot } from '../../server/config';
import { createSessionCache } from '../../server/auth/session-cache';
import { createDatabase, type Database } from '../../server/db/database';
import { prepareDatabase } from '../../server/db/prepare';
import { ensureLoginRole, roleOf } from '../../server/db/roles';
import type { Deps } from '../../server/deps';
import { startJobs } from '../../server/jobs/queue';
import { createMailer } from '../../server/mail/mailer';
import { recordAudit } from '../../server/repositories/audit';
import { createStorage } from '../../server/storage';
import { signedIn } from '../helpers/agent';
import { testConfig } from '../helpers/context';
import { adminUrl, databaseUrlFor } from '../helpers/database';
import { makeOrganization, makeUser } from '../helpers/factories';

const suffix = crypto.randomBytes(4).toString('hex');
const owner = `sw_owner_${suffix}`;
const runtime = `sw_app_${suffix}`;
const database = `sw_roles_${suffix}`;
const ownerPassword = crypto.randomBytes(12).toString('hex');
const runtimePassword = crypto.randomBytes(12).toString('hex');

/** DATABASE_URL for the test database, signed in as another role. */
function urlAs(role: string, password: string): string {
  const url = new URL(databaseUrlFor(database));
  url.username = role;
  url.password = password;
  return url.toString();
}

async function asAdmin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** What the app runs with, over a given pool. */
async function depsOver(db: Database, over: pg.Pool) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopewise-roles-'));
  const config = testConfig(dataDir);
  const logger = pino({ level: 'silent' });
  const sessions = createSessionCache(over, logger);
  await sessions.start();
  const deps: Deps = { config, db, pool: over, logger, mailer: createMailer({ from: config.mailFrom, outboxDir: path.join(dataDir, 'outbox'), logger, env: config.env }), storage: createStorage(config), sessions };
  return { deps, dataDir, sessions };
}

let app: Database;
let pool: pg.Pool;
beforeAll(async () => {
  await ensureLoginRole(adminUrl(), owner, ownerPassword);
  await ensureLoginRole(adminUrl(), runtime, runtimePassword);
  await asAdmin(`CREATE DATABASE ${database} OWNER ${owner}`);
  await prepareDatabase({ runtimeUrl: urlAs(runtime, runtimePassword), ownerUrl: urlAs(owner, ownerPassword) });
  ({ db: app, pool } = createDatabase(urlAs(runtime, runtimePassword), { max: 4 }));
});
afterAll(async () => {
  await app?.destroy();
  await asAdmin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await asAdmin(`DROP ROLE IF EXISTS ${runtime}`);
  await asAdmin(`DROP ROLE IF EXISTS ${owner}`);
});

describe('the owner role and the runtime role', () => {
  test('when migrations ran as a non-superuser owner, then the schema and the audit trail belong to it, not to the runtime role', async () => {
    expect(roleOf(urlAs(runtime, runtimePassword))).toBe(runtime);
    const { rows } = await sql<{ tableowner: string; rolsuper: boolean }>`
      SELECT t.tableowner, r.rolsuper FROM pg_tables t JOIN pg_roles r ON r.rolname = t.tableowner WHERE t.tablename = 'audit_events'`.execute(app);
    expect(rows).toEqual([{ tableowner: owner, rolsuper: false }]);
  });

  test('when the runtime role tries to rewrite the audit trail, then PostgreSQL refuses every way in', async () => {
    const org = await makeOrganization(app, 'buyer');
    await recordAudit(app, { ip: null, requestId: null, actorUserId: null, actorEmail: null }, { action: 'kept', organizationId: org.id });
    const before = await app.selectFrom('audit_events').selectAll().orderBy('id').execute();

    const attempts = [
      [sql`UPDATE audit_events SET action = 'tampered'`, /permission denied for table audit_events/],
      [sql`DELETE FROM audit_events`, /permission denied for table audit_events/],
      [sql`TRUNCATE audit_events`, /permission denied for table audit_events/],
      [sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`, /must be owner of table audit_events/],
      [sql`ALTER TABLE audit_events DISABLE TRIGGER ALL`, /must be owner of table audit_events/],
      [sql`DROP TRIGGER audit_events_seal ON audit_events`, /must be owner of (table|relation) audit_events/],
      [sql`SET session_replication_role = replica`, /permission denied to set parameter "session_replication_role"/],
      [sql`UPDATE audit_chain_heads SET seq = 0`, /permission denied for table audit_chain_heads/],
      [sql`CREATE OR REPLACE FUNCTION audit_events_seal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`, /must be owner of function audit_events_seal|permission denied for schema public/],
      [sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('fake', 'now')`, /permission denied for table kysely_migration/],
      // Nothing of its own that the owner's code could find on a search path.
      [sql`CREATE SCHEMA ${sql.id(owner)}`, /permission denied for database/],
      [sql`CREATE FUNCTION public.audit_event_hash(e text) RETURNS text LANGUAGE sql AS 'SELECT 1::text'`, /permission denied for schema public/],
      [sql`CREATE TABLE pgboss.planted (id int)`, /permission denied for schema pgboss/],
    ] as const;
    for (const [statement, refusal] of attempts) await expect(statement.execute(app)).rejects.toThrow(refusal);

    expect(await app.selectFrom('audit_events').selectAll().orderBy('id').execute()).toEqual(before);
  });

  test('when the runtime role puts a temporary chain head of its own in the way, then events are still sealed on the real one', async () => {
    const org = await makeOrganization(app, 'buyer');
    const who = { ip: null, requestId: null, actorUserId: null, actorEmail: null };
    await recordAudit(app, who, { action: 'first', organizationId: org.id });
    await app.connection().execute(async (conn) => {
      await sql`CREATE TEMP TABLE audit_chain_heads (organization_id uuid, seq bigint, hash text)`.execute(conn);
      await sql`INSERT INTO pg_temp.audit_chain_heads VALUES (${org.id}, 99, ${'f'.repeat(64)})`.execute(conn);
      await recordAudit(conn, who, { action: 'second', organizationId: org.id });
    });
    const chain = await app.selectFrom('audit_events').select(['seq', 'prev_hash', 'hash']).where('organization_id', '=', org.id).orderBy('seq').execute();
    expect(chain.map((e) => e.seq)).toEqual([1, 2]);
    expect(chain[1]!.prev_hash).toBe(chain[0]!.hash);
  });

  test('when the app serves as the runtime role, then it signs in, writes with its audit events sealed, and runs its queues', async () => {
    const { deps, dataDir, sessions } = await depsOver(app, pool);
    const jobs = await startJobs(deps);
    try {
      const org = await makeOrganization(app, 'buyer');
      const admin = await signedIn(createApp(deps), (await makeUser(app, org.id, 'admin')).email);
      await admin.post('/api/invitations').send({ email: `x-${suffix}@example.test`, role: 'analyst' }).expect(201);
      const check = await admin.get('/api/audit/verify').expect(200);
      expect(check.body).toMatchObject({ events: 2, firstBrokenAt: null });
      await admin.get('/api/audit/export').expect(200);
    } finally {
      await jobs.stop();
      await sessions.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('when an app server starts with the runtime URL alone on a migrated database, then it finds nothing to migrate and needs no more rights', async () => {
    const result = await prepareDatabase({ runtimeUrl: urlAs(runtime, runtimePassword) });
    expect(result.error).toBeUndefined();
    expect(result.results).toEqual([]);
  });

  test('when a database one superuser ran alone (pg-boss included) gets a runtime role, then the app runs its queues as that role', async () => {
    const legacy = `${database}_legacy`;
    await asAdmin(`CREATE DATABASE ${legacy}`);
    const superUrl = databaseUrlFor(legacy);
    const runtimeUrl = new URL(superUrl);
    runtimeUrl.username = runtime;
    runtimeUrl.password = runtimePassword;
    const before = createDatabase(superUrl, { max: 2 });
    const after = createDatabase(runtimeUrl.toString(), { max: 4 });
    try {
      await prepareDatabase({ runtimeUrl: superUrl });
      const first = await depsOver(before.db, before.pool);
      await (await startJobs(first.deps)).stop();
      await first.sessions.close();

      await prepareDatabase({ runtimeUrl: runtimeUrl.toString(), ownerUrl: superUrl });
      const second = await depsOver(after.db, after.pool);
      const jobs = await startJobs(second.deps);
      await jobs.boss.send('assessment-reminders', {});
      await jobs.stop();
      await second.sessions.close();
      await expect(sql`UPDATE audit_events SET action = 'x'`.execute(after.db)).rejects.toThrow(/permission denied/);
      fs.rmSync(first.dataDir, { recursive: true, force: true });
      fs.rmSync(second.dataDir, { recursive: true, force: true });
    } finally {
      await before.db.destroy();
      await after.db.destroy();
      await asAdmin(`DROP DATABASE IF EXISTS ${legacy} WITH (FORCE)`);
    }
  });

  test('when the server runs with --migrate-only and both URLs, then it migrates as the owner, grants the runtime role and exits', async () => {
    const job = `${database}_job`;
    await asAdmin(`CREATE DATABASE ${job} OWNER ${owner}`);
    const as = (role: string, password: string) => {
      const url = new URL(databaseUrlFor(job));
      url.username = role;
      url.password = password;
      return url.toString();
    };
    const { db } = createDatabase(as(runtime, runtimePassword), { max: 1 });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopewise-job-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', '--migrate-only'], {
        cwd: projectRoot,
        env: { ...process.env, MIGRATION_DATABASE_URL: as(owner, ownerPassword), DATABASE_URL: as(runtime, runtimePassword), NODE_ENV: 'development', LOG_LEVEL: 'info', DATA_DIR: dataDir },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('migrated; exiting (--migrate-only)');
      expect(run.stdout).not.toContain('Scopewise is running');
      const { rows } = await sql<{ owner: string }>`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'audit_events'`.execute(db);
      expect(rows).toEqual([{ owner }]);
      await expect(sql`DELETE FROM audit_events`.execute(db)).rejects.toThrow(/permission denied/);
      expect(await db.selectFrom('organizations').select('id').execute()).toEqual([]);
    } finally {
      await db.destroy();
      await asAdmin(`DROP DATABASE IF EXISTS ${job} WITH (FORCE)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('when the login role already exists, then ensuring it again only resets its password', async () => {
    const next = crypto.randomBytes(12).toString('hex');
    await ensureLoginRole(adminUrl(), runtime, next);
    const client = new pg.Client({ connectionString: urlAs(runtime, next) });
    await client.connect();
    const { rows } = await client.query('SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user');
    await client.end();
    expect(rows).toEqual([{ rolsuper: false, rolcreatedb: false, rolcreaterole: false }]);
    await ensureLoginRole(adminUrl(), runtime, runtimePassword);
  });
});
