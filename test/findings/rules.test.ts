import { controlIds } from '../../shared/catalog';
import { requiredControlReasons } from '../../shared/engagements/required-controls';
import { checkedFactsOf, type CheckedFacts, type VerificationFacts } from '../../shared/certificate/verification';
import { certificateVoidReason, deriveFindings, findingRules, isPlaceholderJustification, type AnswerFacts, type CertificateFacts, type RuleInput, type SoaFacts } from '../../shared/findings/rules';

/** A certificate the buyer checked in a directory (of its facts as given), unless `over` says otherwise. */
const cert = (over: Partial<CertificateFacts> = {}): CertificateFacts => {
  const c = {
    id: 'c1',
    documentTitle: 'ISO certificate',
    edition: '2022' as const,
    certificateNumber: 'IS 765432',
    certificationBody: 'BSI',
    accreditationBody: 'UKAS',
    legalEntity: 'Acme BPO Philippines, Inc.',
    issueDate: '2025-04-05',
    expiryDate: '2028-04-04',
    soaReference: { version: '1.1', date: '2025-05-13' },
    ...over,
  };
  return { ...c, verification: 'verification' in over ? (over.verification ?? null) : check('verified', c) };
};

const check = (outcome: VerificationFacts['outcome'], facts: CheckedFacts, over: Partial<VerificationFacts> = {}): VerificationFacts => ({
  outcome,
  checkedOn: '2026-11-20',
  directoryName: 'UKAS CertCheck',
  directoryUrl: 'https://www.certcheck.ukas.com',
  recordedBy: 'Dana Analyst',
  note: '',
  checkedFacts: checkedFactsOf(facts),
  ...over,
});

const soa = (over: Partial<SoaFacts> = {}, rowOver: Record<string, Partial<SoaFacts['rows'][number]>> = {}): SoaFacts => ({
  id: 's1',
  documentTitle: 'SoA v1.1',
  version: '1.1',
  date: '2025-05-13',
  numbering: '2022',
  rows: controlIds.map((controlId, i) => ({ controlId, applicable: true, implementation: 'full', justification: 'needed', method: 'direct', sourceRow: i + 5, ...rowOver[controlId] })),
  ...over,
});

const answer = (over: Partial<AnswerFacts> = {}): AnswerFacts => ({
  assessmentId: 'a1',
  assessmentTitle: 'BPO essentials',
  submittedAt: '2026-11-01T10:00:00Z',
  question: { key: 'q1', text: 'Do you encrypt card data at rest?', controlIds: ['8.24'], evidence: 'none', answerType: 'yes_no', options: [] },
  value: 'yes',
  credit: 1,
  notApplicable: false,
  evidence: [],
  ...over,
});

const base = (over: Partial<RuleInput> = {}): RuleInput => ({
  today: '2026-11-22',
  engagement: { name: 'Card support', contractingEntity: 'Acme BPO Philippines, Inc.' },
  certificates: [cert()],
  soa: soa(),
  requiredControls: ['8.24', '5.34'],
  entityMatch: { verdict: 'covered', explanation: 'Same entity.' },
  sites: [{ site: 'Cebu delivery centre', match: { verdict: 'covered', explanation: 'covered' } }],
  services: [{ service: 'Inbound support', match: { verdict: 'covered', explanation: 'covered' } }],
  answers: [answer()],
  controlGaps: [],
  ...over,
});

const codes = (input: RuleInput) => deriveFindings(input).map((f) => f.code);

test('when every fact is in order, then no finding is raised', () => {
  expect(deriveFindings(base())).toEqual([]);
});

