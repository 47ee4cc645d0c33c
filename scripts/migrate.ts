// `npm run db:migrate`: applies pending migrations to DATABASE_URL (as MIGRATION_DATABASE_URL's owner role when set) or the embedded database.
import path from 'node:path';
import { loadConfig } from '../server/config';
import { startEmbeddedPostgres } from '../server/db/embedded';
import { prepareDatabase } from '../server/db/prepare';

async function main() {
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort, database: 'scopewise' });
  try {
    const result = embedded
      ? await prepareDatabase({ runtimeUrl: embedded.runtimeUrl, ownerUrl: embedded.url })
      : await prepareDatabase({ runtimeUrl: config.databaseUrl!, ownerUrl: config.migrationDatabaseUrl });
    const applied = result.results ?? [];
    console.log(applied.length ? applied.map((r) => `${r.migrationName}: ${r.status}`).join('\n') : 'The database is up to date.');
  } finally {
    await embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
