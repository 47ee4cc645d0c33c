import path from 'node:path';
import { loadConfig } from '../../server/config';
import { startEmbeddedPostgres } from '../../server/db/embedded';

/**
 * A PostgreSQL server for scripts: DATABASE_URL when set, otherwise the
 * project's embedded development cluster. The URL points at a database the
 * caller may use to create others.
 */
export async function serverUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  const config = loadConfig();
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  const handle = await startEmbeddedPostgres({
    dataDir: path.join(config.dataDir, 'pg'),
    port: config.embeddedPgPort,
    database: 'scopewise',
  });
  return handle;
}
