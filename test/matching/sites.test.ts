import type { SiteInput } from '../../shared/schemas/engagement-profile';
import { matchSite, prepareSiteScope, type CertificateSite, type MatchVerdict } from '../../shared/matching/sites';

const site = (address: string, city = '', country = '', name = address): SiteInput => ({ name, address, city, country });

const makati: CertificateSite = { name: 'Makati site', address: '6750 Ayala Avenue, Makati City, Metro Manila, Philippines', country: 'PH' };
const ebloc2: CertificateSite = { address: 'eBloc Tower 2, Cebu IT Park, Lahug, Cebu City 6000', country: 'Philippines' };
const bgc: CertificateSite = { address: '32nd Street corner 9th Avenue, Bonifacio Global City, Taguig', country: 'PH' };
const cebuSite = site('Cebu IT Park, Lahug, Cebu City', 'Cebu City', 'PH', 'Cebu City (PH)');
const bgcSite = site('One World Place, 32nd Street, Bonifacio Global City', 'Taguig', 'PH', 'BGC delivery centre');
const demoScopeText =
  'The information security management system of Acme BPO Philippines, Inc. for the provision of inbound contact centre services from 6750 Ayala Avenue, Makati City, Philippines. As per SoA version 1.1 dated 13 May 2024.';

interface Row {
  when: string;
  site: SiteInput;
  sites: CertificateSite[];
  scopeText?: string;
  verdict: MatchVerdict;
  matchedSite?: number | null;
  /** Substrings the explanation must contain. */
  says?: string[];
}

