import { matchService, prepareServiceScope, serviceConcepts, type ServiceVerdict } from '../../shared/matching/services';

const demoScopeText =
  'The information security management system of Acme BPO Philippines, Inc. for the provision of inbound contact centre and back-office processing services, excluding collections, from 6750 Ayala Avenue, Makati City. As per SoA version 1.1.';

interface Row {
  when: string;
  service: string;
  services: string[];
  scopeText?: string;
  verdict: ServiceVerdict;
  matchedService?: number | null;
  /** Substrings the explanation must contain. */
  says?: string[];
}

const rows: Row[] = [
  // Synonyms of one kind of service.
  { when: 'customer support is compared with contact centre services', service: 'Inbound customer support', services: ['Contact centre services'], verdict: 'covered', matchedService: 0, says: ['customer support ~ contact centre'] },
  { when: 'call center is compared with contact centre', service: 'Call center', services: ['Contact Centre Operations'], verdict: 'covered' },
  { when: 'customer care is compared with customer service', service: 'Customer care (voice and email)', services: ['Customer service'], verdict: 'covered' },
  { when: 'outbound voice is compared with call centre', service: 'Outbound voice', services: ['Call centre'], verdict: 'covered' },
  { when: 'back-office processing is compared with transaction processing', service: 'Back-office processing', services: ['Transaction processing'], verdict: 'covered' },
  { when: 'data entry is compared with back office', service: 'Data entry', services: ['Backoffice operations'], verdict: 'covered' },
  { when: 'IT services are compared with application support', service: 'IT services', services: ['Application support and maintenance'], verdict: 'covered' },
  { when: 'IT infrastructure management is compared with managed services', service: 'IT infrastructure management', services: ['Managed services'], verdict: 'covered' },
  { when: 'software development is compared with application development', service: 'Software development', services: ['Application development'], verdict: 'covered' },
  { when: 'collections are compared with debt recovery', service: 'Collections', services: ['Debt recovery'], verdict: 'covered', says: ['collections ~ debt recovery'] },
  { when: 'KYC is compared with customer onboarding', service: 'KYC checks', services: ['Customer onboarding'], verdict: 'covered' },
  { when: 'helpdesk is compared with service desk', service: 'IT helpdesk', services: ['Service desk'], verdict: 'covered' },
  { when: 'the certificate names the service in a list of several', service: 'Payroll processing', services: ['Contact centre', 'Payroll services', 'Data entry'], verdict: 'covered', matchedService: 1 },
  { when: 'two kinds of service are named in two listed services', service: 'Customer support and back-office processing', services: ['Contact centre', 'Transaction processing'], verdict: 'covered', matchedService: 0 },
  // Services the table does not know: words decide.
  { when: 'the same words appear in another order', service: 'Mortgage document verification', services: ['Verification of mortgage documents'], verdict: 'covered', says: ['"mortgage"', '"verification"'] },
  { when: 'one distinctive word of three matches', service: 'Mortgage document verification', services: ['Mortgage underwriting support'], verdict: 'uncertain', says: ['"mortgage"', 'but not'] },
  { when: 'no distinctive word matches', service: 'Mortgage document verification', services: ['Travel booking'], verdict: 'not_covered' },
  // Partial and related.
  { when: 'only one of two kinds of service is named', service: 'Customer support and KYC onboarding', services: ['Customer care'], verdict: 'uncertain', says: ['KYC / customer onboarding'] },
  { when: 'a related but different kind is named', service: 'IT service desk', services: ['Managed IT services'], verdict: 'uncertain', says: ['related to but not the same'] },
  { when: 'only the BPO umbrella is named', service: 'Customer support', services: ['BPO services'], verdict: 'uncertain', says: ['bpo services'] },
  { when: 'a different kind is named', service: 'Payroll', services: ['Software development'], verdict: 'not_covered', says: ['"payroll"', '"Software development"'] },
  { when: 'content moderation is compared with contact centre', service: 'Content moderation', services: ['Contact centre services'], verdict: 'not_covered' },
  { when: 'telesales is compared with customer support', service: 'Telesales', services: ['Customer support'], verdict: 'uncertain' },
  // The scope text.
  { when: 'the scope text names the kind of service', service: 'Inbound customer support', services: [], scopeText: demoScopeText, verdict: 'covered', matchedService: null, says: ['scope text'] },
  { when: 'the scope text names back-office processing', service: 'Transaction processing', services: [], scopeText: demoScopeText, verdict: 'covered' },
  { when: 'the scope text excludes the service', service: 'Debt recovery', services: [], scopeText: demoScopeText, verdict: 'not_covered', says: ['excluded', 'excluding collections'] },
  {
    when: 'the scope text excludes a service in a separate sentence',
    service: 'Collections',
    services: ['Contact centre'],
    scopeText: 'Scope: contact centre services. Collections activities are out of scope.',
    verdict: 'not_covered',
    says: ['excluded'],
  },
  {
    when: 'the exclusion ends before the next service in the list',
    service: 'Back-office processing',
    services: [],
    scopeText: 'Contact centre services, excluding collections, and back-office processing for banking clients.',
    verdict: 'covered',
  },
  { when: 'a service is listed and also excluded by the text', service: 'Collections', services: ['Collections'], scopeText: 'The ISMS excludes collections.', verdict: 'uncertain', says: ['also excluded'] },
  { when: 'the scope text contains the whole wording of an unknown service', service: 'Loan document verification', services: [], scopeText: 'Provision of loan document verification services from Makati.', verdict: 'covered' },
  { when: 'the scope text shares only one word of an unknown service', service: 'Mortgage document verification', services: [], scopeText: 'Provision of document scanning and storage.', verdict: 'not_covered', says: ['only "document"'] },
  { when: 'the scope text names a kind of service only inside the company name', service: 'Customer support', services: [], scopeText: 'The ISMS of Acme BPO Philippines, Inc. for payroll services.', verdict: 'not_covered' },
  { when: 'the certificate says nothing about services', service: 'Customer support', services: [], scopeText: '', verdict: 'not_covered', says: ['lists no services'] },
  // Spelling and stemming.
  { when: 'British and American spellings differ', service: 'Contact center', services: ['Contact centre'], verdict: 'covered' },
  { when: 'plural and -ing forms differ', service: 'Claim processing', services: ['Claims processing'], verdict: 'covered' },
  { when: 'an -isation word is written -ization', service: 'Digitisation of records', services: ['Digitization of records'], verdict: 'covered' },
  // Too vague to compare.
  { when: 'the contracted service is only a generic word', service: 'Services', services: ['Contact centre'], verdict: 'uncertain', says: ['too general'] },
  { when: 'the contracted service is empty', service: '  ', services: ['Contact centre'], verdict: 'uncertain', says: ['empty'] },
];

