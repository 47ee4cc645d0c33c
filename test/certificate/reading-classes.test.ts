import { certificationBodyInfo, findCertificationBody } from '../../shared/certificate/bodies';
import { findCertificateNumber } from '../../shared/certificate/certificate-number';
import { classifyDates, findCertificateDates } from '../../shared/certificate/certificate-dates';
import { certificateFeatures, NOT_A_CERTIFICATE_WARNING } from '../../shared/certificate/certificate-features';
import { extractCertificateFields, readCertificate } from '../../shared/certificate/extract';
import { findScopeText } from '../../shared/certificate/scope';
import { findSites, splitAddress } from '../../shared/certificate/sites';

// Texts below are written the way certificates of several bodies print them (labels, order, line breaks).

describe('dates are classified by their label', () => {
  test.each([
    ['Issue date of certificate: April 28, 2025', 'issue'],
    ['Expiration date of certificate: May 1, 2028', 'expiry'],
    ['Last certification cycle expiration date: May 1, 2025', 'other'],
    ['Certified by Example CertifyPoint since: May 2, 2019', 'original'],
    ['Original Certification Date: October 2, 2021', 'original'],
    ['Registration date: October 2, 2024', 'issue'],
    ['Current certificate issued: 2023-11-10', 'issue'],
    ['Valid until 2027-11-30', 'expiry'],
    ['Certification / Recertification Audit date: 12 May 2025', 'other'],
    ['Date of Certification Decision: 05/30/2022', 'other'],
    ['Expiry date of previous cycle: 20 June 2025', 'other'],
    ['Prima emissione / First issue: 13/05/2018', 'original'],
  ])('when a certificate prints "%s", then the date is read as %s', (line, role) => {
    expect(classifyDates(line).map((c) => c.role)).toEqual([role]);
  });

  test('when "Valid from X to Y" is printed, then X is the issue and Y the expiry', () => {
    const d = findCertificateDates('This certificate is valid from May 13, 2024 to May 12, 2027, subject to successful annual surveillance audits.');
    expect([d.issueDate?.value, d.expiryDate?.value]).toEqual(['2024-05-13', '2027-05-12']);
  });

  test('when the last cycle expiry is printed beside the expiry, then the expiry is the one labelled for this certificate, with high confidence', () => {
    const text = [
      'Certified by EY CertifyPoint since: May 2, 2019',
      'Issue date of certificate: April 28, 2025',
      'Expiration date of certificate: May 1, 2028',
      'Last certification cycle expiration date: May 1, 2025',
      'EY CertifyPoint will, according to the certification agreement dated March 3, 2025, perform surveillance audits',
    ].join('\n');
    const d = findCertificateDates(text);
    expect(d.expiryDate).toMatchObject({ value: '2028-05-01', confidence: 'high' });
    expect(d.issueDate?.value).toBe('2025-04-28');
    expect(d.originalCertificationDate?.value).toBe('2019-05-02');
  });

  test('when two dates are both labelled as the expiry, then the field is not high and its warning names both with their labels', () => {
    const d = findCertificateDates('Certificate expiry: 17 March 2027\nValid until: 17 March 2026');
    expect(d.expiryDate?.confidence).toBe('medium');
    expect(d.expiryDate?.warning).toBe('Two expiry dates conflict: 2027-03-17 ("Certificate expiry") and 2026-03-17 ("Valid until"). Proposed 2027-03-17; please confirm.');
  });

  test('when no date is labelled as the expiry, then the latest is proposed with low confidence and a warning', () => {
    const d = findCertificateDates('Cologne, 2024-11-28\nNext review 2027-11-27');
    expect(d.expiryDate).toMatchObject({ value: '2027-11-27', confidence: 'low' });
    expect(d.expiryDate?.warning).toMatch(/please confirm/);
  });
});