describe.each([
  ['CERT_MISSING', base({ certificates: [] }), base()],
  ['CERT_EXPIRED', base({ certificates: [cert({ expiryDate: '2026-11-21' })] }), base({ certificates: [cert({ expiryDate: '2026-11-22' })] })],
  ['CERT_EXPIRING', base({ certificates: [cert({ expiryDate: '2027-02-20' })] }), base({ certificates: [cert({ expiryDate: '2027-02-21' })] })],
  ['CERT_SUPERSEDED_EDITION', base({ certificates: [cert({ edition: '2013' })] }), base({ today: '2025-10-31', certificates: [cert({ edition: '2013' })] })],
  ['CERT_UNACCREDITED', base({ certificates: [cert({ accreditationBody: null })] }), base()],
  ['CERT_UNVERIFIED', base({ certificates: [cert({ verification: null })] }), base()],
  ['CERT_VERIFICATION_FAILED', base({ certificates: [cert({ verification: check('not_found', cert()) })] }), base({ certificates: [cert({ verification: check('verified', cert()) })] })],
  ['CERT_ENTITY_MISMATCH', base({ entityMatch: { verdict: 'not_covered', explanation: 'Different companies.' } }), base({ entityMatch: { verdict: 'covered', explanation: 'Same after removing "Inc."' } })],
  ['SCOPE_SITE_NOT_COVERED', base({ sites: [{ site: 'Cebu', match: { verdict: 'not_covered', explanation: 'Cebu City is not Makati City' } }] }), base()],
  ['SCOPE_SERVICE_NOT_COVERED', base({ services: [{ service: 'Collections', match: { verdict: 'not_covered', explanation: 'No service in the scope resembles "Collections".' } }] }), base()],
  ['SCOPE_UNCERTAIN', base({ sites: [{ site: 'Cebu', match: { verdict: 'uncertain', explanation: 'same city, other building' } }] }), base()],
  ['SOA_MISSING', base({ soa: null }), base()],
  ['SOA_REFERENCE_MISMATCH', base({ soa: soa({ version: '1.0' }) }), base({ soa: soa({ version: 'v1.1' }) })],
  ['SOA_OUTDATED_NUMBERING', base({ soa: soa({ numbering: '2013' }) }), base({ soa: soa({ numbering: 'both' }) })],
  ['SOA_INCOMPLETE', base({ soa: soa({}, { '5.7': { method: 'missing', applicable: null } }) }), base({ soa: soa({}, { '5.7': { method: 'repaired_by_title' } }) })],
  ['SOA_EXCLUDES_REQUIRED', base({ soa: soa({}, { '5.34': { applicable: false } }) }), base({ soa: soa({}, { '8.28': { applicable: false } }) })],
  ['SOA_EXCLUSION_UNJUSTIFIED', base({ soa: soa({}, { '8.28': { applicable: false, justification: ' ' } }) }), base({ soa: soa({}, { '8.28': { applicable: false, justification: 'No development' } }) })],
  ['ANSWER_CONTRADICTS_SOA', base({ soa: soa({}, { '8.24': { implementation: 'none' } }) }), base({ soa: soa({}, { '8.24': { implementation: 'partial' } }) })],
  ['CLAIM_WITHOUT_EVIDENCE', base({ answers: [answer({ question: { ...answer().question, evidence: 'required' } })] }), base({ answers: [answer({ question: { ...answer().question, evidence: 'required' }, value: 'no', credit: 0 })] })],
  ['EVIDENCE_STALE', base({ answers: [answer({ evidence: [{ title: 'Pen test 2025', uploadedAt: '2025-10-31T00:00:00Z' }] })] }), base({ answers: [answer({ evidence: [{ title: 'Pen test 2025', uploadedAt: '2025-11-01T00:00:00Z' }] })] })],
  ['CONTROL_GAP', base({ controlGaps: [{ controlId: '8.24', score: 0.25, weight: 2, severity: 'high' }] }), base()],
] as const)('%s', (code, raising, close) => {
  test(`when the facts call for it, then ${code} is raised with an explanation quoting them`, () => {
    const found = deriveFindings(raising).filter((f) => f.code === code);
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found[0]!.explanation.length).toBeGreaterThan(20);
  });
  test(`when the facts call for it, then the row of the rule table registered for ${code} raises it, and no row raises a code not its own`, () => {
    for (const rule of findingRules) {
      const raised = rule.derive(raising).map((f) => f.code);
      expect({ rule: rule.name, foreign: raised.filter((c) => !rule.codes.includes(c)) }).toEqual({ rule: rule.name, foreign: [] });
      if (rule.codes.includes(code)) expect(raised).toContain(code);
    }
  });
  test(`when the case is close but fine, then ${code} is not raised`, () => {
    expect(codes(close)).not.toContain(code);
  });
});

