import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { Actor } from '../policies/actor';

/** A provider organization as a buyer may see it, with what tells it apart from a namesake. */
export interface ProviderRow {
  id: string;
  name: string;
  aliases: string[];
  /** An administrator's account is active: someone accepted an invitation mailed to that address. */
  admin_accepted: boolean;
  /** The email domains of its active administrators, lower-case, sorted. */
  admin_domains: string[];
  invited_by_you: boolean;
  invited_by_other_buyer: boolean;
}

type Eb = ExpressionBuilder<DB, 'organizations'>;

// Accounts exist only by accepting an invitation, so an active user means
// someone of that organization answered an email sent to its address.
const hasActiveUser = (eb: Eb) =>
  eb.exists(eb.selectFrom('users').select(sql`1`.as('one')).whereRef('users.organization_id', '=', 'organizations.id').where('users.status', '=', 'active'));

const invitedByBuyer = (eb: Eb, buyerId: string, same: boolean) =>
  eb.exists(
    eb
      .selectFrom('invitations')
      .innerJoin('users as inviter', 'inviter.id', 'invitations.invited_by')
      .innerJoin('organizations as inviter_org', 'inviter_org.id', 'inviter.organization_id')
      .select(sql`1`.as('one'))
      .whereRef('invitations.organization_id', '=', 'organizations.id')
      .where('inviter_org.kind', '=', 'buyer')
      .where('inviter_org.id', same ? '=' : '<>', buyerId),
  );

const hasEngagementWith = (eb: Eb, buyerId: string) =>
  eb.exists(eb.selectFrom('engagements').select(sql`1`.as('one')).whereRef('engagements.provider_org_id', '=', 'organizations.id').where('engagements.buyer_org_id', '=', buyerId));

/**
 * Provider organizations the buying actor may see: those someone has joined,
 * those it invited itself and those it already works with. A provider another
 * buyer invited and nobody joined stays invisible, so a made-up "Acme BPO"
 * cannot catch a third buyer's engagement.
 */
function visibleProviders(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('organizations')
    .where('organizations.kind', '=', 'provider')
    .where((eb) => eb.or([hasActiveUser(eb), invitedByBuyer(eb, actor.organizationId, true), hasEngagementWith(eb, actor.organizationId)]))
    .select((eb) => [
      'organizations.id',
      'organizations.name',
      'organizations.aliases',
      eb
        .exists(eb.selectFrom('users').select(sql`1`.as('one')).whereRef('users.organization_id', '=', 'organizations.id').where('users.status', '=', 'active').where('users.role', '=', 'admin'))
        .as('admin_accepted'),
      sql<string[]>`ARRAY(SELECT DISTINCT lower(split_part(u.email, '@', 2)) FROM users u WHERE u.organization_id = organizations.id AND u.status = 'active' AND u.role = 'admin' ORDER BY 1)`.as('admin_domains'),
      invitedByBuyer(eb, actor.organizationId, true).as('invited_by_you'),
      invitedByBuyer(eb, actor.organizationId, false).as('invited_by_other_buyer'),
    ]);
}

/** An ILIKE pattern for a text anywhere in a value, its wildcards escaped. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Providers the buyer may pick, by name or alias, up to 50. */
export async function searchProviders(db: Kysely<DB>, actor: Actor, q: string | undefined): Promise<ProviderRow[]> {
  let query = visibleProviders(db, actor);
  if (q) {
    const pattern = likePattern(q);
    query = query.where((eb) => eb.or([eb('organizations.name', 'ilike', pattern), sql<boolean>`EXISTS (SELECT 1 FROM unnest(organizations.aliases) AS a WHERE a ILIKE ${pattern})`]));
  }
  return (await query.orderBy('organizations.name').orderBy('organizations.id').limit(50).execute()) as ProviderRow[];
}

/** One provider the buyer may pick; another buyer's unjoined invitee is undefined, like a missing id. */
export async function findVisibleProvider(db: Kysely<DB>, actor: Actor, id: string): Promise<ProviderRow | undefined> {
  return (await visibleProviders(db, actor).where('organizations.id', '=', id).executeTakeFirst()) as ProviderRow | undefined;
}

/** Providers the buyer may see whose name or an alias contains one of the fragments (case aside), for the namesake check. */
export async function listVisibleProvidersContaining(db: Kysely<DB>, actor: Actor, fragments: string[]): Promise<ProviderRow[]> {
  if (fragments.length === 0) return [];
  const patterns = fragments.map(likePattern);
  // Names first, visibility on those only: in one query the planner checks visibility of every provider.
  const named = await db
    .selectFrom('organizations')
    .select('id')
    .where('kind', '=', 'provider')
    .where((eb) => eb.or(patterns.flatMap((p) => [eb('name', 'ilike', p), sql<boolean>`EXISTS (SELECT 1 FROM unnest(aliases) AS a WHERE a ILIKE ${p})`])))
    .execute();
  if (named.length === 0) return [];
  const ids = named.map((r) => r.id);
  const rows = await visibleProviders(db, actor).where(sql<boolean>`organizations.id = ANY(${ids}::uuid[])`).orderBy('organizations.name').execute();
  return rows as ProviderRow[];
}
