/**
 * How a certificate reading is compared with the corpus's labelled facts. One
 * module for the bench (bench/certificate-corpus.ts) and the corpus test, so
 * the figures and the test agree.
 *
 * "Right" for a field:
 * - expected a value: the reader proposes the same value (normalised below),
 *   at any confidence (a person confirms every field anyway);
 * - expected null (the document does not state it): the reader proposes
 *   nothing, or proposes something with low confidence ("please confirm").
 * A field proposed with a different value is "wrong"; a wrong value proposed
 * with high confidence is a CONFIDENT WRONG, the worst outcome. A field
 * expected but not proposed is a "miss".
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractCertificateFields } from '../../../shared/certificate/extract';
import type { CertificateProposal, CertificateSite, ProposedField } from '../../../shared/certificate/proposal';
import { readPdfText, type PdfText } from '../../../server/certificate/pdf-text';

/** A value, or several readings the document genuinely supports (any of them is right). */
export type Alt<T> = T | { anyOf: T[] };

export interface ExpectedSite {
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface ExpectedScope {
  /** Phrases the scope text must contain (whitespace and case are ignored). */
  contains: string[];
  /** Phrases it must not contain (boilerplate that is not scope). */
  excludes?: string[];
}

export interface ExpectedFields {
  certificateNumber: Alt<string> | null;
  edition: '2013' | '2022' | null;
  certificationBody: Alt<string> | null;
  accreditationBody: Alt<string> | null;
  legalEntity: Alt<string> | null;
  /** ISO dates. */
  issueDate: Alt<string> | null;
  expiryDate: Alt<string> | null;
  originalCertificationDate: Alt<string> | null;
  scopeText: ExpectedScope | null;
  /** Every site the certificate lists, in order; [] when it lists none. */
  sites: ExpectedSite[];
  soaReference: { version?: string; date?: string } | null;
}

export interface CorpusExpected {
  isCertificate: boolean;
  /** Whose published layout the document re-creates. */
  layout: string;
  fields?: ExpectedFields;
}

export const FIELDS = [
  'certificateNumber',
  'edition',
  'certificationBody',
  'accreditationBody',
  'legalEntity',
  'issueDate',
  'expiryDate',
  'originalCertificationDate',
  'scopeText',
  'sites',
  'soaReference',
] as const;
export type ScoredField = (typeof FIELDS)[number];

export type Verdict = 'right' | 'wrong' | 'miss';

export interface FieldScore {
  field: ScoredField;
  verdict: Verdict;
  /** A wrong value proposed with high confidence. */
  confidentWrong: boolean;
  expected: string;
  got: string;
}

const alternatives = <T>(a: Alt<T>): T[] => (typeof a === 'object' && a !== null && 'anyOf' in a ? a.anyOf : [a as T]);

const stripMarks = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');
const spaces = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Company names: case, whitespace, accents, a footnote asterisk and trailing punctuation do not matter. */
export function normaliseName(s: string): string {
  return spaces(stripMarks(s).toLowerCase().replace(/[*†]+/g, ' ').replace(/[\u2018\u2019]/g, "'")).replace(/[.,;:]+$/, '');
}

/** Certificate numbers: case, spaces and the kind of dash do not matter. */
export function normaliseNumber(s: string): string {
  return s.toUpperCase().replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, '');
}

/** A certification body's name matches when one is the other plus words ("Coalfire" / "Coalfire ISO"). */
function sameBody(expected: string, got: string): boolean {
  const e = normaliseName(expected);
  const g = normaliseName(got);
  return e === g || g.startsWith(`${e} `) || e.startsWith(`${g} `);
}

const COUNTRY_CODES: Record<string, string> = {
  philippines: 'PH', india: 'IN', 'united kingdom': 'GB', 'united states': 'US', canada: 'CA', mexico: 'MX', germany: 'DE', france: 'FR',
  netherlands: 'NL', belgium: 'BE', luxembourg: 'LU', ireland: 'IE', spain: 'ES', portugal: 'PT', italy: 'IT', switzerland: 'CH',
  austria: 'AT', poland: 'PL', 'czech republic': 'CZ', czechia: 'CZ', slovakia: 'SK', hungary: 'HU', romania: 'RO', bulgaria: 'BG',
  greece: 'GR', serbia: 'RS', croatia: 'HR', ukraine: 'UA', denmark: 'DK', sweden: 'SE', norway: 'NO', finland: 'FI', estonia: 'EE',
  latvia: 'LV', lithuania: 'LT', turkey: 'TR', turkiye: 'TR', israel: 'IL', egypt: 'EG', morocco: 'MA', tunisia: 'TN',
  'south africa': 'ZA', kenya: 'KE', nigeria: 'NG', ghana: 'GH', mauritius: 'MU', 'united arab emirates': 'AE', 'saudi arabia': 'SA',
  qatar: 'QA', pakistan: 'PK', 'sri lanka': 'LK', bangladesh: 'BD', nepal: 'NP', malaysia: 'MY', singapore: 'SG', indonesia: 'ID',
  thailand: 'TH', vietnam: 'VN', china: 'CN', 'hong kong': 'HK', taiwan: 'TW', japan: 'JP', 'south korea': 'KR', australia: 'AU',
  'new zealand': 'NZ', brazil: 'BR', argentina: 'AR', chile: 'CL', colombia: 'CO', peru: 'PE', uruguay: 'UY', 'costa rica': 'CR',
  guatemala: 'GT', 'el salvador': 'SV', jamaica: 'JM', 'dominican republic': 'DO',
};