const rows: Row[] = [
  // The demo: a Cebu delivery site against a certificate for Makati only.
  {
    when: 'the delivery site is in Cebu City and the certificate covers only Makati (the demo)',
    site: cebuSite,
    sites: [makati],
    scopeText: demoScopeText,
    verdict: 'not_covered',
    matchedSite: null,
    says: ['Cebu City', 'Makati', '"Cebu IT Park, Lahug, Cebu City"', '"6750 Ayala Avenue, Makati City, Metro Manila, Philippines"', 'different city'],
  },
  {
    when: 'the certificate lists the Makati site with different building wording (the demo, covered)',
    site: site('Acme Tower, 6750 Ayala Ave., Makati', 'Makati City', 'Philippines', 'Makati HQ'),
    sites: [makati],
    scopeText: demoScopeText,
    verdict: 'covered',
    matchedSite: 0,
    says: ['"6750"', '"ayala"'],
  },
  {
    when: 'both sites say only "Cebu IT Park, Lahug" without a building (the demo, uncertain)',
    site: cebuSite,
    sites: [{ address: 'Lahug, Cebu IT Park, Cebu City 6000, Philippines' }],
    verdict: 'uncertain',
    matchedSite: 0,
    says: ['Cebu IT Park', 'no street or building'],
  },
  // Same city: the building decides.
  { when: 'the same tower is named in the same park', site: site('eBloc Tower 2, Cebu IT Park', 'Cebu City', 'PH'), sites: [ebloc2], verdict: 'covered', matchedSite: 0 },
  { when: 'the same tower number is written in another order', site: site('Tower 2, Cebu IT Park', 'Cebu City', 'PH'), sites: [{ address: 'Cebu IT Park Tower 2, Cebu City', country: 'PH' }], verdict: 'covered' },
  { when: 'another tower of the same building group is named', site: site('eBloc Tower 1, Cebu IT Park', 'Cebu City', 'PH'), sites: [ebloc2], verdict: 'uncertain', says: ['"2"', '"1"'] },
  { when: 'the same street has another number', site: site('6780 Ayala Avenue', 'Makati', 'PH'), sites: [makati], verdict: 'uncertain', says: ['different street or building number'] },
  { when: 'only the street is named on the delivery site', site: site('Ayala Avenue', 'Makati', 'PH'), sites: [makati], verdict: 'uncertain', says: ['only in part'] },
  {
    when: 'another building in the same city is named',
    site: site('PBCom Tower, 6795 Ayala Ave', 'Makati', 'PH'),
    sites: [{ address: 'Robinsons Summit Center, 6783 Ayala Avenue, Makati City', country: 'PH' }],
    verdict: 'uncertain',
  },
  {
    when: 'floors and street abbreviations differ',
    site: site('12th Floor, PBCom Tower, 6795 Ayala Avenue', 'Makati', 'PH'),
    sites: [{ address: 'PBCom Tower, 6795 Ayala Ave., 5th-7th Floors, Makati City', country: 'Philippines' }],
    verdict: 'covered',
  },
  {
    when: 'a building name is written as one word on one side',
    site: site('Robinsons Cybergate Tower 3, Pioneer St', 'Mandaluyong', 'PH'),
    sites: [{ address: 'Robinsons Cyber Gate Tower 3, Pioneer Street, Mandaluyong City', country: 'PH' }],
    verdict: 'covered',
  },
  {
    when: 'a building name has a typing slip',
    site: site('Zuellig Bulding, Paseo de Roxas', 'Makati', 'PH'),
    sites: [{ address: 'Zuellig Building, Paseo de Roxas cor. Makati Ave, Makati', country: 'PH' }],
    verdict: 'covered',
  },
  { when: 'the certificate site names only the city', site: site('Unit 5, PBCom Tower, 6795 Ayala Ave', 'Makati', 'PH'), sites: [{ address: 'Makati City, Philippines' }], verdict: 'uncertain', says: ['names only the city'] },
  {
    when: 'the two addresses are in different districts of one city',
    site: site('Prestige Shantiniketan, Whitefield', 'Bangalore', 'IN'),
    sites: [{ address: 'Embassy Golf Links, Koramangala, Bengaluru', country: 'India' }],
    verdict: 'uncertain',
    says: ['another district'],
  },
  {
    when: 'the same business park is written with and without its district',
    site: site('Embassy Golf Links, Domlur', 'Bangalore', 'IN'),
    sites: [{ address: 'Embassy Golf Links Business Park, Bengaluru, Karnataka', country: 'IN' }],
    verdict: 'covered',
  },
  {
    when: 'the same building in DLF Cyber City is written with Gurgaon and Gurugram',
    site: site('Building 10, DLF Cyber City', 'Gurgaon', 'India'),
    sites: [{ address: 'DLF Cyber City, Building 10, Gurugram, Haryana', country: 'IN' }],
    verdict: 'covered',
  },
  {
    when: 'the street address is in Kraków written without accents',
    site: site('ul. Kapelanka 42A', 'Kraków', 'Poland'),
    sites: [{ address: 'Kapelanka 42a, 30-347 Krakow', country: 'PL' }],
    verdict: 'covered',
  },
  // Different city.
  { when: 'the delivery site is in Taguig and the certificate covers Makati (same metro)', site: bgcSite, sites: [makati], verdict: 'not_covered', says: ['Taguig', 'Makati', 'Metro Manila'] },
  { when: 'the delivery site is in Lapu-Lapu and the certificate covers Cebu City', site: site('Mactan Newtown', 'Lapu-Lapu City', 'PH'), sites: [ebloc2], verdict: 'not_covered', says: ['Metro Cebu'] },
  { when: 'the delivery site is in Mandaue and the certificate covers Cebu City', site: site('Pacific Tower, Mandaue City, Cebu', '', 'PH'), sites: [ebloc2], verdict: 'not_covered', says: ['Mandaue', 'Cebu City'] },
  { when: 'the delivery site is in Gurugram and the certificate covers Noida', site: site('DLF Cyber City', 'Gurgaon', 'IN'), sites: [{ address: 'Sector 62, Noida, Uttar Pradesh', country: 'IN' }], verdict: 'not_covered', says: ['Delhi NCR'] },
  { when: 'the delivery site is in Hyderabad and the certificate covers Pune', site: site('HITEC City', 'Hyderabad', 'IN'), sites: [{ address: 'Hinjewadi Phase 2', city: 'Pune', country: 'IN' }], verdict: 'not_covered', says: ['Hyderabad', 'Pune'] },
  { when: 'the delivery site is in Warsaw and the certificate covers Kraków', site: site('Mokotów', 'Warszawa', 'PL'), sites: [{ address: 'Kapelanka 42A', city: 'Kraków', country: 'PL' }], verdict: 'not_covered' },
  { when: 'the delivery site is in Medellín and the certificate covers Bogotá', site: site('El Poblado', 'Medellín', 'CO'), sites: [{ address: 'Calle 100 # 7-33', city: 'Bogotá', country: 'Colombia' }], verdict: 'not_covered' },
  { when: 'the delivery site is in Cebu and the certificate lists Makati and Taguig', site: cebuSite, sites: [makati, bgc], verdict: 'not_covered', says: ['Makati', 'Taguig', 'The closest'] },
  { when: 'the delivery site is in Taguig and the certificate site names only Metro Manila', site: bgcSite, sites: [{ address: 'Metro Manila, Philippines' }], verdict: 'uncertain', says: ['only the metro area'] },
  { when: 'the delivery site is in Cebu and the certificate site names only Metro Manila', site: cebuSite, sites: [{ address: 'Metro Manila, Philippines' }], verdict: 'not_covered', says: ['another metro area'] },
  { when: 'the certificate site names only the country', site: cebuSite, sites: [{ address: 'Philippines' }], verdict: 'uncertain', says: ['only the country'] },
  // Different country.
  { when: 'the delivery site is in Bengaluru and the certificate covers Makati', site: site('Whitefield', 'Bangalore', 'IN'), sites: [makati], verdict: 'not_covered', says: ['another country', 'IN', 'PH'] },
  { when: 'the delivery site is in Ho Chi Minh City and the certificate covers Kuala Lumpur', site: site('QTSC Building 1', 'Saigon', 'Viet Nam'), sites: [{ address: 'KL Sentral', city: 'Kuala Lumpur', country: 'Malaysia' }], verdict: 'not_covered' },
  // Country and city spellings.
  { when: 'the countries are written "The Philippines" and "PHL"', site: site('6750 Ayala Avenue', 'Makati', 'The Philippines'), sites: [{ address: '6750 Ayala Avenue, Makati City', country: 'PHL' }], verdict: 'covered' },
  { when: 'the certificate site gives its country only in the address', site: site('6750 Ayala Avenue', 'Makati', 'PH'), sites: [{ address: '6750 Ayala Avenue, Makati City, Philippines' }], verdict: 'covered' },
  { when: 'the delivery site gives its country only in the address', site: site('Cebu IT Park, Cebu City, Philippines'), sites: [makati], verdict: 'not_covered', says: ['Cebu City', 'Makati'] },
  { when: 'both cities are unknown to the gazetteer and named alike', site: site('12 Tsar Boris III Blvd', 'Sofia', 'BG'), sites: [{ address: '12 Tsar Boris III Blvd, Sofia 1000', country: 'Bulgaria' }], verdict: 'covered' },
  { when: 'both cities are unknown to the gazetteer and differ', site: site('5 Kapitan Raicho St', 'Plovdiv', 'BG'), sites: [{ address: '12 Tsar Boris III Blvd, Sofia 1000', country: 'Bulgaria' }], verdict: 'not_covered', says: ['Plovdiv'] },
  { when: 'an unknown city is in another country', site: site('Avenida da Liberdade 110', 'Lisbon', 'Portugal'), sites: [{ address: '12 Tsar Boris III Blvd, Sofia 1000', country: 'Bulgaria' }], verdict: 'not_covered', says: ['another country'] },
  { when: 'the delivery site cannot be placed at all', site: site('Building 5', '', '', 'Site A'), sites: [makati], verdict: 'uncertain', says: ['could not be identified'] },
  // Several certificate sites.
  { when: 'the second certificate site covers the delivery site', site: site('eBloc Tower 2, Cebu IT Park', 'Cebu City', 'PH'), sites: [makati, ebloc2], verdict: 'covered', matchedSite: 1 },
  // The scope text.
  { when: 'the scope text claims all sites in Metro Manila for a Taguig site', site: bgcSite, sites: [makati], scopeText: 'The ISMS covers all sites in Metro Manila.', verdict: 'uncertain', says: ['all sites', 'Metro Manila'] },
  { when: 'the scope text claims all sites in Metro Manila for a Cebu site', site: cebuSite, sites: [makati], scopeText: 'The ISMS covers all sites in Metro Manila.', verdict: 'not_covered' },
  { when: 'the scope text claims all locations of the entity', site: cebuSite, sites: [makati], scopeText: 'Covering all locations of Acme BPO Philippines, Inc.', verdict: 'uncertain', says: ['all locations'] },
  { when: 'the scope text says organisation-wide', site: cebuSite, sites: [], scopeText: 'Organisation-wide ISMS of Acme BPO Philippines, Inc.', verdict: 'uncertain', says: ['organisation wide'] },
  { when: 'the scope text claims all sites in India for a Cebu site', site: cebuSite, sites: [], scopeText: 'All sites in India.', verdict: 'not_covered', says: ['India'] },
  { when: 'the certificate lists no sites and its text names no place', site: cebuSite, sites: [], scopeText: 'The ISMS of Acme BPO Philippines, Inc. supporting contact centre services.', verdict: 'uncertain', says: ['lists no sites'] },
  { when: 'the scope text covers delivery centres in the Philippines without naming a city', site: cebuSite, sites: [], scopeText: 'Contact centre services from delivery centres in the Philippines.', verdict: 'uncertain', says: ['only the country'] },
  { when: 'the scope text covers sites in Metro Manila without naming a city, for a Taguig site', site: bgcSite, sites: [], scopeText: 'Contact centre services delivered from sites in Metro Manila.', verdict: 'uncertain', says: ['Metro Manila'] },
  { when: 'the scope text names Makati in Metro Manila, for a Taguig site', site: bgcSite, sites: [], scopeText: demoScopeText, verdict: 'not_covered', says: ['Makati'] },
  { when: 'the scope text gives only a Makati address, for a Cebu site', site: cebuSite, sites: [], scopeText: demoScopeText, verdict: 'not_covered', says: ['Makati'] },
  { when: 'the scope text gives the delivery site\'s address', site: site('6750 Ayala Avenue', 'Makati', 'PH', 'Makati delivery centre'), sites: [], scopeText: demoScopeText, verdict: 'covered', matchedSite: null, says: ['scope text'] },
  { when: 'the scope text names the delivery site\'s city although the listed sites do not', site: cebuSite, sites: [makati], scopeText: 'Contact centre operations in Makati and Cebu City.', verdict: 'uncertain', says: ['names Cebu City'] },
];

