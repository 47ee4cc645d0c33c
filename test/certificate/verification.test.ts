import zlib from 'node:zlib';
import { certificationBodyInfo, directoryNameFor } from '../../shared/certificate/bodies';
import { signedIn, type Client } from '../helpers/agent';
import { createTestContext, type TestContext } from '../helpers/context';
import { tableDigest } from '../helpers/digest';
import { makeCertificate, makeDocument, makeEngagement, makeOrganization, makeUser, shareDocument } from '../helpers/factories';
import { makePdf } from '../helpers/files';

/** A real 1×1 PNG, built chunk by chunk. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 0, 0]))), chunk('IEND', Buffer.alloc(0))]);
}

let t: TestContext;
let buyer: { id: string };
let provider: { id: string };
let analyst: Client;
let legal: Client;
let providerAdmin: Client;
let otherBuyerAnalyst: Client;
let engagementId: string;
let documentId: string;
let certificateId: string;

type Finding = { code: string; severity: string; explanation: string; facts: Record<string, unknown> };
const findingsOf = async (c: Client, id = engagementId) => (await c.get(`/api/engagements/${id}/findings`).expect(200)).body.findings as Finding[];
const verifyBody = (over: Record<string, unknown> = {}) => ({ outcome: 'verified', directoryUrl: 'https://www.certcheck.ukas.com/certification/IS-123456', checkedOn: '2026-11-30', ...over });

beforeAll(async () => {
  t = await createTestContext();
  buyer = await makeOrganization(t.db, 'buyer');
  provider = await makeOrganization(t.db, 'provider');
  const otherBuyer = await makeOrganization(t.db, 'buyer');
  analyst = await signedIn(t.app, (await makeUser(t.db, buyer.id, 'analyst', { name: 'Dana Analyst' })).email);
  legal = await signedIn(t.app, (await makeUser(t.db, buyer.id, 'legal')).email);
  providerAdmin = await signedIn(t.app, (await makeUser(t.db, provider.id, 'admin')).email);
  otherBuyerAnalyst = await signedIn(t.app, (await makeUser(t.db, otherBuyer.id, 'analyst')).email);
  engagementId = await makeEngagement(t.db, buyer.id, provider.id);
  documentId = await makeDocument(t.db, t.deps.storage, provider.id, { kind: 'certificate', content: await makePdf(['ISO/IEC 27001 certificate']) });
  await shareDocument(t.db, engagementId, documentId);
  certificateId = await makeCertificate(t.db, provider.id, documentId, { certificate_number: 'IS 123456', accreditation_body: 'UKAS', legal_entity: 'Acme BPO Philippines, Inc.' });
  // The other buyer has an engagement with the same provider and the same certificate shared.
  await shareDocument(t.db, await makeEngagement(t.db, otherBuyer.id, provider.id), documentId);
});
afterAll(() => t.close());

describe('recording that a certificate was checked in a public directory', () => {
  test('when nobody has checked the certificate, then the engagement shows CERT_UNVERIFIED (low) with the directory to look in, and the checks list says unverified', async () => {
    const f = (await findingsOf(analyst)).find((x) => x.code === 'CERT_UNVERIFIED');
    expect(f).toMatchObject({ severity: 'low', facts: { certificateId, directoryUrl: 'https://www.certcheck.ukas.com' } });
    const list = (await analyst.get(`/api/certificates/${certificateId}/verifications`).expect(200)).body;
    expect(list).toMatchObject({ state: 'unverified', verifications: [], abilities: { verify: true }, lookup: { certificationBody: 'BSI', knownBody: true, directoryUrl: 'https://www.certcheck.ukas.com', iafCertSearchUrl: 'https://www.iafcertsearch.org' } });
  });

  test('when legal, the provider or another role tries to record a check, then it is refused and nothing changes', async () => {
    const before = await tableDigest(t.db, ['certificate_verifications', 'audit_events', 'findings']);
    expect((await legal.post(`/api/certificates/${certificateId}/verifications`).send(verifyBody())).status).toBe(403);
    expect((await providerAdmin.post(`/api/certificates/${certificateId}/verifications`).send(verifyBody())).status).toBe(403);
    expect((await providerAdmin.get(`/api/certificates/${certificateId}/verifications`)).status).toBe(403);
    expect(await tableDigest(t.db, ['certificate_verifications', 'audit_events', 'findings'])).toEqual(before);
  });

  test.each([
    [{ directoryUrl: 'http://www.certcheck.ukas.com' }, 'directoryUrl'],
    [{ directoryUrl: 'not a url' }, 'directoryUrl'],
    [{ outcome: 'maybe' }, 'outcome'],
    [{ checkedOn: '2026-02-30' }, 'checkedOn'],
    [{ checkedOn: '2999-01-01' }, 'checkedOn'],
    [{ checkedOn: '2024-12-31' }, 'checkedOn'],
    [{ outcome: 'not_found' }, 'note'],
    [{ recordedBy: 'someone else' }, 'recordedBy'],
  ])('when the check is %j, then it is a 400 naming %s and nothing is recorded', async (over, field) => {
    const before = await tableDigest(t.db, ['certificate_verifications', 'audit_events']);
    const res = await analyst.post(`/api/certificates/${certificateId}/verifications`).send(verifyBody(over));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
    expect(await tableDigest(t.db, ['certificate_verifications', 'audit_events'])).toEqual(before);
  });

  test.each([
    ['https://www.certcheck.ukas.com/certification/IS-123456', "UKAS CertCheck"],
    ['https://iafcertsearch.org/certification/abc', 'IAF CertSearch'],
    ['https://certificates.example-cb.test/lookup?n=IS123456', 'certificates.example-cb.test'],
  ])('when the page checked is %s, then the check names the directory %s (from the address, never another directory)', async (url, name) => {
    expect(directoryNameFor(url, certificationBodyInfo('BSI', 'UKAS'))).toBe(name);
  });

  test("when another buyer's analyst asks about a certificate it was shared, then it sees only its own checks", async () => {
    expect((await otherBuyerAnalyst.get(`/api/certificates/${certificateId}/verifications`).expect(200)).body.verifications).toEqual([]);
  });

  test('when the analyst records a verified check, then who, when and where are kept with the facts checked, it is audited, and CERT_UNVERIFIED is gone for this buyer only', async () => {
    const res = await analyst.post(`/api/certificates/${certificateId}/verifications`).send(verifyBody({ note: 'Listed as valid' })).expect(201);
    expect(res.body.verification).toMatchObject({
      outcome: 'verified',
      directoryName: "UKAS CertCheck",
      directoryUrl: 'https://www.certcheck.ukas.com/certification/IS-123456',
      checkedOn: '2026-11-30',
      note: 'Listed as valid',
      checkedFacts: { certificateNumber: 'IS 123456', certificationBody: 'BSI', legalEntity: 'Acme BPO Philippines, Inc.', expiryDate: '2028-01-01' },
      changedSince: [],
      recordedBy: { name: 'Dana Analyst' },
      evidence: null,
    });
    const audit = await t.db.selectFrom('audit_events').select(['action', 'organization_id', 'details']).where('target_id', '=', certificateId).where('action', '=', 'certificate.verification_recorded').execute();
    expect(audit).toEqual([expect.objectContaining({ organization_id: buyer.id, details: expect.objectContaining({ outcome: 'verified', directoryUrl: 'https://www.certcheck.ukas.com/certification/IS-123456' }) })]);
    expect((await findingsOf(analyst)).map((f) => f.code)).not.toContain('CERT_UNVERIFIED');
    expect((await analyst.get(`/api/certificates/${certificateId}/verifications`).expect(200)).body.state).toBe('verified');
    // The other buyer's due diligence is its own: its engagement still asks for a check.
    const otherEngagement = (await otherBuyerAnalyst.get('/api/engagements').expect(200)).body.engagements[0].id;
    expect((await findingsOf(otherBuyerAnalyst, otherEngagement)).map((f) => f.code)).toContain('CERT_UNVERIFIED');
  });

  test('when a screenshot is attached, then it is served back as an attachment with its hash, only once per check, and only as PNG, JPEG or PDF', async () => {
    const [v] = (await analyst.get(`/api/certificates/${certificateId}/verifications`).expect(200)).body.verifications;
    const refused = await analyst.post(`/api/certificate-verifications/${v.id}/evidence`).attach('file', Buffer.from('just text\n'), 'note.txt');
    expect(refused.status).toBe(415);
    const image = png();
    const ok = await analyst.post(`/api/certificate-verifications/${v.id}/evidence`).attach('file', image, 'ukas-certcheck.png').expect(200);
    expect(ok.body.verification.evidence).toMatchObject({ name: 'ukas-certcheck.png', mime: 'image/png', sizeBytes: image.length });
    const again = await analyst.post(`/api/certificate-verifications/${v.id}/evidence`).attach('file', image, 'second.png');
    expect(again.status).toBe(409);
    const got = await legal.get(`/api/certificate-verifications/${v.id}/evidence`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(Buffer.compare(got.body as Buffer, image)).toBe(0);
    expect(got.headers['content-disposition']).toContain('attachment');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect((await otherBuyerAnalyst.get(`/api/certificate-verifications/${v.id}/evidence`)).status).toBe(404);
    expect((await providerAdmin.get(`/api/certificate-verifications/${v.id}/evidence`)).status).toBe(403);
    const stored = await t.db.selectFrom('certificate_verifications').select(['evidence_sha256']).where('id', '=', v.id).executeTakeFirstOrThrow();
    expect(stored.evidence_sha256).toHaveLength(64);
  });

  test('when the provider corrects the expiry after the check, then the check is stale and CERT_UNVERIFIED says what changed', async () => {
    await providerAdmin.patch(`/api/certificates/${certificateId}`).send({ expiryDate: '2028-06-30' }).expect(200);
    const f = (await findingsOf(analyst)).find((x) => x.code === 'CERT_UNVERIFIED');
    expect(f?.explanation).toContain('expiry date "2028-06-30" (checked: "2028-01-01")');
    const list = (await analyst.get(`/api/certificates/${certificateId}/verifications`).expect(200)).body;
    expect(list.state).toBe('stale');
    expect(list.verifications[0].changedSince).toEqual([{ field: 'expiryDate', checked: '2028-01-01', now: '2028-06-30' }]);
  });

  test('when a new check finds no such certificate, then CERT_VERIFICATION_FAILED (high) quotes who, when and the note', async () => {
    await analyst.post(`/api/certificates/${certificateId}/verifications`).send(verifyBody({ outcome: 'not_found', checkedOn: '2026-12-01', note: 'No IS 123456 under BSI in CertCheck' })).expect(201);
    const list = await findingsOf(analyst);
    const failed = list.find((x) => x.code === 'CERT_VERIFICATION_FAILED');
    expect(failed).toMatchObject({ severity: 'high', facts: { outcome: 'not_found', checkedOn: '2026-12-01', note: 'No IS 123456 under BSI in CertCheck', recordedBy: 'Dana Analyst' } });
    expect(list.map((f) => f.code)).not.toContain('CERT_UNVERIFIED');
    expect((await analyst.get(`/api/certificates/${certificateId}/verifications`).expect(200)).body).toMatchObject({ state: 'failed', verifications: [{ outcome: 'not_found' }, { outcome: 'verified' }] });
  });

  test('when a later version of the certificate is shared, then it needs checking again', async () => {
    const v2 = await makeDocument(t.db, t.deps.storage, provider.id, { kind: 'certificate' });
    await shareDocument(t.db, engagementId, v2);
    const newer = await makeCertificate(t.db, provider.id, v2, { certificate_number: 'IS 123456', issue_date: '2026-01-01', expiry_date: '2029-01-01', accreditation_body: 'UKAS', legal_entity: 'Acme BPO Philippines, Inc.' });
    const list = await findingsOf(analyst);
    expect(list.find((f) => f.code === 'CERT_UNVERIFIED')?.facts).toMatchObject({ certificateId: newer });
  });

  test('when someone tries to rewrite a recorded check in the database, then it refuses', async () => {
    await expect(t.db.updateTable('certificate_verifications').set({ outcome: 'verified' }).where('certificate_id', '=', certificateId).execute()).rejects.toThrow(/records/);
  });
});
