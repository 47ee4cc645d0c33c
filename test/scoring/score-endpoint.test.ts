import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readPdfText } from '../../server/certificate/pdf-text';
import { projectRoot } from '../../server/config';
import { humanDate, humanDatesIn } from '../../server/reports/assessment-report';
import { scoringTablesDto } from '../../shared/schemas/scoring-profile';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';
import { completeSmallAnswers, engagementInput, makeAssessment, makeCertificate, makeDocument, makeEngagement, makeOrganization, makeTemplate, makeUser, shareDocument } from '../helpers/factories';

let t: TestContext;
let analyst: Client;
let provider: Client;
let ids: { engagementId: string; buyerOrgId: string; providerOrgId: string; templateVersionId: string };

beforeAll(async () => {
  t = await createTestContext();
  const b = await makeOrganization(t.db, 'buyer');
  const p = await makeOrganization(t.db, 'provider');
  analyst = await signedIn(t.app, (await makeUser(t.db, b.id, 'analyst')).email);
  provider = await signedIn(t.app, (await makeUser(t.db, p.id, 'admin')).email);
  ids = { engagementId: await makeEngagement(t.db, b.id, p.id), buyerOrgId: b.id, providerOrgId: p.id, templateVersionId: (await makeTemplate(t.db, b.id)).versionId };
});
afterAll(() => t.close());

describe('GET /api/assessments/:id/score', () => {
  test('when a questionnaire was submitted, then the buyer gets the score with its breakdown down to each answer', async () => {
    const id = await makeAssessment(t.db, ids, 'submitted', { ...completeSmallAnswers, 'training-frequency': { value: 'onboarding' } });
    const res = await analyst.get(`/api/assessments/${id}/score`).expect(200);
    const s = res.body.score;
    expect(s.controls).toHaveLength(93);
    const screening = s.controls.find((c: { controlId: string }) => c.controlId === '6.1');
    // Evidence is required for screening and none is attached: 1 capped to 0.5.
    expect(screening.questions[0]).toMatchObject({ questionKey: 'screening', rawCredit: 1, credit: 0.5, capped: 'evidence_missing' });
    expect(s.controls.find((c: { controlId: string }) => c.controlId === '6.3').score).toBe(0.4);
    expect(s.gaps.map((g: { controlId: string }) => g.controlId)).toContain('6.3');
    expect(['A', 'B', 'C', 'D']).toContain(s.rating);
    // Scored on what the questionnaire asks (5 controls) and what the engagement requires, not the whole catalog.
    expect(s.coverage).toMatchObject({ asked: 5, catalog: 93 });
    expect(s.coverage.applicable).toBe(s.controls.filter((c: { applicable: boolean }) => c.applicable).length);
    expect(s.controls.find((c: { controlId: string }) => c.controlId === '7.5')).toMatchObject({ applicable: false, asked: false, notApplicableReason: 'Not asked by this questionnaire, and not required by the engagement' });
  });

  test('when the client accepts gzip, then the same score comes compressed (and plain to a client that does not)', async () => {
    const id = await makeAssessment(t.db, ids, 'submitted', completeSmallAnswers);
    const plain = await analyst.get(`/api/assessments/${id}/score`).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await analyst.get(`/api/assessments/${id}/score`).set('Accept-Encoding', 'gzip, deflate, br').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(Number(zipped.headers['content-length'])).toBeLessThan(Number(plain.headers['content-length']) / 3);
    expect(zipped.body).toEqual(plain.body);
  });

  test('when the questionnaire is not submitted, then 409; when the provider asks, then 403', async () => {
    const open = await makeAssessment(t.db, ids, 'in_progress', completeSmallAnswers);
    await analyst.get(`/api/assessments/${open}/score`).expect(409);
    const done = await makeAssessment(t.db, ids, 'submitted', completeSmallAnswers);
    await provider.get(`/api/assessments/${done}/score`).expect(403);
  });
});

