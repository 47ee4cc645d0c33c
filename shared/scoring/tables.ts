import type { DataCategory, EngagementProfile } from '../schemas/engagement-profile';

type Profile = Pick<EngagementProfile, 'dataCategories' | 'usesCloud' | 'remoteWork' | 'subcontractors' | 'developsSoftware'>;

export interface MultiplierRule {
  /** Shown to users: why these controls weigh more for this engagement. */
  reason: string;
  applies: (p: Profile) => boolean;
  controlIds: readonly string[];
  factor: number;
}

const data = (c: DataCategory) => (p: Profile) => p.dataCategories.includes(c);

/** How the engagement's profile multiplies control weights. Several rules multiply together. */
export const multiplierRules: readonly MultiplierRule[] = [
  { reason: 'Payment card data', applies: data('payment_card'), controlIds: ['8.24', '8.12', '8.11', '5.34'], factor: 2 },
  { reason: 'Personal data', applies: data('personal_data'), controlIds: ['5.34', '8.10'], factor: 1.5 },
  { reason: 'Health data', applies: data('health'), controlIds: ['5.34', '8.11'], factor: 2 },
  { reason: 'Credentials and secrets', applies: data('credentials'), controlIds: ['5.17', '8.5'], factor: 2 },
  { reason: 'Uses cloud services', applies: (p) => p.usesCloud, controlIds: ['5.23'], factor: 2 },
  { reason: 'Remote work allowed', applies: (p) => p.remoteWork, controlIds: ['6.7', '8.1'], factor: 2 },
  { reason: 'Sub-contractors involved', applies: (p) => p.subcontractors.length > 0, controlIds: ['5.19', '5.20', '5.21', '5.22'], factor: 2 },
  { reason: 'Builds or changes software', applies: (p) => p.developsSoftware, controlIds: ['8.25', '8.28', '8.29'], factor: 2 },
];

/** The multipliers that apply to each control for this profile. */
export function engagementMultipliers(p: Profile): Map<string, { factor: number; reason: string }[]> {
  const out = new Map<string, { factor: number; reason: string }[]>();
  for (const rule of multiplierRules) {
    if (!rule.applies(p)) continue;
    for (const id of rule.controlIds) out.set(id, [...(out.get(id) ?? []), { factor: rule.factor, reason: rule.reason }]);
  }
  return out;
}

/** Best first: the order the rating cap compares in. */
export const ratings = ['A', 'B', 'C', 'D'] as const;
export type Rating = (typeof ratings)[number];
export const residualRisks = ['critical', 'high', 'medium', 'low'] as const;
export type ResidualRisk = (typeof residualRisks)[number];

/** A ≥ 85, B ≥ 70, C ≥ 50, else D (on the 0–100 overall score). */
export const ratingThresholds: readonly { rating: Rating; min: number }[] = [
  { rating: 'A', min: 85 },
  { rating: 'B', min: 70 },
  { rating: 'C', min: 50 },
  { rating: 'D', min: -Infinity },
];

export function ratingFor(score: number): Rating {
  return ratingThresholds.find((t) => score >= t.min)!.rating;
}

/** Residual risk by inherent tier (rows, 1 critical … 4 low) and rating (columns). */
export const residualRiskMatrix: Readonly<Record<1 | 2 | 3 | 4, Record<Rating, ResidualRisk>>> = {
  1: { A: 'medium', B: 'high', C: 'critical', D: 'critical' },
  2: { A: 'low', B: 'medium', C: 'high', D: 'critical' },
  3: { A: 'low', B: 'low', C: 'medium', D: 'high' },
  4: { A: 'low', B: 'low', C: 'low', D: 'medium' },
};

export function residualRisk(tier: 1 | 2 | 3 | 4, rating: Rating): ResidualRisk {
  return residualRiskMatrix[tier][rating];
}
