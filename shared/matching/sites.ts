/*
 * Does an ISO 27001 certificate's scope cover a delivery site?
 *
 * Rules (user documentation). A delivery site is compared with each site the
 * certificate lists and with the certificate's scope text:
 *
 * 1. Place. Each site is placed in a country (ISO code or name, from the
 *    country field, else from the address) and a city, using the gazetteer:
 *    a business district or IT park named in the address places the site in
 *    its city ("Cebu IT Park, Lahug" → Cebu City). The city field wins over
 *    the address when both name a city. Cities unknown to the gazetteer are
 *    compared by name (a slip of one letter forgiven).
 * 2. Different country → not covered.
 * 3. Different city → not covered, also inside one metro area: Taguig is not
 *    Makati even though both are in Metro Manila. A certificate site that
 *    names only the metro area ("Metro Manila") or only the country, for a
 *    delivery site inside it → uncertain.
 * 4. Same city → covered only when the street and building agree: at least
 *    two words of the addresses match, one of them a name rather than a
 *    number (e.g. "6750" and "Ayala"), half of each address's distinctive
 *    words match, the street or tower numbers do not contradict each other
 *    ("6750" vs "6780", "Tower 1" vs "Tower 2") and the districts do not
 *    differ. Identical building designations inside the same park ("Tower 2,
 *    Cebu IT Park") also count. Street types ("Avenue", "Ave."), floors,
 *    units and words such as "site", "office", "delivery centre" are
 *    ignored; "Tower", "Building", "Park", "IT" weigh half. Anything less —
 *    another building, only the city, only the same park — is uncertain.
 * 5. The scope text counts too:
 *    - an address of the delivery site written in the scope text (its city
 *      and at least 80 % of its distinctive address words) → covered;
 *    - the delivery site's city named in the scope text while the listed
 *      sites do not cover it → uncertain;
 *    - "all sites", "all locations", "all premises", "organisation-wide" … →
 *      uncertain (a person must confirm), never a silent pass; when the
 *      phrase is limited to a region ("all sites in Metro Manila") it applies
 *      only to delivery sites inside that region — so a different city of
 *      the same metro is uncertain rather than not covered;
 *    - a metro area or country named after "in", "within", "across",
 *      "throughout", "at" or "from" ("operations in the Philippines"), when
 *      the text names no city of that region → uncertain for sites inside it.
 * 6. A certificate with no listed sites and no place in its scope text →
 *    uncertain: a person must find out which sites it covers.
 * 7. A delivery site whose city cannot be identified is never covered
 *    without an address match; it is uncertain at best.
 *
 * Limits: a province or state named as a region ("all sites in Karnataka")
 * is not expanded to its cities; a country named inside a company name
 * ("Acme BPO Philippines, Inc.") is not read as a location.
 */
import { distance } from 'fastest-levenshtein';
import type { SiteInput } from '../schemas/engagement-profile';
import { findPlaces, getCity, getDistrict, getMetro, type PlaceMention } from './gazetteer';
import { countryCodes, countryName, excludeAfterWords, excludeClauseWords, findCountries, normalizeCountry, normalizeText, splitClauses } from './normalize';

/** A site as the certificate lists it. */
export interface CertificateSite {
  name?: string;
  address: string;
  city?: string;
  country?: string;
}

/** What the certificate says about where it applies. */
export interface SiteScope {
  sites: CertificateSite[];
  scopeText: string;
}

export type MatchVerdict = 'covered' | 'uncertain' | 'not_covered';

/** The verdict on one delivery site. */
export interface SiteMatch {
  verdict: MatchVerdict;
  /** Index in `scope.sites` of the certificate site that covers (or nearly covers) the delivery site. */
  matchedSite: number | null;
  /** Plain language, quoting the values compared. */
  explanation: string;
  evidence: {
    /** The values compared, as written. */
    compared: string[];
    /** Address words or place names found on both sides. */
    matchedTerms: string[];
  };
}

type KeyKind = 'strong' | 'weak' | 'id';
interface KeyWord {
  word: string;
  kind: KeyKind;
}

interface Located {
  /** How the site is quoted in explanations. */
  quote: string;
  country: string | null;
  cityIds: string[];
  /** The city field as written when the gazetteer does not know it. */
  rawCity: { words: string[]; display: string } | null;
  metroIds: string[];
  districtIds: string[];
  key: KeyWord[];
  /** Every word of the site, for searching the other side's city name. */
  words: string[];
}

