import type { VerificationFacts } from '../../shared/certificate/verification';
import type { CertificateFacts } from '../../shared/findings/rules';
import type { ScopeJudgementDto } from '../../shared/schemas/engagement';
import { checkPhrase, reportScope } from '../../server/reports/scope-section';

const cert = (fields: Partial<CertificateFacts> = {}): CertificateFacts => ({
  id: '00000000-0000-4000-8000-000000000001',
  documentTitle: 'ISO 27001 certificate',
  edition: '2022',
  certificateNumber: 'IS 123',
  certificationBody: 'BSI',
  accreditationBody: 'UKAS',
  legalEntity: 'Acme BPO Philippines, Inc.',
  issueDate: '2025-01-10',
  expiryDate: '2028-01-09',
  soaReference: null,
  verification: null,
  ...fields,
});
const checkOf = (c: CertificateFacts, fields: Partial<VerificationFacts> = {}): VerificationFacts => ({
  outcome: 'verified',
  checkedOn: '2026-12-07',
  directoryName: 'UKAS CertCheck',
  directoryUrl: 'https://certcheck.ukas.com',
  recordedBy: 'Dana Okafor',
  note: '',
  checkedFacts: { certificateNumber: c.certificateNumber, certificationBody: c.certificationBody, legalEntity: c.legalEntity, expiryDate: c.expiryDate },
  ...fields,
});

describe('the directory check as the report says it', () => {
  const c = cert();
  test.each([
    { when: 'nobody checked it', verification: null, says: 'not checked' },
    { when: 'the buyer confirmed it', verification: checkOf(c), says: 'checked in UKAS CertCheck on 2026-12-07 by Dana Okafor' },
    { when: 'the user who checked it is gone', verification: checkOf(c, { recordedBy: null }), says: 'checked in UKAS CertCheck on 2026-12-07' },
    { when: 'the directory did not find it', verification: checkOf(c, { outcome: 'not_found' }), says: 'not confirmed by UKAS CertCheck on 2026-12-07 by Dana Okafor: not found in the directory' },
    {
      when: 'the expiry changed after the check',
      verification: checkOf(c, { checkedFacts: { ...checkOf(c).checkedFacts, expiryDate: '2027-01-09' } }),
      says: 'checked in UKAS CertCheck on 2026-12-07 by Dana Okafor, but its expiry date changed since: not checked as it is now',
    },
  ])('when $when, then it says "$says"', ({ verification, says }) => {
    expect(checkPhrase({ ...c, verification })).toBe(says);
  });
});

describe('the scope rows', () => {
  const none: ScopeJudgementDto = { certificates: [], sites: [], services: [] };

  test('when no certificate is shared, then each contracted site and service is unknown and says why', () => {
    const s = reportScope(none, [], { sites: ['Cebu delivery centre'], services: ['Inbound support'] });
    expect(s.rows).toEqual([
      { kind: 'Site', name: 'Cebu delivery centre', verdict: 'unknown', basis: 'No ISO/IEC 27001 certificate is shared with the engagement.' },
      { kind: 'Service', name: 'Inbound support', verdict: 'unknown', basis: 'No ISO/IEC 27001 certificate is shared with the engagement.' },
    ]);
    expect(s.certificates).toEqual([]);
  });

  test('when a site is uncertain, then its verdict reads "confirm" with the judgement\'s explanation; a covered one names its certificate', () => {
    const c = cert();
    const scope: ScopeJudgementDto = {
      certificates: [{ id: c.id, label: 'certificate IS 123 (BSI)', legalEntity: c.legalEntity, expiryDate: c.expiryDate, valid: true, voidReason: null }],
      sites: [{ site: 'Cebu', verdict: 'uncertain', explanation: 'Only the park is named.', coveredBy: [], byCertificate: [] }],
      services: [{ service: 'Support', verdict: 'covered', explanation: 'Covered by the certificate IS 123 (BSI): named.', coveredBy: [c.id], byCertificate: [{ certificateId: c.id, certificate: 'certificate IS 123 (BSI)', verdict: 'covered', explanation: 'The scope names it.' }] }],
    };
    const s = reportScope(scope, [c], { sites: ['Cebu'], services: ['Support'] });
    expect(s.rows).toEqual([
      { kind: 'Site', name: 'Cebu', verdict: 'confirm', basis: 'Only the park is named.' },
      { kind: 'Service', name: 'Support', verdict: 'covered', basis: 'IS 123 (BSI): The scope names it.' },
    ]);
    expect(s.certificates).toEqual([{ number: 'IS 123', body: 'BSI', expiryDate: '2028-01-09', status: 'valid', check: 'not checked' }]);
  });
});