describe('scoring profile', () => {
  test('when weights are negative, absurd or name unknown controls, then 400 names them and nothing changes', async () => {
    const res = await analyst.put('/api/scoring/profile').send({ weights: { '8.24': -1, '5.1': 1000, '9.9': 2 } }).expect(400);
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['weights.5.1', 'weights.8.24', 'weights.9.9']);
    expect((await analyst.get('/api/scoring').expect(200)).body.weights).toEqual({});
  });

  test('when legal reads the scoring tables, then they may not edit the weights and a save is refused; administrators and analysts may', async () => {
    const legal = await signedIn(t.app, (await makeUser(t.db, ids.buyerOrgId, 'legal')).email);
    const admin = await signedIn(t.app, (await makeUser(t.db, ids.buyerOrgId, 'admin')).email);
    const read = async (c: Client) => scoringTablesDto.parse((await c.get('/api/scoring').expect(200)).body);
    expect((await read(legal)).abilities).toEqual({ editWeights: false });
    expect((await read(analyst)).abilities).toEqual({ editWeights: true });
    expect((await read(admin)).abilities).toEqual({ editWeights: true });
    const before = (await read(legal)).weights;
    const refused = await legal.put('/api/scoring/profile').send({ weights: { '5.1': 4 } }).expect(403);
    expect(refused.body.error.message).toMatch(/scoring profile/);
    expect((await read(legal)).weights).toEqual(before);
  });

  test('when an analyst saves the profile, then one audit event holds the weights and every engagement of the buyer (no other buyer\'s) is summarised again before the answer', async () => {
    const second = await makeEngagement(t.db, ids.buyerOrgId, ids.providerOrgId, { name: 'Second line' });
    const otherBuyer = await makeOrganization(t.db, 'buyer');
    const foreign = await makeEngagement(t.db, otherBuyer.id, ids.providerOrgId);
    const summaryOf = (id: string) => t.db.selectFrom('engagement_summaries').select('computed_at').where('engagement_id', '=', id).executeTakeFirst();
    const foreignBefore = await summaryOf(foreign);
    const { now } = await t.db.selectNoFrom((eb) => eb.fn<Date>('now', []).as('now')).executeTakeFirstOrThrow();
    await analyst.put('/api/scoring/profile').send({ weights: { '5.15': 2 } }).expect(200);
    for (const id of [ids.engagementId, second]) expect({ id, recomputed: ((await summaryOf(id))?.computed_at ?? new Date(0)) >= now }).toEqual({ id, recomputed: true });
    expect(await summaryOf(foreign)).toEqual(foreignBefore);
    const events = await t.db.selectFrom('audit_events').select(['details', 'organization_id']).where('action', '=', 'scoring.profile_changed').where('organization_id', '=', ids.buyerOrgId).execute();
    expect(events.at(-1)).toEqual({ organization_id: ids.buyerOrgId, details: { weights: { '5.15': 2 } } });
    await analyst.put('/api/scoring/profile').send({ weights: {} }).expect(200);
  });

  test('when a control weighs 3 in the profile, then the score uses it (times the engagement multipliers)', async () => {
    await analyst.put('/api/scoring/profile').send({ weights: { '6.1': 3 } }).expect(200);
    const id = await makeAssessment(t.db, ids, 'submitted', completeSmallAnswers);
    const s = (await analyst.get(`/api/assessments/${id}/score`).expect(200)).body.score;
    expect(s.controls.find((c: { controlId: string }) => c.controlId === '6.1')).toMatchObject({ baseWeight: 3, weight: 3 });
    const tables = (await analyst.get('/api/scoring').expect(200)).body;
    expect(tables.multipliers.find((m: { reason: string }) => m.reason === 'Payment card data').controlIds).toEqual(['8.24', '8.12', '8.11', '5.34']);
    expect(tables.residualRisk['1'].D).toBe('critical');
  });
});

