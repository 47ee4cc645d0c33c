import type { CertificateSite, Field, SoaReference } from '../../shared/certificate/proposal';
import { findScopeText, findServices, splitServicePhrases } from '../../shared/certificate/scope';
import { findSiteSections, findSites, sitesInScope, splitAddress } from '../../shared/certificate/sites';
import { findSoaReference } from '../../shared/certificate/soa-reference';

describe('findScopeText', () => {
  test.each([
    ['for the following scope:\nThe provision of contact centre services.\nFor and on behalf of BSI:', 'The provision of contact centre services.', 'high'],
    ['Scope: Data analytics and hosting services.\nStatement of Applicability: Version 2.3', 'Data analytics and hosting services.', 'high'],
    ['Scope of certification\nProvision of software development\nservices for customers.\nOriginal cycle start date: 10 March 2019', 'Provision of software development services for customers.', 'high'],
    ['is registered in respect of:\nPayroll processing services.\nIssue date: 1 May 2024', 'Payroll processing services.', 'high'],
    ['has established and applies an Information Security Management System for\nIT operations and hosting.\nAn audit was performed, Order No. 1.', 'IT operations and hosting.', 'medium'],
    ['For the following activities\nDebt collection services. This certificate is valid from 1 May 2024', 'Debt collection services.', 'high'],
  ])('when the certificate reads %p, then the scope is %p', (text, scope, confidence) => {
    const field = findScopeText(text);
    expect(field?.value).toBe(scope);
    expect(field?.confidence).toBe(confidence);
    expect(text.slice(field!.source!.start, field!.source!.end)).toBe(field!.source!.snippet);
  });

  test('when "in respect of" only names the standard, then it is not a scope', () => {
    expect(findScopeText('Certificate in respect of:\nISO/IEC 27001:2022\n')).toBeNull();
  });
});

describe('splitServicePhrases', () => {
  test.each([
    ['inbound and outbound contact centre services, back-office processing and IT helpdesk support', ['inbound and outbound contact centre services', 'back-office processing', 'IT helpdesk support']],
    ['finance and accounting outsourcing services', ['finance and accounting outsourcing services']],
    ['customer support; billing operations & claims processing', ['customer support', 'billing operations', 'claims processing']],
    ['• Contact centre services\n• Back-office processing', ['Contact centre services', 'Back-office processing']],
  ])('when the list is %p, then the phrases are %p', (list, phrases) => {
    const split = splitServicePhrases(list);
    expect(split.map((p) => p.phrase)).toEqual(phrases);
    for (const p of split) expect(list.slice(p.offset, p.offset + p.phrase.length)).toBe(p.phrase);
  });
});

function scopeOf(text: string): Field<string> {
  const scope = findScopeText(text);
  if (!scope) throw new Error(`no scope in ${text}`);
  return scope;
}

describe('findServices', () => {
  test.each([
    [
      'Scope: The provision of inbound and outbound contact centre services, back-office processing and IT helpdesk support for international clients, in accordance with the Statement of Applicability version 1.1.',
      ['inbound and outbound contact centre services', 'back-office processing', 'IT helpdesk support'],
    ],
    [
      'Scope: The information security management system supporting the provision of customer support and claims processing services, delivered from 1 Main Street, Austin, TX 78741, United States.',
      ['customer support', 'claims processing services'],
    ],
    ['Scope: IT operations, managed hosting and service desk services.', ['IT operations', 'managed hosting', 'service desk services']],
  ])('when the scope is %p, then the services are %p', (text, services) => {
    const found = findServices(text, scopeOf(text));
    expect(found.map((s) => s.value)).toEqual(services);
    for (const s of found) expect(text.slice(s.source!.start, s.source!.end)).toBe(s.source!.snippet);
  });

  test('when there is no scope, then there are no services', () => {
    expect(findServices('anything', null)).toEqual([]);
  });
});