describe('matchSite', () => {
  test('when the table is counted, then it holds at least 40 cases', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });

  test.each(rows)('when $when, then the site is $verdict', (row) => {
    const result = matchSite(row.site, { sites: row.sites, scopeText: row.scopeText ?? '' });
    expect({ verdict: result.verdict, explanation: result.explanation }).toEqual({ verdict: row.verdict, explanation: expect.any(String) });
    if (row.matchedSite !== undefined) expect(result.matchedSite).toBe(row.matchedSite);
    for (const s of row.says ?? []) expect(result.explanation).toContain(s);
    expect(result.explanation).toContain(`"${row.site.name}"`);
    expect(result.evidence.compared[0]).toContain(row.site.address);
  });

  test('when a site is covered, then the explanation and evidence name the words that matched', () => {
    const result = matchSite(site('6750 Ayala Ave.', 'Makati', 'PH'), { sites: [makati], scopeText: '' });
    expect(result.evidence.matchedTerms).toEqual(expect.arrayContaining(['Makati', '6750', 'ayala']));
    expect(result.evidence.compared).toHaveLength(2);
  });

  test('when a site is not covered, then the verdict never depends on the order of the certificate sites', () => {
    const a = matchSite(cebuSite, { sites: [makati, bgc], scopeText: '' });
    const b = matchSite(cebuSite, { sites: [bgc, makati], scopeText: '' });
    expect(a.verdict).toBe(b.verdict);
  });

  test('when the covering site is listed after an uncertain one, then the covering site wins', () => {
    const result = matchSite(site('6750 Ayala Avenue', 'Makati', 'PH'), { sites: [{ address: 'Makati City', country: 'PH' }, makati], scopeText: '' });
    expect(result.verdict).toBe('covered');
    expect(result.matchedSite).toBe(1);
  });
});

