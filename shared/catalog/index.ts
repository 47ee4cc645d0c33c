import raw from './iso27002-2022.json';

/** The catalog's edition: controls are ISO/IEC 27002:2022 (= ISO/IEC 27001:2022 Annex A). */
export const catalogVersion = 'ISO/IEC 27002:2022';

export const themes = ['Organizational', 'People', 'Physical', 'Technological'] as const;
export const controlTypes = ['Preventive', 'Detective', 'Corrective'] as const;
export const securityProperties = ['Confidentiality', 'Integrity', 'Availability'] as const;
export const cybersecurityConcepts = ['Identify', 'Protect', 'Detect', 'Respond', 'Recover'] as const;
export const operationalCapabilities = [
  'Governance',
  'Asset_management',
  'Information_protection',
  'Human_resource_security',
  'Physical_security',
  'System_and_network_security',
  'Application_security',
  'Secure_configuration',
  'Identity_and_access_management',
  'Threat_and_vulnerability_management',
  'Continuity',
  'Supplier_relationships_security',
  'Legal_and_compliance',
  'Information_security_event_management',
  'Information_security_assurance',
] as const;
export const securityDomains = ['Governance_and_Ecosystem', 'Protection', 'Defence', 'Resilience'] as const;

export type Theme = (typeof themes)[number];
export type ControlType = (typeof controlTypes)[number];
export type SecurityProperty = (typeof securityProperties)[number];
export type CybersecurityConcept = (typeof cybersecurityConcepts)[number];
export type OperationalCapability = (typeof operationalCapabilities)[number];
export type SecurityDomain = (typeof securityDomains)[number];

export interface Control {
  /** "5.1" … "8.34" */
  id: string;
  theme: Theme;
  title: string;
  newIn2022: boolean;
  /** ISO/IEC 27002:2013 controls this one replaces ("A.5.1.1"), per Annex B. */
  iso2013: string[];
  attributes: {
    controlType: ControlType[];
    properties: SecurityProperty[];
    concepts: CybersecurityConcept[];
    capabilities: OperationalCapability[];
    domains: SecurityDomain[];
  };
}

interface RawControl {
  id: string;
  theme: string;
  title: string;
  new_in_2022: boolean;
  iso27002_2013: string[];
  attributes: { control_type: string[]; properties: string[]; concepts: string[]; capabilities: string[]; domains: string[] };
}

/** Numeric order of control ids: 5.2 before 5.10. */
export function compareControlIds(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

/** All 93 controls in numeric order. */
export const controls: readonly Control[] = (raw as RawControl[])
  .map((c) => ({
    id: c.id,
    theme: c.theme as Theme,
    title: c.title,
    newIn2022: c.new_in_2022,
    iso2013: c.iso27002_2013,
    attributes: {
      controlType: c.attributes.control_type as ControlType[],
      properties: c.attributes.properties as SecurityProperty[],
      concepts: c.attributes.concepts as CybersecurityConcept[],
      capabilities: c.attributes.capabilities as OperationalCapability[],
      domains: c.attributes.domains as SecurityDomain[],
    },
  }))
  .sort((a, b) => compareControlIds(a.id, b.id));

export const controlIds: readonly string[] = controls.map((c) => c.id);

const byId = new Map(controls.map((c) => [c.id, c]));

/** The control with this 2022 id, if it exists. */
export function findControl(id: string): Control | undefined {
  return byId.get(id);
}

export function isControlId(id: string): boolean {
  return byId.has(id);
}

const by2013 = new Map<string, string[]>();
for (const c of controls) {
  for (const old of c.iso2013) by2013.set(old, [...(by2013.get(old) ?? []), c.id]);
}

/**
 * The 2022 controls that replace a 2013 control ("A.9.2.1", "9.2.1" or
 * "A9.2.1"); several for the few that were split (A.18.2.3 → 5.36, 8.8).
 */
export function controlsFor2013(id: string): string[] {
  const m = /^\s*A?\.?\s*(\d{1,2})\.(\d{1,2})\.(\d{1,2})\s*$/i.exec(id);
  if (!m) return [];
  return by2013.get(`A.${Number(m[1])}.${Number(m[2])}.${Number(m[3])}`) ?? [];
}

/** Every 2013 control id known to Annex B ("A.5.1.1" …), 114 of them. */
export const iso2013Ids: readonly string[] = [...by2013.keys()];

/**
 * Other titles published SoAs and transcriptions use for the same control
 * (see iso27002-2022.SOURCES.md); a title matcher accepts them too.
 */
export const titleVariants: Readonly<Record<string, readonly string[]>> = {
  '5.21': ['Managing information security in the ICT supply chain'],
  '5.34': ['Privacy and protection of personal identifiable information (PII)', 'Privacy and protection of personally identifiable information (PII)'],
  '8.25': ['Secure development lifecycle'],
  '8.1': ['User end point devices'],
  '8.17': ['Clock synchronisation'],
  '5.31': ['Identification of legal, statutory, regulatory and contractual requirements'],
};

export interface ControlFilters {
  theme?: string[];
  controlType?: string[];
  property?: string[];
  concept?: string[];
  capability?: string[];
  domain?: string[];
  /** Free text: matches the id, the title or a 2013 id. */
  q?: string;
}

/** Controls matching every given filter (AND across filters, OR within one). */
export function filterControls(filters: ControlFilters): Control[] {
  const anyOf = (wanted: string[] | undefined, have: readonly string[]) => !wanted?.length || wanted.some((w) => have.includes(w));
  const q = filters.q?.trim().toLowerCase();
  return controls.filter(
    (c) =>
      anyOf(filters.theme, [c.theme]) &&
      anyOf(filters.controlType, c.attributes.controlType) &&
      anyOf(filters.property, c.attributes.properties) &&
      anyOf(filters.concept, c.attributes.concepts) &&
      anyOf(filters.capability, c.attributes.capabilities) &&
      anyOf(filters.domain, c.attributes.domains) &&
      (!q || c.id === q || c.title.toLowerCase().includes(q) || c.iso2013.some((o) => o.toLowerCase().includes(q))),
  );
}