describe('splitAddress', () => {
  test.each([
    ['12th Floor, Ayala North Exchange, 6796 Ayala Avenue, Makati City, 1226 Metro Manila, Philippines', { city: 'Makati City', country: 'Philippines' }],
    ['Acme BPO Cebu 5th Floor, i2 Building, Cebu IT Park, Cebu City, 6000 Cebu, Philippines', { name: 'Acme BPO Cebu', city: 'Cebu City', country: 'Philippines' }],
    ['Acme BPO Makati – 6796 Ayala Avenue, Makati City, Philippines', { name: 'Acme BPO Makati', city: 'Makati City', country: 'Philippines' }],
    ['Head office\n100 North Tampa Street, Suite 400, Tampa, FL 33602, United States', { name: 'Head office', city: 'Tampa', country: 'United States' }],
    ['2200 Riverside Drive, Austin, TX 78741', { city: 'Austin', country: 'United States' }],
    ['Musterstraße 12, 80335 München, Deutschland', { city: 'München', country: 'Germany' }],
    ['Unit 5, Tower B, DLF Cyber City, Gurugram, Haryana 122002, India', { city: 'Gurugram', country: 'India' }],
    ['Unit 4, 22 Quay Street, Manchester M3 3HN, UK', { city: 'Manchester', country: 'United Kingdom' }],
    ['Level 8, 120 Collins Street, Melbourne VIC 3000, Australia', { city: 'Melbourne', country: 'Australia' }],
    ['1 Example Street, Springfield', { city: 'Springfield' }],
  ] as [string, Partial<CertificateSite>][])('when the address is %p, then it splits into %p', (raw, parts) => {
    const site = splitAddress(raw);
    const none: Partial<CertificateSite> = { name: undefined, city: undefined, country: undefined };
    expect({ name: site.name, city: site.city, country: site.country }).toEqual({ ...none, ...parts });
    expect(site.address).not.toMatch(/\n/);
  });

  test('when the address starts with "Unit 5", then "Unit" is not taken for a name', () => {
    expect(splitAddress('Unit 5, Tower B, Gurugram, India').name).toBeUndefined();
  });
});