describe('assessment reports', () => {
  const binary = (r: import('supertest').Test) =>
    r.buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });

  test('when the buyer downloads the report, then the PDF has a text layer with the score and the xlsx holds every control and the evidence hashes', async () => {
    const id = await makeAssessment(t.db, ids, 'submitted', completeSmallAnswers);
    const pdf = await binary(analyst.get(`/api/assessments/${id}/report?format=pdf`)).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await readPdfText(pdf.body as Buffer)).text;
    expect(text).toMatch(/Score [\d.]+ \/ 100/);
    // What the score covers: the controls that count, how many of the 93 the questionnaire asks about, and required ones nobody asked about.
    const score = (await analyst.get(`/api/assessments/${id}/score`).expect(200)).body.score;
    const { answered, applicable, requiredNotAsked } = score.coverage as { answered: number; applicable: number; requiredNotAsked: string[] };
    expect(requiredNotAsked.length).toBeGreaterThan(0);
    expect(text.replace(/\s+/g, ' ')).toContain(
      `Coverage: ${answered} of the ${applicable} controls that count answered; the questionnaire asks about 5 of the 93, and the others do not count. The engagement requires ${requiredNotAsked.length} controls the questionnaire does not ask about (${requiredNotAsked.join(', ')}): they count as 0.`,
    );
    const xlsx = await binary(analyst.get(`/api/assessments/${id}/report?format=xlsx`)).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Controls', 'Answers', 'Findings', 'Evidence', 'Scope']);
    expect(wb.getWorksheet('Controls')!.actualRowCount).toBe(94);
    expect(String(wb.getWorksheet('Summary')!.getRow(9).getCell(2).value)).toMatch(/^\d+ of the \d+ controls that count answered; the questionnaire asks about 5 of the 93, and the others do not count\. The engagement requires/);
    await analyst.get(`/api/assessments/${id}/report?format=docx`).expect(400);
  });

  test('when names carry letters outside Latin-1, then the PDF prints them and the arrow as written, dates for people, a theme chart and no developer footer', async () => {
    const b = await makeOrganization(t.db, 'buyer', 'Łódź Kredyt Bank');
    const p = await makeOrganization(t.db, 'provider', 'Nguyễn Outsourcing Šibenik');
    const who = await signedIn(t.app, (await makeUser(t.db, b.id, 'analyst')).email);
    const e = { engagementId: await makeEngagement(t.db, b.id, p.id, { name: 'Ценообразование support' }), buyerOrgId: b.id, providerOrgId: p.id, templateVersionId: (await makeTemplate(t.db, b.id)).versionId };
    const id = await makeAssessment(t.db, e, 'submitted', completeSmallAnswers);
    const pdf = await binary(who.get(`/api/assessments/${id}/report?format=pdf`)).expect(200);
    const text = (await readPdfText(pdf.body as Buffer)).text.replace(/\s+/g, ' ');
    expect(text).toContain('Łódź Kredyt Bank → Nguyễn Outsourcing Šibenik');
    expect(text).toContain('Ценообразование support');
    expect(text).toMatch(/Submitted \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}, \d{2}:\d{2} UTC/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(text).not.toContain('/api/');
    // Finding codes stay, beside the finding's title, never alone.
    expect(text).toContain('No ISO/IEC 27001 certificate shared (CERT_MISSING)');
    expect(text).not.toMatch(/· CERT_MISSING ·/);
    // No certificate shared: each contracted site and service is unknown, and the report says why.
    expect(text).toContain('Site: Cebu unknown No ISO/IEC 27001 certificate is shared with the engagement.');
    expect(text).toContain('Service: Inbound customer support unknown');
    // The chart labels each theme with its score and weight as text; a theme with no control that counts is not drawn as a 0.
    expect(text).toMatch(/Themes Organizational [\d.]+ \(weight [\d.]+\) People [\d.]+ \(weight [\d.]+\) Physical not scored: no control that counts Technological [\d.]+ \(weight [\d.]+\) 0 25 50 75 100/);
    fs.mkdirSync(path.join(projectRoot, 'test-artifacts'), { recursive: true });
    fs.writeFileSync(path.join(projectRoot, 'test-artifacts', 'assessment-report-names.pdf'), pdf.body as Buffer);
  });

  test.each([
    ['2026-12-07', '7 Dec 2026'],
    ['2026-09-07T14:32:11.123Z', '7 Sep 2026, 14:32 UTC'],
    ['The certificate CEBU-0 (BSI) covers nothing: it expired on 2025-01-01.', 'The certificate CEBU-0 (BSI) covers nothing: it expired on 1 Jan 2025.'],
    ['SHA-256 a1b2-2026-01-01c stays as written', 'SHA-256 a1b2-2026-01-01c stays as written'],
  ])('when the report prints %s, then people read %s', (iso, human) => {
    expect(iso.length === 10 ? humanDate(iso) : humanDatesIn(iso)).toBe(human);
  });
  test('when the engagement has contracted sites and certificates, then the PDF has the scope table with each verdict and why, and the certificates with their directory check', async () => {
    const cebu = { name: 'Cebu delivery centre', address: '5th Floor, i2 Building, Cebu IT Park, Lahug', city: 'Cebu City', country: 'PH' };
    const makati = { name: 'Makati delivery centre', address: '12th Floor, Ayala North Exchange, 6796 Ayala Avenue', city: 'Makati City', country: 'PH' };
    const checker = await makeUser(t.db, ids.buyerOrgId, 'analyst', { name: 'Dana Okafor' });
    const res = await analyst.post('/api/engagements').send(engagementInput({ name: 'Card support', providerOrganizationId: ids.providerOrgId, sites: [cebu, makati] })).expect(201);
    const engagementId = res.body.engagement.id as string;
    const share = async (fields: Parameters<typeof makeCertificate>[3]) => {
      const documentId = await makeDocument(t.db, t.deps.storage, ids.providerOrgId, { kind: 'certificate' });
      await shareDocument(t.db, engagementId, documentId);
      return makeCertificate(t.db, ids.providerOrgId, documentId, { accreditation_body: 'UKAS', legal_entity: 'Acme BPO Philippines, Inc.', ...fields });
    };
    const checked = await share({ certificate_number: 'MAKATI-1', certification_body: 'BSI', expiry_date: '2028-03-09', scope_text: 'Inbound customer support (voice and chat) from Makati', sites: JSON.stringify([makati]) });
    await share({ certificate_number: 'CEBU-0', certification_body: 'TÜV SÜD', issue_date: '2022-01-01', expiry_date: '2025-01-01', scope_text: 'Inbound customer support (voice and chat) from Cebu City', sites: JSON.stringify([cebu]) });
    await t.db
      .insertInto('certificate_verifications')
      .values({
        certificate_id: checked,
        organization_id: ids.buyerOrgId,
        outcome: 'verified',
        directory_name: 'UKAS CertCheck',
        directory_url: 'https://certcheck.ukas.com',
        checked_on: '2026-12-07',
        note: '',
        checked_facts: JSON.stringify({ certificateNumber: 'MAKATI-1', certificationBody: 'BSI', legalEntity: 'Acme BPO Philippines, Inc.', expiryDate: '2028-03-09' }),
        recorded_by: checker.id,
      })
      .execute();
    const id = await makeAssessment(t.db, { ...ids, engagementId }, 'submitted', completeSmallAnswers);
    const pdf = await binary(analyst.get(`/api/assessments/${id}/report?format=pdf`)).expect(200);
    fs.mkdirSync(path.join(projectRoot, 'test-artifacts'), { recursive: true });
    fs.writeFileSync(path.join(projectRoot, 'test-artifacts', 'assessment-report-scope.pdf'), pdf.body as Buffer);
    const read = await readPdfText(pdf.body as Buffer);
    const text = read.text.replace(/\s+/g, ' ');
    // Numbered pages for a committee pack, and no blank page after the last one.
    expect(read.pages).toBe(2);
    expect(text).toContain('Page 1 of 2');
    expect(text).toMatch(/Page 2 of 2$/);
    // Dates for people, everywhere: no ISO timestamp and no ISO day.
    expect(text).toMatch(/Submitted \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // The scope table: each contracted site and service with its verdict, and the certificate that covers it or why none does.
    expect(text).toContain('Scope: contracted sites and services');
    expect(text).toMatch(/Site: Makati delivery centre covered MAKATI-1 \(BSI\): /);
    expect(text).toMatch(/Site: Cebu delivery centre not covered .*CEBU-0 \(TÜV SÜD\) covers nothing: it expired on 1 Jan 2025/);
    expect(text).toMatch(/Service: Inbound customer support \(voice and chat\) (covered|confirm|not covered) \S/);
    // The certificates it rests on, and whether the buyer checked each in a public directory.
    expect(text).toMatch(/MAKATI-1 BSI 9 Mar 2028 valid checked in UKAS CertCheck on 7 Dec 2026 by Dana Okafor/);
    expect(text).toMatch(/CEBU-0 TÜV SÜD 1 Jan 2025 covers nothing: it expired on 1 Jan 2025 not checked/);
    // The workbook carries the same scope table.
    const xlsx = await binary(analyst.get(`/api/assessments/${id}/report?format=xlsx`)).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    const rows = wb.getWorksheet('Scope')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1, 4).join(' | '));
    expect(rows).toEqual(expect.arrayContaining(['Site | Cebu delivery centre | not covered', 'Site | Makati delivery centre | covered', 'MAKATI-1 | BSI | 2028-03-09']));
    // Finding codes stay, beside their title.
    expect(text).toMatch(/Delivery site .Cebu delivery centre. is outside the certificate's scope \(SCOPE_SITE_NOT_COVERED/);
  });
});
