import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { Actor } from '../policies/actor';

/** The buyer organization's control weights (empty: every control weighs 1). */
export async function loadScoringWeights(db: Kysely<DB>, actor: Pick<Actor, 'organizationId'>): Promise<Record<string, number>> {
  const row = await db.selectFrom('scoring_profiles').select('weights').where('organization_id', '=', actor.organizationId).executeTakeFirst();
  return (row?.weights as Record<string, number> | undefined) ?? {};
}

export async function saveScoringWeights(db: Kysely<DB>, actor: Actor, weights: Record<string, number>): Promise<void> {
  const values = { organization_id: actor.organizationId, weights: JSON.stringify(weights), updated_by: actor.userId, updated_at: new Date() };
  await db.insertInto('scoring_profiles').values(values).onConflict((oc) => oc.column('organization_id').doUpdateSet(values)).execute();
}