describe('the certification body comes from the issuer, not from boilerplate', () => {
  test.each([
    ['DEKRA\nDEKRA Certification GmbH hereby certifies that the organization\n…\nThe certification body remains the owner of this certificate.', 'DEKRA'],
    ['Certified by EY CertifyPoint since: May 2, 2019\nThis certificate is not transferable and remains the property of EY CertifyPoint B.V.', 'EY CertifyPoint'],
    ['SAI GLOBAL\nThis certificate remains the property of SAI Global and shall be returned to them upon request.', 'SAI Global'],
    ['Moss Adams LLP hereby certifies that\nAcme Inc.\nCERTIFICATION\nBODY', 'Moss Adams'],
  ])('when the issuer block reads %j, then the body is %s', (text, body) => {
    expect(findCertificationBody(text).field?.value).toBe(body);
  });

  test('when a sentence merely contains "certification body", then it is never proposed as the body', () => {
    const { field } = findCertificationBody('The certification body remains the owner of this certificate. The holder may use the marks in accordance with the certification body\'s rules.');
    expect(field).toBeNull();
  });

  test('when an unknown issuer "hereby certifies that", then it is proposed with low confidence and a warning', () => {
    const { field } = findCertificationBody('Northwind Assurance Partners hereby certifies that\nAcme Ltd\nhas been assessed');
    expect(field).toMatchObject({ value: 'Northwind Assurance Partners', confidence: 'low' });
    expect(field?.warning).toMatch(/not one we know/);
  });

  test.each([
    ['BSI', 'UKAS', 'BSI', 'https://www.certcheck.ukas.com'],
    ['Schellman Compliance, LLC', 'ANAB', 'Schellman', 'https://anabdirectory.remoteauditor.com'],
    ['EY CertifyPoint B.V.', 'RvA', 'EY CertifyPoint', 'https://www.iafcertsearch.org'],
  ])('when certificationBodyInfo is asked about %s accredited by %s, then it names %s and a directory', (name, accreditor, canonical, url) => {
    expect(certificationBodyInfo(name, accreditor)).toMatchObject({ canonicalName: canonical, directoryUrl: url, known: true });
  });

  test('when certificationBodyInfo is asked about an unknown body, then it says so and points at IAF CertSearch', () => {
    expect(certificationBodyInfo('Northwind Assurance Partners')).toEqual({ canonicalName: 'Northwind Assurance Partners', directoryUrl: 'https://www.iafcertsearch.org', directoryName: 'IAF CertSearch', accreditationBodies: [], known: false });
  });
});

describe('scope intro phrasings', () => {
  test.each([
    ['The scope of this ISO/IEC 27001:2022 certificate includes the information security management\nsystem supporting the ledger reconciliation software.\nCertificate Number: 1', 'ledger reconciliation software'],
    ['The scope of this approval is applicable to:\nProvision of insurance claims processing services.\nOriginal approval(s): ISO/IEC 27001 – 3 April 2017', 'insurance claims processing'],
    ['The management system is applicable to:\nThe development and hosting of payroll SaaS applications.\nCertificate Number: 0087654', 'payroll SaaS applications'],
    ['Certified Area: Development, operation and support of the document\nmanagement platform (SaaS) for regulated industries.', 'management platform (SaaS) for regulated industries'],
    ['The scope of the ISO/IEC 27001:2022 certification is bounded by the customer engagement\nplatform, along with the people, processes and technologies that support it.', 'customer engagement platform'],
  ])('when the scope is introduced as in %j, then it is read', (text, contains) => {
    expect(findScopeText(text)?.value).toContain(contains);
  });
});

describe('sites', () => {
  test('when a site is written "City, Country", then both are read', () => {
    expect(splitAddress('Dublin, Ireland')).toMatchObject({ city: 'Dublin', country: 'Ireland' });
    expect(splitAddress('► Kolkata (Campus 2), India')).toMatchObject({ city: 'Kolkata', country: 'India' });
  });

  test('when a locations list is followed by data-centre and region sentences, then those are not sites', () => {
    const text = [
      'Locations:',
      'Amsterdam, Netherlands',
      'Dublin, Ireland',
      'The Information Security Management System is centrally managed out of Amsterdam, Netherlands.',
      'Production workloads are hosted in AWS regions eu-west-1, Ireland and us-east-1; these are third-party data',
      'centres and are not locations of the certificate holder.',
    ].join('\n');
    expect(findSites(text, null).map((s) => s.value.city)).toEqual(['Amsterdam', 'Dublin']);
  });

  test.each([
    ['This is to certify that\nLanterna Servizi Digitali S.r.l.\nVia Tortona 31, 20144 Milano (MI), Italy\nCorso Francia 110, 10143 Torino (TO), Italy\nè conforme alla norma', ['Milano', 'Torino']],
    ['Certification Awarded to\nSAFFRON PEAK TECHNOLOGIES PRIVATE LIMITED\n6th Floor, Tower C, Yerwada, Pune, Maharashtra 411006, India\nAdditional site: 3rd Floor, Prestige Tech Pacific, Outer Ring Road, Bengaluru, Karnataka 560103, India\nBureau Veritas Certification certify that', ['Pune', 'Bengaluru']],
  ])('when the holder block lists more than one address (%#), then each is a site', (text, cities) => {
    const entity = extractCertificateFields(text).legalEntity;
    expect(findSites(text, null, entity).map((s) => s.value.city)).toEqual(cities);
  });

  test('when a bulleted annex runs over several pages, then every location is read', () => {
    const cities = Array.from({ length: 150 }, (_, i) => `Town${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`);
    const pages = [cities.slice(0, 60), cities.slice(60, 120), cities.slice(120)].map((c) => c.map((x) => `► ${x}, Philippines`).join('\n'));
    const text = `Locations in scope:\n${pages[0]}\n\nScope for certificate 2017-114 (continued, page 3)\n${pages[1]}\n\nScope for certificate 2017-114 (continued, page 4)\n${pages[2]}`;
    const sites = findSites(text, null);
    expect(sites).toHaveLength(150);
    expect(sites[149]?.value).toMatchObject({ city: cities[149], country: 'Philippines' });
  });
});