describe('explanations quote the values compared', () => {
  test('when a certificate expired, then the explanation names the certificate and both dates', () => {
    const [f] = deriveFindings(base({ certificates: [cert({ expiryDate: '2026-01-31' })] }));
    expect(f).toMatchObject({ code: 'CERT_EXPIRED', severity: 'critical' });
    expect(f!.explanation).toBe('The certificate IS 765432 (BSI) expired on 2026-01-31; today is 2026-11-22.');
  });

  test('when the SoA reference differs, then both versions and dates are quoted', () => {
    const f = deriveFindings(base({ soa: soa({ version: '1.0', date: '2024-01-15' }) })).find((x) => x.code === 'SOA_REFERENCE_MISMATCH')!;
    expect(f.explanation).toBe('The certificate cites the SoA version 1.1, dated 2025-05-13; the SoA shared ("SoA v1.1") is version 1.0, dated 2024-01-15.');
  });

  test('when an answer contradicts the SoA, then the question, the answer and the SoA row are quoted', () => {
    const f = deriveFindings(base({ soa: soa({}, { '8.24': { applicable: false, justification: 'Card data never stored' } }) })).find((x) => x.code === 'ANSWER_CONTRADICTS_SOA')!;
    expect(f.explanation).toContain('"Do you encrypt card data at rest?" answered "yes"');
    expect(f.explanation).toContain('row');
    expect(f.explanation).toContain('excludes it for 8.24 Use of cryptography');
  });

  test('when n.a. is answered for a control the SoA says applies, then it is a contradiction', () => {
    expect(codes(base({ answers: [answer({ value: 'na', credit: null, notApplicable: true })] }))).toContain('ANSWER_CONTRADICTS_SOA');
  });
});