/** A proposed site's country as an ISO code, whether the reader gives a code or an English name. */
export function countryCode(country: string | undefined): string | undefined {
  if (!country) return undefined;
  const c = country.trim();
  if (/^[A-Za-z]{2}$/.test(c)) return c.toUpperCase();
  return COUNTRY_CODES[stripMarks(c).toLowerCase().replace(/\s+/g, ' ')];
}

const cityKey = (s: string) => stripMarks(s).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** A proposed site is an expected one when the country matches and the city is its city (or named in its address). */
export function siteMatches(expected: ExpectedSite, got: CertificateSite): boolean {
  if (countryCode(got.country) !== expected.country) return false;
  const city = cityKey(expected.city);
  if (got.city && cityKey(got.city) === city) return true;
  return ` ${cityKey(`${got.name ?? ''} ${got.address} ${got.city ?? ''}`)} `.includes(` ${city} `);
}

const showSite = (s: CertificateSite) => [s.city, s.country].filter(Boolean).join(', ') || s.address;

const showExpected = (a: Alt<string> | null) => (a === null ? 'null (not stated)' : alternatives(a).join(' or '));

function scoreValue(field: ScoredField, expected: Alt<string> | null, got: ProposedField<string> | null, same: (e: string, g: string) => boolean): FieldScore {
  const base = { field, expected: showExpected(expected), got: got ? `${got.value} (${got.confidence})` : '—' };
  if (expected === null) {
    if (!got || got.confidence === 'low') return { ...base, verdict: 'right', confidentWrong: false };
    return { ...base, verdict: 'wrong', confidentWrong: got.confidence === 'high' };
  }
  if (!got) return { ...base, verdict: 'miss', confidentWrong: false };
  if (alternatives(expected).some((e) => same(e, got.value))) return { ...base, verdict: 'right', confidentWrong: false };
  return { ...base, verdict: 'wrong', confidentWrong: got.confidence === 'high' };
}

function scoreScope(expected: ExpectedScope | null, got: ProposedField<string> | null): FieldScore {
  const text = got ? spaces(got.value).toLowerCase() : '';
  const shown = got ? `${spaces(got.value).slice(0, 110)}${spaces(got.value).length > 110 ? '…' : ''} (${got.confidence})` : '—';
  const want = expected ? `contains ${expected.contains.map((c) => `"${c}"`).join(', ')}${expected.excludes?.length ? `; not ${expected.excludes.map((c) => `"${c}"`).join(', ')}` : ''}` : 'null (not stated)';
  const base = { field: 'scopeText' as const, expected: want, got: shown };
  if (expected === null) {
    if (!got || got.confidence === 'low') return { ...base, verdict: 'right', confidentWrong: false };
    return { ...base, verdict: 'wrong', confidentWrong: got.confidence === 'high' };
  }
  if (!got) return { ...base, verdict: 'miss', confidentWrong: false };
  const ok = expected.contains.every((c) => text.includes(spaces(c).toLowerCase())) && !(expected.excludes ?? []).some((c) => text.includes(spaces(c).toLowerCase()));
  return { ...base, verdict: ok ? 'right' : 'wrong', confidentWrong: !ok && got.confidence === 'high' };
}

function scoreSites(expected: ExpectedSite[], got: ProposedField<CertificateSite>[]): FieldScore {
  const shownList = (xs: string[]) => (xs.length <= 4 ? xs.join('; ') : `${xs.slice(0, 2).join('; ')}; … ; ${xs.slice(-2).join('; ')}`);
  const base = {
    field: 'sites' as const,
    expected: expected.length ? `${expected.length}: ${shownList(expected.map((s) => `${s.city}, ${s.country}`))}` : 'none listed',
    got: got.length ? `${got.length}: ${shownList(got.map((s) => `${showSite(s.value)} (${s.confidence})`))}` : '—',
  };
  // A high-confidence site that is none of the expected ones (a region, the issuer's address) is a confident wrong.
  const strays = got.filter((g) => !expected.some((e) => siteMatches(e, g.value)));
  const confidentWrong = strays.some((g) => g.confidence === 'high');
  const proposedSites = got.filter((g) => g.confidence !== 'low');
  if (expected.length === 0) return { ...base, verdict: proposedSites.length ? 'wrong' : 'right', confidentWrong };
  if (got.length === 0) return { ...base, verdict: 'miss', confidentWrong: false };
  // Right: one proposal per expected site, each matched once, nothing else.
  const unused = [...got];
  const allFound = expected.every((e) => {
    const i = unused.findIndex((g) => siteMatches(e, g.value));
    if (i === -1) return false;
    unused.splice(i, 1);
    return true;
  });
  return { ...base, verdict: allFound && unused.length === 0 ? 'right' : 'wrong', confidentWrong };
}

