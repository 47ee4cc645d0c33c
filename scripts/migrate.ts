// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { createDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { serverUrl } from './lib/postgres';

async function main() {
  const { url, stop } = await serverUrl();
  const { db } = createDatabase(url, { max: 1 });
  try {
    const result = await migrateToLatest(db);
    const applied = result.results ?? [];
    console.log(applied.length ? applied.map((r) => `${r.migrationName}: ${r.status}`).join('\n') : 'The database is up to date.');
  } finally {
    await db.destroy();
    await stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