describe('a scope text that names the site only to exclude it, or as a later addition', () => {
  const cebu: CertificateSite = { name: 'Cebu site', address: 'Cebu IT Park, Lahug, Cebu City, Philippines', country: 'PH' };
  test.each([
    ['excluding the facility', 'Contact centre services delivered from Makati City, excluding the Cebu City facility.'],
    ['with the exception of the site', 'All operations of Acme BPO Philippines, Inc. in the Philippines with the exception of the site in Cebu City.'],
    ['a later addition', 'Contact centre services delivered from Makati City. The Cebu City site will be added at the next surveillance audit.'],
    ['a planned site', 'Contact centre services from Makati City; planned sites: Cebu City (2027).'],
    ['not yet in scope', 'Contact centre services from Makati City; Cebu City is not yet in scope.'],
  ])('when the scope text says %s, then the site is not covered and the clause is quoted', (_label, scopeText) => {
    const result = matchSite(cebuSite, { sites: [makati], scopeText });
    expect(result.verdict).toBe('not_covered');
    expect(result.explanation).toContain('only to exclude it or as a later addition');
    expect(result.explanation).toContain('Cebu City');
  });

  test('when a listed site covers the delivery site but the text excludes its city, then the two readings are shown as a conflict', () => {
    const result = matchSite(cebuSite, { sites: [cebu], scopeText: 'Contact centre services, excluding the Cebu City facility.' });
    expect(result.verdict).toBe('uncertain');
    expect(result.explanation).toContain('conflict');
  });

  test.each([
    ['an exclusion of a service before the city', 'Contact centre services, excluding collections and debt recovery, delivered from the site at Cebu IT Park, Lahug, Cebu City.'],
    ['an exclusion of another city', 'Contact centre services delivered from Cebu IT Park, Lahug, Cebu City, excluding the Davao site.'],
  ])('when the scope text has %s, then the site is not read as excluded', (_label, scopeText) => {
    const result = matchSite(cebuSite, { sites: [cebu], scopeText });
    expect(result.verdict).not.toBe('not_covered');
    expect(result.explanation).not.toContain('only to exclude it');
  });
});

