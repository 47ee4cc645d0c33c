// Regenerates server/db/types.ts from a scratch database migrated to the latest schema.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { createDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { projectRoot } from '../server/config';
import { serverUrl } from './lib/postgres';

async function main() {
  const { url: base, stop } = await serverUrl();
  const name = `sw_codegen_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    const { db } = createDatabase(url.toString());
    await migrateToLatest(db);
    await db.destroy();
    execFileSync(
      path.join(projectRoot, 'node_modules/.bin/kysely-codegen'),
      ['--dialect', 'postgres', '--url', url.toString(), '--out-file', 'server/db/types.ts', '--exclude-pattern', '(kysely_migration|kysely_migration_lock)', '--type-mapping', '{"int8":"number"}', '--date-parser', 'string', '--numeric-parser', 'number'],
      { cwd: projectRoot, stdio: 'inherit' },
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
