import { Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // The contracting entity's own other names (former names, trading names, the
  // name in another script): a certificate holder is compared with the
  // contracting entity and these, never with the provider organization's aliases.
  await db.schema
    .alterTable('engagements')
    .addColumn('contracting_entity_aliases', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('engagements').dropColumn('contracting_entity_aliases').execute();
}