function scoreSoa(expected: ExpectedFields['soaReference'], got: CertificateProposal['soaReference']): FieldScore {
  const show = (v: { version?: string; date?: string } | null | undefined) => (v ? [v.version && `version ${v.version}`, v.date].filter(Boolean).join(', ') || '{}' : '—');
  const base = { field: 'soaReference' as const, expected: expected ? show(expected) : 'null (not cited)', got: got ? `${show(got.value)} (${got.confidence})` : '—' };
  if (expected === null) {
    if (!got || got.confidence === 'low') return { ...base, verdict: 'right', confidentWrong: false };
    return { ...base, verdict: 'wrong', confidentWrong: got.confidence === 'high' };
  }
  if (!got) return { ...base, verdict: 'miss', confidentWrong: false };
  const ok = (expected.version ?? null) === (got.value.version ?? null) && (expected.date ?? null) === (got.value.date ?? null);
  return { ...base, verdict: ok ? 'right' : 'wrong', confidentWrong: !ok && got.confidence === 'high' };
}

/** Compares one reading with the labelled facts, field by field. */
export function scoreProposal(expected: ExpectedFields, p: CertificateProposal): FieldScore[] {
  const exact = (e: string, g: string) => e === g;
  const names = (e: string, g: string) => normaliseName(e) === normaliseName(g);
  return [
    scoreValue('certificateNumber', expected.certificateNumber, p.certificateNumber, (e, g) => normaliseNumber(e) === normaliseNumber(g)),
    scoreValue('edition', expected.edition, p.edition, exact),
    scoreValue('certificationBody', expected.certificationBody, p.certificationBody, sameBody),
    scoreValue('accreditationBody', expected.accreditationBody, p.accreditationBody, names),
    scoreValue('legalEntity', expected.legalEntity, p.legalEntity, names),
    scoreValue('issueDate', expected.issueDate, p.issueDate, exact),
    scoreValue('expiryDate', expected.expiryDate, p.expiryDate, exact),
    scoreValue('originalCertificationDate', expected.originalCertificationDate, p.originalCertificationDate, exact),
    scoreScope(expected.scopeText, p.scopeText),
    scoreSites(expected.sites, p.sites),
    scoreSoa(expected.soaReference, p.soaReference),
  ];
}

/** Warnings that tell the person this does not look like a certificate. */
export const NOT_A_CERTIFICATE_WARNING = /\bnot\b[^.]*\b(?:a|an)\b[^.]*\bcertificate\b|\bdoes not look like\b|\bno certificate\b/i;

export type Acceptance = 'rejected' | 'warned' | 'accepted';

/**
 * What `POST /api/documents/:id/extract-certificate` does with a reading, as
 * the route decides it: 422 (rejected) for no text layer or no certificate
 * wording, else 200 — with a warning that it may not be a certificate, or
 * without one (accepted). The corpus test checks the real route; this mirrors
 * it for the bench.
 */
export function routeOutcome(pdf: PdfText, p: CertificateProposal): Acceptance {
  if (!pdf.hasTextLayer) return 'rejected';
  if (!p.standard && !p.certificateNumber && !p.certificationBody) return 'rejected';
  return p.warnings.some((w) => NOT_A_CERTIFICATE_WARNING.test(w)) ? 'warned' : 'accepted';
}

export interface CorpusFile {
  name: string;
  pdfPath: string;
  expected: CorpusExpected;
}

export const CORPUS_DIR = __dirname;

/** The committed corpus: every PDF with the expected facts beside it. */
export function listCorpus(dir = CORPUS_DIR): CorpusFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.pdf$/, '');
      const expected = JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as CorpusExpected;
      return { name, pdfPath: path.join(dir, f), expected };
    });
}

/** Reads a PDF the way the extract-certificate route does: its text, then the proposal. */
export async function readCertificatePdf(buffer: Buffer): Promise<{ pdf: PdfText; proposal: CertificateProposal }> {
  const pdf = await readPdfText(buffer);
  return { pdf, proposal: extractCertificateFields(pdf.text) };
}



