import type { MigrationResultSet } from 'kysely';
import { createDatabase } from './database';
import { migrateToLatest } from './migrate';
import { grantRuntimeRole, roleOf } from './roles';
import { installQueues } from '../jobs/install';

/**
 * Brings the schema up to date before serving. With an owner URL, migrates
 * as the owner, installs pg-boss's tables and queues, and gives the runtime
 * role its rights (it can then neither alter tables nor rewrite the audit
 * trail); with the runtime URL alone,
 * migrates as that role, as a single-role install always did.
 */
export async function prepareDatabase({ runtimeUrl, ownerUrl }: { runtimeUrl: string; ownerUrl?: string }): Promise<MigrationResultSet> {
  const { db, pool } = createDatabase(ownerUrl ?? runtimeUrl, { max: 2 });
  try {
    const result = await migrateToLatest(db);
    if (ownerUrl) {
      await installQueues(pool);
      await grantRuntimeRole(db, roleOf(runtimeUrl));
    }
    return result;
  } finally {
    await db.destroy();
  }
}