const addressAbbreviations: Record<string, string> = {
  ave: 'avenue',
  av: 'avenue',
  st: 'street',
  rd: 'road',
  blvd: 'boulevard',
  bldg: 'building',
  blg: 'building',
  twr: 'tower',
  hwy: 'highway',
  flr: 'floor',
  fl: 'floor',
  lvl: 'level',
  ste: 'suite',
  rm: 'room',
  cor: 'corner',
  brgy: 'barangay',
  bgy: 'barangay',
  ctr: 'center',
  centre: 'center',
  plz: 'plaza',
  dr: 'drive',
  ext: 'extension',
  ul: 'street',
  ulica: 'street',
  str: 'street',
  strada: 'street',
  calle: 'street',
  cl: 'street',
  carrera: 'street',
  cra: 'street',
  kr: 'street',
  jalan: 'street',
  jln: 'street',
  duong: 'street',
  marg: 'road',
  avenida: 'avenue',
  aleja: 'avenue',
  al: 'avenue',
};

const floorWords = new Set(['floor', 'floors', 'level', 'levels', 'unit', 'units', 'suite', 'suites', 'room', 'storey', 'storeys']);

const ignoredWords = new Set([
  'avenue',
  'street',
  'road',
  'boulevard',
  'highway',
  'drive',
  'lane',
  'corner',
  'extension',
  'barangay',
  'city',
  'metro',
  'province',
  'region',
  'district',
  'municipality',
  'state',
  'the',
  'of',
  'de',
  'del',
  'la',
  'and',
  'at',
  'in',
  'on',
  'near',
  'along',
  'to',
  'number',
  'no',
  'nos',
  'zip',
  'postal',
  'code',
  'pin',
  'site',
  'sites',
  'office',
  'offices',
  'center',
  'centers',
  'delivery',
  'campus',
  'facility',
  'hq',
  'headquarters',
  'main',
  'premises',
  'location',
  'operations',
  'ground',
  'gf',
  'upper',
  'lower',
  'mezzanine',
]);

const weakWords = new Set([
  'building',
  'buildings',
  'tower',
  'towers',
  'tech',
  'park',
  'it',
  'business',
  'corporate',
  'plaza',
  'square',
  'hub',
  'complex',
  'estate',
  'industrial',
  'information',
  'technology',
  'sez',
  'zone',
  'economic',
  'special',
  'cyberpark',
  'phase',
  'block',
  'lot',
  'sector',
  'wing',
]);

const isIdentifier = (w: string) => /^\d+[a-z]?$/.test(w) || /^[a-z]$/.test(w);
const isOrdinal = (w: string) => /^\d+(st|nd|rd|th|f)$/.test(w);

function words(text: string | undefined): string[] {
  return text ? normalizeText(text).split(' ').filter(Boolean) : [];
}

function unique<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/** Countries written as a whole comma- or parenthesis-separated part ("…, PH", "(Philippines)"). */
function countriesInSegments(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/[,()/;\n|]/)
    .map((s) => s.trim())
    .filter((s) => s && s.split(/\s+/).length <= 5)
    .map((s) => normalizeCountry(s))
    .filter((c): c is string => c !== null);
}

function cityDisplayName(id: string): string {
  return getCity(id)?.name ?? id;
}

function quoteSite(name: string | undefined, address: string): string {
  const n = name?.trim() ?? '';
  const a = address.trim();
  if (n && a && normalizeText(n) !== normalizeText(a)) return `"${n}" at "${a}"`;
  return `"${n || a}"`;
}