describe('"all sites in <region>, <country>"', () => {
  const makatiSite = site('6750 Ayala Avenue', 'Makati', 'PH', 'Makati delivery centre');
  test('when the scope claims all sites in Cebu, Philippines, then a Makati site is not read as inside that region', () => {
    const result = matchSite(makatiSite, { sites: [], scopeText: 'Contact centre services delivered from all sites in Cebu, Philippines.' });
    expect(result.explanation).not.toContain('in a region that includes the delivery site');
    expect(result.verdict).toBe('not_covered');
  });
  test('when the scope claims all sites in Cebu, Philippines, then a Cebu City site is uncertain (a person confirms)', () => {
    const result = matchSite(cebuSite, { sites: [], scopeText: 'Contact centre services delivered from all sites in Cebu, Philippines.' });
    expect(result.verdict).toBe('uncertain');
  });
  test('when the scope claims all sites in the Philippines, then a Makati site is uncertain', () => {
    expect(matchSite(makatiSite, { sites: [], scopeText: 'Contact centre services delivered from all sites in the Philippines.' }).verdict).toBe('uncertain');
  });
});

describe('a city that appears only inside a company name', () => {
  test.each([
    ['the holder "<Brand> <City>, Inc."', 'The ISMS of Acme Cebu, Inc. for contact centre services delivered from 6750 Ayala Avenue, Makati City, Philippines.'],
    ['the holder "<Brand> <City> Services Pte. Ltd."', 'Contact centre services of Acme Cebu Services Pte. Ltd. delivered from Makati City.'],
    ['the holder "<Brand> <City> Corporation"', 'Acme Cebu Corporation: contact centre services delivered from Makati City, Philippines.'],
  ])('when the scope text names Cebu only in %s, then a Cebu site is not covered and the text is not read as naming Cebu', (_label, scopeText) => {
    const result = matchSite(cebuSite, { sites: [makati], scopeText });
    expect(result.verdict).toBe('not_covered');
    expect(result.explanation).not.toContain("scope text names Cebu");
    expect(result.explanation).toContain('Makati');
  });

  test.each([
    ['delivered from the city', 'Contact centre services of Acme Cebu, Inc. delivered from Cebu City, Philippines.', 'uncertain'],
    ['a city followed by a list', 'Contact centre services delivered from Cebu City and Makati City.', 'uncertain'],
  ] as const)('when the scope text also names the city as a place (%s), then it still counts', (_label, scopeText, verdict) => {
    expect(matchSite(cebuSite, { sites: [makati], scopeText }).verdict).toBe(verdict);
  });
});

describe('a prepared certificate scope', () => {
  test.each(rows)('when $when, then matching against the prepared scope gives the same answer', (row) => {
    const scope = { sites: row.sites, scopeText: row.scopeText ?? '' };
    expect(matchSite(row.site, prepareSiteScope(scope))).toEqual(matchSite(row.site, scope));
  });
});
