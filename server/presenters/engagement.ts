import type { EngagementDto, EngagementListDto } from '../../shared/schemas/engagement';
import { inherentRisk, type RiskTier } from '../../shared/engagements/risk-tier';
import { can } from '../policies';
import { isBuyer, type Actor } from '../policies/actor';
import type { EngagementRow } from '../repositories/engagement';

/** The subject the engagement policies read. */
export const engagementSubject = (e: EngagementRow) => ({ buyerOrgId: e.buyer_org_id, providerOrgId: e.provider_org_id });

/** The engagement's profile as the pure domain functions read it. */
export function engagementProfile(e: EngagementRow) {
  return {
    services: e.services,
    sites: e.sites,
    contractingEntity: e.contracting_entity,
    dataCategories: e.data_categories,
    usesCloud: e.uses_cloud,
    remoteWork: e.remote_work,
    subcontractors: e.subcontractors,
    developsSoftware: e.develops_software,
  };
}

/** Row → DTO. The risk rating is the buyer's own assessment: providers do not see it. */
export function presentEngagement(actor: Actor, e: EngagementRow): EngagementDto {
  const subject = engagementSubject(e);
  const computed = inherentRisk(engagementProfile(e));
  const override = e.risk_tier_override !== null ? { tier: e.risk_tier_override as RiskTier, reason: e.risk_override_reason ?? '' } : null;
  return {
    id: e.id,
    name: e.name,
    description: e.description,
    buyer: { id: e.buyer_org_id, name: e.buyer_name },
    provider: { id: e.provider_org_id, name: e.provider_name },
    services: e.services,
    sites: e.sites,
    contractingEntity: e.contracting_entity,
    contractingEntityAliases: e.contracting_entity_aliases,
    dataCategories: e.data_categories,
    usesCloud: e.uses_cloud,
    remoteWork: e.remote_work,
    developsSoftware: e.develops_software,
    subcontractors: e.subcontractors,
    risk: isBuyer(actor) ? { tier: override?.tier ?? computed.tier, computedTier: computed.tier, points: computed.points, reasons: computed.reasons, override } : null,
    createdAt: e.created_at.toISOString(),
    updatedAt: e.updated_at.toISOString(),
    abilities: {
      update: can(actor, 'engagement.update', subject),
      overrideRisk: can(actor, 'engagement.overrideRisk', subject),
      createAssessment: can(actor, 'assessment.create', subject),
      createSchedule: can(actor, 'schedule.create', subject),
    },
  };
}

/** The engagements list, with whether the actor may start one (the client's "New engagement"). */
export function presentEngagementList(actor: Actor, rows: EngagementRow[]): EngagementListDto {
  return { engagements: rows.map((e) => presentEngagement(actor, e)), abilities: { create: can(actor, 'engagement.create') } };
}
