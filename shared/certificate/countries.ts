import { escapeRegExp } from './text-span';

/**
 * Country names as addresses on certificates write them, mapped to one
 * English name. Covers the usual outsourcing and certification countries,
 * not every country; an address in another country simply gets no country.
 */
const COUNTRY_NAMES: Record<string, string[]> = {
  Philippines: ['Philippines', 'The Philippines', 'Republic of the Philippines'],
  India: ['India'],
  'United Kingdom': ['United Kingdom', 'UK', 'U.K.', 'Great Britain', 'England', 'Scotland', 'Northern Ireland'],
  'United States': ['United States', 'United States of America', 'USA', 'U.S.A.', 'U.S.'],
  Canada: ['Canada'],
  Mexico: ['Mexico', 'México'],
  Germany: ['Germany', 'Deutschland'],
  France: ['France'],
  Netherlands: ['Netherlands', 'The Netherlands', 'Nederland'],
  Belgium: ['Belgium'],
  Luxembourg: ['Luxembourg'],
  Ireland: ['Ireland', 'Republic of Ireland'],
  Spain: ['Spain', 'España'],
  Portugal: ['Portugal'],
  Italy: ['Italy', 'Italia'],
  Switzerland: ['Switzerland', 'Schweiz'],
  Austria: ['Austria', 'Österreich'],
  Poland: ['Poland', 'Polska'],
  'Czech Republic': ['Czech Republic', 'Czechia'],
  Slovakia: ['Slovakia'],
  Hungary: ['Hungary'],
  Romania: ['Romania'],
  Bulgaria: ['Bulgaria'],
  Greece: ['Greece'],
  Serbia: ['Serbia'],
  Croatia: ['Croatia'],
  Ukraine: ['Ukraine'],
  Denmark: ['Denmark'],
  Sweden: ['Sweden'],
  Norway: ['Norway'],
  Finland: ['Finland'],
  Estonia: ['Estonia'],
  Latvia: ['Latvia'],
  Lithuania: ['Lithuania'],
  Turkey: ['Turkey', 'Türkiye'],
  Israel: ['Israel'],
  Egypt: ['Egypt'],
  Morocco: ['Morocco'],
  Tunisia: ['Tunisia'],
  'South Africa': ['South Africa'],
  Kenya: ['Kenya'],
  Nigeria: ['Nigeria'],
  Ghana: ['Ghana'],
  Mauritius: ['Mauritius'],
  'United Arab Emirates': ['United Arab Emirates', 'UAE', 'U.A.E.'],
  'Saudi Arabia': ['Saudi Arabia'],
  Qatar: ['Qatar'],
  Pakistan: ['Pakistan'],
  'Sri Lanka': ['Sri Lanka'],
  Bangladesh: ['Bangladesh'],
  Nepal: ['Nepal'],
  Malaysia: ['Malaysia'],
  Singapore: ['Singapore'],
  Indonesia: ['Indonesia'],
  Thailand: ['Thailand'],
  Vietnam: ['Vietnam', 'Viet Nam'],
  China: ['China', "People's Republic of China", 'PR China', 'P.R. China'],
  'Hong Kong': ['Hong Kong', 'Hong Kong SAR'],
  Taiwan: ['Taiwan'],
  Japan: ['Japan'],
  'South Korea': ['South Korea', 'Republic of Korea', 'Korea'],
  Australia: ['Australia'],
  'New Zealand': ['New Zealand'],
  Brazil: ['Brazil', 'Brasil'],
  Argentina: ['Argentina'],
  Chile: ['Chile'],
  Colombia: ['Colombia'],
  Peru: ['Peru'],
  Uruguay: ['Uruguay'],
  'Costa Rica': ['Costa Rica'],
  Guatemala: ['Guatemala'],
  'El Salvador': ['El Salvador'],
  Jamaica: ['Jamaica'],
  'Dominican Republic': ['Dominican Republic'],
};

const CANONICAL = new Map<string, string>();
for (const [canonical, names] of Object.entries(COUNTRY_NAMES)) for (const n of names) CANONICAL.set(n.toLowerCase(), canonical);

const source = [...CANONICAL.keys()]
  .sort((a, b) => b.length - a.length)
  .map((n) => escapeRegExp(n).replace(/\s+/g, '\\s+'))
  .join('|');

/** Any country name from the list, as a whole word. */
// "New Mexico" and "New South Wales" are not countries.
export const COUNTRY = new RegExp(`(?<![\\p{L}\\p{N}])(?<!New\\s+)(?:${source})(?![\\p{L}\\p{N}])`, 'giu');

/** The one English name for a country as written ("Deutschland" → "Germany"), or undefined. */
export function canonicalCountry(name: string): string | undefined {
  return CANONICAL.get(name.trim().replace(/\s+/g, ' ').toLowerCase());
}