/** Places a site: country, city, metro, districts and the words that identify its building. */
function locate(fields: { name?: string; address: string; city?: string; country?: string }): Located {
  const parts = { name: words(fields.name), address: words(fields.address), city: words(fields.city) };
  const written = [fields.name, fields.address, fields.city];
  const fromSegments = written.flatMap(countriesInSegments);
  const fromNames = [parts.name, parts.address, parts.city].flatMap((ws) => findCountries(ws).map((m) => m.code));
  let country = normalizeCountry(fields.country) ?? fromSegments.at(-1) ?? fromNames.at(-1) ?? null;

  const placesOf = (c: string | null) => ({
    name: findPlaces(parts.name, c),
    address: findPlaces(parts.address, c),
    city: findPlaces(parts.city, c),
  });
  let places = placesOf(country);
  if (!country) {
    const countriesSeen = unique([...places.name, ...places.address, ...places.city].map((p) => p.country));
    if (countriesSeen.length === 1) {
      country = countriesSeen[0] ?? null;
      places = placesOf(country);
    }
  }

  const cityLevel = (ps: PlaceMention[], weak: boolean) => ps.filter((p) => (p.kind === 'city' || p.kind === 'district') && p.weak === weak);
  const all = [...places.city, ...places.address, ...places.name];
  let cityMentions = cityLevel(places.city, false);
  if (cityMentions.length === 0) cityMentions = cityLevel([...places.address, ...places.name], false);
  if (cityMentions.length === 0) cityMentions = cityLevel(places.city, true);
  if (cityMentions.length === 0) cityMentions = cityLevel([...places.address, ...places.name], true);
  const cityIds = unique(cityMentions.map((p) => p.cityId).filter((id): id is string => !!id));
  const metroIds = unique([
    ...cityIds.map((id) => getCity(id)?.metro).filter((m): m is string => !!m),
    ...all.filter((p) => p.kind === 'metro').map((p) => p.id),
  ]);
  const districtIds = unique(all.filter((p) => p.kind === 'district').map((p) => p.id));

  let rawCity: Located['rawCity'] = null;
  const cityWords = parts.city.filter((w) => w !== 'city' && w !== 'of');
  if (places.city.length === 0 && cityWords.length > 0) {
    rawCity = { words: cityWords, display: (fields.city ?? '').trim() };
  }

  const key: KeyWord[] = [];
  for (const ws of [parts.name, parts.address]) {
    const taken = new Set<number>();
    for (const p of findPlaces(ws, country)) for (let k = p.start; k < p.end; k++) taken.add(k);
    for (const m of findCountries(ws, taken)) for (let k = m.start; k < m.end; k++) taken.add(k);
    if (rawCity) markSequence(ws, rawCity.words, taken);
    const codes = country ? countryCodes(country) : [];
    const kept = ws.map((w, k) => (taken.has(k) || codes.includes(w) ? '' : (addressAbbreviations[w] ?? w)));
    for (let k = 0; k < kept.length; k++) {
      const w = kept[k] ?? '';
      if (!floorWords.has(w)) continue;
      kept[k] = '';
      const before = kept[k - 1];
      const after = kept[k + 1];
      if (before && (isIdentifier(before) || isOrdinal(before))) kept[k - 1] = '';
      if (after && (isIdentifier(after) || isOrdinal(after))) kept[k + 1] = '';
    }
    for (const w of kept) {
      if (!w || ignoredWords.has(w) || isOrdinal(w)) continue;
      if (key.some((k) => k.word === w)) continue;
      key.push({ word: w, kind: isIdentifier(w) ? 'id' : weakWords.has(w) ? 'weak' : 'strong' });
    }
  }

  return {
    quote: quoteSite(fields.name, fields.address || fields.city || ''),
    country,
    cityIds,
    rawCity,
    metroIds,
    districtIds,
    key,
    words: [...parts.name, ...parts.address, ...parts.city],
  };
}

function markSequence(ws: readonly string[], seq: readonly string[], taken: Set<number>): boolean {
  let found = false;
  for (let i = 0; i + seq.length <= ws.length; i++) {
    if (seq.every((w, k) => ws[i + k] === w)) {
      for (let k = 0; k < seq.length; k++) taken.add(i + k);
      found = true;
    }
  }
  return found;
}

function containsSequence(ws: readonly string[], seq: readonly string[]): boolean {
  return seq.length > 0 && markSequence(ws, seq, new Set());
}

/** Like containsSequence, forgiving a typing slip in longer words ("Zamboanga" / "Zamboango"). */
function containsSequenceLoosely(ws: readonly string[], seq: readonly string[]): boolean {
  if (seq.length === 0) return false;
  for (let i = 0; i + seq.length <= ws.length; i++) {
    if (seq.every((w, k) => sameWord(w, ws[i + k] ?? ''))) return true;
  }
  return false;
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (isIdentifier(a) || isIdentifier(b) || /\d/.test(a) || /\d/.test(b)) return false;
  const longest = Math.max(a.length, b.length);
  if (longest < 5) return false;
  return distance(a, b) <= (longest >= 9 ? 2 : 1);
}

interface KeyComparison {
  matchedWeight: number;
  strongMatched: number;
  ratioSite: number;
  ratioCert: number;
  idConflict: boolean;
  equal: boolean;
  shared: string[];
  onlySite: string[];
  onlyCert: string[];
}

const weightOf = (k: KeyWord) => (k.kind === 'weak' ? 0.5 : 1);

function compareKeys(site: KeyWord[], cert: KeyWord[]): KeyComparison {
  const matchedSite = new Set<number>();
  const matchedCert = new Set<number>();
  site.forEach((s, i) => {
    const j = cert.findIndex((c, jj) => !matchedCert.has(jj) && sameWord(s.word, c.word));
    if (j >= 0) {
      matchedSite.add(i);
      matchedCert.add(j);
    }
  });
  // "Cyber Gate" written "Cybergate": two words on one side, one on the other.
  const joinPairs = (a: KeyWord[], b: KeyWord[], ma: Set<number>, mb: Set<number>) => {
    for (let i = 0; i + 1 < a.length; i++) {
      const x = a[i];
      const y = a[i + 1];
      if (!x || !y || ma.has(i) || ma.has(i + 1) || x.kind === 'id' || y.kind === 'id') continue;
      const j = b.findIndex((c, jj) => !mb.has(jj) && c.word === x.word + y.word);
      if (j >= 0) {
        ma.add(i);
        ma.add(i + 1);
        mb.add(j);
      }
    }
  };
  joinPairs(site, cert, matchedSite, matchedCert);
  joinPairs(cert, site, matchedCert, matchedSite);

  const sum = (ks: KeyWord[], pick: (i: number) => boolean) => ks.reduce((acc, k, i) => acc + (pick(i) ? weightOf(k) : 0), 0);
  const siteWeight = sum(site, () => true);
  const certWeight = sum(cert, () => true);
  const matchedWeight = sum(site, (i) => matchedSite.has(i));
  const siteIds = site.filter((k) => k.kind === 'id').map((k) => k.word);
  const certIds = cert.filter((k) => k.kind === 'id').map((k) => k.word);
  return {
    matchedWeight,
    strongMatched: site.filter((k, i) => k.kind === 'strong' && matchedSite.has(i)).length,
    ratioSite: siteWeight ? matchedWeight / siteWeight : 0,
    ratioCert: certWeight ? sum(cert, (j) => matchedCert.has(j)) / certWeight : 0,
    idConflict: siteIds.length > 0 && certIds.length > 0 && !siteIds.some((w) => certIds.includes(w)),
    equal: site.length > 0 && matchedSite.size === site.length && matchedCert.size === cert.length,
    shared: site.filter((_, i) => matchedSite.has(i)).map((k) => k.word),
    onlySite: site.filter((_, i) => !matchedSite.has(i)).map((k) => k.word),
    onlyCert: cert.filter((_, j) => !matchedCert.has(j)).map((k) => k.word),
  };
}