describe('certificate number', () => {
  test('when the number is printed in the title ("CERTIFICATE GB24/819934"), then it is proposed with medium confidence', () => {
    expect(findCertificateNumber('SGS\nCERTIFICATE GB24/819934\nThis is to certify that').field).toMatchObject({ value: 'GB24/819934', confidence: 'medium' });
  });
});

describe('legal entity', () => {
  test('when the holder is followed by a footnote mark and a signature block, then the holder is read, not the signatory', () => {
    const text = [
      'EY CertifyPoint',
      'CERTIFICATE',
      'Certificate number: 2024-021',
      'the Information Security Management System as defined and',
      'implemented by',
      'Vantorra Systems B.V.*',
      'located in Amsterdam, Netherlands is compliant with the requirements as stated in the standard:',
      'ISO/IEC 27001:2022',
      'J. Verhoeven',
      'Director, EY CertifyPoint B.V.',
    ].join('\n');
    expect(extractCertificateFields(text).legalEntity?.value).toBe('Vantorra Systems B.V.');
  });
});

describe('documents that are not certificates', () => {
  const flyer = [
    'Brightline Outsourcing',
    'We are ISO 27001 certified!',
    'Since 2019 our delivery centres in Manila and Cebu have been certified to ISO 27001 by an accredited certification body.',
    '• PCI DSS and ISO 27001 compliant contact centre',
  ].join('\n');

  test('when a marketing flyer only mentions ISO 27001, then it scores below the refusal threshold and carries the warning with low confidences', () => {
    const { proposal, likeness } = readCertificate(flyer);
    expect(likeness.score).toBeLessThan(2);
    expect(proposal.warnings[0]).toMatch(new RegExp(`^${NOT_A_CERTIFICATE_WARNING}`));
    expect(proposal.standard?.confidence).toBe('low');
  });

  test('when an audit report cover names the standard and the body, then it is flagged as not a certificate', () => {
    const text = 'Audit Report\nSurveillance audit 1 (SA1)\nOrganisation: Kestrel Ltd\nStandard: ISO/IEC 27001:2022\nAudit dates: 03/09/2025 - 05/09/2025\nCertification body: BSI Assurance UK Limited\nit is not a certificate and does not by itself confer certification.';
    expect(extractCertificateFields(text).warnings[0]).toMatch(new RegExp(`^${NOT_A_CERTIFICATE_WARNING}`));
  });

  test('when a certificate has a number, certify wording and labelled dates, then it scores as a certificate with no such warning', () => {
    const text = 'CERTIFICATE OF REGISTRATION\nCertificate Number: 1734219-2\nSchellman Compliance, LLC hereby certifies that\nLumenfold, Inc.\nhas been assessed and found to conform to the requirements of\nISO/IEC 27001:2022\nIssue Date: March 5, 2024\nExpiration Date: March 13, 2027';
    const { proposal, likeness } = readCertificate(text);
    expect(likeness.score).toBeGreaterThanOrEqual(4);
    expect(proposal.warnings.some((w) => w.startsWith(NOT_A_CERTIFICATE_WARNING))).toBe(false);
    expect(certificateFeatures(text, proposal).features).toContain('certification wording');
  });
});
