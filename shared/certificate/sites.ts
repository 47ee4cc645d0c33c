import { canonicalCountry, COUNTRY } from './countries';
import { DEFAULT_STOP_PHRASES, nextStop, stopSet } from './labels';
import { STARTS_WITH_LEGAL_SUFFIX } from './legal-entity';
import type { CertificateSite, Confidence, Field, ProposedField } from './proposal';
import { collapseWhitespace, proposed } from './text-span';

// Words that start or end the street part of an address, so never a site's name.
const ADDRESS_WORD = /^(?:unit|suite|floor|flr|level|lvl|building|bldg|block|blk|plot|lot|room|rm|tower|no\.?|number|street|st\.?|road|rd\.?|avenue|ave\.?|p\.?o\.?|box)$/i;

// A US address without a country: "Tampa, FL 33602".
const US_STATE_ZIP = /(?<![\p{L}])([A-Z]{2})\s+(\d{5})(?:-\d{4})?$/u;
const UK_POSTCODE_SUFFIX = /^(.+?)\s+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/;

/** The last country named at the end of `address`, with where it starts. */
function trailingCountry(address: string): { country: string; index: number } | undefined {
  const all = [...address.matchAll(COUNTRY)];
  const last = all[all.length - 1];
  if (!last) return undefined;
  const after = address.slice(last.index + last[0].length);
  if (!/^[\s.,;)]*$/.test(after)) return undefined;
  const country = canonicalCountry(last[0]);
  return country ? { country, index: last.index } : undefined;
}

function cityOf(parts: string[]): string | undefined {
  const lastTwo = parts.slice(-2);
  const named = lastTwo.find((p) => /\bCity\b/i.test(p));
  let city: string | undefined;
  if (named) city = named.replace(/^\d{3,6}\s+/, '').replace(/\s+\d{3,6}$/, '');
  else {
    const last = parts[parts.length - 1] ?? '';
    const previous = parts[parts.length - 2];
    const prefixed = /^\d{3,6}(?:-\d{3})?\s+(.+)$/.exec(last);
    const uk = UK_POSTCODE_SUFFIX.exec(last);
    if (prefixed) city = prefixed[1];
    else if (uk) city = uk[1];
    else {
      // "Melbourne VIC 3000": city, state and postcode in one part.
      const withState = /^(.+?)\s+[A-Z]{2,3}\s+\d{4,6}(?:-\d{4})?$/.exec(last);
      if (withState) city = withState[1];
      // "Haryana 122002", "FL 33602", "CA": a region (and postcode), so the city is the part before.
      else if (/^(?:.+\s)?\d{4,6}(?:-\d{4})?$/.test(last) || /^[A-Z]{2,3}$/.test(last)) city = previous;
      // "Toronto, ON M5V 3C7": a Canadian province and postcode.
      else if (/^[A-Z]{2}\s+[A-Z]\d[A-Z]\s*\d[A-Z]\d$/.test(last)) city = previous;
      else city = last;
    }
  }
  city = city?.replace(/\s*\([A-Z]{2}\)\s*$/, '').trim();
  return city && !/\d/.test(city) && city.length <= 60 ? city : undefined;
}

/**
 * A site's address split as far as it goes: an optional name ("Acme BPO
 * Makati", before a dash, colon or the first line), the address, its city
 * and country.
 */
export function splitAddress(raw: string): CertificateSite {
  let name: string | undefined;
  let rest = raw.trim();
  const lines = rest.split(/\s*\n\s*/).filter(Boolean);
  const first = lines[0] ?? '';
  const looksLikeName = (s: string) => s.length <= 80 && !/\d|,/.test(s) && !ADDRESS_WORD.test(s.split(/\s+/).pop() ?? '');
  if (lines.length > 1 && looksLikeName(first)) {
    name = first;
    rest = lines.slice(1).join(' ');
  } else {
    rest = lines.join(' ');
    const separated = /^(.{3,80}?)\s*(?:\s[-–—|]\s|:\s)\s*(.+)$/.exec(rest);
    // "Acme House 12 High Street, …": a name before the street number, but not "Kolkata (Campus 2), India".
    const beforeDigit = /^((?:[^\s\d,(]+\s+){1,6}?[^\s\d,(]+)\s+(\d(?!\d*\)).*,.*)$/u.exec(rest);
    if (separated?.[1] && separated[2] && looksLikeName(separated[1])) {
      name = separated[1];
      rest = separated[2];
    } else if (beforeDigit?.[1] && beforeDigit[2] && beforeDigit[1].split(/\s+/).length >= 2 && looksLikeName(beforeDigit[1])) {
      name = beforeDigit[1];
      rest = beforeDigit[2];
    }
  }
  const address = collapseWhitespace(rest).replace(/[.,;]+$/, '');
  const site: CertificateSite = { address };
  if (name) site.name = collapseWhitespace(name);
  const found = trailingCountry(address);
  let parts = address.split(',').map((p) => p.trim()).filter(Boolean);
  if (found) {
    site.country = found.country;
    parts = address.slice(0, found.index).split(',').map((p) => p.trim()).filter(Boolean);
  } else if (US_STATE_ZIP.test(address)) {
    site.country = 'United States';
  }
  if (parts.length > 1) {
    const city = cityOf(parts);
    if (city) site.city = city;
  } else if (found && parts.length === 1) {
    // "Dublin, Ireland" and "Kolkata (Campus 2), India": the part before the country is the city.
    const only = (parts[0] ?? '').replace(/\s*\([^)]*\)\s*/g, ' ').replace(/^[\s►▶•\-–*·]+/, '').trim();
    if (only && !/\d/.test(only) && only.split(/\s+/).length <= 4) site.city = only;
  }
  return site;
}

