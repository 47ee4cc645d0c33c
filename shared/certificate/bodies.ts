import { findLabelled } from './labels';
import type { Field } from './proposal';
import { collapseWhitespace, proposed } from './text-span';

/** A certification or accreditation body and the ways certificates name it. */
export interface KnownBody {
  name: string;
  pattern: RegExp;
}

const TUV = 'T(?:Ü|UE|U)V';
const tuv = (rest: string) => new RegExp(`(?<![\\p{L}\\p{N}])${TUV}\\s*${rest}(?![\\p{L}\\p{N}])`, 'giu');

/** Certification bodies that issue ISO/IEC 27001 certificates, most-seen first. */
export const certificationBodies: readonly KnownBody[] = [
  { name: 'BSI', pattern: /\bBSI\b|British Standards Institution/g },
  { name: 'Bureau Veritas', pattern: /\bBureau\s+Veritas\b/gi },
  { name: 'SGS', pattern: /\bSGS\b/g },
  { name: 'TÜV SÜD', pattern: tuv('S(?:Ü|UE|U)D') },
  { name: 'TÜV Rheinland', pattern: tuv('Rheinland') },
  { name: 'TÜV NORD', pattern: tuv('NORD') },
  { name: 'TÜV India', pattern: tuv('India') },
  { name: 'TÜV AUSTRIA', pattern: tuv('Austria') },
  { name: 'DNV', pattern: /\bDNV(?:[\s-]?GL)?\b/g },
  { name: 'Intertek', pattern: /\bIntertek\b/gi },
  { name: 'LRQA', pattern: /\bLRQA\b|Lloyd['’]s\s+Register\s+Quality\s+Assurance/g },
  { name: 'NQA', pattern: /\bNQA\b/g },
  { name: 'Schellman', pattern: /\bSchellman\b/gi },
  { name: 'A-LIGN', pattern: /\bA-LIGN\b/g },
  { name: 'QMS International', pattern: /\bQMS\s+International\b/gi },
  { name: 'SOCOTEC', pattern: /\bSOCOTEC\b/gi },
  { name: 'Certification International', pattern: /\bCertification\s+International\b/gi },
  { name: 'Kiwa', pattern: /\bKiwa\b/g },
  { name: 'DQS', pattern: /\bDQS\b/g },
  { name: 'Perry Johnson Registrars', pattern: /\bPerry\s+Johnson\s+Registrars\b|\bPJR\b/g },
  { name: 'URS', pattern: /\bUnited\s+Registrar\s+of\s+Systems\b|\bURS\b/g },
  { name: 'AJA Registrars', pattern: /\bAJA\s+(?:Registrars|Europe)\b/gi },
  { name: 'ISOQAR', pattern: /\bISOQAR\b/gi },
  { name: 'Certification Europe', pattern: /\bCertification\s+Europe\b/gi },
  { name: 'NSAI', pattern: /\bNSAI\b/g },
  { name: 'AENOR', pattern: /\bAENOR\b/g },
  { name: 'Apave', pattern: /\bApave\b/gi },
  { name: 'Coalfire ISO', pattern: /\bCoalfire\b/gi },
  { name: 'Prescient Security', pattern: /\bPrescient\s+(?:Security|Assurance)\b/gi },
  { name: 'IRQS', pattern: /\bIRQS\b/g },
  { name: 'Vinçotte', pattern: /\bVin[çc]otte\b/gi },
];

/** Accreditation bodies (IAF MLA signatories and others) by acronym and full name. */
export const accreditationBodies: readonly KnownBody[] = [
  { name: 'UKAS', pattern: /\bUKAS\b|United\s+Kingdom\s+Accreditation\s+Service/g },
  { name: 'ANAB', pattern: /\bANAB\b|ANSI\s+National\s+Accreditation\s+Board/g },
  { name: 'DAkkS', pattern: /\bDAkkS\b|Deutsche\s+Akkreditierungsstelle/gi },
  { name: 'JAS-ANZ', pattern: /\bJAS-?ANZ\b|Joint\s+Accreditation\s+System\s+of\s+Australia\s+and\s+New\s+Zealand/gi },
  { name: 'PAB', pattern: /\bPAB\b|Philippine\s+Accreditation\s+Bureau/g },
  { name: 'NABCB', pattern: /\bNABCB\b|National\s+Accreditation\s+Board\s+for\s+Certification\s+Bodies/g },
  { name: 'IAS', pattern: /\bIAS\b|International\s+Accreditation\s+Service/g },
  { name: 'DANAK', pattern: /\bDANAK\b/gi },
  { name: 'SWEDAC', pattern: /\bSWEDAC\b/gi },
  { name: 'RvA', pattern: /\bRvA\b|Raad\s+voor\s+Accreditatie|Dutch\s+Accreditation\s+Council/g },
  { name: 'COFRAC', pattern: /\bCOFRAC\b/gi },
  { name: 'ACCREDIA', pattern: /\bACCREDIA\b/gi },
  { name: 'ENAC', pattern: /\bENAC\b|Entidad\s+Nacional\s+de\s+Acreditaci[oó]n/g },
  { name: 'SAC', pattern: /\bSAC\b|Singapore\s+Accreditation\s+Council/g },
  { name: 'HKAS', pattern: /\bHKAS\b|Hong\s+Kong\s+Accreditation\s+Service/g },
  { name: 'JAB', pattern: /\bJAB\b|Japan\s+Accreditation\s+Board/g },
  { name: 'CNAS', pattern: /\bCNAS\b|China\s+National\s+Accreditation\s+Service/g },
  { name: 'A2LA', pattern: /\bA2LA\b|American\s+Association\s+for\s+Laboratory\s+Accreditation/g },
  { name: 'INAB', pattern: /\bINAB\b|Irish\s+National\s+Accreditation\s+Board/g },
  { name: 'SANAS', pattern: /\bSANAS\b/g },
  { name: 'SCC', pattern: /Standards\s+Council\s+of\s+Canada/g },
  { name: 'EIAC', pattern: /\bEIAC\b|Emirates\s+International\s+Accreditation\s+Cent(?:re|er)/g },
  { name: 'BELAC', pattern: /\bBELAC\b/g },
  { name: 'FINAS', pattern: /\bFINAS\b/g },
  { name: 'TAF', pattern: /\bTAF\b|Taiwan\s+Accreditation\s+Foundation/g },
  { name: 'KAB', pattern: /\bKAB\b|Korea\s+Accreditation\s+Board/g },
];

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
  // An unknown body is only trusted behind an explicit "Certification body:" label.
  const labelled = findLabelled(text, ['certification body', 'certifying body']).find((l) => l.value.length >= 3);
  if (labelled) {
    const cut = text.slice(labelled.valueStart, labelled.valueEnd).search(/[,;]/);
    const end = cut === -1 ? labelled.valueEnd : labelled.valueStart + cut;
    const name = collapseWhitespace(text.slice(labelled.valueStart, end));
    return { field: proposed(text, name, labelled.labelStart, end, 'medium'), warnings };
  }
  return { field: null, warnings };
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
