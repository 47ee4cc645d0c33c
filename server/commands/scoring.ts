import type { Deps } from '../deps';
import type { Actor } from '../policies/actor';
import type { RequestOrigin } from '../repositories/audit';
import { buyerEngagementIds } from '../repositories/engagement';
import { saveScoringWeights } from '../repositories/scoring-profile';
import { runWrite } from './write';

/**
 * Saves the buyer's control weights with their audit event, and says that
 * every engagement of the buyer is affected: their scores and summaries move
 * with the weights.
 */
export async function saveScoringProfile(deps: Deps, actor: Actor, weights: Record<string, number>, origin: RequestOrigin): Promise<void> {
  // runWrite refreshes the affected engagements after the commit, still inside
  // this request: a buyer with many engagements waits for all of them. A job
  // queue will take that over; until then the facts revision keeps any summary
  // not refreshed here from being served stale.
  await runWrite(deps, origin, async ({ trx, audit, affects }) => {
    await saveScoringWeights(trx, actor, weights);
    await audit({ action: 'scoring.profile_changed', organizationId: actor.organizationId, targetType: 'organization', targetId: actor.organizationId, details: { weights } });
    affects(...(await buyerEngagementIds(trx, actor)));
  });
}
