import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';
import { tableDigest } from '../helpers/digest';
import { makePdf } from '../helpers/files';
import { makeEngagement, makeOrganization, makeUser } from '../helpers/factories';
import { writeCertificateFixtures, type FixtureName } from '../certificate/fixtures/generate';
import { writeZip } from '../soa/zip-writer';

let t: TestContext;
let provider: Client;
let buyer: Client;
let otherBuyer: Client;
let engagementId: string;
let pdfs: Record<FixtureName, string>;
let tmp: string;
const soaFixture = (name: string) => fs.readFileSync(path.join(__dirname, '../soa/fixtures', name));

beforeAll(async () => {
  t = await createTestContext();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scopewise-certs-'));
  pdfs = await writeCertificateFixtures(tmp);
  const prov = await makeOrganization(t.db, 'provider', 'Acme BPO');
  const b = await makeOrganization(t.db, 'buyer', 'Northwind Bank');
  provider = await signedIn(t.app, (await makeUser(t.db, prov.id, 'contributor')).email);
  buyer = await signedIn(t.app, (await makeUser(t.db, b.id, 'analyst')).email);
  otherBuyer = await signedIn(t.app, (await makeUser(t.db, (await makeOrganization(t.db, 'buyer')).id, 'admin')).email);
  engagementId = await makeEngagement(t.db, b.id, prov.id);
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await t.close();
});

const uploadFile = async (file: Buffer, name: string, kind: string) => (await provider.post('/api/documents').field('kind', kind).attach('file', file, name).expect(201)).body.document;