describe('stable keys', () => {
  test('when the same facts are derived twice, then the keys are the same and unique', () => {
    const input = base({ certificates: [cert({ accreditationBody: null, edition: '2013' })], soa: soa({}, { '5.34': { applicable: false, justification: '' }, '8.28': { applicable: false, justification: '' } }) });
    const first = deriveFindings(input).map((f) => f.key);
    expect(deriveFindings(input).map((f) => f.key)).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  test('when findings are listed, then the most severe come first', () => {
    const severities = deriveFindings(base({ certificates: [cert({ expiryDate: '2026-01-01', accreditationBody: null })], soa: null })).map((f) => f.severity);
    expect(severities).toEqual(['critical', 'high', 'medium']);
  });
});

describe('an exclusion justified only by a placeholder is unjustified', () => {
  test.each(['N/A', 'n/a', '-', '—', 'TBD', 'none', '.', 'x', 'see above', 'Not applicable', '', '  '])(
    'when the justification is "%s", then SOA_EXCLUSION_UNJUSTIFIED is raised quoting it',
    (justification) => {
      expect(isPlaceholderJustification(justification)).toBe(true);
      const found = deriveFindings(base({ soa: soa({}, { '8.28': { applicable: false, justification } }) })).filter((f) => f.code === 'SOA_EXCLUSION_UNJUSTIFIED');
      expect(found).toHaveLength(1);
      if (justification.trim()) expect(found[0]!.explanation).toContain(`"${justification.trim()}"`);
    },
  );
  test.each(['No software development is done in scope', 'N/A: no outsourced development (see policy ISP-12)', 'Not applicable as no mobile devices are issued'])(
    'when the justification is "%s", then no SOA_EXCLUSION_UNJUSTIFIED',
    (justification) => {
      expect(isPlaceholderJustification(justification)).toBe(false);
      expect(deriveFindings(base({ soa: soa({}, { '8.28': { applicable: false, justification } }) })).some((f) => f.code === 'SOA_EXCLUSION_UNJUSTIFIED')).toBe(false);
    },
  );
});

describe('SoA findings say what they rest on', () => {
  test('when the SoA excludes a required control, then the finding names the engagement facts that require it', () => {
    const input = base({ soa: soa({}, { '5.34': { applicable: false, justification: 'Handled by the client' } }), requiredBecause: { '5.34': ['payment card data', 'personal data'] } });
    const f = deriveFindings(input).find((x) => x.code === 'SOA_EXCLUDES_REQUIRED')!;
    expect(f.explanation).toContain('because of payment card data and personal data');
    expect(f.facts.requiredBecause).toEqual(['payment card data', 'personal data']);
  });
  test('when an answer contradicts an SoA exclusion, then the finding quotes the SoA justification', () => {
    const input = base({ soa: soa({}, { '8.24': { implementation: 'none', justification: 'Encryption roll-out planned for Q3' } }) });
    const f = deriveFindings(input).find((x) => x.code === 'ANSWER_CONTRADICTS_SOA')!;
    expect(f.explanation).toContain('"Encryption roll-out planned for Q3"');
  });
});

test('when an engagement handles payment card data and personal data, then 5.34 is required because of both', () => {
  const reasons = requiredControlReasons({ dataCategories: ['payment_card', 'personal_data'], usesCloud: true, remoteWork: false, subcontractors: [], developsSoftware: false });
  expect(reasons['5.34']).toEqual(['payment card data', 'personal data']);
  expect(reasons['5.23']).toEqual(['cloud services']);
  expect(reasons['6.7']).toBeUndefined();
});

describe('several certificates', () => {
  const perSite = [cert({ id: 'c1', certificateNumber: 'MAKATI-1' }), cert({ id: 'c2', certificateNumber: 'CEBU-1', legalEntity: 'Acme Cebu Services, Inc.', expiryDate: '2027-12-31' })];

  test.each([
    { when: 'the holder of each certificate is the contracting entity', verdicts: ['covered', 'covered'] as const, mismatches: [] as string[] },
    { when: 'the holder of the second certificate is another company', verdicts: ['covered', 'not_covered'] as const, mismatches: ['c2'] },
    { when: 'the holder of the second certificate may be another company', verdicts: ['covered', 'uncertain'] as const, mismatches: ['c2'] },
  ])('when $when, then CERT_ENTITY_MISMATCH is raised for exactly those certificates, quoting the names compared', ({ verdicts, mismatches }) => {
    const compared = [{ name: 'Acme Cebu Services, Inc.', source: 'certificate CEBU-1 (BSI), certificate field "legal entity"' }, { name: 'Acme BPO Philippines, Inc.', source: 'engagement field "contracting entity"' }];
    const found = deriveFindings(
      base({ certificates: perSite, entityMatches: perSite.map((c, i) => ({ certificateId: c.id, verdict: verdicts[i]!, explanation: `holder check ${c.id}`, compared })) }),
    ).filter((f) => f.code === 'CERT_ENTITY_MISMATCH');
    expect(found.map((f) => f.facts.certificateId)).toEqual(mismatches);
    for (const f of found) {
      expect(f.explanation).toContain('certificate CEBU-1 (BSI) is issued to "Acme Cebu Services, Inc."');
      expect(f.facts.compared).toEqual(compared);
    }
  });

  test('when a site finding is raised from several certificates, then its facts carry what each certificate says', () => {
    const byCertificate = [
      { certificateId: 'c1', certificate: 'certificate MAKATI-1 (BSI)', verdict: 'not_covered' as const, explanation: 'Makati only' },
      { certificateId: 'c2', certificate: 'certificate CEBU-1 (BSI)', verdict: 'void' as const, explanation: 'The certificate CEBU-1 (BSI) covers nothing: it expired on 2026-01-01.' },
    ];
    const [f] = deriveFindings(base({ certificates: perSite, sites: [{ site: 'Cebu', match: { verdict: 'not_covered', explanation: 'none covers it', coveredBy: [], byCertificate } }] })).filter((x) => x.code === 'SCOPE_SITE_NOT_COVERED');
    expect(f!.facts.certificates).toEqual(byCertificate);
  });
});

describe('certificateVoidReason', () => {
  const all = [cert({ id: 'old', certificateNumber: 'IS 765432', issueDate: '2024-01-01' }), cert({ id: 'new', certificateNumber: 'IS-765432', issueDate: '2025-04-05', documentTitle: 'Certificate 2025' })];
  test.each([
    { when: 'it is valid and the latest issue', c: all[1]!, others: all, reason: null },
    { when: 'a later issue of the same number is shared', c: all[0]!, others: all, reason: 'it is superseded by the issue of 2025-04-05 ("Certificate 2025")' },
    { when: 'it expired yesterday', c: cert({ expiryDate: '2026-11-21' }), others: [], reason: 'it expired on 2026-11-21' },
    { when: 'it expires today', c: cert({ expiryDate: '2026-11-22' }), others: [], reason: null },
    { when: 'it is to the 2013 edition after the transition', c: cert({ edition: '2013' }), others: [], reason: 'it is to ISO/IEC 27001:2013, no longer valid after 2025-10-31' },
    { when: 'another certificate has no number either', c: cert({ id: 'a', certificateNumber: '—', issueDate: '2024-01-01' }), others: [cert({ id: 'b', certificateNumber: '-', issueDate: '2025-01-01' })], reason: null },
  ])('when $when, then the reason it covers nothing is $reason', ({ c, others, reason }) => {
    expect(certificateVoidReason(c, [c, ...others.filter((o) => o.id !== c.id)], '2026-11-22')).toBe(reason);
  });
});

describe('certificates checked in a public directory', () => {
  const find = (input: RuleInput, code: string) => deriveFindings(input).filter((f) => f.code === code);

  test('when nobody checked the certificate, then CERT_UNVERIFIED (low) names the directory to look it up in', () => {
    const [f] = find(base({ certificates: [cert({ verification: null })] }), 'CERT_UNVERIFIED');
    expect(f).toMatchObject({ severity: 'low', key: 'CERT_UNVERIFIED:c1', facts: { directoryName: "UKAS CertCheck", directoryUrl: 'https://www.certcheck.ukas.com', certificateNumber: 'IS 765432' } });
    expect(f!.explanation).toContain('certificate IS 765432 (BSI)');
    expect(f!.explanation).toContain('https://www.certcheck.ukas.com');
  });

  test('when the provider corrected the expiry after the check, then the check is stale and quotes both values', () => {
    const checked = cert();
    const [f] = find(base({ certificates: [cert({ expiryDate: '2029-04-04', verification: check('verified', checked) })] }), 'CERT_UNVERIFIED');
    expect(f!.title).toBe('Certificate changed since it was checked');
    expect(f!.explanation).toContain('expiry date "2029-04-04" (checked: "2028-04-04")');
    expect(f!.facts).toMatchObject({ changedSinceCheck: [{ field: 'expiryDate', checked: '2028-04-04', now: '2029-04-04' }], lastCheck: { checkedOn: '2026-11-20' } });
  });

  test('when only the spacing or case of a checked fact differs, then the check still stands', () => {
    const checked = cert();
    expect(find(base({ certificates: [cert({ legalEntity: 'ACME BPO  Philippines, Inc.', verification: check('verified', checked) })] }), 'CERT_UNVERIFIED')).toEqual([]);
  });

  test('when the directory did not find it, then CERT_VERIFICATION_FAILED (high) quotes who, when, where and the note, and its scope covers nothing', () => {
    const failed = cert({ verification: check('not_found', cert(), { note: 'No IS 765432 under BSI' }) });
    const [f] = find(base({ certificates: [failed] }), 'CERT_VERIFICATION_FAILED');
    expect(f).toMatchObject({ severity: 'high', facts: { outcome: 'not_found', checkedOn: '2026-11-20', recordedBy: 'Dana Analyst', checkedIn: { url: 'https://www.certcheck.ukas.com' } } });
    expect(f!.explanation).toContain('Dana Analyst looked up the certificate IS 765432 (BSI) in UKAS CertCheck');
    expect(f!.explanation).toContain('"No IS 765432 under BSI"');
    expect(certificateVoidReason(failed, [failed], '2026-11-22')).toBe('UKAS CertCheck did not confirm it on 2026-11-20 (not found in the directory)');
    expect(find(base({ certificates: [failed] }), 'CERT_UNVERIFIED')).toEqual([]);
  });

  test('when a check failed but the certificate was corrected since, then it must be checked again (not failed, not verified)', () => {
    const failed = cert({ certificateNumber: 'IS 765433', verification: check('mismatch', cert()) });
    expect(codes(base({ certificates: [failed] }))).toContain('CERT_UNVERIFIED');
    expect(codes(base({ certificates: [failed] }))).not.toContain('CERT_VERIFICATION_FAILED');
    expect(certificateVoidReason(failed, [failed], '2026-11-22')).toBeNull();
  });

  test('when a certificate has lapsed, then it needs no check; every valid certificate does, each on its own', () => {
    const expired = cert({ id: 'old', certificateNumber: 'IS 1', expiryDate: '2026-01-01', verification: null });
    const second = cert({ id: 'c2', certificateNumber: 'IS 2', verification: null });
    const found = find(base({ certificates: [cert(), second, expired] }), 'CERT_UNVERIFIED');
    expect(found.map((f) => f.key)).toEqual(['CERT_UNVERIFIED:c2']);
  });
});
