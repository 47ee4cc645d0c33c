import { Kysely } from 'kysely';

// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  // A finalised schedule the buyer shared with the provider of its engagement.
  await db.schema.alterTable('security_schedules').addColumn('shared_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('security_schedules').dropColumn('shared_at').execute();
}