describe('certificates', () => {
  test('when a certificate PDF is read, then each proposed field comes with the text it was read from, and confirming it records the certificate', async () => {
    const doc = await uploadFile(fs.readFileSync(pdfs['bsi-like']), 'bsi-certificate.pdf', 'certificate');
    const res = await provider.post(`/api/documents/${doc.id}/extract-certificate`).expect(200);
    const f = res.body.fields;
    expect(f.edition.value).toBe('2022');
    expect(f.certificateNumber.value).toBe('IS 765432');
    expect(f.certificationBody.value).toBe('BSI');
    expect(f.accreditationBody.value).toBe('UKAS');
    expect(f.expiryDate.value).toBe('2027-04-04');
    expect(f.soaReference.value).toEqual({ version: '1.1', date: '2024-05-13' });
    expect(f.legalEntity.source.snippet).toContain('Acme BPO Philippines Inc.');
    expect(res.body.warnings.length).toBeGreaterThan(0);

    const input = {
      documentId: doc.id,
      standard: 'ISO/IEC 27001',
      edition: f.edition.value,
      certificateNumber: f.certificateNumber.value,
      certificationBody: f.certificationBody.value,
      accreditationBody: f.accreditationBody.value,
      legalEntity: f.legalEntity.value,
      issueDate: f.issueDate.value,
      expiryDate: f.expiryDate.value,
      scopeText: f.scopeText.value,
      sites: f.sites.map((s: { value: unknown }) => s.value),
      services: f.services.map((s: { value: string }) => s.value),
      soaReference: f.soaReference.value,
    };
    const created = await provider.post('/api/certificates').send(input).expect(201);
    expect(created.body.certificate).toMatchObject({ certificateNumber: 'IS 765432', edition: '2022', sites: [expect.objectContaining({ city: 'Makati City' })], soaReference: { version: '1.1', date: '2024-05-13' } });

    await buyer.get(`/api/certificates/${created.body.certificate.id}`).expect(404);
    await provider.post(`/api/engagements/${engagementId}/shares`).send({ documentIds: [doc.id] }).expect(200);
    const seen = await buyer.get(`/api/certificates?documentId=${doc.id}`).expect(200);
    expect(seen.body.certificates.map((c: { id: string }) => c.id)).toEqual([created.body.certificate.id]);
    expect(seen.body.certificates[0].abilities.update).toBe(false);
    await otherBuyer.get(`/api/certificates/${created.body.certificate.id}`).expect(404);
    await buyer.patch(`/api/certificates/${created.body.certificate.id}`).send({ edition: '2013' }).expect(403);

    const fixed = await provider.patch(`/api/certificates/${created.body.certificate.id}`).send({ accreditationBody: null }).expect(200);
    expect(fixed.body.certificate.accreditationBody).toBeNull();
    const wrongDates = await provider.patch(`/api/certificates/${created.body.certificate.id}`).send({ expiryDate: '2020-01-01' }).expect(400);
    expect(wrongDates.body.error.details.fields[0].path).toBe('expiryDate');
  });

  test('when the PDF is a scan without a text layer, then 422 says there is no text to read', async () => {
    const doc = await uploadFile(fs.readFileSync(pdfs.scanned), 'scan.pdf', 'certificate');
    const res = await provider.post(`/api/documents/${doc.id}/extract-certificate`).expect(422);
    expect(res.body.error.message).toMatch(/no text layer/);
    expect(res.body.error.details.reason).toBe('no_text_layer');
  });

  test('when the PDF is not a certificate, then 422 says so', async () => {
    const doc = await uploadFile(await makePdf(['Minutes of the canteen committee', 'Lunch menu for March']), 'minutes.pdf', 'certificate');
    const res = await provider.post(`/api/documents/${doc.id}/extract-certificate`).expect(422);
    expect(res.body.error.details.reason).toBe('not_a_certificate');
  });

  test('when the document is not a PDF, then 422 asks for the facts by hand', async () => {
    const doc = await uploadFile(Buffer.from('certificate number 123\n'), 'cert.txt', 'certificate');
    await provider.post(`/api/documents/${doc.id}/extract-certificate`).expect(422);
  });

  test.each([
    ['2027 as an edition', { edition: '2027' }, 'edition'],
    ['an expiry before the issue', { issueDate: '2025-01-01', expiryDate: '2024-01-01' }, 'expiryDate'],
    ['an impossible date', { issueDate: '2025-02-30' }, 'issueDate'],
    ['ISO 27002 as the standard', { standard: 'ISO/IEC 27002' }, 'standard'],
    ['a site with neither a city nor a street address', { sites: [{ name: 'Head office', country: 'PH' }] }, 'sites.0.city'],
  ])('when the facts have %s, then 400 names %s and nothing is recorded', async (_what, patch, field) => {
    const doc = await uploadFile(fs.readFileSync(pdfs['tuv-like']), 'tuv.pdf', 'certificate');
    const before = await tableDigest(t.db, ['certificates']);
    const base = { documentId: doc.id, standard: 'ISO/IEC 27001', edition: '2022', certificateNumber: '1', certificationBody: 'TÜV SÜD', accreditationBody: 'DAkkS', legalEntity: 'Acme BPO', issueDate: '2024-01-01', expiryDate: '2027-01-01', scopeText: 'Contact centre' };
    const res = await provider.post('/api/certificates').send({ ...base, ...patch }).expect(400);
    expect(res.body.error.details.fields.map((x: { path: string }) => x.path)).toContain(field);
    expect(await tableDigest(t.db, ['certificates'])).toBe(before);
  });

  test.each([
    ['only a city and a country', { city: 'Makati City', country: 'Philippines' }, { address: '', city: 'Makati City', country: 'Philippines' }],
    ['a name and a city', { name: 'Acme BPO Makati', city: 'Makati City' }, { name: 'Acme BPO Makati', address: '', city: 'Makati City' }],
    ['a street address only', { address: '6796 Ayala Avenue, Makati City' }, { address: '6796 Ayala Avenue, Makati City' }],
  ])('when a site gives %s, then the certificate is recorded without a street address being required', async (_what, site, stored) => {
    const doc = await uploadFile(fs.readFileSync(pdfs['tuv-like']), 'tuv.pdf', 'certificate');
    const base = { documentId: doc.id, standard: 'ISO/IEC 27001', edition: '2022', certificateNumber: '1', certificationBody: 'TÜV SÜD', accreditationBody: 'DAkkS', legalEntity: 'Acme BPO', issueDate: '2024-01-01', expiryDate: '2027-01-01', scopeText: 'Contact centre' };
    const res = await provider.post('/api/certificates').send({ ...base, sites: [site] }).expect(201);
    expect(res.body.certificate.sites).toEqual([stored]);
  });

  test('when the document is not a certificate, then 400 names documentId', async () => {
    const doc = await uploadFile(await makePdf(['Policy']), 'policy.pdf', 'policy');
    const res = await provider.post('/api/certificates').send({ documentId: doc.id, standard: 'ISO/IEC 27001', edition: '2022', certificateNumber: '1', certificationBody: 'BSI', accreditationBody: null, legalEntity: 'Acme', issueDate: '2024-01-01', expiryDate: '2027-01-01', scopeText: 'x' }).expect(400);
    expect(res.body.error.details.fields[0]).toEqual({ path: 'documentId', message: 'is a policy, not a certificate' });
  });
});

