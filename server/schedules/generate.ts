import { countryName, normalizeCountry } from '../../shared/matching/normalize';
import { fillClause } from '../../shared/clauses/fill';
import { selectClauses } from '../../shared/clauses/select';
import type { FindingCode } from '../../shared/findings/codes';
import { engagementProfile } from '../presenters/engagement';
import type { EngagementRow } from '../repositories/engagement';
import type { FindingRow } from '../repositories/finding';
import type { ClauseRow } from '../repositories/clause';

/** What the engagement itself tells the clause variables. */
export function engagementVariables(e: EngagementRow): Record<string, string> {
  const countries = [...new Set(e.sites.map((s) => normalizeCountry(s.country) ?? s.country))].map((c) => (c.length === 2 ? countryName(c) : c));
  return {
    providerLegalName: e.contracting_entity,
    sites: e.sites.map((s) => `${s.name} (${[s.address, s.city, s.country].filter(Boolean).join(', ')})`).join('; '),
    services: e.services.join('; '),
    dataLocations: countries.join(', '),
    findingsAnnexReference: 'Annex A (open findings) to this Schedule',
  };
}

/**
 * The clauses a schedule starts with: always-on ones, those the engagement's
 * profile calls for, and those its open findings call for, each with its
 * reasons and its text filled (a missing value is written as "[TO BE AGREED:
 * …]" and listed, never left blank).
 */
export function draftClauses(library: readonly ClauseRow[], e: EngagementRow, openFindings: readonly Pick<FindingRow, 'code'>[], extra: Record<string, string>) {
  const values = { ...engagementVariables(e), ...extra };
  const enabled = library.filter((c) => !c.disabled);
  const selectable = enabled.map((c) => ({ key: c.key, findingCodes: c.finding_codes as FindingCode[], when: c.applies_when }));
  const selected = selectClauses(selectable, engagementProfile(e), openFindings.map((f) => f.code as FindingCode));
  return enabled.map((clause) => {
    const chosen = selected.find((s) => s.key === clause.key);
    const filled = fillClause(clause.text, values);
    return { key: clause.key, version: clause.version, title: clause.title, text: filled.text, reasons: chosen?.reasons ?? [], missing: filled.missing, included: Boolean(chosen) };
  });
}
