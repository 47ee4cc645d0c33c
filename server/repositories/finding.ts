import { sql, type Kysely, type Selectable } from 'kysely';
import type { DerivedFinding } from '../../shared/findings/rules';
import type { FindingFields } from '../../shared/findings/workflow';
import type { DB, Findings } from '../db/types';
import type { Actor } from '../policies/actor';

export type FindingRow = Selectable<Findings> & { buyer_org_id: string; provider_org_id: string };

/**
 * Stores the rules' current findings for an engagement under their stable
 * keys: new ones are inserted open, known ones refreshed (their workflow state
 * kept), and findings the rules no longer raise are marked inactive.
 */
export async function syncFindings(db: Kysely<DB>, engagementId: string, derived: readonly DerivedFinding[]): Promise<void> {
  const now = new Date();
  if (derived.length) {
    await db
      .insertInto('findings')
      .values(
        derived.map((f) => ({
          engagement_id: engagementId,
          key: f.key,
          code: f.code,
          severity: f.severity,
          control_ids: f.controlIds,
          title: f.title,
          explanation: f.explanation,
          facts: JSON.stringify(f.facts),
          active: true,
          last_seen_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['engagement_id', 'key']).doUpdateSet((eb) => ({
          code: eb.ref('excluded.code'),
          severity: eb.ref('excluded.severity'),
          control_ids: eb.ref('excluded.control_ids'),
          title: eb.ref('excluded.title'),
          explanation: eb.ref('excluded.explanation'),
          facts: eb.ref('excluded.facts'),
          active: true,
          last_seen_at: now,
        })),
      )
      .execute();
  }
  let stale = db.updateTable('findings').set({ active: false }).where('engagement_id', '=', engagementId).where('active', '=', true);
  if (derived.length) stale = stale.where('key', 'not in', derived.map((f) => f.key));
  await stale.execute();
}

function scoped(db: Kysely<DB>, actor: Actor) {
  const side = actor.organizationKind === 'buyer' ? 'e.buyer_org_id' : 'e.provider_org_id';
  return db.selectFrom('findings as f').innerJoin('engagements as e', 'e.id', 'f.engagement_id').selectAll('f').select(['e.buyer_org_id', 'e.provider_org_id']).where(side, '=', actor.organizationId);
}

export async function listFindings(db: Kysely<DB>, actor: Actor, engagementId: string, { includeInactive = false } = {}): Promise<FindingRow[]> {
  let q = scoped(db, actor).where('f.engagement_id', '=', engagementId);
  if (!includeInactive) q = q.where('f.active', '=', true);
  return q
    .orderBy(sql`CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END`)
    .orderBy('f.key')
    .execute();
}

export async function findFinding(db: Kysely<DB>, actor: Actor, id: string, { lock = false } = {}): Promise<FindingRow | undefined> {
  let q = scoped(db, actor).where('f.id', '=', id);
  if (lock) q = q.forUpdate('f');
  return q.executeTakeFirst();
}

const columnOf = {
  status: 'status',
  remediationOwner: 'remediation_owner',
  remediationDue: 'remediation_due',
  remediationPlan: 'remediation_plan',
  providerResponse: 'provider_response',
  resolutionNote: 'resolution_note',
  dismissReason: 'dismiss_reason',
  riskJustification: 'risk_justification',
  riskApprover: 'risk_approver',
  riskExpires: 'risk_expires',
} as const satisfies Record<keyof FindingFields, keyof Findings>;

/** Writes the workflow fields a change sets (shared/findings/workflow.ts); the others stay as stored. */
export async function updateFinding(db: Kysely<DB>, actor: Actor, id: string, set: Partial<FindingFields>): Promise<void> {
  const columns = Object.fromEntries(Object.entries(set).map(([field, value]) => [columnOf[field as keyof FindingFields], value]));
  await db.updateTable('findings').set({ ...columns, updated_by: actor.userId, updated_at: new Date() }).where('id', '=', id).execute();
}