describe('Statements of Applicability', () => {
  test('when a messy SoA workbook is imported, then every control has one row with how it was read, and the report lists inferences; saving it makes it visible to the buyer once shared', async () => {
    const res = await provider.post('/api/soas/import').attach('file', soaFixture('mangled-2022.xlsx'), 'SoA.xlsx').expect(200);
    expect(res.body.rows).toHaveLength(93);
    expect(res.body.rows.find((r: { controlId: string }) => r.controlId === '5.10').source.method).toMatch(/repaired_by_(title|order)/);
    expect(res.body.summary.controls).toBe(93);

    const doc = await uploadFile(soaFixture('mangled-2022.xlsx'), 'SoA.xlsx', 'soa');
    const saved = await provider
      .post('/api/soas')
      .send({ documentId: doc.id, version: res.body.version, date: res.body.date, numbering: res.body.numbering, rows: res.body.rows.map(({ title: _t, ...r }: { title: string }) => r), importReport: res.body.report })
      .expect(201);
    expect(saved.body.soa.rows).toHaveLength(93);
    await buyer.get(`/api/soas/${saved.body.soa.id}`).expect(404);
    await provider.post(`/api/engagements/${engagementId}/shares`).send({ documentIds: [doc.id] }).expect(200);
    const seen = await buyer.get(`/api/soas/${saved.body.soa.id}`).expect(200);
    expect(seen.body.soa.summary).toEqual(saved.body.soa.summary);
    await otherBuyer.get(`/api/soas/${saved.body.soa.id}`).expect(404);
  });

  test('when a CSV with a BOM and semicolons is imported, then it is read like a workbook', async () => {
    const res = await provider.post('/api/soas/import').attach('file', soaFixture('semicolon-bom.csv'), 'soa.csv').expect(200);
    expect(res.body.rows).toHaveLength(93);
  });

  test('when the SoA rows miss controls or repeat one, then 400 names the rows and nothing is saved', async () => {
    const doc = await uploadFile(soaFixture('clean-2022.xlsx'), 'clean.xlsx', 'soa');
    const before = await tableDigest(t.db, ['soas', 'soa_rows']);
    const res = await provider.post('/api/soas').send({ documentId: doc.id, rows: [{ controlId: '5.1', applicable: true, implementation: 'full' }, { controlId: '5.1', applicable: true, implementation: 'full' }, { controlId: '9.9', applicable: true, implementation: 'full' }] }).expect(400);
    const paths = res.body.error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['rows.2.controlId']));
    expect(await tableDigest(t.db, ['soas', 'soa_rows'])).toBe(before);
  });

  test.each([
    ['a corrupt workbook', () => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000, 7)]), 'soa.xlsx', [400, 415]],
    ['a PDF', () => fs.readFileSync(pdfs['bsi-like']), 'soa.pdf', [415]],
    ['an empty file', () => Buffer.alloc(0), 'soa.csv', [400]],
  ])('when the import is %s, then a clear 4xx and nothing is saved', async (_what, make, name, statuses) => {
    const before = await tableDigest(t.db, ['soas', 'soa_rows', 'documents']);
    const res = await provider.post('/api/soas/import').attach('file', make(), name);
    expect(statuses).toContain(res.status);
    expect(res.body.error.message).toBeTruthy();
    expect(await tableDigest(t.db, ['soas', 'soa_rows', 'documents'])).toBe(before);
  });

  test('when the workbook is a zip bomb, then 413 and nothing is read or saved', async () => {
    const bomb = writeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(16 * 1024 * 1024, 0x20) },
    ]);
    const before = await tableDigest(t.db, ['soas', 'soa_rows', 'documents']);
    const res = await provider.post('/api/soas/import').attach('file', bomb, 'soa.xlsx');
    expect([413, 415]).toContain(res.status);
    expect(res.body.error.message).toMatch(/zip bomb|unpack|xlsx/i);
    expect(await tableDigest(t.db, ['soas', 'soa_rows', 'documents'])).toBe(before);
  });

  test('when a CSV was saved in Windows-1252 by an old Excel, then it is still read', async () => {
    const csv = fs.readFileSync(path.join(__dirname, '../soa/fixtures/semicolon-bom.csv'), 'utf8').replace(/^\uFEFF/, '');
    const res = await provider.post('/api/soas/import').attach('file', Buffer.from(csv.replace(/Contr[oô]le/g, 'Contrôle'), 'latin1'), 'soa.csv').expect(200);
    expect(res.body.rows).toHaveLength(93);
  });

  test('when a workbook holds too many rows, then 413 names the limit', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('SoA');
    ws.addRow(['Control', 'Title', 'Applicable']);
    for (let i = 0; i < 5100; i++) ws.addRow(['5.1', 'Policies', 'Yes']);
    const res = await provider.post('/api/soas/import').attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'big.xlsx').expect(413);
    expect(res.body.error.message).toMatch(/rows/);
  });

  test('when a buyer imports an SoA, then 403', async () => {
    await buyer.post('/api/soas/import').attach('file', soaFixture('clean-2022.xlsx'), 'soa.xlsx').expect(403);
  });
});