describe('matchService', () => {
  test('when the table is counted, then it holds at least 25 cases', () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
  });

  test.each(rows)('when $when, then the service is $verdict', (row) => {
    const result = matchService(row.service, { services: row.services, scopeText: row.scopeText ?? '' });
    expect({ verdict: result.verdict, explanation: result.explanation }).toEqual({ verdict: row.verdict, explanation: expect.any(String) });
    if (row.matchedService !== undefined) expect(result.matchedService).toBe(row.matchedService);
    for (const s of row.says ?? []) expect(result.explanation).toContain(s);
    expect(result.explanation).toContain(`"${row.service.trim()}"`);
    expect(result.evidence.compared[0]).toBe(`contracted service: ${row.service}`);
  });

  test('when a service is covered, then the evidence names the matched words', () => {
    const result = matchService('Inbound customer support', { services: ['Contact centre services'], scopeText: '' });
    expect(result.evidence.matchedTerms).toEqual(['customer support ~ contact centre']);
  });

  test('when the synonym table is read, then every phrase belongs to one kind of service only', () => {
    const seen = new Map<string, string>();
    for (const concept of serviceConcepts) {
      for (const phrase of concept.phrases) {
        const key = phrase.toLowerCase();
        expect(seen.get(key) ?? concept.id).toBe(concept.id);
        seen.set(key, concept.id);
      }
      for (const rel of concept.related ?? []) expect(serviceConcepts.some((c) => c.id === rel)).toBe(true);
    }
  });
});

