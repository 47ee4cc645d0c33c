// A scratch database and data folder for one benchmark run: on the suite's
// PostgreSQL (DATABASE_URL, else an embedded one), removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { serverUrl } from '../../scripts/lib/postgres';

export interface Scratch {
  /** Connection string of the new, empty database. */
  url: string;
  dataDir: string;
  /** PostgreSQL's version, for the figures' context. */
  serverVersion(): Promise<string>;
  /** Drops the database, stops an embedded server, removes the data folder. */
  remove(): Promise<void>;
}

export async function createScratch(prefix: string): Promise<Scratch> {
  const server = await serverUrl();
  const name = `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `scopewise-${prefix}-`));
  return {
    url: url.toString(),
    dataDir,
    serverVersion: async () => (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?',
    remove: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
