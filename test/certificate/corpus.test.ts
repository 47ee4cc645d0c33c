import fs from 'node:fs';
import { signedIn, type Client } from '../helpers/agent';
import { createTestContext, type TestContext } from '../helpers/context';
import { makeOrganization, makeUser } from '../helpers/factories';
import type { CertificateProposal } from '../../shared/certificate/proposal';
import { listCorpus, NOT_A_CERTIFICATE_WARNING, scoreProposal } from './corpus/score';

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