describe('payment services', () => {
  const paymentRows: Row[] = [
    // Synonyms within one payment concept: covered.
    { when: 'dispute handling is compared with dispute resolution', service: 'Card dispute handling', services: ['Dispute resolution for card issuers'], verdict: 'covered' },
    { when: 'chargebacks are compared with chargeback processing', service: 'Chargebacks', services: ['Chargeback processing'], verdict: 'covered' },
    { when: 'card servicing is compared with cardholder services', service: 'Credit card servicing', services: ['Cardholder services'], verdict: 'covered' },
    { when: 'collections are compared with arrears management', service: 'Card collections', services: ['Arrears management'], verdict: 'covered' },
    { when: 'KYC is compared with merchant onboarding', service: 'KYC / onboarding', services: ['Merchant onboarding'], verdict: 'covered' },
    { when: 'claims processing is compared with first notice of loss handling', service: 'Claims processing', services: ['Insurance claims intake'], verdict: 'covered' },
    { when: 'back-office finance is compared with payment reconciliation', service: 'Back-office finance', services: ['Payment reconciliation and settlement'], verdict: 'covered' },
    // Only part of a concept overlaps: a person confirms, never a confident "not covered".
    { when: 'dispute handling is compared with back-office processing', service: 'Dispute handling', services: ['Back-office processing'], verdict: 'uncertain', says: ['related to but not the same as dispute handling'] },
    { when: 'card disputes are compared with contact centre services', service: 'Card dispute handling', services: ['Inbound contact centre services'], verdict: 'uncertain' },
    { when: 'chargebacks are compared with dispute management', service: 'Chargebacks', services: ['Dispute management'], verdict: 'uncertain' },
    { when: 'card servicing is compared with contact centre services', service: 'Card servicing', services: ['Inbound and outbound contact centre services'], verdict: 'uncertain' },
    { when: 'collections are compared with back-office processing', service: 'Collections', services: ['Back-office processing'], verdict: 'uncertain' },
    { when: 'back-office finance is compared with back-office processing', service: 'Back-office finance', services: ['Back-office processing'], verdict: 'uncertain', says: ['back-office finance'] },
    { when: 'back-office finance is compared with finance and accounting', service: 'Back-office finance', services: ['Finance and accounting'], verdict: 'uncertain' },
    { when: 'disputes and chargebacks are compared with chargebacks only', service: 'Dispute handling and chargebacks', services: ['Chargeback processing'], verdict: 'uncertain' },
    // Nothing related: not covered.
    { when: 'dispute handling is compared with software development', service: 'Dispute handling', services: ['Software development'], verdict: 'not_covered' },
    { when: 'chargebacks are excluded by name beside a related service', service: 'Chargebacks', services: ['Card servicing'], scopeText: 'Card servicing for issuers, excluding chargebacks.', verdict: 'not_covered' },
  ];

  test.each(paymentRows)('when $when, then the service is $verdict', (row) => {
    const result = matchService(row.service, { services: row.services, scopeText: row.scopeText ?? '' });
    expect(result.verdict).toBe(row.verdict);
    for (const s of row.says ?? []) expect(result.explanation).toContain(s);
  });

  test('when the table is read, then each payment concept has a label and phrases', () => {
    for (const id of ['disputes', 'chargebacks', 'card_servicing', 'collections', 'kyc', 'claims', 'back_office_finance']) {
      const c = serviceConcepts.find((x) => x.id === id);
      expect(c?.phrases.length).toBeGreaterThan(2);
    }
  });
});

describe('a prepared certificate scope', () => {
  test.each(rows)('when $when, then matching against the prepared scope gives the same answer', (row) => {
    const scope = { services: row.services, scopeText: row.scopeText ?? '' };
    expect(matchService(row.service, prepareServiceScope(scope))).toEqual(matchService(row.service, scope));
  });
});
