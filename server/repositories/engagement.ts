import type { Kysely, Selectable } from 'kysely';
import type { DataCategory } from '../../shared/schemas/engagement-profile';
import type { DB, Engagements } from '../db/types';
import type { Actor } from '../policies/actor';

export interface SiteRow {
  name: string;
  address: string;
  city: string;
  country: string;
}

export type EngagementRow = Omit<Selectable<Engagements>, 'services' | 'sites' | 'subcontractors' | 'data_categories'> & {
  services: string[];
  sites: SiteRow[];
  subcontractors: string[];
  data_categories: DataCategory[];
  buyer_name: string;
  provider_name: string;
};

function scoped(db: Kysely<DB>, actor: Actor) {
  const side = actor.organizationKind === 'buyer' ? 'engagements.buyer_org_id' : 'engagements.provider_org_id';
  return db
    .selectFrom('engagements')
    .innerJoin('organizations as buyer', 'buyer.id', 'engagements.buyer_org_id')
    .innerJoin('organizations as provider', 'provider.id', 'engagements.provider_org_id')
    .selectAll('engagements')
    .select(['buyer.name as buyer_name', 'provider.name as provider_name'])
    .where(side, '=', actor.organizationId);
}

/** One engagement of the actor's organization (as buyer or provider); another tenant's is undefined. */
export async function findEngagement(db: Kysely<DB>, actor: Actor, id: string, { lock = false } = {}): Promise<EngagementRow | undefined> {
  let q = scoped(db, actor).where('engagements.id', '=', id);
  if (lock) q = q.forUpdate('engagements');
  return (await q.executeTakeFirst()) as unknown as EngagementRow | undefined;
}

/** The actor's engagements, newest first. */
export async function listEngagements(db: Kysely<DB>, actor: Actor): Promise<EngagementRow[]> {
  return (await scoped(db, actor).orderBy('engagements.created_at', 'desc').limit(1000).execute()) as unknown as EngagementRow[];
}

export interface EngagementValues {
  name: string;
  description: string;
  services: string[];
  sites: SiteRow[];
  contractingEntity: string;
  contractingEntityAliases: string[];
  dataCategories: DataCategory[];
  usesCloud: boolean;
  remoteWork: boolean;
  developsSoftware: boolean;
  subcontractors: string[];
}

const columns = (v: Partial<EngagementValues>) => ({
  ...(v.name !== undefined && { name: v.name }),
  ...(v.description !== undefined && { description: v.description }),
  ...(v.services !== undefined && { services: JSON.stringify(v.services) }),
  ...(v.sites !== undefined && { sites: JSON.stringify(v.sites) }),
  ...(v.contractingEntity !== undefined && { contracting_entity: v.contractingEntity }),
  ...(v.contractingEntityAliases !== undefined && { contracting_entity_aliases: v.contractingEntityAliases }),
  ...(v.dataCategories !== undefined && { data_categories: v.dataCategories }),
  ...(v.usesCloud !== undefined && { uses_cloud: v.usesCloud }),
  ...(v.remoteWork !== undefined && { remote_work: v.remoteWork }),
  ...(v.developsSoftware !== undefined && { develops_software: v.developsSoftware }),
  ...(v.subcontractors !== undefined && { subcontractors: JSON.stringify(v.subcontractors) }),
});

export async function insertEngagement(db: Kysely<DB>, actor: Actor, providerOrgId: string, v: EngagementValues): Promise<string> {
  const row = await db
    .insertInto('engagements')
    .values({ ...columns(v), name: v.name, buyer_org_id: actor.organizationId, provider_org_id: providerOrgId, created_by: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates the actor's (buyer's) engagement. */
export async function updateEngagement(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  v: Partial<EngagementValues> & { riskOverride?: { tier: number; reason: string } | null },
): Promise<void> {
  const override =
    v.riskOverride === undefined ? {} : v.riskOverride === null ? { risk_tier_override: null, risk_override_reason: null } : { risk_tier_override: v.riskOverride.tier, risk_override_reason: v.riskOverride.reason };
  await db
    .updateTable('engagements')
    .set({ ...columns(v), ...override, updated_at: new Date() })
    .where('id', '=', id)
    .where('buyer_org_id', '=', actor.organizationId)
    .execute();
}

/**
 * An engagement by id without tenant scoping: only for system work that
 * follows an already-authorized change (recomputing its summary).
 */
export async function loadEngagementForRefresh(db: Kysely<DB>, id: string): Promise<EngagementRow | undefined> {
  return (await db
    .selectFrom('engagements')
    .innerJoin('organizations as buyer', 'buyer.id', 'engagements.buyer_org_id')
    .innerJoin('organizations as provider', 'provider.id', 'engagements.provider_org_id')
    .selectAll('engagements')
    .select(['buyer.name as buyer_name', 'provider.name as provider_name'])
    .where('engagements.id', '=', id)
    .executeTakeFirst()) as unknown as EngagementRow | undefined;
}

/** The engagements a document is shared with. */
export async function engagementsSharingDocument(db: Kysely<DB>, documentId: string): Promise<string[]> {
  return (await db.selectFrom('document_shares').select('engagement_id').where('document_id', '=', documentId).execute()).map((r) => r.engagement_id);
}

/** The ids of every engagement the actor's organization runs as buyer. */
export async function buyerEngagementIds(db: Kysely<DB>, actor: Pick<Actor, 'organizationId'>): Promise<string[]> {
  return (await db.selectFrom('engagements').select('id').where('buyer_org_id', '=', actor.organizationId).execute()).map((r) => r.id);
}