const SITE_HEADING =
  /(?<=^|\n)[ \t]*(?:with\s+the\s+)?(?:(?:certified|covered|additional|operational|registered)\s+)?(?:sites?|locations?|site\(s\)|location\(s\)|site\s+address(?:es)?|site\s+locations?|list\s+of\s+(?:certified\s+)?(?:sites|locations)|multi-?site\s+(?:annex|appendix|schedule))(?:[ \t]+(?:covered|included|in\s+scope)[^\n:]{0,40})?[ \t]*(?::|(?=\r?\n))|(?<=^|\n)[ \t]*(?:sites?|locations?)(?:[ \t]+(?:name|registered|certified))?[ \t]+(?:activities|address(?:es)?|scope)[ \t]*(?=\r?\n)/giu;

// A page of a long annex goes on after the page break: "(continued" headings or another bullet.
const CONTINUES = /^\s*\n[ \t]*\n(?:[^\n]*\bcontinued\b[^\n]*\n|(?=[ \t]*[►▶•\-–*·]))/iu;

// Sentences about hosting, cloud regions and data centres name places that are not the holder's sites.
const NOT_A_SITE_SENTENCE = /\b(?:hosted|hosting|regions?|data[\s-]*cent(?:re|er)s?|cloud|AWS|Azure|GCP|third[\s-]party|managed\s+out\s+of|are\s+not|is\s+not)\b/i;

// Inside a list of sites, "Address:" and "Site:" are part of an entry, not the end of the list.
const SITE_BLOCK_STOPS = stopSet(
  DEFAULT_STOP_PHRASES.filter((p) => !/^(?:address|sites|locations|site address|site addresses|certified sites|certified locations|organi[sz]ation)$/.test(p.phrase)),
);

