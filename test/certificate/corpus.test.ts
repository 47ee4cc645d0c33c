import fs from 'node:fs';
import { signedIn, type Client } from '../helpers/agent';
import { createTestContext, type TestContext } from '../helpers/context';
import { makeOrganization, makeUser } from '../helpers/factories';
import type { CertificateProposal } from '../../shared/certificate/proposal';
import { listCorpus, NOT_A_CERTIFICATE_WARNING, scoreProposal, type ExpectedFields } from './corpus/score';

// The corpus (test/certificate/corpus) read through the real route: a provider
// uploads each PDF and asks for its facts. The property checked is the first
// rule of the product: no value is proposed with high confidence when it is
// wrong. Accuracy itself is a figure printed by bench/certificate-corpus.ts.

const corpus = listCorpus();
const certificates = corpus.filter((f) => f.expected.isCertificate);
const negatives = corpus.filter((f) => !f.expected.isCertificate);

let t: TestContext;
let provider: Client;

beforeAll(async () => {
  t = await createTestContext();
  const org = await makeOrganization(t.db, 'provider', 'Corpus Provider');
  provider = await signedIn(t.app, (await makeUser(t.db, org.id, 'contributor')).email);
});
afterAll(async () => {
  await t.close();
});

async function extract(pdfPath: string, name: string) {
  const up = await provider.post('/api/documents').field('kind', 'certificate').attach('file', fs.readFileSync(pdfPath), `${name}.pdf`).expect(201);
  return provider.post(`/api/documents/${up.body.document.id}/extract-certificate`);
}

test('when the corpus is listed, then it holds at least 22 certificates of 15 layouts and 2 negative documents', () => {
  expect(certificates.length).toBeGreaterThanOrEqual(22);
  expect(new Set(certificates.map((c) => c.expected.layout)).size).toBeGreaterThanOrEqual(15);
  expect(negatives.length).toBeGreaterThanOrEqual(2);
});

describe('certificate corpus', () => {
  test.each(certificates.map((c) => [c.name, c] as const))('when %s is read, then no field holds a wrong value with high confidence', async (name, file) => {
    const res = await extract(file.pdfPath, name);
    expect(res.status).toBe(200);
    const proposal = { ...res.body.fields, warnings: res.body.warnings } as CertificateProposal;
    const confidentWrong = scoreProposal(file.expected.fields!, proposal)
      .filter((s) => s.confidentWrong)
      .map((s) => `${s.field}: expected ${s.expected}, got ${s.got}`);
    expect(confidentWrong).toEqual([]);
  });

  test.each(negatives.map((n) => [n.name, n] as const))('when %s (not a certificate) is read, then it is refused with 422 or flagged as not a certificate', async (name, file) => {
    const res = await extract(file.pdfPath, name);
    if (res.status === 422) {
      expect(res.body.error.details.reason).toBe('not_a_certificate');
      return;
    }
    expect(res.status).toBe(200);
    expect((res.body.warnings as string[]).filter((w) => NOT_A_CERTIFICATE_WARNING.test(w))).not.toEqual([]);
  });
});

describe('corpus scorer', () => {
  const expected: ExpectedFields = {
    certificateNumber: 'IS 804512',
    edition: '2022',
    certificationBody: 'Coalfire',
    accreditationBody: 'UKAS',
    legalEntity: 'Vantorra Systems B.V.',
    issueDate: { anyOf: ['2024-09-12', '2024-09-02'] },
    expiryDate: '2027-09-11',
    originalCertificationDate: null,
    scopeText: { contains: ['contact centre services'], excludes: ['remains the property'] },
    sites: [{ city: 'London', country: 'GB' }],
    soaReference: null,
  };
  const field = <T>(value: T, confidence: 'high' | 'medium' | 'low' = 'high') => ({ value, source: null, confidence });
  const proposal = (over: Partial<CertificateProposal>): CertificateProposal => ({
    standard: field('ISO/IEC 27001' as const),
    edition: field('2022' as const),
    certificateNumber: field('is  804512'),
    certificationBody: field('Coalfire ISO'),
    accreditationBody: field('UKAS'),
    accreditationNumber: null,
    legalEntity: field('Vantorra  Systems B.V.*'),
    issueDate: field('2024-09-02'),
    expiryDate: field('2027-09-11'),
    originalCertificationDate: null,
    scopeText: field('The provision of contact centre services.'),
    sites: [field({ address: 'Level 4, London EC2N 4AY, United Kingdom', country: 'United Kingdom' })],
    services: [],
    soaReference: null,
    warnings: [],
    ...over,
  });
  const verdicts = (p: CertificateProposal) => Object.fromEntries(scoreProposal(expected, p).map((s) => [s.field, s.confidentWrong ? 'confident wrong' : s.verdict]));

  test('when every field matches after normalising names, numbers and sites, then every field is right', () => {
    expect(new Set(Object.values(verdicts(proposal({}))))).toEqual(new Set(['right']));
  });

  test('when a field the document does not state is proposed, then it is right only at low confidence', () => {
    expect(verdicts(proposal({ originalCertificationDate: field('2018-09-11', 'low') })).originalCertificationDate).toBe('right');
    expect(verdicts(proposal({ originalCertificationDate: field('2018-09-11', 'medium') })).originalCertificationDate).toBe('wrong');
    expect(verdicts(proposal({ soaReference: field({ version: '2.1' }, 'high') })).soaReference).toBe('confident wrong');
  });

  test('when a value differs, then it is a confident wrong at high confidence, a wrong below, and a miss when absent', () => {
    expect(verdicts(proposal({ expiryDate: field('2024-09-11') })).expiryDate).toBe('confident wrong');
    expect(verdicts(proposal({ expiryDate: field('2024-09-11', 'medium') })).expiryDate).toBe('wrong');
    expect(verdicts(proposal({ expiryDate: null })).expiryDate).toBe('miss');
    expect(verdicts(proposal({ scopeText: field('contact centre services. This certificate remains the property of BSI.') })).scopeText).toBe('confident wrong');
  });

  test('when a site is proposed that the certificate does not list, then sites are wrong, and confidently so at high confidence', () => {
    const region = field({ address: 'eu-west-1 (Ireland)', country: 'Ireland' });
    expect(verdicts(proposal({ sites: [...proposal({}).sites, region] })).sites).toBe('confident wrong');
    expect(verdicts(proposal({ sites: [...proposal({}).sites, { ...region, confidence: 'low' as const }] })).sites).toBe('wrong');
    expect(verdicts(proposal({ sites: [] })).sites).toBe('miss');
  });
});
