import type { EngagementProfile } from '../schemas/engagement-profile';

/**
 * Controls an engagement cannot do without, by what it touches and how it
 * is delivered: an SoA that excludes one of them raises SOA_EXCLUDES_REQUIRED.
 * Kept as data so users can read it (docs/findings.md).
 */
export const requiredControlRules: readonly { when: string; applies: (p: RequirementProfile) => boolean; controlIds: readonly string[] }[] = [
  { when: 'every engagement (incident management, awareness)', applies: () => true, controlIds: ['5.24', '5.26', '6.3'] },
  { when: 'payment card data', applies: (p) => p.dataCategories.includes('payment_card'), controlIds: ['8.24', '8.12', '8.11', '5.34'] },
  { when: 'personal data', applies: (p) => p.dataCategories.includes('personal_data'), controlIds: ['5.34', '8.10', '8.11'] },
  { when: 'health data', applies: (p) => p.dataCategories.includes('health'), controlIds: ['5.34', '8.11', '8.24'] },
  { when: 'financial data', applies: (p) => p.dataCategories.includes('financial'), controlIds: ['8.24', '5.34'] },
  { when: 'credentials and secrets', applies: (p) => p.dataCategories.includes('credentials'), controlIds: ['5.17', '8.5', '8.24'] },
  { when: 'customer confidential information', applies: (p) => p.dataCategories.includes('customer_confidential'), controlIds: ['5.12', '5.13', '8.12'] },
  { when: 'cloud services', applies: (p) => p.usesCloud, controlIds: ['5.23'] },
  { when: 'remote work', applies: (p) => p.remoteWork, controlIds: ['6.7', '8.1'] },
  { when: 'sub-contractors', applies: (p) => p.subcontractors.length > 0, controlIds: ['5.19', '5.20', '5.21', '5.22'] },
  { when: 'software development', applies: (p) => p.developsSoftware, controlIds: ['8.25', '8.28', '8.29'] },
];

type RequirementProfile = Pick<EngagementProfile, 'dataCategories' | 'usesCloud' | 'remoteWork' | 'subcontractors' | 'developsSoftware'>;

/** The controls this engagement requires, each once, in catalog-like order. */
export function requiredControls(p: RequirementProfile): string[] {
  const ids = new Set(requiredControlRules.filter((r) => r.applies(p)).flatMap((r) => r.controlIds));
  return [...ids].sort((a, b) => {
    const [a1, a2] = a.split('.').map(Number);
    const [b1, b2] = b.split('.').map(Number);
    return a1! - b1! || a2! - b2!;
  });
}

/** For each required control, the engagement facts that require it (the rules' `when`), for explanations. */
export function requiredControlReasons(p: RequirementProfile): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const rule of requiredControlRules) {
    if (!rule.applies(p)) continue;
    for (const id of rule.controlIds) (out[id] ??= []).push(rule.when);
  }
  return out;
}
