/*
 * Text, country and legal-entity normalisation for scope matching.
 *
 * Rules (user documentation):
 * - Text is compared case-insensitively, without accents (Kraków = Krakow,
 *   Wrocław = Wroclaw), with punctuation read as a space ("Lapu-Lapu" =
 *   "Lapu Lapu"), dotted initials joined ("U.S.A." = "USA", "S.A." = "SA"),
 *   apostrophes dropped and "&" read as "and".
 * - A country is recognised from its ISO 3166-1 alpha-2 or alpha-3 code
 *   ("PH", "PHL"), its English name or a common variant ("The Philippines",
 *   "UK", "Great Britain", "England", "USA", "United States of America",
 *   "Viet Nam", "Czechia", "Czech Republic", "South Korea", "Holland" …).
 *   The result is always the alpha-2 code; anything else is "unknown", never
 *   a guess.
 * - Legal entity names are compared without case, punctuation, the word
 *   "the" and trailing legal-form suffixes (Inc., Incorporated, Ltd, Limited,
 *   Corp., Corporation, Pvt. Ltd., Private Limited, GmbH, S.A., B.V., LLC,
 *   Pty Ltd, PLC, Co. and more). A name written "X (doing business as Y)" or
 *   "X trading as Y" also answers to Y.
 * - Two legal entity names are:
 *   - "same" when they are equal after that normalisation (spacing and a few
 *     standard abbreviations such as "Intl", "Phils", "Svcs" aside), or when
 *     one of them is among the known aliases of the other;
 *   - "uncertain" when one name is contained in the other ("Acme BPO" and
 *     "Acme BPO Philippines": a parent and its subsidiary, or a branch), when
 *     they differ only by a plural or a one-letter slip, or when one is the
 *     initials of the other — a person must confirm;
 *   - "different" otherwise, including two companies of the same group
 *     ("Acme BPO Philippines" and "Acme BPO India" are distinct legal
 *     entities).
 */
import countries from 'i18n-iso-countries';
import englishCountryNames from 'i18n-iso-countries/langs/en.json';
import { distance } from 'fastest-levenshtein';

// Letters NFKD does not decompose into a base letter plus an accent.
const specialLetters: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ı: 'i',
};

/**
 * Lower-cases, removes accents, joins dotted initials, reads "&" as "and" and
 * every other punctuation mark as a space, and collapses whitespace.
 */