interface SiteComparison {
  verdict: MatchVerdict;
  /** Orders comparisons of the same verdict: the closest explains best. */
  closeness: number;
  /** Completes "the certificate's site … (Makati, PH)" + this sentence. */
  reason: string;
  matchedTerms: string[];
}

function placeLabel(l: Located): string {
  const city = l.cityIds.length > 0 ? l.cityIds.map(cityDisplayName).join(' / ') : l.rawCity?.display;
  const metro = l.metroIds.map((id) => getMetro(id)?.name ?? id).join(' / ');
  const where = city || metro || (l.country ? 'an unidentified city' : 'an unidentified place');
  return l.country ? `${where}, ${l.country}` : where;
}

function districtNames(ids: string[]): string {
  return ids.map((id) => getDistrict(id)?.name ?? id).join(', ');
}

function listWords(ws: string[]): string {
  return ws.map((w) => `"${w}"`).join(', ');
}

/** Compares the delivery site with one certificate site. */
function compareSite(site: Located, cert: Located): SiteComparison {
  if (site.country && cert.country && site.country !== cert.country) {
    return { verdict: 'not_covered', closeness: 0, reason: `is in another country (${cert.country}, not ${site.country})`, matchedTerms: [] };
  }
  const sharedCities = site.cityIds.filter((id) => cert.cityIds.includes(id));
  let sameCity = sharedCities.length > 0;
  const matchedTerms = sharedCities.map(cityDisplayName);
  if (!sameCity && site.cityIds.length > 0 && cert.cityIds.length > 0) {
    const sharedMetro = site.metroIds.find((m) => cert.metroIds.includes(m));
    if (sharedMetro) {
      const metro = getMetro(sharedMetro)?.name ?? sharedMetro;
      return {
        verdict: 'not_covered',
        closeness: 3,
        reason: `is in ${cert.cityIds.map(cityDisplayName).join(' / ')}, another city of the same metro area (${metro}); a certificate for one city does not cover another`,
        matchedTerms: [metro],
      };
    }
    return { verdict: 'not_covered', closeness: 2, reason: `is in a different city (${cert.cityIds.map(cityDisplayName).join(' / ')})`, matchedTerms: [] };
  }
  if (!sameCity) {
    // At least one side is not in the gazetteer: compare the city names as written.
    const siteCityWords = site.rawCity?.words ?? site.cityIds.flatMap((id) => words(cityDisplayName(id)));
    const certCityWords = cert.rawCity?.words ?? cert.cityIds.flatMap((id) => words(cityDisplayName(id)));
    if (containsSequenceLoosely(cert.words, siteCityWords) || containsSequenceLoosely(site.words, certCityWords)) {
      sameCity = true;
      matchedTerms.push(site.rawCity?.display ?? cert.rawCity?.display ?? '');
    } else if (site.cityIds.length === 0 && !site.rawCity) {
      return { verdict: 'uncertain', closeness: 1, reason: 'cannot be compared: the delivery site\'s city could not be identified', matchedTerms: [] };
    } else if (cert.cityIds.length === 0 && !cert.rawCity) {
      const metro = cert.metroIds.find((m) => site.metroIds.includes(m));
      if (metro) {
        const name = getMetro(metro)?.name ?? metro;
        return { verdict: 'uncertain', closeness: 4, reason: `names only the metro area (${name}), not a city or building`, matchedTerms: [name] };
      }
      if (cert.metroIds.length > 0) {
        return { verdict: 'not_covered', closeness: 2, reason: `is in another metro area (${cert.metroIds.map((m) => getMetro(m)?.name ?? m).join(' / ')})`, matchedTerms: [] };
      }
      if (cert.key.filter((k) => k.kind !== 'weak').length === 0 && cert.country && cert.country === site.country) {
        return { verdict: 'uncertain', closeness: 4, reason: `names only the country (${cert.country}), not a city or building`, matchedTerms: [cert.country] };
      }
      if (!cert.country) {
        return { verdict: 'uncertain', closeness: 1, reason: 'cannot be placed: neither its city nor its country could be identified', matchedTerms: [] };
      }
      return { verdict: 'not_covered', closeness: 2, reason: `does not mention ${placeLabel(site).split(',')[0]}`, matchedTerms: [] };
    } else {
      return { verdict: 'not_covered', closeness: 2, reason: `is in a different city (${placeLabel(cert).split(',')[0]})`, matchedTerms: [] };
    }
  }

  // Same city: does the street and building agree?
  const keys = compareKeys(site.key, cert.key);
  const sharedDistricts = site.districtIds.filter((d) => cert.districtIds.includes(d));
  const districtConflict = site.districtIds.length > 0 && cert.districtIds.length > 0 && sharedDistricts.length === 0;
  const terms = [...matchedTerms, ...districtNames(sharedDistricts).split(', ').filter(Boolean), ...keys.shared];
  const strongEnough =
    keys.strongMatched >= 1 && keys.matchedWeight >= 2 && keys.ratioSite >= 0.5 && keys.ratioCert >= 0.5;
  const sameDesignationInPark = keys.equal && sharedDistricts.length > 0 && site.key.some((k) => k.kind !== 'weak');
  if (!keys.idConflict && !districtConflict && (strongEnough || sameDesignationInPark)) {
    return { verdict: 'covered', closeness: 10, reason: `is the same address (matching ${listWords([...districtNames(sharedDistricts).split(', ').filter(Boolean), ...keys.shared])})`, matchedTerms: terms };
  }
  let why: string;
  if (districtConflict) {
    why = `is in another district of the same city (${districtNames(cert.districtIds)}, not ${districtNames(site.districtIds)})`;
  } else if (keys.idConflict) {
    why = `is in the same city but carries a different street or building number (${listWords(cert.key.filter((k) => k.kind === 'id').map((k) => k.word))} vs ${listWords(site.key.filter((k) => k.kind === 'id').map((k) => k.word))})`;
  } else if (cert.key.length === 0) {
    why = sharedDistricts.length > 0 ? `names only the same district (${districtNames(sharedDistricts)}), not a building` : 'names only the city, not a street or building';
  } else if (site.key.length === 0) {
    const where = sharedDistricts.length > 0 ? `the same district (${districtNames(sharedDistricts)})` : 'the same city';
    why = `is in ${where}, but the delivery site names no street or building to compare`;
  } else if (keys.shared.length === 0) {
    why = 'is in the same city but at a different street or building';
  } else {
    why = `is in the same city, but the addresses agree only in part (both: ${listWords(keys.shared)}${keys.onlySite.length ? `; only the delivery site: ${listWords(keys.onlySite)}` : ''}${keys.onlyCert.length ? `; only the certificate: ${listWords(keys.onlyCert)}` : ''})`;
  }
  return { verdict: 'uncertain', closeness: 5 + keys.matchedWeight, reason: why, matchedTerms: terms };
}