// A header row of a sites table ("Site Name  Address  Activities").
const TABLE_HEADER = /^(?:(?:site|location)?\s*(?:name|address(?:es)?|activities|scope|activity|country|no\.?|#)\s*)+$/i;

/** The text under each sites heading ("Certified sites", "Locations:"), as spans of `text`. */
export function findSiteSections(text: string): { start: number; end: number }[] {
  const sections: { start: number; end: number }[] = [];
  for (const m of text.matchAll(SITE_HEADING)) {
    const start = m.index + m[0].length;
    // Long annexes (hundreds of sites over several pages) are read whole.
    const limit = Math.min(text.length, start + 100_000);
    const blank = /\n[ \t]*\n/g;
    blank.lastIndex = start + 1;
    let b = blank.exec(text);
    while (b && b.index < limit && CONTINUES.test(text.slice(b.index))) {
      blank.lastIndex = b.index + b[0].length;
      b = blank.exec(text);
    }
    const hardEnd = b && b.index < limit ? b.index : limit;
    const end = nextStop(text, start + 1, hardEnd, SITE_BLOCK_STOPS) ?? hardEnd;
    if (end > start) sections.push({ start, end });
  }
  return sections;
}

const US_STATE_ZIP_IN_TEXT = /(?<![\p{L}])[A-Z]{2}\s+\d{5}(?:-\d{4})?(?!\d)(?![\d,]*\s*,?\s*(?:USA|United States))/gu;

/** Ends of addresses in `[start, end)`: each country named after a comma or postcode, or a US state and ZIP code. */
function addressEnds(text: string, start: number, end: number): number[] {
  const span = text.slice(start, end);
  const ends: number[] = [];
  for (const m of span.matchAll(COUNTRY)) {
    const before = span.slice(Math.max(0, m.index - 12), m.index);
    const after = span.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (!/(?:,|\d)\s*$/.test(before)) continue;
    // A country followed by a legal suffix is part of a company name ("Acme BPO Philippines Inc.").
    if (STARTS_WITH_LEGAL_SUFFIX.test(after)) continue;
    ends.push(start + m.index + m[0].length);
  }
  for (const m of span.matchAll(US_STATE_ZIP_IN_TEXT)) {
    const e = start + m.index + m[0].length;
    if (!ends.some((x) => x >= e && x - e < 40)) ends.push(e);
  }
  return ends.sort((a, b) => a - b);
}

const NUMBERING = /^[\s\-–•*·►▶]*(?:(?:site|location)\s*\d+\s*[:.)-]?|\(?\d{1,2}[.)](?=\s)|name\s*:)?\s*/i;

function isNameLine(line: string): boolean {
  const bare = line.replace(NUMBERING, '');
  return bare.length > 1 && bare.length <= 80 && !/[\d,:]/.test(bare) && !TABLE_HEADER.test(line);
}

/**
 * Where the site ending at `end` begins: its address lines (lines with a
 * number or ending in a comma), and a name line just above them when the
 * address does not start with a name. Text further up (another column, the
 * previous entry's activities) is not part of it.
 */
function entryStart(text: string, from: number, end: number): number {
  const lines: { start: number; content: string }[] = [];
  let at = from;
  for (const content of text.slice(from, end).split('\n')) {
    lines.push({ start: at, content: content.trim() });
    at += content.length + 1;
  }
  let i = lines.length - 1;
  while (i > 0) {
    const previous = lines[i - 1]?.content ?? '';
    const current = lines[i]?.content ?? '';
    // A bullet starts an entry: the line above belongs to the previous one.
    if (!previous || /^[►▶•*·]/u.test(current) || TABLE_HEADER.test(previous) || !(/\d|[,\-–]$/.test(previous) || /^\p{Ll}/u.test(current))) break;
    i--;
  }
  const first = lines[i]?.content ?? '';
  const above = lines[i - 1]?.content;
  const startsWithStreet = /^\d/.test(first) || ADDRESS_WORD.test(first.split(/[\s,]+/)[0] ?? '');
  if (above && startsWithStreet && isNameLine(above)) i--;
  return lines[i]?.start ?? from;
}

function siteField(text: string, start: number, end: number, confidence: Confidence): ProposedField<CertificateSite> | null {
  const raw = text.slice(start, end).replace(NUMBERING, '');
  const offset = end - start - raw.length;
  const site = splitAddress(raw);
  if (site.address.length < 8 || !site.address.includes(',')) return null;
  return proposed(text, site, start + offset, end, confidence);
}

/** The sites listed in one section: one per address, each ending at a country (or a US ZIP code). */
export function sitesInSection(text: string, start: number, end: number): ProposedField<CertificateSite>[] {
  const sites: ProposedField<CertificateSite>[] = [];
  let from = start;
  for (const e of addressEnds(text, start, end)) {
    const s = entryStart(text, from, e);
    const eol = text.indexOf('\n', e);
    const lineStart = text.lastIndexOf('\n', s - 1) + 1;
    const site = NOT_A_SITE_SENTENCE.test(text.slice(lineStart, eol === -1 ? end : eol)) ? null : siteField(text, s, e, 'high');
    if (site) sites.push(site);
    from = eol === -1 || eol > end ? end : eol + 1;
  }
  if (!sites.length) {
    // No country to anchor on: one site per line that looks like an address.
    for (const m of text.slice(start, end).matchAll(/[^\n]+/g)) {
      const site = siteField(text, start + m.index, start + m.index + m[0].length, 'low');
      if (site && /\d/.test(site.value.address) && !TABLE_HEADER.test(m[0].trim())) sites.push(site);
    }
  }
  return sites;
}

// Words just before an address inside a scope sentence; a full stop only after a word, not "J.P." in a street name.
const ADDRESS_LEAD = /(?:\bat\b|\bin\b|\bfrom\b|\band\b|located\s+at|;|:|\(|(?<=\p{Ll}{2})\.\s)\s*(?:the\s+)?(?:(?:following\s+)?(?:sites?|locations?|premises|offices?|facilit(?:y|ies))\s+(?:at|in|located\s+at)?\s*:?\s*)?/giu;

/** Addresses written into a scope sentence ("…from the sites at 12th Floor, …, Makati City, Philippines and …"). */
export function sitesInScope(text: string, start: number, end: number): ProposedField<CertificateSite>[] {
  const sites: ProposedField<CertificateSite>[] = [];
  let floor = start;
  for (const e of addressEnds(text, start, end)) {
    const window = text.slice(Math.max(floor, e - 200), e);
    const windowStart = e - window.length;
    let s = windowStart;
    for (const m of window.matchAll(ADDRESS_LEAD)) {
      // The lead must leave a whole address ("City, Country") after it.
      if (text.slice(windowStart + m.index + m[0].length, e).includes(',')) s = windowStart + m.index + m[0].length;
    }
    const site = siteField(text, s, e, 'medium');
    if (site) sites.push(site);
    floor = e;
  }
  return sites;
}

/** The address block printed under the certified organisation's name: its registered site. */
export function addressAfterEntity(text: string, entity: Field<string>): ProposedField<CertificateSite> | null {
  if (!entity?.source) return null;
  const after = text.slice(entity.source.end, entity.source.end + 300);
  const lines: string[] = [];
  for (const line of after.replace(/^[ \t,]*\n?/, '').split('\n').slice(0, 5)) {
    if (!line.trim() || /has\s+been|holds|has\s+established|operates|complies|conforms?\b|è\s+conforme|certif|for\s+the\s+following|approved|assessed|audited|scope/i.test(line)) break;
    // Another label ("Standard:") ends the address; its own label ("Address:") does not.
    if (/^\s*[\p{L} ]{2,30}:/u.test(line) && !(lines.length === 0 && /^\s*(?:address|registered\s+address|location)\s*:/i.test(line))) break;
    lines.push(line);
  }
  if (!lines.length) return null;
  const start = entity.source.end + after.indexOf(lines[0] ?? '');
  if (lines.length > 1 && lines.every((l) => trailingCountry(l.trim()) && l.includes(','))) {
    // One complete address per line ("Via Tortona 31, 20144 Milano (MI), Italy" then "Corso Francia 110, …"): the first is the registered site.
    const first = lines[0] ?? '';
    const site = splitAddress(first);
    return proposed(text, { ...site, name: entity.value }, start, start + first.length, 'low');
  }
  const end = start + lines.join('\n').length;
  const joined = lines.map((l) => l.trim().replace(/^(?:address|registered\s+address|location)\s*:\s*/i, '')).join(', ');
  const { address, city, country } = splitAddress(joined.replace(/,(\s*,)+/g, ','));
  if (!address.includes(',') || (!/\d/.test(address) && !country)) return null;
  const site: CertificateSite = { name: entity.value, address };
  if (city) site.city = city;
  if (country) site.country = country;
  return proposed(text, site, start, end, 'low');
}

// The first address part with a street number: what two writings of one site share.
function streetKey(address: string): string {
  const part = address.split(',').find((p) => /\d/.test(p)) ?? '';
  return part.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '').slice(-20);
}

/**
 * The covered sites: entries under sites headings, else addresses in the
 * scope text, else the address printed under the organisation's name.
 */
export function findSites(text: string, scope: Field<string>, entity: Field<string> = null): ProposedField<CertificateSite>[] {
  const listed = findSiteSections(text).flatMap((s) => sitesInSection(text, s.start, s.end));
  const fromScope = scope?.source ? sitesInScope(text, scope.source.start, scope.source.end) : [];
  const seen = new Set<string>();
  const sites = [...listed, ...fromScope].filter((s) => {
    const key = s.value.address.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    return seen.has(key) ? false : (seen.add(key), true);
  });
  // A scope sentence naming a listed site's street again ("Headquarters 500 West 2nd Street …") is the same site.
  const listedStreets = listed.map((l) => streetKey(l.value.address));
  const merged = sites.filter((s) => listed.includes(s) || !listedStreets.some((k) => k && streetKey(s.value.address).includes(k)));
  const registered = addressAfterEntity(text, entity);
  const result = merged.length !== sites.length ? merged : sites;
  // "Additional site: …" / "with the site: …" right under the holder's address: the registered address is a site too.
  const firstListed = result[0]?.source;
  if (registered?.source && firstListed && firstListed.start - registered.source.end < 60 && firstListed.start > registered.source.end) {
    const heading = text.slice(registered.source.end, firstListed.start);
    if (/additional|with\s+the\s+site/i.test(heading)) return [registered, ...result];
  }
  if (result.length) return result;
  if (!registered?.source) return [];
  // Further complete addresses on the lines right under the registered one are the holder's other sites.
  const more: ProposedField<CertificateSite>[] = [];
  let at = registered.source.end;
  for (;;) {
    const m = /^\n([^\n]+)/.exec(text.slice(at));
    const line = m?.[1]?.trim() ?? '';
    if (!m || !line.includes(',') || !trailingCountry(line) || !/\d/.test(line)) break;
    const lineStart = text.indexOf(line, at);
    more.push(proposed(text, splitAddress(line), lineStart, lineStart + line.length, 'low'));
    at = lineStart + line.length;
  }
  return [registered, ...more];
}