export function normalizeText(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[łøđðþæœßı]/g, (c) => specialLetters[c] ?? c)
    .replace(/\b[a-z](?:\.[a-z])+\.?(?![a-z])/g, (m) => m.replace(/\./g, ''))
    .replace(/['’‘`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words of a text after {@link normalizeText}. */
export function tokenize(input: string): string[] {
  const text = normalizeText(input);
  return text ? text.split(' ') : [];
}

// Abbreviations whose full stop does not end a sentence ("6750 Ayala Ave. Makati").
const noSentenceEnd = new Set(['ave', 'av', 'st', 'rd', 'blvd', 'bldg', 'no', 'nos', 'inc', 'ltd', 'corp', 'co', 'dr', 'cor', 'brgy', 'flr', 'fl', 'ste', 'pvt', 'vs', 'etc', 'eg', 'ie', 'sr', 'jr', 'mt', 'ft', 'hwy', 'ext', 'twr', 'ph', 'bgy']);

/**
 * Splits a text into clauses at semicolons, line breaks and full stops that
 * end a sentence (not "Ave.", "Inc." or an initial).
 */
export function splitClauses(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[;\n]+/)) {
    let start = 0;
    const re = /\.\s+(?=[A-Z(“"])/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(part))) {
      const before = part.slice(start, m.index).split(/[^A-Za-z]+/).filter(Boolean).at(-1)?.toLowerCase() ?? '';
      if (before.length <= 1 || noSentenceEnd.has(before)) continue;
      out.push(part.slice(start, m.index));
      start = m.index + m[0].length;
    }
    out.push(part.slice(start));
  }
  return out.map((s) => s.trim()).filter(Boolean);
}

// Variants the locale file does not carry (keys are normalised).
const countryAliases: Record<string, string> = {
  uk: 'GB',
  'u k': 'GB',
  britain: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  usa: 'US',
  'u s': 'US',
  us: 'US',
  america: 'US',
  'united states': 'US',
  'united states of america': 'US',
  'viet nam': 'VN',
  'socialist republic of vietnam': 'VN',
  czechia: 'CZ',
  'czech republic': 'CZ',
  philippines: 'PH',
  'republic of the philippines': 'PH',
  phils: 'PH',
  holland: 'NL',
  korea: 'KR',
  'south korea': 'KR',
  'republic of korea': 'KR',
  russia: 'RU',
  uae: 'AE',
  turkey: 'TR',
  turkiye: 'TR',
  'ivory coast': 'CI',
  burma: 'MM',
  laos: 'LA',
  'lao pdr': 'LA',
  moldova: 'MD',
  syria: 'SY',
  brunei: 'BN',
  'cabo verde': 'CV',
  swaziland: 'SZ',
  'east timor': 'TL',
  macau: 'MO',
  'hong kong sar': 'HK',
  ksa: 'SA',
  'kingdom of saudi arabia': 'SA',
  'mainland china': 'CN',
  prc: 'CN',
  'peoples republic of china': 'CN',
  'bolivia plurinational state of': 'BO',
  'venezuela bolivarian republic of': 'VE',
  'tanzania united republic of': 'TZ',
  'iran islamic republic of': 'IR',
  'republic of india': 'IN',
  'arab republic of egypt': 'EG',
  'united mexican states': 'MX',
  'republic of south africa': 'ZA',
  rsa: 'ZA',
};

function buildCountryIndex(): Map<string, string> {
  const index = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = normalizeText(name);
    if (!key) return;
    if (!index.has(key)) index.set(key, code);
    const withoutThe = key.replace(/^the /, '');
    if (!index.has(withoutThe)) index.set(withoutThe, code);
    // "Korea, Republic of" is also written "Republic of Korea".
    const comma = name.split(',');
    if (comma.length === 2 && comma[0] && comma[1]) {
      const flipped = normalizeText(`${comma[1]} ${comma[0]}`);
      if (!index.has(flipped)) index.set(flipped, code);
    }
  };
  for (const [code, names] of Object.entries(englishCountryNames.countries as Record<string, string | string[]>)) {
    for (const name of Array.isArray(names) ? names : [names]) add(name, code);
  }
  for (const [alias, code] of Object.entries(countryAliases)) index.set(alias, code);
  return index;
}

// Built from the bundled English locale file rather than registered in the
// library's global locale registry: lookups stay local and need no set-up.
const countryIndex = buildCountryIndex();

/**
 * The ISO 3166-1 alpha-2 code for a country code or English name ("PH",
 * "PHL", "The Philippines", "UK", "Viet Nam"), or null when it is not a
 * country we recognise.
 */
export function normalizeCountry(input: string | null | undefined): string | null {
  if (!input) return null;
  const key = normalizeText(input).replace(/^the /, '');
  if (!key) return null;
  const named = countryIndex.get(key);
  if (named) return named;
  const compact = key.replace(/ /g, '');
  if (/^[a-z]{2}$/.test(compact) && countries.isValid(compact.toUpperCase())) return compact.toUpperCase();
  if (/^[a-z]{3}$/.test(compact)) return countries.alpha3ToAlpha2(compact.toUpperCase()) ?? null;
  return null;
}

/** The lower-case alpha-2 and alpha-3 codes of a country ("PH" → ["ph", "phl"]), as they appear in addresses. */
export function countryCodes(alpha2: string): string[] {
  const alpha3 = countries.alpha2ToAlpha3(alpha2);
  return [alpha2.toLowerCase(), ...(alpha3 ? [alpha3.toLowerCase()] : [])];
}

/** The English short name of an alpha-2 code ("PH" → "Philippines"), or the code itself. */
export function countryName(code: string): string {
  const names = (englishCountryNames.countries as Record<string, string | string[]>)[code];
  if (!names) return code;
  return Array.isArray(names) ? (names[0] ?? code) : names;
}

/** A country named by a run of words inside a longer text. */
export interface CountryMention {
  code: string;
  /** Word positions [start, end) in the tokenized text. */
  start: number;
  end: number;
}

const maxCountryWords = Math.max(...[...countryIndex.keys()].map((k) => k.split(' ').length));

/**
 * Countries named in a tokenized text by their full name or a well-known
 * alias (longest name first). Two- and three-letter codes are not searched:
 * inside prose "in", "it" or "us" are words, not countries.
 */
export function findCountries(tokens: readonly string[], taken?: ReadonlySet<number>): CountryMention[] {
  const found: CountryMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    let hit: CountryMention | null = null;
    for (let len = Math.min(maxCountryWords, tokens.length - i); len >= 1 && !hit; len--) {
      if (taken && range(i, i + len).some((p) => taken.has(p))) continue;
      const key = tokens.slice(i, i + len).join(' ');
      if (key.replace(/ /g, '').length < 4 && !['usa', 'uae', 'ksa'].includes(key)) continue;
      const code = countryIndex.get(key);
      if (code) hit = { code, start: i, end: i + len };
    }
    if (hit) {
      found.push(hit);
      i = hit.end;
    } else {
      i += 1;
    }
  }
  return found;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

// Legal-form suffixes, normalised, stripped from the end of a name repeatedly.
const legalSuffixes = [
  'private limited',
  'pvt ltd',
  'pvt limited',
  'private ltd',
  'pty ltd',
  'pty limited',
  'proprietary limited',
  'pte ltd',
  'pte limited',
  'sdn bhd',
  'co ltd',
  'co limited',
  'company limited',
  'company ltd',
  'sa de cv',
  's de rl de cv',
  'sp z oo',
  'spolka z oo',
  'and co',
  'and company',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'ab',
  'as',
  'asa',
  'oy',
  'oyj',
  'kk',
  'kft',
  'sro',
  'doo',
  'pvt',
  'pte',
  'pty',
  'bhd',
  'jsc',
  'pjsc',
  'ltda',
  'sl',
].map((s) => s.split(' '));

/**
 * A legal entity name reduced for comparison: normalised text without "the"
 * and without trailing legal-form suffixes ("Acme BPO Philippines, Inc." →
 * "acme bpo philippines"). A name made only of a suffix is kept as is.
 */
export function normalizeLegalEntity(name: string): string {
  const tokens = tokenize(primaryName(name)).filter((t) => t !== 'the');
  let end = tokens.length;
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const suffix of legalSuffixes) {
      const start = end - suffix.length;
      if (start < 1) continue;
      if (suffix.every((word, k) => tokens[start + k] === word)) {
        end = start;
        stripped = true;
        break;
      }
    }
  }
  return tokens.slice(0, end).join(' ');
}

