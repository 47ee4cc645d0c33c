import pg from 'pg';
import { createDatabase } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';
import { syncBuiltinTemplates } from '../../server/templates/builtin-sync';
import { builtinTemplates } from '../../shared/templates/builtin';
import { adminUrl, databaseUrlFor } from '../helpers/database';

/**
 * Migrates one template database per run; every test file clones it
 * (CREATE DATABASE … TEMPLATE) so files are isolated and start fast.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    throw new Error('DATABASE_URL is not set: run the suite with "npm test", which starts an embedded PostgreSQL when needed.');
  }
  const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const template = `sw_tpl_${run}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const { db } = createDatabase(databaseUrlFor(template), { max: 2 });
  try {
    await migrateToLatest(db);
    // Every test database starts as a fresh install does: with the built-in templates.
    await syncBuiltinTemplates(db, builtinTemplates);
  } finally {
    await db.destroy();
  }
  process.env.SW_TEST_RUN = run;
  process.env.SW_TEMPLATE_DB = template;
}
