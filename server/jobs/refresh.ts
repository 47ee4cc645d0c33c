import { sql } from 'kysely';
import type { Deps } from '../deps';
import { refreshEngagement } from '../findings/summary';
import { loadEngagementForRefresh } from '../repositories/engagement';

/** Engagements refreshed per batch: each is its own small transaction, so a long pass never holds locks. */
const BATCH = 200;

/**
 * Brings every engagement whose stored findings and summary were computed
 * before `today`, or from older facts, or never, up to date. Day-driven
 * findings (a certificate that expires today, a risk acceptance that lapses)
 * then reach the portfolio the same day without anyone writing to the
 * engagement. Returns how many were refreshed; one that fails is logged and
 * left for the next pass.
 */
export async function refreshStaleEngagements(deps: Pick<Deps, 'db' | 'logger'>, today: string): Promise<number> {
  let refreshed = 0;
  // A refresh that changes an engagement's findings moves its revision past the one it stored (see
  // refreshEngagement): a second pass settles those, and no more than two are ever made.
  for (let pass = 0; pass < 2; pass++) refreshed += await refreshPass(deps, today);
  return refreshed;
}

/** One pass in id order (keyset): each stale engagement at most once. */
async function refreshPass(deps: Pick<Deps, 'db' | 'logger'>, today: string): Promise<number> {
  let refreshed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = (
      await deps.db
        .selectFrom('engagements as e')
        .leftJoin('engagement_summaries as s', 's.engagement_id', 'e.id')
        .leftJoin('engagement_revisions as r', 'r.engagement_id', 'e.id')
        .select('e.id')
        .where('e.id', '>', after)
        .where((eb) => eb.or([eb('s.computed_on', 'is', null), eb('s.computed_on', '<', today), eb('s.facts_revision', 'is', null), sql<boolean>`s.facts_revision IS DISTINCT FROM coalesce(r.revision, 0)`]))
        .orderBy('e.id')
        .limit(BATCH)
        .execute()
    ).map((r) => r.id);
    if (ids.length === 0) return refreshed;
    for (const id of ids) {
      try {
        const e = await loadEngagementForRefresh(deps.db, id);
        if (e) await refreshEngagement(deps.db, e, today);
        refreshed += 1;
      } catch (err) {
        deps.logger.error({ err, engagementId: id }, 'scheduled engagement refresh failed');
      }
    }
    after = ids[ids.length - 1]!;
  }
}