interface Clause {
  raw: string;
  words: string[];
  places: PlaceMention[];
  countries: { code: string; start: number; end: number }[];
}

const locatives = new Set(['in', 'within', 'across', 'throughout', 'at', 'from']);

// Words that end a company name ("Acme Cebu, Inc.", "Acme Davao Pte. Ltd."): a place right before one is part of the name.
const legalFormWords = new Set(['inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'corp', 'corporation', 'plc', 'gmbh', 'pte', 'pvt', 'pty', 'sdn', 'bhd', 'bv', 'nv', 'sarl', 'srl', 'spa', 'ag', 'oy', 'kk']);
/** How many words may stand between a place and the legal form that makes it part of a company name ("Acme Cebu Services, Inc."). */
const COMPANY_NAME_REACH = 2;
const companyNameBreaks = new Set([...locatives, 'and', 'or', 'of', 'for', 'to', 'the', 'its', 'by', 'excluding', 'except', 'including']);

/**
 * Whether the place mention is part of a company's name ("Acme Cebu, Inc."):
 * a legal form follows within a couple of words, with nothing between that
 * would end a name, and no locative puts the place itself in the sentence.
 */
function inCompanyName(ws: readonly string[], p: PlaceMention): boolean {
  if (precededByLocative(ws as string[], p.start)) return false;
  for (let k = p.end; k < ws.length && k <= p.end + COMPANY_NAME_REACH; k++) {
    const w = ws[k]!;
    if (legalFormWords.has(w)) return true;
    if (companyNameBreaks.has(w)) return false;
  }
  return false;
}

/** Stands in for a place name read as part of a company name: it matches no place and no address word. */
const MASK = '_';

function clausesOf(text: string): Clause[] {
  return splitClauses(text).map((raw) => {
    const all = words(raw);
    const found = findPlaces(all);
    // A city inside a company name ("Acme Cebu, Inc.") is not the scope naming that city.
    const named = found.filter((p) => inCompanyName(all, p));
    const ws = all.map((w, k) => (named.some((p) => k >= p.start && k < p.end) ? MASK : w));
    const places = found.filter((p) => !named.includes(p));
    const taken = new Set<number>();
    for (const p of places) for (let k = p.start; k < p.end; k++) taken.add(k);
    return { raw, words: ws, places, countries: findCountries(ws, taken) };
  });
}

const blanketPattern =
  /\b(?:all|every|each)(?: of)?(?: (?:its|the|their|our|the organisations|the organizations|the companys))?(?: [a-z]+){0,2}? (?:sites?|locations?|premises|offices|facilities|centers|centres|branches)\b|\b(?:organisation|organization|company|enterprise) wide\b|\b(?:entire|whole) (?:organisation|organization|company)\b/;

function precededByLocative(ws: string[], start: number): boolean {
  const prev = ws[start - 1];
  const prev2 = ws[start - 2];
  return (prev !== undefined && locatives.has(prev)) || (prev === 'the' && prev2 !== undefined && locatives.has(prev2));
}

function shorten(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

interface TextFinding {
  verdict: MatchVerdict;
  reason: string;
  terms: string[];
}

/** What the scope text says about the delivery site. */
function readScopeText(site: Located, clauses: Clause[]): TextFinding | null {
  const inSite = (p: PlaceMention) =>
    (p.cityId !== undefined && p.kind !== 'metro' && site.cityIds.includes(p.cityId)) || (p.kind === 'metro' && site.metroIds.includes(p.id));

  // An address of the delivery site spelt out in the text.
  const siteStrongOrIds = site.key.filter((k) => k.kind !== 'weak');
  for (const c of clauses) {
    const cityNamed = c.places.some((p) => p.kind !== 'metro' && p.cityId !== undefined && site.cityIds.includes(p.cityId)) || (site.rawCity !== null && containsSequence(c.words, site.rawCity.words));
    if (!cityNamed || siteStrongOrIds.length === 0) continue;
    const textKey = c.words.map((w) => addressAbbreviations[w] ?? w).map((w) => ({ word: w, kind: (isIdentifier(w) ? 'id' : weakWords.has(w) ? 'weak' : 'strong') as KeyKind }));
    const keys = compareKeys(site.key, textKey);
    const idsPresent = site.key.filter((k) => k.kind === 'id').every((k) => c.words.includes(k.word));
    if (idsPresent && keys.strongMatched >= 1 && keys.matchedWeight >= 2 && keys.ratioSite >= 0.8) {
      return { verdict: 'covered', reason: `the certificate's scope text gives its address: "${shorten(c.raw)}"`, terms: keys.shared };
    }
  }

  for (const c of clauses) {
    const m = blanketPattern.exec(c.words.join(' '));
    if (!m) continue;
    const startWord = c.words.join(' ').slice(0, m.index).split(' ').filter(Boolean).length;
    const region = c.places.filter((p) => p.start >= startWord);
    // "All sites in Cebu, Philippines": a country after a named place qualifies it; it is not a second region.
    const regionCountries = c.countries.filter((x) => x.start >= startWord && !region.some((p) => p.country === x.code));
    if (region.length === 0 && regionCountries.length === 0) {
      return { verdict: 'uncertain', reason: `the certificate's scope text claims "${m[0]}" without listing them ("${shorten(c.raw)}"); a person must confirm the delivery site is one of them`, terms: [m[0]] };
    }
    const hit = region.find(inSite) ?? (regionCountries.some((x) => x.code === site.country) ? { name: site.country ?? '' } : undefined);
    if (hit) {
      return { verdict: 'uncertain', reason: `the certificate's scope text claims "${m[0]}" in a region that includes the delivery site (${hit.name}: "${shorten(c.raw)}"); a person must confirm`, terms: [m[0], hit.name] };
    }
  }

  for (const c of clauses) {
    const named = c.places.find((p) => p.kind !== 'metro' && p.cityId !== undefined && site.cityIds.includes(p.cityId));
    const rawNamed = site.rawCity !== null && containsSequence(c.words, site.rawCity.words);
    if (named || rawNamed) {
      const name = named ? cityDisplayName(named.cityId ?? '') : (site.rawCity?.display ?? '');
      return { verdict: 'uncertain', reason: `the certificate's scope text names ${name} ("${shorten(c.raw)}"), although no listed site matches this one; a person must confirm`, terms: [name] };
    }
  }

  const allPlaces = clauses.flatMap((c) => c.places);
  for (const c of clauses) {
    for (const p of c.places) {
      if (p.kind !== 'metro' || !site.metroIds.includes(p.id) || !precededByLocative(c.words, p.start)) continue;
      if (allPlaces.some((q) => q.kind !== 'metro' && q.metroId === p.id)) continue;
      return { verdict: 'uncertain', reason: `the certificate's scope text covers ${p.name} as a whole ("${shorten(c.raw)}") without naming the city; a person must confirm`, terms: [p.name] };
    }
    for (const x of c.countries) {
      if (x.code !== site.country || !precededByLocative(c.words, x.start)) continue;
      if (allPlaces.some((q) => q.country === x.code)) continue;
      return { verdict: 'uncertain', reason: `the certificate's scope text names only the country ${x.code} ("${shorten(c.raw)}"); a person must confirm which sites it covers`, terms: [x.code] };
    }
  }
  return null;
}

// A city named after one of these is excluded from the scope ("… excluding the Cebu facility").
const siteExcludeAfter = [...excludeAfterWords, ['apart', 'from']];
// A clause with one of these does not (yet) cover the places it names ("Cebu will be added at the next surveillance audit").
const siteExcludeClause = [
  ...excludeClauseWords,
  ['will', 'be', 'added'], ['to', 'be', 'added'], ['will', 'be', 'included'], ['to', 'be', 'included'], ['will', 'be', 'incorporated'], ['will', 'be', 'extended'],
  ['planned'], ['not', 'yet'], ['next', 'surveillance'], ['subsequent', 'surveillance'],
];
/** How many words may stand between "excluding" and the city it excludes ("excluding the Lahug, Cebu City facility"). */
const EXCLUSION_REACH = 6;

function indexOfSequence(ws: readonly string[], seq: readonly string[]): number {
  for (let i = 0; i + seq.length <= ws.length; i++) if (seq.every((w, k) => ws[i + k] === w)) return i;
  return -1;
}

/**
 * A clause of the scope text that names the delivery site's city only to
 * exclude it, or as a future addition: the scope does not cover that site.
 */
function readSiteExclusion(site: Located, clauses: Clause[]): TextFinding | null {
  for (const c of clauses) {
    const starts: number[] = c.places.filter((p) => p.kind !== 'metro' && p.cityId !== undefined && site.cityIds.includes(p.cityId)).map((p) => p.start);
    if (site.rawCity !== null) {
      const at = indexOfSequence(c.words, site.rawCity.words);
      if (at >= 0) starts.push(at);
    }
    if (starts.length === 0) continue;
    const cue = siteExcludeClause.find((seq) => indexOfSequence(c.words, seq) >= 0);
    const after = siteExcludeAfter.map((seq) => ({ seq, at: indexOfSequence(c.words, seq) })).filter((x) => x.at >= 0 && starts.some((st) => st > x.at && st - (x.at + x.seq.length) <= EXCLUSION_REACH));
    const words = cue ?? after[0]?.seq;
    if (!words) continue;
    return {
      verdict: 'not_covered',
      reason: `the certificate's scope text names this city only to exclude it or as a later addition ("${shorten(c.raw)}": "${words.join(' ')}")`,
      terms: [words.join(' ')],
    };
  }
  return null;
}

/** The places a scope text names (a district as its city), then the countries it names as a location. */
function textPlaces(clauses: Clause[]): string[] {
  const names = clauses.flatMap((c) => c.places.filter((p) => !p.weak || c.places.every((q) => q.weak)).map((p) => (p.kind === 'district' && p.cityId ? cityDisplayName(p.cityId) : p.name)));
  // A country counts only as a location ("in India"), not inside a company name ("Acme BPO Philippines, Inc.").
  const countryNames = clauses.flatMap((c) => c.countries.filter((x) => precededByLocative(c.words, x.start)).map((x) => countryName(x.code)));
  return unique([...names, ...countryNames]);
}

/** A certificate's sites and scope text read once, to match many delivery sites against. */
export interface PreparedSiteScope extends SiteScope {
  readonly located: readonly Located[];
  readonly clauses: readonly Clause[];
}

/** Places the certificate's sites and reads its scope text once (they are the expensive part of a match). */
export function prepareSiteScope(scope: SiteScope): PreparedSiteScope {
  return { sites: scope.sites, scopeText: scope.scopeText, located: scope.sites.map((s) => locate(s)), clauses: clausesOf(scope.scopeText ?? '') };
}

/**
 * Whether the certificate's scope (its listed sites and its scope text)
 * covers a delivery site. The rules are in this module's header comment.
 * A prepared scope (`prepareSiteScope`) gives the same answer, faster.
 */
export function matchSite(site: SiteInput, given: SiteScope | PreparedSiteScope): SiteMatch {
  const scope = 'located' in given ? given : prepareSiteScope(given);
  const located = locate(site);
  const certSites = scope.located;
  const clauses = scope.clauses as Clause[];
  const siteLabel = `Delivery site ${located.quote} is in ${placeLabel(located).replace(/, ([A-Z]{2})$/, ' ($1)')}`;
  const compared = [
    `delivery site: ${[site.name, site.address, site.city, site.country].filter((x) => x && x.trim()).join(' | ')}`,
    ...scope.sites.map((s, i) => `certificate site ${i + 1}: ${[s.name, s.address, s.city, s.country].filter((x) => x && x.trim()).join(' | ')}`),
    ...(scope.scopeText?.trim() ? [`scope text: ${scope.scopeText.trim()}`] : []),
  ];
  const certLabel = (i: number) => `${certSites[i]?.quote ?? ''} (${placeLabel(certSites[i] ?? located)})`;

  const comparisons = certSites.map((c) => compareSite(located, c));
  const rank: Record<MatchVerdict, number> = { covered: 2, uncertain: 1, not_covered: 0 };
  let best = -1;
  comparisons.forEach((c, i) => {
    const b = comparisons[best];
    if (!b || rank[c.verdict] > rank[b.verdict] || (rank[c.verdict] === rank[b.verdict] && c.closeness > b.closeness)) best = i;
  });
  const bestComparison = comparisons[best];
  const exclusion = readSiteExclusion(located, clauses);
  if (exclusion && bestComparison && bestComparison.verdict !== 'not_covered') {
    return {
      verdict: 'uncertain',
      matchedSite: best,
      explanation: `${siteLabel}; the certificate's site ${certLabel(best)} ${bestComparison.reason}, but ${exclusion.reason}. The two readings conflict: a person must confirm.`,
      evidence: { compared, matchedTerms: [...bestComparison.matchedTerms, ...exclusion.terms] },
    };
  }
  if (exclusion) {
    const listed = certSites.length > 0 ? `the certificate covers only ${certSites.map((_, i) => certLabel(i)).join('; ')}, and ` : '';
    return { verdict: 'not_covered', matchedSite: null, explanation: `${siteLabel}; ${listed}${exclusion.reason}.`, evidence: { compared, matchedTerms: exclusion.terms } };
  }

  if (bestComparison?.verdict === 'covered') {
    return {
      verdict: 'covered',
      matchedSite: best,
      explanation: `${siteLabel}; the certificate's site ${certLabel(best)} ${bestComparison.reason}.`,
      evidence: { compared, matchedTerms: bestComparison.matchedTerms },
    };
  }

  const text = readScopeText(located, clauses);
  if (text?.verdict === 'covered') {
    return { verdict: 'covered', matchedSite: null, explanation: `${siteLabel}; ${text.reason}.`, evidence: { compared, matchedTerms: text.terms } };
  }
  if (bestComparison?.verdict === 'uncertain') {
    const more = text ? ` Also, ${text.reason}.` : '';
    return {
      verdict: 'uncertain',
      matchedSite: best,
      explanation: `${siteLabel}; the certificate's site ${certLabel(best)} ${bestComparison.reason}. A person must confirm that the certificate covers this site.${more}`,
      evidence: { compared, matchedTerms: bestComparison.matchedTerms },
    };
  }
  const listed =
    certSites.length > 0
      ? `the certificate covers only ${certSites.map((_, i) => certLabel(i)).join('; ')}`
      : 'the certificate lists no sites';
  if (text) {
    return { verdict: 'uncertain', matchedSite: null, explanation: `${siteLabel}; ${listed}, but ${text.reason}.`, evidence: { compared, matchedTerms: text.terms } };
  }
  const mentioned = textPlaces(clauses);
  if (certSites.length === 0 && mentioned.length === 0) {
    return {
      verdict: 'uncertain',
      matchedSite: null,
      explanation: `${siteLabel}; the certificate lists no sites and its scope text names no place, so a person must confirm which sites it covers.`,
      evidence: { compared, matchedTerms: [] },
    };
  }
  if (!located.country && located.cityIds.length === 0 && !located.rawCity) {
    return {
      verdict: 'uncertain',
      matchedSite: null,
      explanation: `${siteLabel}: its city and country could not be identified, so ${listed.replace(/^the certificate/, 'the certificate, which')} cannot be compared with it; a person must confirm.`,
      evidence: { compared, matchedTerms: [] },
    };
  }
  const why = !bestComparison ? '.' : certSites.length === 1 ? `, which ${bestComparison.reason}.` : `. The closest, ${certLabel(best)}, ${bestComparison.reason}.`;
  if (certSites.length === 0) {
    return {
      verdict: 'not_covered',
      matchedSite: null,
      explanation: `${siteLabel}; the certificate lists no sites and its scope text names only ${mentioned.join(', ')}.`,
      evidence: { compared, matchedTerms: [] },
    };
  }
  const textNote = mentioned.length > 0 ? ` Its scope text names ${mentioned.join(', ')}.` : '';
  return {
    verdict: 'not_covered',
    matchedSite: null,
    explanation: `${siteLabel}; ${listed}${why}${textNote}`,
    evidence: { compared, matchedTerms: [] },
  };
}