const tradingAs = /\s*(?:\(|,)?\s*\b(?:doing business as|d\/b\/a|dba|trading as|t\/a|also known as|aka|a\.k\.a\.)\b\s*/i;

function primaryName(name: string): string {
  return name.split(tradingAs)[0] ?? name;
}

function tradingNames(name: string): string[] {
  const parts = name.split(tradingAs);
  return parts.slice(1).map((p) => p.replace(/[()]/g, ' ').trim()).filter(Boolean);
}

// Standard abbreviations inside company names, expanded before comparing.
const entityAbbreviations: Record<string, string> = {
  intl: 'international',
  phils: 'philippines',
  phil: 'philippines',
  svcs: 'services',
  svc: 'services',
  mgmt: 'management',
  mgt: 'management',
  solns: 'solutions',
  grp: 'group',
  hldgs: 'holdings',
  natl: 'national',
  assoc: 'associates',
  bros: 'brothers',
  ctr: 'center',
  centre: 'center',
};

function comparableEntity(normalized: string): string[] {
  return normalized
    .split(' ')
    .filter(Boolean)
    .map((t) => entityAbbreviations[t] ?? t);
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

// Words that say nothing about which company it is when shared.
const weakEntityWords = new Set([
  'global',
  'international',
  'group',
  'holdings',
  'services',
  'solutions',
  'technologies',
  'and',
  'of',
  'first',
  'united',
  'new',
  'asia',
  'pacific',
  'national',
  'general',
]);

export type EntityVerdict = 'same' | 'different' | 'uncertain';

/** The outcome of comparing two legal entity names. */
export interface EntityMatch {
  verdict: EntityVerdict;
  /** Plain language, quoting both names. */
  explanation: string;
}

interface PairResult {
  verdict: EntityVerdict;
  reason: string;
}

function comparePair(x: string, y: string): PairResult {
  if (x === y) return { verdict: 'same', reason: `both read "${x}" once case, punctuation and legal suffixes are ignored` };
  if (x.replace(/ /g, '') === y.replace(/ /g, '')) return { verdict: 'same', reason: `they differ only in spacing ("${x}" / "${y}")` };
  const xt = comparableEntity(x);
  const yt = comparableEntity(y);
  if (xt.join(' ') === yt.join(' ')) return { verdict: 'same', reason: `they differ only by standard abbreviations ("${x}" / "${y}")` };
  if (xt.map(singular).join(' ') === yt.map(singular).join(' ')) {
    return { verdict: 'uncertain', reason: `they differ only by a plural ("${x}" / "${y}"); confirm it is the same registered company` };
  }
  const [shorter, longer] = xt.length <= yt.length ? [xt, yt] : [yt, xt];
  if (shorter.length < longer.length && shorter.every((t) => longer.includes(t))) {
    const extra = longer.filter((t) => !shorter.includes(t));
    return {
      verdict: 'uncertain',
      reason: `"${longer.join(' ')}" adds "${extra.join(' ')}" to "${shorter.join(' ')}": they may be a parent and its subsidiary or a branch, which are different legal entities; a person must confirm which one holds the certificate`,
    };
  }
  const joinedX = x.replace(/ /g, '');
  const joinedY = y.replace(/ /g, '');
  const longest = Math.max(joinedX.length, joinedY.length);
  if (longest >= 8 && distance(joinedX, joinedY) <= Math.max(1, Math.floor(longest / 15))) {
    return { verdict: 'uncertain', reason: `they differ by a letter or two ("${x}" / "${y}"): a typing slip or a different company; confirm` };
  }
  const initials = (ts: string[]) => ts.map((t) => t[0]).join('');
  if ((xt.length === 1 && yt.length >= 2 && xt[0] === initials(yt)) || (yt.length === 1 && xt.length >= 2 && yt[0] === initials(xt))) {
    return { verdict: 'uncertain', reason: `one name is the initials of the other ("${x}" / "${y}"); confirm it is the same registered company` };
  }
  const shared = xt.filter((t) => yt.includes(t) && !weakEntityWords.has(t));
  if (shared.length > 0) {
    return {
      verdict: 'different',
      reason: `they share "${shared.join(' ')}" but are otherwise different names ("${x}" / "${y}"): at best companies of one group, which are distinct legal entities`,
    };
  }
  return { verdict: 'different', reason: `"${x}" and "${y}" are different names` };
}

const verdictRank: Record<EntityVerdict, number> = { same: 2, uncertain: 1, different: 0 };

/**
 * Whether two legal entity names designate the same company. `aliases` are
 * other names known for entity `a` itself (for a contracting entity: the
 * names recorded for that entity on the engagement, never the provider
 * organization's aliases, which may belong to other companies of its group);
 * `b` matching one of them makes the verdict "same".
 */
export function sameLegalEntity(a: string, b: string, aliases: readonly string[] = []): EntityMatch {
  const na = normalizeLegalEntity(a);
  const nb = normalizeLegalEntity(b);
  if (!na || !nb) {
    const missing = !na ? a : b;
    return { verdict: 'uncertain', explanation: `Cannot compare "${a}" with "${b}": "${missing}" does not name a legal entity.` };
  }
  const namesA = [...new Set([na, ...tradingNames(a).map(normalizeLegalEntity)])].filter(Boolean);
  const namesB = [...new Set([nb, ...tradingNames(b).map(normalizeLegalEntity)])].filter(Boolean);
  const aliasNames = aliases.map((alias) => ({ alias, key: normalizeLegalEntity(alias) })).filter((x) => x.key);

  const viaAlias = aliasNames.find((x) => namesB.includes(x.key));
  if (viaAlias && !namesA.includes(viaAlias.key)) {
    return {
      verdict: 'same',
      explanation: `"${b}" is a recorded alias of "${a}" ("${viaAlias.alias}"), so they name the same legal entity.`,
    };
  }

  let best: PairResult | null = null;
  for (const x of [...namesA, ...aliasNames.map((n) => n.key)]) {
    for (const y of namesB) {
      const result = comparePair(x, y);
      if (!best || verdictRank[result.verdict] > verdictRank[best.verdict]) best = result;
    }
  }
  const result = best ?? { verdict: 'different' as const, reason: 'no name to compare' };
  const lead =
    result.verdict === 'same'
      ? `"${a}" and "${b}" name the same legal entity: `
      : result.verdict === 'uncertain'
        ? `"${a}" and "${b}" may not be the same legal entity: `
        : `"${a}" and "${b}" are different legal entities: `;
  return { verdict: result.verdict, explanation: `${lead}${result.reason}.` };
}

/** Words after which the rest of a scope clause is excluded ("… excluding X", "other than X"); services and sites share them. */
export const excludeAfterWords: readonly (readonly string[])[] = [['excluding'], ['except'], ['excludes'], ['exclude'], ['other', 'than'], ['not', 'including'], ['does', 'not', 'include'], ['does', 'not', 'cover'], ['with', 'the', 'exception', 'of'], ['but', 'not']];
/** Words that exclude a whole scope clause ("X is excluded", "X is out of scope"); services and sites share them. */
export const excludeClauseWords: readonly (readonly string[])[] = [['excluded'], ['out', 'of', 'scope'], ['not', 'in', 'scope'], ['not', 'covered'], ['not', 'included'], ['outside', 'the', 'scope'], ['outside', 'scope']];