describe('findSites', () => {
  test('when sites are listed under a heading as a table, then each row is a site with its name', () => {
    const text = [
      'Certified sites:',
      'Site Name Site Address Site Scope',
      'Acme BPO Makati 12th Floor, Ayala North Exchange, 6796 Ayala Avenue,',
      'Makati City, 1226 Metro Manila, Philippines',
      'Contact centre, back-office',
      'Acme BPO Cebu 5th Floor, i2 Building, Cebu IT Park, Lahug, Cebu City, 6000',
      'Cebu, Philippines',
      'Contact centre',
      'Page 2 of 2',
    ].join('\n');
    const sites = findSites(text, null);
    expect(sites.map((s) => [s.value.name, s.value.city, s.confidence])).toEqual([
      ['Acme BPO Makati', 'Makati City', 'high'],
      ['Acme BPO Cebu', 'Cebu City', 'high'],
    ]);
    for (const s of sites) expect(text.slice(s.source!.start, s.source!.end)).toBe(s.source!.snippet);
  });

  test('when sites are listed as numbered blocks with a name line, then the name is kept', () => {
    const text = 'Locations\n1. Makati Delivery Centre\n6796 Ayala Avenue, Makati City, Philippines\n2. Cebu Delivery Centre\nCebu IT Park, Cebu City, Philippines\n';
    const sites = findSites(text, null);
    expect(sites.map((s) => s.value.name)).toEqual(['Makati Delivery Centre', 'Cebu Delivery Centre']);
    expect(sites.map((s) => s.value.address)).toEqual(['6796 Ayala Avenue, Makati City, Philippines', 'Cebu IT Park, Cebu City, Philippines']);
  });

  test('when the scope names its sites, then each address is a site and the clients\' country is not', () => {
    const text =
      'Scope: Contact centre services for clients in the United Kingdom, delivered from the sites at 12th Floor, Ayala North Exchange, Makati City, Philippines and Cebu IT Park, Cebu City, Philippines, in accordance with the SoA.\nIssue date: 1 May 2024';
    const sites = sitesInScope(text, 0, text.indexOf('\nIssue'));
    expect(sites.map((s) => s.value.address)).toEqual(['12th Floor, Ayala North Exchange, Makati City, Philippines', 'Cebu IT Park, Cebu City, Philippines']);
    expect(sites.every((s) => s.confidence === 'medium')).toBe(true);
  });

  test.each([['Scope: Acme BPO Philippines Inc. contact centre services.'], ['Scope: services of Orbit Group, Philippines Inc. for its clients.']])(
    'when a country is part of the company name, as in %p, then it is not read as an address',
    (text) => {
      expect(sitesInScope(text, 0, text.length)).toEqual([]);
    },
  );

  test('when a street name has initials ("J.P. Laurel Avenue"), then the address is not cut there', () => {
    const text = 'Scope: Payroll services delivered from 3rd Floor, Abreeza, J.P. Laurel Avenue, Davao City, Philippines.';
    expect(sitesInScope(text, 0, text.length).map((s) => s.value.address)).toEqual(['3rd Floor, Abreeza, J.P. Laurel Avenue, Davao City, Philippines']);
  });

  test('when neither a sites list nor the scope names a site, then the address under the organisation is proposed with low confidence', () => {
    const text = 'This is to certify that: Acme BPO Philippines Inc.\n12th Floor, Ayala North Exchange\n6796 Ayala Avenue, Makati City\nPhilippines\nHolds Certificate Number: IS 765432';
    const entity = { value: 'Acme BPO Philippines Inc.', source: { snippet: 'Acme BPO Philippines Inc.', start: 25, end: 50 }, confidence: 'high' as const };
    const [site, ...rest] = findSites(text, null, entity);
    expect(rest).toEqual([]);
    expect(site).toMatchObject({
      value: { name: 'Acme BPO Philippines Inc.', address: '12th Floor, Ayala North Exchange, 6796 Ayala Avenue, Makati City, Philippines', city: 'Makati City', country: 'Philippines' },
      confidence: 'low',
    });
  });

  test('when a heading word appears inside a sentence, then it is not a sites section', () => {
    expect(findSiteSections('services at several sites in Manila and other locations.')).toEqual([]);
  });
});

describe('findSoaReference', () => {
  test.each([
    ['in accordance with the Statement of Applicability version 1.1, dated 13 May 2024.', { version: '1.1', date: '2024-05-13' }, 'Statement of Applicability version 1.1, dated 13 May 2024'],
    ['SoA v2.0 dated 2024-01-15', { version: '2.0', date: '2024-01-15' }, 'SoA v2.0 dated 2024-01-15'],
    ['SOA Rev 3 (13/05/2024)', { version: '3', date: '2024-05-13' }, 'SOA Rev 3 (13/05/2024)'],
    ['Statement of Applicability, SoA Rev. 4 dated 02 January 2025.', { version: '4', date: '2025-01-02' }, 'Statement of Applicability, SoA Rev. 4 dated 02 January 2025'],
    ['Statement of Applicability dated 1 March 2024. Next sentence v9', { date: '2024-03-01' }, 'Statement of Applicability dated 1 March 2024'],
    ['Statement of Applicability issue 7', { version: '7' }, 'Statement of Applicability issue 7'],
  ] as [string, SoaReference, string][])('when the certificate cites %p, then the reference is %p', (text, value, snippet) => {
    const field = findSoaReference(text);
    expect(field?.value).toEqual(value);
    expect(field?.source?.snippet).toBe(snippet);
    expect(field?.confidence).toBe(value.version && value.date ? 'high' : 'medium');
  });

  test('when the SoA is mentioned without a version or date, then no reference is proposed', () => {
    expect(findSoaReference('as described in the Statement of Applicability. Issued 13 May 2024.')).toBeNull();
  });

  test('when the document is US style, then the SoA date is read month first', () => {
    expect(findSoaReference('SoA version 3, dated 04/01/2024', { monthFirst: true })?.value).toEqual({ version: '3', date: '2024-04-01' });
  });
});
