import { findLabelled } from './labels';
import type { Field } from './proposal';
import { ACCREDITATION_BODY_ROWS, CERTIFICATION_BODY_ROWS, IAF_CERTSEARCH_URL } from './certification-bodies.data';
import { collapseWhitespace, escapeRegExp, proposed } from './text-span';

/** A certification or accreditation body and the ways certificates name it. */
export interface KnownBody {
  name: string;
  pattern: RegExp;
}

// A PDF may drop the umlaut or write it out ("TUEV").
function aliasSource(alias: string): string {
  return alias
    .trim()
    .split(/\s+/)
    .map((w) => escapeRegExp(w).replace(/Ü|UE|U/g, '(?:Ü|UE|U)').replace(/['’]/g, "['’]"))
    .join('\\s+');
}

// Node 20 has no inline (?i:…) groups, so each letter of a name becomes [xX].
function anyCase(source: string): string {
  return source.replace(/(?<!\\)\p{L}/gu, (c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`));
}

function bodyPattern(aliases: readonly string[]): RegExp {
  const sorted = [...aliases].sort((x, y) => y.length - x.length);
  // Acronyms in capitals are matched as written ("SAC" is not "sac"); names ignore case.
  const exact = sorted.filter((a) => /^[A-Z0-9-]{2,8}$/.test(a)).map(aliasSource);
  const loose = sorted.filter((a) => !/^[A-Z0-9-]{2,8}$/.test(a)).map(aliasSource);
  const parts = [...loose.map(anyCase), ...exact];
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

/** Certification bodies that issue ISO/IEC 27001 certificates, built from `CERTIFICATION_BODY_ROWS`. */
export const certificationBodies: readonly KnownBody[] = CERTIFICATION_BODY_ROWS.map((r) => ({ name: r.canonicalName, pattern: bodyPattern(r.aliases) }));

/** Accreditation bodies (IAF MLA signatories and others), built from `ACCREDITATION_BODY_ROWS`. */
export const accreditationBodies: readonly KnownBody[] = ACCREDITATION_BODY_ROWS.map((r) => ({ name: r.canonicalName, pattern: bodyPattern(r.aliases) }));

export interface CertificationBodyInfo {
  canonicalName: string;
  /** Where the certificate can be looked up: the body's own register, its accreditation body's directory, else IAF CertSearch. */
  directoryUrl: string;
  /** What that directory is, for a link's text ("UKAS CertCheck", "IAF CertSearch"). */
  directoryName: string;
  accreditationBodies: string[];
  /** False when the name is not a body we know: the URL is then IAF CertSearch. */
  known: boolean;
}

/**
 * What we know about a certification body named `name` (any alias, any
 * case), for verifying a certificate in a public directory. `accreditedBy`
 * (the accreditation body printed on the certificate) picks that body's
 * directory when it has one.
 */
export function certificationBodyInfo(name: string, accreditedBy?: string | null): CertificationBodyInfo {
  const row = CERTIFICATION_BODY_ROWS.find((r) => r.canonicalName.toLowerCase() === name.trim().toLowerCase())
    ?? CERTIFICATION_BODY_ROWS.find((r) => bodyPattern(r.aliases).test(name));
  const accreditor = accreditedBy ? ACCREDITATION_BODY_ROWS.find((a) => a.canonicalName.toLowerCase() === accreditedBy.trim().toLowerCase() || bodyPattern(a.aliases).test(accreditedBy)) : undefined;
  const [directoryUrl, directoryName] = row?.directoryUrl
    ? [row.directoryUrl, row.directoryName ?? `${row.canonicalName}'s certificate register`]
    : accreditor?.directoryUrl
      ? [accreditor.directoryUrl, accreditor.directoryName ?? `${accreditor.canonicalName}'s directory`]
      : [IAF_CERTSEARCH_URL, 'IAF CertSearch'];
  if (!row) return { canonicalName: collapseWhitespace(name), directoryUrl, directoryName, accreditationBodies: accreditor ? [accreditor.canonicalName] : [], known: false };
  return { canonicalName: row.canonicalName, directoryUrl, directoryName, accreditationBodies: [...row.accreditationBodies], known: true };
}

export interface BodyMention {
  name: string;
  start: number;
  end: number;
}

/** Every mention of a body from `bodies`, in order of appearance. */
export function findBodyMentions(text: string, bodies: readonly KnownBody[]): BodyMention[] {
  const found: BodyMention[] = [];
  for (const body of bodies) {
    for (const m of text.matchAll(body.pattern)) found.push({ name: body.name, start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Mentions grouped by body, the most-mentioned first and the earliest on a tie. */
function rankBodies(mentions: BodyMention[]): BodyMention[][] {
  const groups = new Map<string, BodyMention[]>();
  for (const m of mentions) groups.set(m.name, [...(groups.get(m.name) ?? []), m]);
  return [...groups.values()].sort((a, b) => b.length - a.length || (a[0]?.start ?? 0) - (b[0]?.start ?? 0));
}

const CERTIFICATION_BODY_LABELS = ['certification body', 'certifying body', 'issued by', 'certified by', 'registrar', 'for and on behalf of', 'on behalf of'];

/**
 * The certification body: one named after a label ("Certification body:",
 * "issued by"), else the known body the text names most.
 */
export function findCertificationBody(text: string): { field: Field<string>; warnings: string[] } {
  const warnings: string[] = [];
  const mentions = findBodyMentions(text, certificationBodies);
  for (const l of findLabelled(text, CERTIFICATION_BODY_LABELS)) {
    const known = mentions.find((m) => m.start >= l.valueStart && m.end <= l.valueEnd);
    if (known) return { field: proposed(text, known.name, l.labelStart, known.end, 'high'), warnings };
  }
  const ranked = rankBodies(mentions);
  const best = ranked[0];
  const first = best?.[0];
  if (best && first) {
    const others = ranked.slice(1).map((g) => g[0]?.name);
    if (others.length) warnings.push(`The text also names ${others.join(', ')}; check which certification body issued the certificate.`);
    return { field: proposed(text, first.name, first.start, first.end, best.length > 1 && !others.length ? 'high' : 'medium'), warnings };
  }
  // An unknown issuer: its name where certificates put the issuer, never a sentence that merely says "certification body".
  const issuer = unknownIssuer(text);
  if (issuer) {
    const warning = `The certification body "${issuer.name}" is not one we know: check its name and its accreditation.`;
    warnings.push(warning);
    return { field: { ...proposed(text, issuer.name, issuer.start, issuer.end, 'low'), warning }, warnings };
  }
  return { field: null, warnings };
}

// Where certificates name their issuer: "Certification body: X" as a label, "X hereby certifies that", "Certified by X since", "on behalf of X".
const ISSUER_PATTERNS: RegExp[] = [
  /(?<=^|\n)[ \t]*(?:Certification|Certifying)\s+body[ \t]*:[ \t]*([^\n,;]{3,80})/giu,
  /(?<=^|\n)[ \t]*([^\n]{3,80}?)\s+(?:hereby\s+)?certifies\s+that\b/giu,
  /\bCertified\s+by\s+([^\n:]{3,60}?)\s+since\b/giu,
  /\b(?:for\s+and\s+)?on\s+behalf\s+of\s+([^\n,;]{3,60})/giu,
];

// A name, not a sentence: capitalised words, no verbs certificates use in boilerplate.
function looksLikeOrganisationName(s: string): boolean {
  const words = s.trim().split(/\s+/);
  if (words.length > 8 || !/^\p{Lu}/u.test(s.trim())) return false;
  if (/\b(?:is|are|remains|shall|may|will|this|the\s+certificate|certificate|holder|organi[sz]ation|rules)\b/i.test(s)) return false;
  return words.filter((w) => /^\p{Ll}/u.test(w) && !/^(?:of|and|&|de|der|du|für|voor|van)$/i.test(w)).length === 0;
}

function unknownIssuer(text: string): { name: string; start: number; end: number } | null {
  for (const re of ISSUER_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const name = collapseWhitespace((m[1] ?? '').replace(/,\s*$/, ''));
      if (looksLikeOrganisationName(name)) return { name, start: m.index, end: m.index + m[0].length };
    }
  }
  return null;
}

const ACCREDITATION_NUMBER = [
  /^[\s:,.-]*(?:Management\s+Systems?|MS)\s*[:.]?\s*(?:No\.?\s*)?(\d{3,5})(?!\d)/i,
  /^.{0,80}?\b(D-ZM-\d{4,6}-\d{2}-\d{2})\b/s,
  /^[\s:,.-]*(?:(?:Accreditation|Accredited|Certificate|Cert\.?|Registration|Reg\.?)[\s,]*)*(?:No\.?|Number|#)\s*[:.]?\s*([A-Z]{0,4}-?\d[\dA-Z\-/.]*[\dA-Z])/i,
  /^[\s:,.-]*([A-Z]{1,4}-\d{2,6}(?:-[A-Z0-9]+)*)\b/,
];

function accreditationNumberAfter(text: string, end: number): { value: string; end: number } | undefined {
  const window = text.slice(end, end + 100);
  for (const re of ACCREDITATION_NUMBER) {
    const m = re.exec(window);
    if (m?.[1]) return { value: m[1], end: end + m.index + m[0].length };
  }
  return undefined;
}

/**
 * The accreditation body and, when printed next to it, its number for the
 * certification body ("UKAS Management Systems 0012", "DAkkS D-ZM-14137-01-00").
 * A body mentioned near the word "accredited" or with a number is sure;
 * one merely mentioned is not.
 */
export function findAccreditationBody(text: string): { body: Field<string>; number: Field<string>; warnings: string[] } {
  const warnings: string[] = [];
  const mentions = findBodyMentions(text, accreditationBodies);
  if (!mentions.length) return { body: null, number: null, warnings };
  const near = (m: BodyMention) => /accredit|akkredit/i.test(text.slice(Math.max(0, m.start - 150), m.end + 150));
  const scored = mentions.map((m) => ({ m, number: accreditationNumberAfter(text, m.end), near: near(m) }));
  const best = scored.find((s) => s.number) ?? scored.find((s) => s.near) ?? scored[0];
  if (!best) return { body: null, number: null, warnings };
  const names = [...new Set(mentions.map((m) => m.name))];
  if (names.length > 1) warnings.push(`Several accreditation bodies are named (${names.join(', ')}); check which accredits this certificate.`);
  const confidence = best.number || best.near ? (names.length > 1 ? 'medium' : 'high') : 'low';
  const body = proposed(text, best.m.name, best.m.start, best.number?.end ?? best.m.end, confidence);
  const number = best.number ? proposed(text, best.number.value, best.m.start, best.number.end, 'high') : null;
  return { body, number, warnings };
}

/**
 * What to call the directory at `url`: the one proposed for the body when the
 * address is on its host, IAF CertSearch on its own host, else the host name
 * itself (never a name the address does not bear out).
 */
export function directoryNameFor(url: string, proposed: Pick<CertificationBodyInfo, 'directoryUrl' | 'directoryName'>): string {
  const host = (u: string) => {
    try {
      return new URL(u).hostname.toLowerCase().replace(/^www\./, '');
    } catch {
      return '';
    }
  };
  const h = host(url);
  if (h && h === host(proposed.directoryUrl)) return proposed.directoryName;
  if (h && h === host(IAF_CERTSEARCH_URL)) return 'IAF CertSearch';
  return h || url;
}
