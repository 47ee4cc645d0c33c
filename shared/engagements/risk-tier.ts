import { dataCategoryLabels, type DataCategory, type EngagementProfile } from '../schemas/engagement-profile';

/** 1 critical … 4 low. */
export type RiskTier = 1 | 2 | 3 | 4;
export const riskTierLabels: Record<RiskTier, string> = { 1: 'Critical', 2: 'High', 3: 'Medium', 4: 'Low' };

/** Points each data category adds to the inherent risk (shown to users with the tier). */
export const dataCategoryPoints: Record<DataCategory, number> = {
  payment_card: 3,
  health: 3,
  credentials: 3,
  financial: 2,
  personal_data: 2,
  customer_confidential: 1,
};

/** Categories that on their own make an engagement at least tier 2 (high). */
const sensitive: readonly DataCategory[] = ['payment_card', 'health', 'credentials'];

export interface RiskReason {
  factor: string;
  points: number;
}

export interface InherentRisk {
  tier: RiskTier;
  points: number;
  reasons: RiskReason[];
}

/** Tier thresholds on the points: ≥ 6 critical, ≥ 4 high, ≥ 2 medium, else low. */
export const tierThresholds: readonly { tier: RiskTier; minPoints: number }[] = [
  { tier: 1, minPoints: 6 },
  { tier: 2, minPoints: 4 },
  { tier: 3, minPoints: 2 },
  { tier: 4, minPoints: 0 },
];

type RiskProfile = Pick<EngagementProfile, 'dataCategories' | 'usesCloud' | 'remoteWork' | 'subcontractors' | 'developsSoftware' | 'sites'>;

/**
 * The inherent risk tier of an engagement, from what it touches and how it is
 * delivered, with the reasons that add up to it. Pure: the same profile
 * always gives the same tier.
 */
export function inherentRisk(p: RiskProfile): InherentRisk {
  const reasons: RiskReason[] = [];
  for (const c of [...new Set(p.dataCategories)]) reasons.push({ factor: `Handles ${dataCategoryLabels[c].toLowerCase()}`, points: dataCategoryPoints[c] });
  if (p.usesCloud) reasons.push({ factor: 'Uses cloud services', points: 1 });
  if (p.remoteWork) reasons.push({ factor: 'Remote work is allowed', points: 1 });
  if (p.subcontractors.length > 0) reasons.push({ factor: `Sub-contractors involved (${p.subcontractors.length})`, points: 1 });
  if (p.developsSoftware) reasons.push({ factor: 'Builds or changes software for you', points: 1 });
  if (p.sites.length > 2) reasons.push({ factor: `Delivered from ${p.sites.length} sites`, points: 1 });
  const points = reasons.reduce((s, r) => s + r.points, 0);
  let tier = tierThresholds.find((t) => points >= t.minPoints)!.tier;
  if (tier > 2 && p.dataCategories.some((c) => sensitive.includes(c))) {
    tier = 2;
    reasons.push({ factor: 'Payment card, health or credential data: at least High', points: 0 });
  }
  return { tier, points, reasons };
}
