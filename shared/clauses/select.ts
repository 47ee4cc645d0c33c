import type { FindingCode } from '../findings/codes';
import { dataCategoryLabels, type EngagementProfile } from '../schemas/engagement-profile';
import type { DefaultClause } from './library';

/** A clause chosen for a schedule and every reason it was chosen, shown to the buyer's legal team. */
export interface SelectedClause {
  key: string;
  reasons: string[];
}

type SelectableClause = Pick<DefaultClause, 'key' | 'findingCodes' | 'when'>;

function profileReasons(when: SelectableClause['when'], profile: EngagementProfile): string[] {
  if (when === 'always') return ['applies to every engagement'];
  const reasons: string[] = [];
  for (const category of when.dataCategories ?? []) {
    if (profile.dataCategories.includes(category)) reasons.push(`the engagement handles ${dataCategoryLabels[category].toLowerCase()}`);
  }
  if (when.usesCloud && profile.usesCloud) reasons.push('the engagement uses cloud services');
  if (when.remoteWork && profile.remoteWork) reasons.push('the engagement allows remote work');
  if (when.subcontractors && profile.subcontractors.length > 0) reasons.push(`the engagement uses sub-contractors (${profile.subcontractors.join(', ')})`);
  if (when.developsSoftware && profile.developsSoftware) reasons.push('the provider develops software for the buyer');
  return reasons;
}

/**
 * The clauses a schedule for this engagement needs, in library order, each
 * once with all its reasons: always-on clauses, those the profile triggers
 * (data categories, cloud, remote work, sub-contractors, software) and those
 * an open finding calls for.
 */
export function selectClauses(clauses: readonly SelectableClause[], profile: EngagementProfile, openFindingCodes: readonly FindingCode[]): SelectedClause[] {
  const open = new Set(openFindingCodes);
  const selected: SelectedClause[] = [];
  for (const clause of clauses) {
    const reasons = profileReasons(clause.when, profile);
    for (const code of new Set(clause.findingCodes)) {
      if (open.has(code)) reasons.push(`open finding ${code}`);
    }
    if (reasons.length > 0) selected.push({ key: clause.key, reasons });
  }
  return selected;
}
