import type { Kysely } from 'kysely';
import type { OrganizationKind } from '../../shared/roles';
import type { DB } from '../db/types';

/** Creates an organization (buyer or provider). */
export async function insertOrganization(db: Kysely<DB>, org: { kind: OrganizationKind; name: string; aliases?: string[] }) {
  return db
    .insertInto('organizations')
    .values({ kind: org.kind, name: org.name, aliases: org.aliases ?? [] })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Whether the database holds any organization: seeding runs only on an empty one. */
export async function hasAnyOrganization(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
