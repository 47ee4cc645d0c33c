/**
 * Writes the certificate corpus: PDFs that re-create the layouts and wording
 * patterns of ISO/IEC 27001 certificates as different certification bodies
 * publish them, each with the facts a person reads from it (`.expected.json`).
 * Every organisation, address, number and person is invented; no real
 * certificate's text is copied (see README.md).
 *
 *   npx tsx test/certificate/corpus/generate.ts
 *
 * Deterministic: fixed document dates, so the committed bytes do not change
 * from run to run. The bench and the corpus test read the committed files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderPdf } from '../../helpers/files';
import type { CorpusExpected, ExpectedSite } from './score';

type Doc = PDFKit.PDFDocument;

const OUT = __dirname;
const FIXED_DATE = new Date('2025-01-01T00:00:00Z');
const DEJAVU = path.join(__dirname, 'fonts', 'DejaVuSans.ttf');

function render(title: string, draw: (doc: Doc) => void): Promise<Buffer> {
  const info = { Title: title, Author: 'Scopewise certificate corpus', Producer: 'Scopewise corpus', Creator: 'Scopewise corpus', CreationDate: FIXED_DATE, ModDate: FIXED_DATE };
  return renderPdf({ size: 'A4', margin: 50, info }, (doc) => {
    doc.registerFont('DejaVu', DEJAVU);
    draw(doc);
  });
}

// Small drawing helpers; every call places text at an absolute position, as certificate templates do.
const W = 495;
function bold(doc: Doc, s: string, x: number, y: number, size = 11, opts: PDFKit.Mixins.TextOptions = {}): void {
  doc.font('Helvetica-Bold').fontSize(size).fillColor('black').text(s, x, y, opts);
}
function plain(doc: Doc, s: string, x: number, y: number, size = 10, opts: PDFKit.Mixins.TextOptions = {}): void {
  doc.font('Helvetica').fontSize(size).fillColor('black').text(s, x, y, { width: W - (x - 50), ...opts });
}
function row(doc: Doc, y: number, label: string, value: string, x = 50, valueX = 240, size = 10): void {
  doc.font('Helvetica-Bold').fontSize(size).fillColor('black').text(label, x, y, { lineBreak: false });
  doc.font('Helvetica').fontSize(size).text(value, valueX, y, { lineBreak: false });
}
function frame(doc: Doc, colour: string, width = 5): void {
  doc.save().lineWidth(width).strokeColor(colour).rect(22, 22, doc.page.width - 44, doc.page.height - 44).stroke().restore();
}
function box(doc: Doc, x: number, y: number, w: number, h: number): void {
  doc.save().lineWidth(0.8).strokeColor('#444444').rect(x, y, w, h).stroke().restore();
}
/** An accreditation mark: a ring with the body's acronym and its number for the certification body. */
function mark(doc: Doc, x: number, y: number, lines: string[]): void {
  doc.save().lineWidth(1).circle(x, y, 30).stroke().restore();
  lines.forEach((l, i) => {
    doc.font(i === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(i === 0 ? 9 : 6);
    doc.text(l, x - 28, y - 12 + i * 10, { width: 56, align: 'center', lineBreak: false });
  });
}
function signature(doc: Doc, x: number, y: number, name: string, role: string): void {
  doc.save().lineWidth(0.6).moveTo(x, y).lineTo(x + 170, y).stroke().restore();
  plain(doc, name, x, y + 4, 9, { width: 220 });
  plain(doc, role, x, y + 16, 8, { width: 220 });
}
function footer(doc: Doc, s: string, y = 760, size = 6.5): void {
  plain(doc, s, 50, y, size, { width: W });
}

interface CorpusDoc {
  file: string;
  title: string;
  draw: (doc: Doc) => void;
  expected: CorpusExpected;
}

const site = (city: string, country: string): ExpectedSite => ({ city, country });

// ---------------------------------------------------------------------------
// The corpus. Each entry: the layout it re-creates, the traps, the facts.
// ---------------------------------------------------------------------------

const docs: CorpusDoc[] = [];

// 01 BSI: "Certificate of Registration", "This is to certify that:", "Holds Certificate No:", dd/mm/yyyy dates in a
// two-column block, Latest Revision Date different from the Effective Date, UKAS ring, "remains the property of BSI".
docs.push({
  file: '01-bsi-2022-single-site',
  title: 'Certificate of Registration',
  draw: (doc) => {
    frame(doc, '#15155e');
    bold(doc, 'bsi.', 460, 48, 20);
    bold(doc, 'Certificate of Registration', 50, 80, 24);
    bold(doc, 'INFORMATION SECURITY MANAGEMENT SYSTEM - ISO/IEC 27001:2022', 50, 118, 11);
    plain(doc, 'This is to certify that:', 50, 156, 11, { lineBreak: false });
    bold(doc, 'Kestrel Contact Solutions Ltd', 220, 156, 12);
    plain(doc, 'Level 4, 22 Bishopsgate Row\nLondon\nEC2N 4AY\nUnited Kingdom', 220, 174, 10, { width: 300 });
    plain(doc, 'Holds Certificate No:', 50, 250, 11, { lineBreak: false });
    bold(doc, 'IS 804512', 220, 246, 16);
    plain(
      doc,
      'and operates an Information Security Management System which complies with the requirements of ISO/IEC 27001:2022 for the following scope:',
      50,
      284,
      10.5,
    );
    plain(
      doc,
      'The provision of outsourced customer contact centre services (voice, e-mail and chat), complaint handling and collections support for financial services clients, in accordance with the Statement of Applicability version 2.1 dated 13 May 2024.',
      50,
      324,
      10.5,
    );
    plain(doc, 'For and on behalf of BSI:', 50, 420, 10);
    signature(doc, 50, 452, 'Harriet Okonjo', 'Managing Director Assurance - UK & Ireland');
    row(doc, 520, 'Original Registration Date:', '11/09/2018', 50, 190, 9);
    row(doc, 520, 'Effective Date:', '12/09/2024', 320, 420, 9);
    row(doc, 534, 'Latest Revision Date:', '02/09/2024', 50, 190, 9);
    row(doc, 534, 'Expiry Date:', '11/09/2027', 320, 420, 9);
    plain(doc, 'Page: 1 of 1', 50, 560, 8);
    mark(doc, 480, 650, ['UKAS', 'MANAGEMENT', 'SYSTEMS', '0921']);
    footer(
      doc,
      'This certificate was issued electronically and remains the property of BSI and is bound by the conditions of contract. An electronic certificate can be authenticated online. Printed copies can be validated at www.bsigroup.com/ClientDirectory. Information and Contact: BSI, Kitemark House, Orchard Way, Milton Keynes MK9 2XX. Tel: + 44 345 000 0000. BSI Assurance UK Limited, registered in England under number 7805321 at 12 Riverside Walk, London W4 2ZZ, United Kingdom. A Member of the BSI Group of Companies.',
      730,
    );
  },
  expected: {
    isCertificate: true,
    layout: 'BSI',
    fields: {
      certificateNumber: 'IS 804512',
      edition: '2022',
      certificationBody: 'BSI',
      accreditationBody: 'UKAS',
      legalEntity: 'Kestrel Contact Solutions Ltd',
      // "Effective Date" starts the cycle; "Latest Revision Date" dates this copy. Either reads as the issue date.
      issueDate: { anyOf: ['2024-09-12', '2024-09-02'] },
      expiryDate: '2027-09-11',
      originalCertificationDate: '2018-09-11',
      scopeText: { contains: ['outsourced customer contact centre services', 'collections support for financial services clients'], excludes: ['remains the property'] },
      sites: [site('London', 'GB')],
      soaReference: { version: '2.1', date: '2024-05-13' },
    },
  },
});

// 02 BSI, 2013 edition, multi-page: sites in a "Location / Registered Activities" table on page 2.
docs.push({
  file: '02-bsi-2013-multisite-table',
  title: 'Certificate of Registration',
  draw: (doc) => {
    frame(doc, '#15155e');
    bold(doc, 'bsi.', 460, 48, 20);
    bold(doc, 'Certificate of Registration', 50, 80, 24);
    bold(doc, 'INFORMATION SECURITY MANAGEMENT SYSTEM - ISO/IEC 27001:2013', 50, 118, 11);
    plain(doc, 'This is to certify that:', 50, 156, 11, { lineBreak: false });
    bold(doc, 'Harborlight Outsourcing Corp.', 220, 156, 12);
    plain(doc, '31st Floor, One Ayala Tower\nAyala Avenue, Makati City\n1226 Metro Manila\nPhilippines', 220, 174, 10, { width: 300 });
    plain(doc, 'Holds Certificate No:', 50, 250, 11, { lineBreak: false });
    bold(doc, 'IS 671203', 220, 246, 16);
    plain(
      doc,
      'and operates an Information Security Management System which complies with the requirements of ISO/IEC 27001:2013 for the following scope:',
      50,
      284,
      10.5,
    );
    plain(
      doc,
      'The management of information security for back-office transaction processing, medical billing and claims adjudication services delivered from the sites listed in the appendix to this certificate, in accordance with the Statement of Applicability, Issue 6.',
      50,
      324,
      10.5,
    );
    plain(doc, 'For and on behalf of BSI:', 50, 420, 10);
    signature(doc, 50, 452, 'Tomasz Wierzbicki', 'Head of Compliance & Risk - Asia Pacific');
    row(doc, 520, 'Original Registration Date:', '03/02/2016', 50, 190, 9);
    row(doc, 520, 'Effective Date:', '03/02/2022', 320, 420, 9);
    row(doc, 534, 'Latest Revision Date:', '15/06/2023', 50, 190, 9);
    row(doc, 534, 'Expiry Date:', '31/10/2025', 320, 420, 9);
    plain(doc, 'Page: 1 of 2', 50, 560, 8);
    mark(doc, 480, 650, ['UKAS', 'MANAGEMENT', 'SYSTEMS', '0921']);
    footer(doc, 'This certificate was issued electronically and remains the property of BSI and is bound by the conditions of contract. BSI Group Philippines Inc., 23rd Floor, Zuellig Building, Makati Avenue, Makati City 1225, Philippines.', 740);
    doc.addPage();
    frame(doc, '#15155e');
    bold(doc, 'Certificate No:  IS 671203', 50, 60, 12);
    bold(doc, 'Location', 50, 100, 10, { lineBreak: false });
    bold(doc, 'Registered Activities', 300, 100, 10, { lineBreak: false });
    const rows: [string, string][] = [
      ['Harborlight Outsourcing Corp.\n31st Floor, One Ayala Tower, Ayala Avenue,\nMakati City, 1226 Metro Manila, Philippines', 'Head office; ISMS management, claims adjudication.'],
      ['Harborlight Outsourcing Corp. - Cebu\n8th Floor, Skyrise 3, Asiatown IT Park,\nCebu City, 6000 Cebu, Philippines', 'Medical billing and back-office transaction processing.'],
      ['Harborlight Outsourcing Corp. - Davao\nLevel 5, Abreeza Corporate Center, J.P. Laurel Avenue,\nDavao City, 8000 Davao del Sur, Philippines', 'Back-office transaction processing.'],
    ];
    rows.forEach(([loc, act], i) => {
      const y = 122 + i * 60;
      box(doc, 45, y - 4, 505, 58);
      plain(doc, loc, 50, y, 9, { width: 240 });
      plain(doc, act, 300, y, 9, { width: 240 });
    });
    plain(doc, 'Page: 2 of 2', 50, 780, 8);
  },
  expected: {
    isCertificate: true,
    layout: 'BSI',
    fields: {
      certificateNumber: 'IS 671203',
      edition: '2013',
      certificationBody: 'BSI',
      accreditationBody: 'UKAS',
      legalEntity: 'Harborlight Outsourcing Corp.',
      issueDate: { anyOf: ['2022-02-03', '2023-06-15'] },
      expiryDate: '2025-10-31',
      originalCertificationDate: '2016-02-03',
      scopeText: { contains: ['back-office transaction processing', 'claims adjudication services'], excludes: ['remains the property'] },
      sites: [site('Makati City', 'PH'), site('Cebu City', 'PH'), site('Davao City', 'PH')],
      soaReference: { version: '6' },
    },
  },
});

// 03 SGS: "The management system of … has been assessed and certified as meeting the requirements of", a footnoted
// legal entity, "This certificate is valid from … until …", "Certified since", a recertification-due date that is not
// the expiry, "Issue 3", sites on page 2.
docs.push({
  file: '03-sgs-2022-footnoted-entity',
  title: 'Certificate',
  draw: (doc) => {
    frame(doc, '#f58220', 3);
    bold(doc, 'SGS', 470, 50, 22);
    bold(doc, 'CERTIFICATE GB24/819934', 50, 90, 13);
    plain(doc, 'The management system of', 50, 130, 11);
    bold(doc, 'Orchard Lane Payments Limited*', 50, 150, 15);
    plain(doc, '7 Canal Wharf, Granary Street, Leeds, LS1 4BR, United Kingdom', 50, 172, 10);
    plain(doc, 'has been assessed and certified as meeting the requirements of', 50, 200, 11);
    bold(doc, 'ISO/IEC 27001:2022', 50, 220, 16);
    plain(doc, 'For the following activities', 50, 252, 11);
    plain(
      doc,
      'The information security management system supporting the design, operation and support of card payment processing, merchant onboarding and chargeback handling services. In accordance with the Statement of Applicability Rev 7.',
      50,
      272,
      11,
    );
    plain(doc, 'Further clarifications regarding the scope of this certificate and the applicability of ISO/IEC 27001:2022 requirements may be obtained by consulting the organisation. Certified activities performed by additional sites are listed on subsequent pages.', 50, 340, 9);
    plain(doc, 'This certificate is valid from 14 March 2024 until 13 March 2027 and remains valid subject to satisfactory surveillance audits.', 50, 390, 10);
    plain(doc, 'Re certification audit due before 12 January 2027', 50, 420, 10);
    plain(doc, 'Issue 3. Certified since 14 March 2018', 50, 436, 10);
    plain(doc, 'Authorised by', 330, 480, 9);
    signature(doc, 330, 520, 'Imogen Castell', 'Business Manager, SGS United Kingdom Ltd');
    plain(doc, 'SGS United Kingdom Ltd, Rossmore Business Park, Ellesmere Port, Cheshire, CH65 3EN, UK', 50, 580, 8);
    mark(doc, 90, 650, ['UKAS', 'MANAGEMENT', 'SYSTEMS', '0505']);
    footer(doc, '* Orchard Lane Payments Limited is a wholly owned subsidiary of Orchard Lane Group plc. Only the legal entity named above is certified; the parent company is not within the scope of this certificate.', 715, 7.5);
    footer(
      doc,
      'This document is an authentic electronic certificate for Client business purposes use only. Printed version of the electronic certificate are permitted and will be considered as a copy. This document is issued by the Company subject to SGS General Conditions of certification services. Attention is drawn to the limitation of liability, indemnification and jurisdictional issues established therein. The authenticity of this document may be verified online. Any unauthorized alteration, forgery or falsification of the content or appearance of this document is unlawful.',
      740,
    );
    doc.addPage();
    frame(doc, '#f58220', 3);
    bold(doc, 'CERTIFICATE GB24/819934 continued', 50, 60, 12);
    bold(doc, 'Orchard Lane Payments Limited', 50, 90, 12);
    bold(doc, 'ISO/IEC 27001:2022', 50, 110, 11);
    bold(doc, 'Site', 50, 150, 10, { lineBreak: false });
    bold(doc, 'Activities', 300, 150, 10, { lineBreak: false });
    plain(doc, '7 Canal Wharf, Granary Street, Leeds, LS1 4BR, United Kingdom', 50, 170, 9, { width: 230 });
    plain(doc, 'Head office. Card payment processing and merchant onboarding.', 300, 170, 9, { width: 240 });
    plain(doc, '140 West George Street, Glasgow, G2 2HG, United Kingdom', 50, 210, 9, { width: 230 });
    plain(doc, 'Chargeback handling and customer support.', 300, 210, 9, { width: 240 });
    plain(doc, 'Page 2 of 2', 50, 780, 8);
  },
  expected: {
    isCertificate: true,
    layout: 'SGS',
    fields: {
      certificateNumber: 'GB24/819934',
      edition: '2022',
      certificationBody: 'SGS',
      accreditationBody: 'UKAS',
      legalEntity: 'Orchard Lane Payments Limited',
      issueDate: '2024-03-14',
      expiryDate: '2027-03-13',
      originalCertificationDate: '2018-03-14',
      scopeText: { contains: ['card payment processing', 'chargeback handling services'], excludes: ['SGS General Conditions'] },
      sites: [site('Leeds', 'GB'), site('Glasgow', 'GB')],
      soaReference: { version: '7' },
    },
  },
});

// 04 Bureau Veritas: "Certification Awarded to", the cycle block (original cycle start, previous cycle expiry, audit
// date, cycle start), "this certificate expires on:", a version/revision date, ISO-format SoA date.
docs.push({
  file: '04-bureau-veritas-2022-cycle-dates',
  title: 'Certification',
  draw: (doc) => {
    frame(doc, '#b3001b');
    bold(doc, 'BUREAU VERITAS', 50, 56, 18, { lineBreak: false });
    plain(doc, 'Certification', 230, 60, 12);
    plain(doc, 'Certification Awarded to', 50, 104, 12);
    bold(doc, 'SAFFRON PEAK TECHNOLOGIES PRIVATE LIMITED', 50, 126, 15);
    plain(doc, '6th Floor, Tower C, Panchshil Tech Park, Yerwada, Pune, Maharashtra 411006, India', 50, 148, 10);
    plain(doc, 'Additional site: 3rd Floor, Prestige Tech Pacific, Outer Ring Road, Bengaluru, Karnataka 560103, India', 50, 162, 10);
    plain(
      doc,
      'Bureau Veritas Certification certify that the Management System of the above organisation has been audited and found to be in accordance with the requirements of the Management System standards detailed below',
      50,
      192,
      10,
    );
    bold(doc, 'Standard', 50, 236, 11);
    plain(doc, 'ISO/IEC 27001:2022', 50, 252, 14);
    bold(doc, 'Scope of certification', 50, 282, 11);
    plain(
      doc,
      'Provision of software product engineering, application maintenance and managed testing services for banking and insurance customers. This is in accordance with the Statement of Applicability, SoA Version 3.0 dated 2025-04-02.',
      50,
      298,
      10,
    );
    const rows: [string, string][] = [
      ['Original cycle start date:', '21 June 2019'],
      ['Expiry date of previous cycle:', '20 June 2025'],
      ['Certification / Recertification Audit date:', '12 May 2025'],
      ['Certification / Recertification cycle start date:', '21 June 2025'],
    ];
    rows.forEach(([label, value], i) => row(doc, 372 + i * 15, label, value, 50, 310, 9.5));
    plain(doc, "Subject to the continued satisfactory operation of the organization's Management System, this certificate expires on: 20 June 2028", 50, 440, 10);
    row(doc, 480, 'Certificate No.', 'IND.25.4471/IS/U', 50, 200, 10);
    row(doc, 496, 'Version: 1', 'Revision date: 05 June 2025', 50, 200, 10);
    signature(doc, 50, 560, 'Rahul Menon', 'Certification Manager');
    plain(doc, 'Certification body address: 5th Floor, 66 Prescot Street, London E1 8HG, United Kingdom', 50, 610, 8);
    plain(doc, 'Local office: Bureau Veritas (India) Private Limited (Certification Business), 72 Business Park, MIDC Marol, Andheri (E), Mumbai 400093, India', 50, 622, 8);
    mark(doc, 480, 660, ['UKAS', 'MANAGEMENT', 'SYSTEMS', '0008']);
    footer(doc, 'Further clarifications regarding the scope of this certificate and the applicability of the management system requirements may be obtained by consulting the organization. To check this certificate validity please call +91 22 6274 2000.', 740);
  },
  expected: {
    isCertificate: true,
    layout: 'Bureau Veritas',
    fields: {
      certificateNumber: 'IND.25.4471/IS/U',
      edition: '2022',
      certificationBody: 'Bureau Veritas',
      accreditationBody: 'UKAS',
      legalEntity: 'Saffron Peak Technologies Private Limited',
      issueDate: '2025-06-21',
      expiryDate: '2028-06-20',
      originalCertificationDate: '2019-06-21',
      scopeText: { contains: ['software product engineering', 'managed testing services for banking and insurance customers'] },
      sites: [site('Pune', 'IN'), site('Bengaluru', 'IN')],
      soaReference: { version: '3.0', date: '2025-04-02' },
    },
  },
});

// 05 TÜV SÜD: bilingual "ZERTIFIKAT ◆ CERTIFICATE", "Certificate Holder:", "Certified Area:", AWS region sentence,
// dd.mm.yyyy validity, signature date before validity start, DAkkS. No original date stated.
docs.push({
  file: '05-tuv-sud-2022-aws-regions',
  title: 'Zertifikat Certificate',
  draw: (doc) => {
    frame(doc, '#0a4f8a', 2);
    bold(doc, 'ZERTIFIKAT  \u2022  CERTIFICATE', 50, 70, 22, { align: 'center', width: W });
    plain(doc, 'Certificate Registration No. 12 310 71543 TMS', 50, 108, 10, { align: 'center' });
    row(doc, 150, 'Certificate Holder:', '', 50, 200, 10);
    bold(doc, 'Brightwater Cloud Services GmbH', 200, 150, 12);
    plain(doc, 'Leopoldstraße 101\n80802 München\nGermany', 200, 168, 10, { width: 300 });
    row(doc, 230, 'Certified Area:', '', 50, 200, 10);
    plain(
      doc,
      'Development, operation and support of the Brightwater document management platform (SaaS) for regulated industries. The platform is hosted in AWS regions eu-central-1 (Frankfurt) and eu-west-1 (Ireland); the data centres are operated by the cloud provider and are not part of the certified area.',
      200,
      230,
      10,
      { width: 345 },
    );
    plain(doc, 'The Certification Body of TÜV SÜD Management Service GmbH certifies that the company mentioned above has established and is maintaining an information security management system in line with the below mentioned standard.', 50, 320, 10);
    plain(doc, 'Details of the certificate are specified in the audit report, Order No. 707123456.', 50, 360, 10);
    bold(doc, 'ISO/IEC 27001:2022', 50, 392, 16, { align: 'center', width: W });
    plain(doc, 'The Statement of Applicability in version 1.4 from 02.05.2024 is the basis of the certification.', 50, 424, 10);
    row(doc, 460, 'Validity:', 'This certificate is valid from 15.07.2024 until 14.07.2027.', 50, 200, 10);
    row(doc, 478, 'Certificate Registration No.:', '12 310 71543 TMS', 50, 200, 10);
    row(doc, 496, 'Version:', '1', 50, 200, 10);
    plain(doc, 'München, 10.07.2024', 50, 560, 10);
    signature(doc, 300, 580, 'Dr. Konrad Lindqvist', 'Head of Certification Body');
    mark(doc, 480, 670, ['DAkkS', 'Deutsche', 'Akkreditierungsstelle', 'D-ZM-14137-01-00']);
    footer(doc, 'TÜV SÜD Management Service GmbH • Zertifizierstelle • Ridlerstraße 65 • 80339 München • Germany', 760, 8);
  },
  expected: {
    isCertificate: true,
    layout: 'TÜV SÜD',
    fields: {
      certificateNumber: '12 310 71543 TMS',
      edition: '2022',
      certificationBody: 'TÜV SÜD',
      accreditationBody: 'DAkkS',
      legalEntity: 'Brightwater Cloud Services GmbH',
      issueDate: { anyOf: ['2024-07-15', '2024-07-10'] },
      expiryDate: '2027-07-14',
      originalCertificationDate: null,
      scopeText: { contains: ['document management platform', 'regulated industries'] },
      sites: [site('München', 'DE')],
      soaReference: { version: '1.4', date: '2024-05-02' },
    },
  },
});

// 06 TÜV Rheinland: "In accordance with TÜV Rheinland Cert procedures, it is hereby certified that", "applies a
// management system in line with the above standard for the following scope", Audit Report No. (a number that is not
// the certificate's), "Valid until", "Initial certification", place-and-date line, ISO dates.
docs.push({
  file: '06-tuv-rheinland-2022-kuala-lumpur',
  title: 'Certificate',
  draw: (doc) => {
    frame(doc, '#0066b3', 2);
    bold(doc, 'CERTIFICATE', 50, 70, 26, { align: 'center', width: W });
    plain(doc, 'Management system as per', 50, 112, 11, { align: 'center' });
    bold(doc, 'ISO/IEC 27001:2022', 50, 130, 16, { align: 'center', width: W });
    plain(doc, 'In accordance with TÜV Rheinland Cert procedures, it is hereby certified that', 50, 170, 10, { align: 'center' });
    bold(doc, 'Northgate Ledger Systems Sdn. Bhd.', 50, 196, 14, { align: 'center', width: W });
    plain(doc, 'Level 18, Menara Timur, Jalan Sultan Ismail, 50250 Kuala Lumpur, Malaysia', 50, 216, 10, { align: 'center' });
    plain(doc, 'applies a management system in line with the above standard for the following scope', 50, 246, 10, { align: 'center' });
    bold(doc, 'Provision of core banking software hosting, managed security operations centre (SOC) services and IT service desk for financial institutions in the ASEAN region.', 70, 272, 11, { align: 'center', width: 455 });
    plain(doc, 'Statement of Applicability: Version 2.0, 2024-09-30', 50, 330, 10, { align: 'center' });
    row(doc, 380, 'Certificate Registration No.', '01 153 2207119', 100, 300, 10);
    row(doc, 396, 'Audit Report No.', '3721 5544', 100, 300, 10);
    row(doc, 412, 'Valid until', '2027-11-30', 100, 300, 10);
    row(doc, 428, 'Initial certification', '2021-12-01', 100, 300, 10);
    plain(doc, 'Cologne, 2024-11-28', 100, 480, 10);
    signature(doc, 300, 500, 'Sabine Achterberg', 'Certification Body of TÜV Rheinland Cert GmbH');
    mark(doc, 100, 640, ['DAkkS', 'Deutsche', 'Akkreditierungsstelle', 'D-ZM-16031-01-00']);
    footer(doc, 'TÜV Rheinland Cert GmbH  Am Grauen Stein  51105 Köln  Germany. The validity of this certificate can be checked at www.certipedia.com.', 760, 8);
  },
  expected: {
    isCertificate: true,
    layout: 'TÜV Rheinland',
    fields: {
      certificateNumber: '01 153 2207119',
      edition: '2022',
      certificationBody: 'TÜV Rheinland',
      accreditationBody: 'DAkkS',
      legalEntity: 'Northgate Ledger Systems Sdn. Bhd.',
      issueDate: '2024-11-28',
      expiryDate: '2027-11-30',
      originalCertificationDate: '2021-12-01',
      scopeText: { contains: ['core banking software hosting', 'managed security operations centre'] },
      sites: [site('Kuala Lumpur', 'MY')],
      soaReference: { version: '2.0', date: '2024-09-30' },
    },
  },
});

// 07 DNV: "MANAGEMENT SYSTEM CERTIFICATE", "Certificate no.:", "Initial certification date:", "Valid: … – …",
// "This is to certify that the management system of … and the sites as mentioned in the appendix … has been found to
// conform to", "Place and date:", the issuing office's address, RvA, an appendix site table.
docs.push({
  file: '07-dnv-2022-appendix-sites',
  title: 'Management System Certificate',
  draw: (doc) => {
    frame(doc, '#0f204b', 2);
    bold(doc, 'MANAGEMENT SYSTEM CERTIFICATE', 50, 64, 20);
    row(doc, 100, 'Certificate no.:', 'C612345-IS1-2022', 50, 160, 10);
    row(doc, 100, 'Initial certification date:', '20 September 2020', 300, 430, 9);
    row(doc, 116, 'Valid:', '20 September 2023 – 19 September 2026', 300, 340, 9);
    plain(doc, 'This is to certify that the management system of', 50, 160, 11);
    bold(doc, 'Quillon Health Data B.V.', 50, 180, 14);
    plain(doc, 'Herengracht 410, 1017 BX Amsterdam, Netherlands', 50, 198, 10);
    plain(doc, 'and the sites as mentioned in the appendix accompanying this certificate', 50, 214, 10);
    plain(doc, 'has been found to conform to the Information Security Management System standard:', 50, 240, 11);
    bold(doc, 'ISO/IEC 27001:2022', 50, 260, 16);
    plain(doc, 'This certificate is valid for the following scope:', 50, 292, 11);
    plain(
      doc,
      'Hosting, processing and analysis of clinical trial and patient registry data for pharmaceutical sponsors and hospitals, including software development of the Quillon data platform. Statement of Applicability: version 5, dated 1 July 2024.',
      50,
      310,
      11,
    );
    plain(doc, 'Place and date:', 50, 400, 9);
    plain(doc, 'Barendrecht, 15 August 2024', 50, 412, 10);
    plain(doc, 'For the issuing office:', 300, 400, 9);
    plain(doc, 'DNV - Business Assurance\nZwolseweg 1, 2994 LB Barendrecht, Netherlands', 300, 412, 9, { width: 240 });
    signature(doc, 300, 470, 'Maarten de Vries', 'Management Representative');
    mark(doc, 480, 640, ['RvA', 'C 412', '', '']);
    footer(doc, 'Lack of fulfilment of conditions as set out in the Certification Agreement may render this Certificate invalid. ACCREDITED UNIT: DNV Business Assurance B.V., Zwolseweg 1, 2994 LB Barendrecht, Netherlands. TEL: +31(0)102922689. assurance.dnv.com', 740);
    doc.addPage();
    frame(doc, '#0f204b', 2);
    bold(doc, 'Appendix to Certificate', 50, 60, 14);
    plain(doc, 'Certificate no.: C612345-IS1-2022', 50, 82, 9);
    plain(doc, 'Quillon Health Data B.V.', 50, 96, 10);
    plain(doc, 'Locations included in the certification are as follows:', 50, 120, 10);
    bold(doc, 'Site Name', 50, 146, 9, { lineBreak: false });
    bold(doc, 'Site Address', 200, 146, 9, { lineBreak: false });
    bold(doc, 'Site Scope', 400, 146, 9, { lineBreak: false });
    const rows: [string, string, string][] = [
      ['Quillon Health Data B.V.', 'Herengracht 410, 1017 BX Amsterdam, Netherlands', 'Head office, platform development'],
      ['Quillon Health Data B.V.', 'Weena 505, 3013 AL Rotterdam, Netherlands', 'Data analysis and support'],
      ['Quillon Health Data BV', 'Frankrijklei 115, 2000 Antwerpen, Belgium', 'Data analysis'],
      ['Quillon Health Data Sp. z o.o.', 'ul. Lubicz 23, 31-503 Kraków, Poland', 'Software development'],
    ];
    rows.forEach(([name, addr, scope], i) => {
      const y = 164 + i * 34;
      plain(doc, name, 50, y, 9, { width: 140 });
      plain(doc, addr, 200, y, 9, { width: 190 });
      plain(doc, scope, 400, y, 9, { width: 140 });
    });
  },
  expected: {
    isCertificate: true,
    layout: 'DNV',
    fields: {
      certificateNumber: 'C612345-IS1-2022',
      edition: '2022',
      certificationBody: 'DNV',
      accreditationBody: 'RvA',
      legalEntity: 'Quillon Health Data B.V.',
      issueDate: { anyOf: ['2024-08-15', '2023-09-20'] },
      expiryDate: '2026-09-19',
      originalCertificationDate: '2020-09-20',
      scopeText: { contains: ['clinical trial and patient registry data', 'Quillon data platform'] },
      sites: [site('Amsterdam', 'NL'), site('Rotterdam', 'NL'), site('Antwerpen', 'BE'), site('Kraków', 'PL')],
      soaReference: { version: '5', date: '2024-07-01' },
    },
  },
});

// 08 LRQA: "Certificate of Approval", "This is to certify that the Management System of:", "has been approved by LRQA
// to the following standards:", "Approval number(s):" next to "Certificate identity number:", "Original approval(s):",
// "Current certificate:", "Certificate expiry:", "The scope of this approval is applicable to:", a schedule page.
docs.push({
  file: '08-lrqa-2022-schedule',
  title: 'Certificate of Approval',
  draw: (doc) => {
    frame(doc, '#00263e', 2);
    bold(doc, 'LRQA', 470, 48, 18);
    bold(doc, 'Certificate of Approval', 50, 80, 22);
    plain(doc, 'This is to certify that the Management System of:', 50, 122, 11);
    bold(doc, 'Tidewater Claims Processing Inc.', 50, 142, 14);
    plain(doc, '22nd Floor, Tektite East Tower, Exchange Road, Ortigas Center, Pasig City, 1605 Metro Manila, Philippines', 50, 162, 10);
    plain(doc, 'has been approved by LRQA to the following standards:', 50, 196, 11);
    bold(doc, 'ISO/IEC 27001:2022', 50, 216, 14);
    row(doc, 254, 'Approval number(s):', 'ISOIEC27001 – 00045123', 50, 190, 10);
    plain(doc, 'The scope of this approval is applicable to:', 50, 284, 11);
    plain(doc, 'Provision of insurance claims processing, policy administration and first notice of loss contact centre services. This is in accordance with the Statement of Applicability revision 5.', 50, 302, 11);
    plain(doc, 'This certificate is valid only in association with the certificate schedule bearing the same number on which the locations applicable to this approval are listed.', 50, 360, 9);
    row(doc, 410, 'Original approval(s):', 'ISO/IEC 27001 – 3 April 2017', 50, 190, 10);
    row(doc, 426, 'Current certificate:', '18 March 2024', 50, 190, 10);
    row(doc, 442, 'Certificate expiry:', '17 March 2027', 50, 190, 10);
    row(doc, 458, 'Certificate identity number:', '10523677', 50, 190, 10);
    signature(doc, 50, 520, 'Anita Ramaswamy', 'Area Operations Manager South Asia & Pacific');
    plain(doc, 'Issued by: LRQA Limited', 50, 552, 9);
    mark(doc, 480, 640, ['UKAS', 'MANAGEMENT', 'SYSTEMS', '001']);
    footer(doc, 'LRQA Limited, 1 Trinity Park, Bickenhill Lane, Birmingham B37 7ES, United Kingdom. LRQA and any variants are trading names of LRQA Group Limited, its subsidiaries and affiliates. This certificate remains the property of the certification body, to whom it must be returned on request.', 740);
    doc.addPage();
    frame(doc, '#00263e', 2);
    bold(doc, 'Certificate Schedule', 50, 60, 16);
    row(doc, 90, 'Certificate identity number:', '10523677', 50, 200, 10);
    bold(doc, 'Location', 50, 130, 10, { lineBreak: false });
    bold(doc, 'Activities', 320, 130, 10, { lineBreak: false });
    plain(doc, 'Tidewater Claims Processing Inc.\n22nd Floor, Tektite East Tower, Exchange Road, Ortigas Center, Pasig City, 1605 Metro Manila, Philippines', 50, 150, 9, { width: 250 });
    plain(doc, 'ISO/IEC 27001:2022\nClaims processing, policy administration.', 320, 150, 9, { width: 220 });
    plain(doc, 'Tidewater Claims Processing Inc.\n4th Floor, Megaworld Festive Walk, Mandurriao, Iloilo City, 5000 Iloilo, Philippines', 50, 210, 9, { width: 250 });
    plain(doc, 'ISO/IEC 27001:2022\nFirst notice of loss contact centre services.', 320, 210, 9, { width: 220 });
  },
  expected: {
    isCertificate: true,
    layout: 'LRQA',
    fields: {
      certificateNumber: { anyOf: ['10523677', 'ISOIEC27001 – 00045123', 'ISOIEC27001-00045123', '00045123'] },
      edition: '2022',
      certificationBody: 'LRQA',
      accreditationBody: 'UKAS',
      legalEntity: 'Tidewater Claims Processing Inc.',
      issueDate: '2024-03-18',
      expiryDate: '2027-03-17',
      originalCertificationDate: '2017-04-03',
      scopeText: { contains: ['insurance claims processing', 'first notice of loss contact centre services'] },
      sites: [site('Pasig City', 'PH'), site('Iloilo City', 'PH')],
      soaReference: { version: '5' },
    },
  },
});

// 09 Intertek: "Certificate of Registration", "This is to certify that the management system of", "has been
// registered by Intertek as conforming to the requirements of", US dates (mm/dd/yyyy), "Date of Certification
// Decision", the issuer's US address in the signature block (not a site), ANAB, 2013 edition.
docs.push({
  file: '09-intertek-2013-us-dates',
  title: 'Certificate of Registration',
  draw: (doc) => {
    frame(doc, '#ffc700', 4);
    bold(doc, 'intertek', 460, 48, 16);
    bold(doc, 'Certificate of Registration', 50, 84, 22);
    plain(doc, 'This is to certify that the management system of', 50, 126, 11);
    bold(doc, 'Copperline Software Inc.', 50, 148, 15);
    plain(doc, '400 Market Street, Suite 900, San Francisco, CA 94105, United States', 50, 170, 10);
    plain(doc, 'has been registered by Intertek as conforming to the requirements of', 50, 200, 11);
    bold(doc, 'ISO/IEC 27001:2013', 50, 220, 15);
    plain(doc, 'The management system is applicable to:', 50, 256, 11);
    plain(doc, 'The information security management system supporting the development, hosting and support of the Copperline payroll and workforce management SaaS applications, in accordance with Statement of Applicability v1.6 dated 04/11/2022.', 50, 274, 11);
    row(doc, 350, 'Certificate Number:', '0087654', 50, 220, 10);
    row(doc, 366, 'Initial Certification Date:', '06/14/2019', 50, 220, 10);
    row(doc, 382, 'Date of Certification Decision:', '05/30/2022', 50, 220, 10);
    row(doc, 398, 'Issuing Date:', '06/14/2022', 50, 220, 10);
    row(doc, 414, 'Valid Until:', '06/13/2025', 50, 220, 10);
    signature(doc, 50, 500, 'Dana Whitlock', 'President, Business Assurance');
    plain(doc, 'Intertek Testing Services NA, Inc.\n900 Chelmsford Street, Lowell, MA 01851, United States', 50, 530, 9);
    mark(doc, 480, 640, ['ANAB', 'ACCREDITED', 'MANAGEMENT SYSTEMS', 'CERTIFICATION BODY']);
    footer(doc, 'In the issuance of this certificate, Intertek assumes no liability to any party other than to the Client, and then only in accordance with the agreed upon Certification Agreement. This certificate\'s validity is subject to the organization maintaining their system in accordance with Intertek\'s requirements for systems certification. Validity may be confirmed via email at certificate.validation@intertek.com or by scanning the code to the right with a smartphone. The certificate remains the property of Intertek, to whom it must be returned upon request.', 735);
  },
  expected: {
    isCertificate: true,
    layout: 'Intertek',
    fields: {
      certificateNumber: '0087654',
      edition: '2013',
      certificationBody: 'Intertek',
      accreditationBody: 'ANAB',
      legalEntity: 'Copperline Software Inc.',
      issueDate: '2022-06-14',
      expiryDate: '2025-06-13',
      originalCertificationDate: '2019-06-14',
      scopeText: { contains: ['payroll and workforce management SaaS applications'] },
      sites: [site('San Francisco', 'US')],
      soaReference: { version: '1.6', date: '2022-04-11' },
    },
  },
});

// 10 NQA: "CERTIFICATE OF REGISTRATION", "This is to certify that:", "operates an Information Security Management
// System which complies with the requirements of", "Original Approval", "Current Certificate", "Certificate Expiry",
// SoA with a dd/mm/yyyy date, the certification body's UK address, "the property of NQA".
docs.push({
  file: '10-nqa-2022-approval-labels',
  title: 'Certificate of Registration',
  draw: (doc) => {
    frame(doc, '#6d2077', 3);
    bold(doc, 'NQA', 470, 48, 20);
    bold(doc, 'CERTIFICATE OF REGISTRATION', 50, 84, 20);
    plain(doc, 'This is to certify that:', 50, 124, 11);
    bold(doc, 'Meridale Accounting Services Ltd', 50, 144, 14);
    plain(doc, 'Unit 3 Brookfield Court\nLeeds\nLS10 1HW\nUnited Kingdom', 50, 164, 10);
    plain(doc, 'operates an Information Security Management System which complies with the requirements of ISO/IEC 27001:2022 for the following scope:', 50, 230, 11);
    plain(doc, 'The provision of outsourced bookkeeping, payroll bureau and accounts payable services to small and medium enterprises. Statement of Applicability: SOA v4.2 11/07/2024', 50, 268, 11);
    row(doc, 340, 'Certificate No.:', '245187', 50, 200, 10);
    row(doc, 356, 'Original Approval:', '28 September 2021', 50, 200, 10);
    row(doc, 372, 'Current Certificate:', '28 September 2024', 50, 200, 10);
    row(doc, 388, 'Certificate Expiry:', '27 September 2027', 50, 200, 10);
    signature(doc, 50, 460, 'Kieran Ashdown', 'Managing Director');
    mark(doc, 480, 640, ['UKAS', 'MANAGEMENT', 'SYSTEMS', '0015']);
    footer(doc, 'NQA, Warwick House, Houghton Hall Park, Houghton Regis, Dunstable, LU5 5ZX, United Kingdom. This certificate is the property of NQA and must be returned on request. The use of the UKAS Accreditation Mark indicates accreditation in respect of those activities covered by the accreditation certificate number 0015.', 740);
  },
  expected: {
    isCertificate: true,
    layout: 'NQA',
    fields: {
      certificateNumber: '245187',
      edition: '2022',
      certificationBody: 'NQA',
      accreditationBody: 'UKAS',
      legalEntity: 'Meridale Accounting Services Ltd',
      issueDate: '2024-09-28',
      expiryDate: '2027-09-27',
      originalCertificationDate: '2021-09-28',
      scopeText: { contains: ['outsourced bookkeeping, payroll bureau and accounts payable services'] },
      sites: [site('Leeds', 'GB')],
      soaReference: { version: '4.2', date: '2024-07-11' },
    },
  },
});

// 11 DEKRA: "hereby certifies that the organization … has established and applies", "Certificate valid from: … to:",
// dd.mm.yyyy dates, the SoA "of" a date, a place-and-date line, DAkkS. DEKRA is not in the reader's list of bodies.
docs.push({
  file: '11-dekra-2022-german-dates',
  title: 'Certificate',
  draw: (doc) => {
    frame(doc, '#006e3a', 3);
    bold(doc, 'DEKRA', 460, 48, 20);
    bold(doc, 'CERTIFICATE', 50, 90, 26, { align: 'center', width: W });
    plain(doc, 'DEKRA Certification GmbH hereby certifies that the organization', 50, 140, 11, { align: 'center' });
    bold(doc, 'Falkenried Logistik IT GmbH', 50, 164, 15, { align: 'center', width: W });
    plain(doc, 'Am Sandtorkai 44, 20457 Hamburg, Germany', 50, 186, 10, { align: 'center' });
    plain(doc, 'has established and applies an information security management system for the following scope:', 50, 214, 11, { align: 'center' });
    bold(doc, 'Operation of warehouse management and transport management systems, EDI services and IT infrastructure for logistics customers', 70, 240, 11, { align: 'center', width: 455 });
    plain(doc, 'in accordance with the Statement of Applicability version 1.3 of 12.11.2024.', 50, 284, 10, { align: 'center' });
    plain(doc, 'Proof has been furnished that the requirements according to', 50, 316, 10, { align: 'center' });
    bold(doc, 'ISO/IEC 27001:2022', 50, 334, 16, { align: 'center', width: W });
    plain(doc, 'are fulfilled.', 50, 358, 10, { align: 'center' });
    row(doc, 410, 'Certificate Registration No.:', '90312345/1', 80, 260, 10);
    row(doc, 426, 'Certificate valid from:', '01.02.2025', 80, 260, 10);
    row(doc, 426, 'to:', '31.01.2028', 340, 370, 10);
    plain(doc, 'Stuttgart, 20.01.2025', 80, 480, 10);
    signature(doc, 320, 500, 'Jürgen Haberkorn', 'DEKRA Certification GmbH');
    mark(doc, 480, 640, ['DAkkS', 'Deutsche', 'Akkreditierungsstelle', 'D-ZM-16029-01-00']);
    footer(doc, 'DEKRA Certification GmbH, Handwerkstraße 15, 70565 Stuttgart, Germany. This certificate is valid only in conjunction with the annual surveillance audits. The certification body remains the owner of this certificate.', 750, 7);
  },
  expected: {
    isCertificate: true,
    layout: 'DEKRA',
    fields: {
      certificateNumber: '90312345/1',
      edition: '2022',
      certificationBody: 'DEKRA',
      accreditationBody: 'DAkkS',
      legalEntity: 'Falkenried Logistik IT GmbH',
      issueDate: { anyOf: ['2025-02-01', '2025-01-20'] },
      expiryDate: '2028-01-31',
      originalCertificationDate: null,
      scopeText: { contains: ['warehouse management and transport management systems', 'logistics customers'] },
      sites: [site('Hamburg', 'DE')],
      soaReference: { version: '1.3', date: '2024-11-12' },
    },
  },
});

// 12 Schellman: "Certificate Number:", "Schellman Compliance, LLC hereby certifies that", "has been assessed and found to
// conform", US long dates, Original Issue Date, Last Certification Cycle Expiration Date, Issue Date, Expiration Date,
// AWS regions us-east-1 / us-west-2 in the scope, the certification body's Tampa address, ANAB.
docs.push({
  file: '12-schellman-2022-four-dates',
  title: 'Certificate of Registration',
  draw: (doc) => {
    frame(doc, '#00345b', 2);
    bold(doc, 'SCHELLMAN', 50, 50, 16);
    plain(doc, 'Certificate Number: 1734219-2', 380, 54, 9);
    bold(doc, 'CERTIFICATE OF REGISTRATION', 50, 96, 20, { align: 'center', width: W });
    plain(doc, 'Schellman Compliance, LLC hereby certifies that', 50, 136, 11, { align: 'center' });
    bold(doc, 'Lumenfold, Inc.', 50, 158, 16, { align: 'center', width: W });
    plain(doc, '1200 Peachtree Street NE, Suite 1400, Atlanta, GA 30309', 50, 180, 10, { align: 'center' });
    plain(doc, 'has been assessed and found to conform to the requirements of', 50, 208, 11, { align: 'center' });
    bold(doc, 'ISO/IEC 27001:2022', 50, 226, 16, { align: 'center', width: W });
    plain(doc, 'The scope of the ISO/IEC 27001:2022 certification is bounded by the Lumenfold customer engagement platform, along with the people, processes and technologies that support its development, operation and support. The platform is hosted in AWS regions us-east-1 and us-west-2. This is in accordance with the Statement of Applicability, version 3.0, dated January 15, 2024.', 60, 262, 10, { width: 475, align: 'center' });
    row(doc, 370, 'Original Issue Date:', 'March 14, 2021', 90, 330, 10);
    row(doc, 386, 'Last Certification Cycle Expiration Date:', 'March 13, 2024', 90, 330, 10);
    row(doc, 402, 'Issue Date:', 'March 5, 2024', 90, 330, 10);
    row(doc, 418, 'Expiration Date:', 'March 13, 2027', 90, 330, 10);
    signature(doc, 50, 500, 'Roland Pike', 'Principal, Schellman Compliance, LLC');
    plain(doc, 'Schellman Compliance, LLC, 4010 Harbour Island Boulevard, Suite 600, Tampa, Florida 33602, United States', 50, 540, 8);
    mark(doc, 480, 640, ['ANAB', 'ACCREDITED', 'MANAGEMENT SYSTEMS', 'CERTIFICATION BODY']);
    footer(doc, 'Statements of conformity and the validity of this certificate are subject to satisfactory surveillance audits. This certificate remains the property of the certification body. The validity of this certificate can be verified at www.schellman.com.', 745);
  },
  expected: {
    isCertificate: true,
    layout: 'Schellman',
    fields: {
      certificateNumber: '1734219-2',
      edition: '2022',
      certificationBody: 'Schellman',
      accreditationBody: 'ANAB',
      legalEntity: 'Lumenfold, Inc.',
      issueDate: '2024-03-05',
      expiryDate: '2027-03-13',
      originalCertificationDate: '2021-03-14',
      scopeText: { contains: ['Lumenfold customer engagement platform', 'people, processes and technologies'] },
      sites: [site('Atlanta', 'US')],
      soaReference: { version: '3.0', date: '2024-01-15' },
    },
  },
});

// 13 A-LIGN: "A-LIGN … certifies that", "Certification Body:" label, a site table with a US and a Canadian office,
// "Original Certification Date", "Registration date", "Expiration Date", Month d, yyyy dates, ANAB.
docs.push({
  file: '13-a-lign-2022-two-countries',
  title: 'Certificate of Registration',
  draw: (doc) => {
    frame(doc, '#1a2b49', 2);
    bold(doc, 'A-LIGN', 460, 48, 18);
    bold(doc, 'Certificate of Registration', 50, 90, 22);
    plain(doc, 'A-LIGN Compliance and Security, Inc. certifies that the Information Security Management System of', 50, 130, 11);
    bold(doc, 'Pinecrest Analytics LLC', 50, 152, 15);
    plain(doc, 'has been assessed and found to conform to the requirements of ISO/IEC 27001:2022 for the following scope:', 50, 178, 11);
    box(doc, 45, 210, 505, 70);
    plain(doc, 'The ISMS supporting the Pinecrest Insights revenue analytics platform and its customer success and data engineering operations. The ISMS is managed in accordance with the Statement of Applicability version 2.0 dated August 30, 2024.', 52, 218, 10.5, { width: 490 });
    bold(doc, 'Locations in scope', 50, 296, 11);
    bold(doc, 'Location', 50, 316, 9, { lineBreak: false });
    bold(doc, 'Address', 200, 316, 9, { lineBreak: false });
    plain(doc, 'Headquarters', 50, 332, 9, { lineBreak: false });
    plain(doc, '500 West 2nd Street, Suite 1900, Austin, TX 78701, United States', 200, 332, 9, { width: 340 });
    plain(doc, 'Engineering office', 50, 350, 9, { lineBreak: false });
    plain(doc, '200 Wellington Street West, Toronto, ON M5V 3C7, Canada', 200, 350, 9, { width: 340 });
    row(doc, 400, 'Certificate Number:', 'ISMS-0415678', 50, 220, 10);
    row(doc, 416, 'Original Certification Date:', 'October 2, 2021', 50, 220, 10);
    row(doc, 432, 'Registration date:', 'October 2, 2024', 50, 220, 10);
    row(doc, 448, 'Expiration Date:', 'October 1, 2027', 50, 220, 10);
    row(doc, 464, 'Certification Body:', 'A-LIGN Compliance and Security, Inc.', 50, 220, 10);
    signature(doc, 50, 530, 'Petra Lindholm', 'Certification Decision Maker');
    plain(doc, 'A-LIGN Compliance and Security, Inc., 400 North Ashley Drive, Suite 1325, Tampa, FL 33602', 50, 570, 8);
    mark(doc, 480, 650, ['ANAB', 'ACCREDITED', 'MANAGEMENT SYSTEMS', 'CERTIFICATION BODY']);
    footer(doc, 'This certificate is the property of A-LIGN and must be returned upon request. Its validity is subject to the certified organization passing annual surveillance audits and may be confirmed with the certification body.', 750);
  },
  expected: {
    isCertificate: true,
    layout: 'A-LIGN',
    fields: {
      certificateNumber: 'ISMS-0415678',
      edition: '2022',
      certificationBody: 'A-LIGN',
      accreditationBody: 'ANAB',
      legalEntity: 'Pinecrest Analytics LLC',
      issueDate: '2024-10-02',
      expiryDate: '2027-10-01',
      originalCertificationDate: '2021-10-02',
      scopeText: { contains: ['Pinecrest Insights revenue analytics platform'] },
      sites: [site('Austin', 'US'), site('Toronto', 'CA')],
      soaReference: { version: '2.0', date: '2024-08-30' },
    },
  },
});

// 14 EY CertifyPoint: "Certificate number", "Certified by EY CertifyPoint since", "as defined and implemented by
// Vantorra Systems B.V.*, located in Amsterdam, Netherlands", issue / expiration / last-cycle expiration dates, the
// certification agreement's date, the footnote that points to the scope page, "Scope for certificate",
// "The scope of this ISO/IEC 27001:2022 certification is as follows", locations as "City, Country", AWS regions.
docs.push({
  file: '14-ey-certifypoint-2022-scope-page',
  title: 'Certificate',
  draw: (doc) => {
    frame(doc, '#2e2e38', 1);
    bold(doc, 'EY CertifyPoint', 50, 50, 14);
    bold(doc, 'CERTIFICATE', 50, 90, 26);
    plain(doc, 'Certificate number: 2024-021', 50, 130, 11);
    plain(doc, 'Certified by EY CertifyPoint since: May 2, 2019', 50, 146, 11);
    plain(
      doc,
      'Based on certification examination in conformity with defined requirements in ISO/IEC 17021-1:2015 and ISO/IEC 27006-1:2024, the Information Security Management System as defined and implemented by',
      50,
      180,
      11,
    );
    bold(doc, 'Vantorra Systems B.V.*', 50, 222, 14);
    plain(doc, 'located in Amsterdam, Netherlands is compliant with the requirements as stated in the standard:', 50, 242, 11);
    bold(doc, 'ISO/IEC 27001:2022', 50, 268, 16);
    plain(doc, 'Issue date of certificate: April 28, 2025', 50, 306, 11);
    plain(doc, 'Expiration date of certificate: May 1, 2028', 50, 322, 11);
    plain(doc, 'Last certification cycle expiration date: May 1, 2025', 50, 338, 11);
    plain(doc, 'EY CertifyPoint will, according to the certification agreement dated March 3, 2025, perform surveillance audits and acknowledge the certificate until the expiration date noted above.', 50, 370, 10);
    plain(doc, '*The certification is applicable for the assets, services and locations as described in the scoping section at the back of this certificate, with regard to the specific requirements for information security as stated in the Statement of Applicability, version 2.1, dated 13 May 2024.', 50, 420, 9);
    signature(doc, 50, 520, 'J. Verhoeven', 'Director, EY CertifyPoint B.V.');
    mark(doc, 480, 620, ['RvA', 'C 027', '', '']);
    footer(doc, 'EY CertifyPoint B.V., located at Antonio Vivaldistraat 150, 1083 HP Amsterdam, the Netherlands. This certificate is not transferable and remains the property of EY CertifyPoint B.V. © Copyright: the certificate holder may use the marks in accordance with the certification body\'s rules.', 740);
    doc.addPage();
    frame(doc, '#2e2e38', 1);
    bold(doc, 'Vantorra Systems B.V.', 50, 60, 13);
    bold(doc, 'Scope for certificate 2024-021', 50, 80, 13);
    plain(doc, 'The scope of this ISO/IEC 27001:2022 certification is as follows:', 50, 110, 10);
    bold(doc, 'Organizational units:', 50, 130, 10);
    plain(doc, 'Vantorra Systems B.V., including its Product, Engineering, Customer Operations and Security departments.', 50, 144, 10);
    bold(doc, 'Services:', 50, 172, 10);
    plain(doc, 'Development, operation and support of the Vantorra treasury management SaaS platform for corporate finance teams.', 50, 186, 10);
    bold(doc, 'Locations:', 50, 214, 10);
    plain(doc, 'Amsterdam, Netherlands\nDublin, Ireland\nLisbon, Portugal', 50, 228, 10);
    plain(doc, 'The Information Security Management System is centrally managed out of Amsterdam, Netherlands. Production workloads are hosted in AWS regions eu-west-1 (Ireland) and us-east-1; these are third-party data centres and are not locations of the certificate holder.', 50, 280, 10);
    plain(doc, "The Information Security Management System mentioned in the above scope is restricted as defined in 'ISMS Scope and Boundaries' version 4.0, dated 2 April 2025, and the Statement of Applicability referred to on the first page.", 50, 330, 10);
    plain(doc, 'This scope is only valid in connection with certificate 2024-021.', 50, 380, 9);
  },
  expected: {
    isCertificate: true,
    layout: 'EY CertifyPoint',
    fields: {
      certificateNumber: '2024-021',
      edition: '2022',
      certificationBody: 'EY CertifyPoint',
      accreditationBody: 'RvA',
      legalEntity: 'Vantorra Systems B.V.',
      issueDate: '2025-04-28',
      expiryDate: '2028-05-01',
      originalCertificationDate: '2019-05-02',
      scopeText: { contains: ['Vantorra treasury management SaaS platform'] },
      sites: [site('Amsterdam', 'NL'), site('Dublin', 'IE'), site('Lisbon', 'PT')],
      soaReference: { version: '2.1', date: '2024-05-13' },
    },
  },
});

// 15 Coalfire ISO: ISO dates, "Current certificate issued", "Original Registration Date", Azure regions in scope, the
// certification body named only as "Coalfire ISO, Inc.", ANAB.
docs.push({
  file: '15-coalfire-2022-iso-dates',
  title: 'Certificate of Registration',
  draw: (doc) => {
    frame(doc, '#d52b1e', 2);
    bold(doc, 'COALFIRE', 460, 48, 14);
    bold(doc, 'Certificate of Registration', 50, 90, 22);
    plain(doc, 'Coalfire ISO, Inc. certifies that the Information Security Management System of', 50, 130, 11);
    bold(doc, 'Redwood Ledger Corp.', 50, 152, 15);
    plain(doc, '1801 Wewatta Street, Floor 11, Denver, CO 80202, United States', 50, 174, 10);
    plain(doc, 'conforms to the requirements of ISO/IEC 27001:2022.', 50, 204, 11);
    plain(doc, 'The scope of this ISO/IEC 27001:2022 certificate includes the information security management system supporting the Redwood Ledger accounts reconciliation and close management software, including product development, cloud operations and customer support. Production services run in Microsoft Azure regions East US 2 and West Europe.', 50, 226, 11);
    row(doc, 320, 'Certificate Number:', '1122334-1', 50, 240, 10);
    row(doc, 336, 'Original Registration Date:', '2020-11-16', 50, 240, 10);
    row(doc, 352, 'Current certificate issued:', '2023-11-10', 50, 240, 10);
    row(doc, 368, 'Expiration Date:', '2026-11-15', 50, 240, 10);
    signature(doc, 50, 450, 'Marcus Oyelaran', 'Certification Manager');
    plain(doc, 'Coalfire ISO, Inc., 12735 Morris Road, Suite 250, Alpharetta, GA 30004', 50, 490, 8);
    mark(doc, 480, 640, ['ANAB', 'ACCREDITED', 'MANAGEMENT SYSTEMS', 'CERTIFICATION BODY']);
    footer(doc, 'This certificate remains the property of the certification body and may be withdrawn if the organisation does not maintain its management system in accordance with the certification agreement.', 750);
  },
  expected: {
    isCertificate: true,
    layout: 'Coalfire ISO',
    fields: {
      certificateNumber: '1122334-1',
      edition: '2022',
      certificationBody: 'Coalfire',
      accreditationBody: 'ANAB',
      legalEntity: 'Redwood Ledger Corp.',
      issueDate: '2023-11-10',
      expiryDate: '2026-11-15',
      originalCertificationDate: '2020-11-16',
      scopeText: { contains: ['accounts reconciliation and close management software'] },
      sites: [site('Denver', 'US')],
      soaReference: null,
    },
  },
});

// 16 Moss Adams: a CPA firm's certificate: "hereby certifies that", "Scope of registration:", "Certificate #:",
// "Registration date:", "Expiration:", mm/dd/yyyy, two US sites with state abbreviations, ANAB. Not in the body list.
docs.push({
  file: '16-moss-adams-2022-us-sites',
  title: 'Certificate of Registration',
  draw: (doc) => {
    frame(doc, '#5b6770', 2);
    bold(doc, 'MOSS ADAMS', 440, 48, 14);
    bold(doc, 'Certificate of Registration', 50, 90, 22);
    plain(doc, 'Moss Adams LLP hereby certifies that', 50, 130, 11);
    bold(doc, 'Glacier Point Benefits Administration, Inc.', 50, 152, 15);
    plain(doc, 'has implemented an Information Security Management System that conforms to ISO/IEC 27001:2022.', 50, 178, 11);
    bold(doc, 'Scope of registration:', 50, 210, 11);
    plain(doc, 'Third-party administration of employee health and retirement benefit plans, including enrollment, claims adjudication, participant call centre and the supporting IT operations, performed at:', 50, 228, 11);
    plain(doc, '1000 Second Avenue, Suite 2500, Seattle, WA 98104\n601 West Main Avenue, Suite 700, Spokane, WA 99201', 70, 284, 10);
    row(doc, 340, 'Certificate #:', 'MA-ISMS-2024-0117', 50, 200, 10);
    row(doc, 356, 'Registration date:', '04/22/2024', 50, 200, 10);
    row(doc, 372, 'Expiration:', '04/21/2027', 50, 200, 10);
    signature(doc, 50, 450, 'Lauren Tsai', 'Partner, IT Compliance Services');
    plain(doc, 'Moss Adams LLP, 999 Third Avenue, Suite 2800, Seattle, WA 98104', 50, 490, 8);
    mark(doc, 480, 640, ['ANAB', 'ACCREDITED', 'MANAGEMENT SYSTEMS', 'CERTIFICATION BODY']);
    footer(doc, 'The certification body retains ownership of this certificate. Registration is maintained through annual surveillance audits; the current status of this registration may be confirmed with Moss Adams LLP.', 750);
  },
  expected: {
    isCertificate: true,
    layout: 'Moss Adams',
    fields: {
      certificateNumber: 'MA-ISMS-2024-0117',
      edition: '2022',
      certificationBody: 'Moss Adams',
      accreditationBody: 'ANAB',
      legalEntity: 'Glacier Point Benefits Administration, Inc.',
      issueDate: '2024-04-22',
      expiryDate: '2027-04-21',
      originalCertificationDate: null,
      scopeText: { contains: ['employee health and retirement benefit plans', 'participant call centre'] },
      sites: [site('Seattle', 'US'), site('Spokane', 'US')],
      soaReference: null,
    },
  },
});

// 17 BARR Certifications: "Valid from … to …" in one sentence, "Certificate ID", "applicable to", an SoA cited in
// parentheses with a numeric US date, ANAB. Not in the body list.
docs.push({
  file: '17-barr-2022-valid-from-to',
  title: 'Certificate',
  draw: (doc) => {
    frame(doc, '#003b5c', 2);
    bold(doc, 'BARR Certifications', 380, 48, 13);
    bold(doc, 'ISO/IEC 27001:2022 Certificate', 50, 92, 22);
    plain(doc, 'BARR Certifications, LLC certifies that the Information Security Management System of', 50, 134, 11);
    bold(doc, 'Tallgrass Clearing Services, Inc.', 50, 156, 15);
    plain(doc, '4800 Main Street, Suite 300, Kansas City, MO 64112, United States', 50, 178, 10);
    plain(doc, 'has been audited and found to conform to ISO/IEC 27001:2022, applicable to:', 50, 206, 11);
    plain(doc, 'The ACH origination, check image clearing and remote deposit capture services provided to community banks and credit unions (Statement of Applicability v5, 03/18/2024).', 50, 226, 11);
    row(doc, 300, 'Certificate ID:', 'BC-27001-0932', 50, 170, 10);
    plain(doc, 'This certificate is valid from May 13, 2024 to May 12, 2027, subject to successful annual surveillance audits.', 50, 320, 10);
    signature(doc, 50, 420, 'Owen Kessler', 'Certification Director, BARR Certifications, LLC');
    plain(doc, 'BARR Certifications, LLC, 11300 Tomahawk Creek Parkway, Suite 110, Leawood, KS 66211', 50, 460, 8);
    mark(doc, 480, 640, ['ANAB', 'ACCREDITED', 'MANAGEMENT SYSTEMS', 'CERTIFICATION BODY']);
  },
  expected: {
    isCertificate: true,
    layout: 'BARR Certifications',
    fields: {
      certificateNumber: 'BC-27001-0932',
      edition: '2022',
      certificationBody: 'BARR Certifications',
      accreditationBody: 'ANAB',
      legalEntity: 'Tallgrass Clearing Services, Inc.',
      issueDate: '2024-05-13',
      expiryDate: '2027-05-12',
      originalCertificationDate: null,
      scopeText: { contains: ['ACH origination, check image clearing and remote deposit capture services'] },
      sites: [site('Kansas City', 'US')],
      soaReference: { version: '5', date: '2024-03-18' },
    },
  },
});

// 18 Prescient Security: "This is to certify that the Information Security Management System implemented by",
// "Effective date", "Expiry Date", a UK site, IAS. The scope spreads over several short lines.
docs.push({
  file: '18-prescient-2022-multiline-scope',
  title: 'Certificate of Registration',
  draw: (doc) => {
    frame(doc, '#3a0ca3', 2);
    bold(doc, 'PRESCIENT SECURITY', 380, 48, 12);
    bold(doc, 'Certificate of Registration', 50, 90, 22);
    plain(doc, 'This is to certify that the Information Security Management System implemented by', 50, 130, 11);
    bold(doc, 'Calloway Freight Technologies Ltd', 50, 152, 15);
    plain(doc, 'Temple Quay House, 2 The Square, Bristol, BS1 6DG, United Kingdom', 50, 174, 10);
    plain(doc, 'has been assessed and found to conform to the requirements of ISO/IEC 27001:2022', 50, 202, 11);
    bold(doc, 'Scope:', 50, 232, 11);
    plain(doc, 'Design, development and operation of\nfreight booking, customs declaration and\nshipment tracking software services,\nincluding 24x7 customer support.', 50, 250, 11);
    row(doc, 340, 'Certificate No.:', 'PS-ISO-27K-22871', 50, 200, 10);
    row(doc, 356, 'Effective date:', '13 May 2024', 50, 200, 10);
    row(doc, 372, 'Expiry Date:', '12 May 2027', 50, 200, 10);
    signature(doc, 50, 450, 'Sana Qureshi', 'Lead Certification Officer, Prescient Security LLC');
    mark(doc, 480, 640, ['IAS', 'ACCREDITED', 'MSCB-311', '']);
    footer(doc, 'Prescient Security LLC, 1 World Trade Center, Suite 8500, New York, NY 10007. This certificate remains the property of the certification body and is subject to the terms of the certification agreement.', 750);
  },
  expected: {
    isCertificate: true,
    layout: 'Prescient Security',
    fields: {
      certificateNumber: 'PS-ISO-27K-22871',
      edition: '2022',
      certificationBody: 'Prescient',
      accreditationBody: 'IAS',
      legalEntity: 'Calloway Freight Technologies Ltd',
      issueDate: '2024-05-13',
      expiryDate: '2027-05-12',
      originalCertificationDate: null,
      scopeText: { contains: ['freight booking, customs declaration and shipment tracking software services', '24x7 customer support'] },
      sites: [site('Bristol', 'GB')],
      soaReference: null,
    },
  },
});

// 19 DQS: "ISO/IEC 27001 : 2013" spaced, "hereby certifies that the organization", "has implemented and maintains",
// "Certificate registration no.", "Effective date", "Valid until", "Date of certification", sites in Germany and
// Austria, DAkkS.
docs.push({
  file: '19-dqs-2013-spaced-edition',
  title: 'Certificate',
  draw: (doc) => {
    frame(doc, '#004b87', 2);
    bold(doc, 'DQS', 470, 48, 20);
    bold(doc, 'CERTIFICATE', 50, 90, 26, { align: 'center', width: W });
    plain(doc, 'Hereby certifies that the organization', 50, 136, 11, { align: 'center' });
    bold(doc, 'Rheinblick Versicherungsservice GmbH', 50, 158, 15, { align: 'center', width: W });
    plain(doc, 'Mainzer Landstraße 176, 60327 Frankfurt am Main, Germany', 50, 180, 10, { align: 'center' });
    plain(doc, 'with the site: Wienerbergstraße 11, 1100 Wien, Austria', 50, 194, 10, { align: 'center' });
    plain(doc, 'has implemented and maintains an Information Security Management System for the following scope:', 50, 222, 11, { align: 'center' });
    bold(doc, 'Policy administration and claims settlement services for insurers, including the operation of the required IT systems', 70, 246, 11, { align: 'center', width: 455 });
    plain(doc, 'Through an audit, documented in a report, it was verified that the management system fulfills the requirements of the following standard:', 50, 296, 10, { align: 'center' });
    bold(doc, 'ISO/IEC 27001 : 2013', 50, 330, 16, { align: 'center', width: W });
    row(doc, 390, 'Certificate registration no.', '534112 ISMS13', 80, 260, 10);
    row(doc, 406, 'Date of certification', '2022-02-18', 80, 260, 10);
    row(doc, 422, 'Effective date', '2022-03-01', 80, 260, 10);
    row(doc, 438, 'Valid until', '2025-02-28', 80, 260, 10);
    signature(doc, 320, 500, 'Martina Kellermann', 'Managing Director, DQS GmbH');
    mark(doc, 480, 640, ['DAkkS', 'Deutsche', 'Akkreditierungsstelle', 'D-ZM-16030-01-00']);
    footer(doc, 'Accredited Body: DQS GmbH, August-Schanz-Straße 21, 60433 Frankfurt am Main, Germany. Administrative Office: DQS GmbH.', 760, 7);
  },
  expected: {
    isCertificate: true,
    layout: 'DQS',
    fields: {
      certificateNumber: '534112 ISMS13',
      edition: '2013',
      certificationBody: 'DQS',
      accreditationBody: 'DAkkS',
      legalEntity: 'Rheinblick Versicherungsservice GmbH',
      issueDate: { anyOf: ['2022-03-01', '2022-02-18'] },
      expiryDate: '2025-02-28',
      originalCertificationDate: null,
      scopeText: { contains: ['Policy administration and claims settlement services for insurers'] },
      sites: [site('Frankfurt am Main', 'DE'), site('Wien', 'AT')],
      soaReference: null,
    },
  },
});

// 20 Certification Europe: "Certificate of Registration", "Scope of registration" in a box, "Registration date",
// "Date of expiry", "Certificate number: 2024/27001/0518", INAB, an Irish site, the certification body's Dublin address.
docs.push({
  file: '20-certification-europe-2022-boxed-scope',
  title: 'Certificate of Registration',
  draw: (doc) => {
    frame(doc, '#008c95', 3);
    bold(doc, 'Certification Europe', 390, 48, 13);
    bold(doc, 'Certificate of Registration', 50, 90, 22, { align: 'center', width: W });
    plain(doc, 'This is to certify that the Information Security Management System of', 50, 130, 11, { align: 'center' });
    bold(doc, 'Lough Mahon Software Limited', 50, 152, 15, { align: 'center', width: W });
    plain(doc, 'Penrose Wharf, Penrose Quay, Cork, T23 YY09, Ireland', 50, 174, 10, { align: 'center' });
    plain(doc, 'has been assessed and registered as meeting the requirements of ISO/IEC 27001:2022', 50, 200, 11, { align: 'center' });
    bold(doc, 'Scope of registration', 50, 232, 11);
    box(doc, 45, 250, 505, 60);
    plain(doc, 'The design, development, hosting and support of pharmacy dispensing and e-prescribing software for community pharmacies in Ireland and the United Kingdom.', 52, 258, 11, { width: 490 });
    row(doc, 340, 'Certificate number:', '2024/27001/0518', 50, 200, 10);
    row(doc, 356, 'Registration date:', '13/05/2024', 50, 200, 10);
    row(doc, 372, 'Date of expiry:', '12/05/2027', 50, 200, 10);
    row(doc, 388, 'Initial registration date:', '13/05/2021', 50, 200, 10);
    signature(doc, 50, 470, 'Aoife Brennan', 'Chief Executive Officer');
    mark(doc, 480, 640, ['INAB', 'Certification', 'Body', 'Detailed in 9MS']);
    footer(doc, 'Certification Europe Ltd, Block 7, Blackrock Business Park, Carysfort Avenue, Blackrock, Co. Dublin, A94 Y9K7, Ireland. This certificate remains the property of the certification body and must be returned on request.', 750);
  },
  expected: {
    isCertificate: true,
    layout: 'Certification Europe',
    fields: {
      certificateNumber: '2024/27001/0518',
      edition: '2022',
      certificationBody: 'Certification Europe',
      accreditationBody: 'INAB',
      legalEntity: 'Lough Mahon Software Limited',
      issueDate: '2024-05-13',
      expiryDate: '2027-05-12',
      originalCertificationDate: '2021-05-13',
      scopeText: { contains: ['pharmacy dispensing and e-prescribing software'] },
      sites: [site('Cork', 'IE')],
      soaReference: null,
    },
  },
});

// 21 Kiwa (Italy): bilingual Italian / English labels ("Prima emissione / First issue", "Emissione corrente / Current
// issue", "Data di scadenza / Expiry date"), "operated by", ACCREDIA, "Milano (MI) Italia" addresses.
docs.push({
  file: '21-kiwa-italy-2022-bilingual',
  title: 'Certificato Certificate',
  draw: (doc) => {
    frame(doc, '#e30613', 2);
    bold(doc, 'Kiwa', 470, 48, 20);
    bold(doc, 'CERTIFICATO n. / CERTIFICATE No.  KIT-27001-7781', 50, 90, 15);
    plain(doc, 'Si certifica che il sistema di gestione per la sicurezza delle informazioni gestito da / We hereby certify that the information security management system operated by', 50, 124, 10);
    bold(doc, 'Lanterna Servizi Digitali S.r.l.', 50, 160, 15);
    plain(doc, 'Via Tortona 31, 20144 Milano (MI), Italy\nCorso Francia 110, 10143 Torino (TO), Italy', 50, 182, 10);
    plain(doc, 'è conforme alla norma / is in compliance with the standard', 50, 222, 10);
    bold(doc, 'ISO/IEC 27001:2022', 50, 240, 15);
    plain(doc, 'per le seguenti attività / for the following activities', 50, 270, 10);
    plain(doc, 'Progettazione ed erogazione di servizi di conservazione digitale a norma e fatturazione elettronica. / Design and delivery of legally compliant digital preservation and e-invoicing services. Dichiarazione di applicabilità / Statement of Applicability rev. 9 del 13.05.2024.', 50, 288, 10.5);
    row(doc, 370, 'Prima emissione / First issue:', '13/05/2018', 50, 250, 10);
    row(doc, 386, 'Emissione corrente / Current issue:', '13/05/2024', 50, 250, 10);
    row(doc, 402, 'Data di scadenza / Expiry date:', '12/05/2027', 50, 250, 10);
    signature(doc, 50, 470, 'Giulia Ferraresi', 'Amministratore Delegato, Kiwa Cermet Italia S.p.A.');
    mark(doc, 480, 640, ['ACCREDIA', 'SGSI N. 011M', '', '']);
    footer(doc, "Kiwa Cermet Italia S.p.A., Via Cadriano 23, 40057 Granarolo dell'Emilia (BO), Italia. La validità del presente certificato è subordinata a sorveglianza periodica annuale / The validity of this certificate depends on an annual audit.", 750);
  },
  expected: {
    isCertificate: true,
    layout: 'Kiwa (Italy)',
    fields: {
      certificateNumber: 'KIT-27001-7781',
      edition: '2022',
      certificationBody: 'Kiwa',
      accreditationBody: 'ACCREDIA',
      legalEntity: 'Lanterna Servizi Digitali S.r.l.',
      issueDate: '2024-05-13',
      expiryDate: '2027-05-12',
      originalCertificationDate: '2018-05-13',
      scopeText: { contains: ['digital preservation and e-invoicing services'] },
      sites: [site('Milano', 'IT'), site('Torino', 'IT')],
      soaReference: { version: '9', date: '2024-05-13' },
    },
  },
});

// 22 SAI Global (Australia): "Certified since", "Valid from dd.mm.yyyy to dd.mm.yyyy", JAS-ANZ, sites in Australia and
// New Zealand, a scope table. SAI Global is not in the reader's list of bodies.
docs.push({
  file: '22-sai-global-2022-jas-anz',
  title: 'Certificate of Registration',
  draw: (doc) => {
    frame(doc, '#00205b', 2);
    bold(doc, 'SAI GLOBAL', 440, 48, 14);
    bold(doc, 'CERTIFICATE OF REGISTRATION', 50, 90, 20);
    plain(doc, 'This is to certify that', 50, 126, 11);
    bold(doc, 'Wattle & Fern Health Services Pty Ltd', 50, 146, 15);
    plain(doc, 'operates an Information Security Management System which complies with the requirements of ISO/IEC 27001:2022', 50, 170, 11);
    bold(doc, 'Scope of certification', 50, 206, 11);
    plain(doc, 'The provision of medical transcription, clinical coding and patient appointment contact centre services to hospitals and specialist practices.', 50, 222, 11);
    bold(doc, 'Site', 50, 270, 9, { lineBreak: false });
    bold(doc, 'Address', 180, 270, 9, { lineBreak: false });
    plain(doc, 'Head office', 50, 286, 9, { lineBreak: false });
    plain(doc, 'Level 12, 60 Margaret Street, Sydney, NSW 2000, Australia', 180, 286, 9, { width: 360 });
    plain(doc, 'Contact centre', 50, 302, 9, { lineBreak: false });
    plain(doc, 'Level 3, 51 Shortland Street, Auckland 1010, New Zealand', 180, 302, 9, { width: 360 });
    row(doc, 350, 'Certificate Number:', 'CERT-0151234', 50, 200, 10);
    row(doc, 366, 'Certified since:', '13.05.2020', 50, 200, 10);
    plain(doc, 'Valid from 13.05.2023 to 12.05.2026', 50, 382, 10);
    signature(doc, 50, 460, 'Brendan Maguire', 'Global Head - Assurance');
    plain(doc, 'SAI Global Assurance Services Pty Ltd, Level 37, 680 George Street, Sydney NSW 2000, Australia', 50, 500, 8);
    mark(doc, 480, 640, ['JAS-ANZ', 'ACCREDITED', 'M4560802IN', '']);
    footer(doc, 'This certificate remains the property of SAI Global and shall be returned to them upon request. To verify that this certificate is current, please refer to the SAI Global on-line certification register.', 750);
  },
  expected: {
    isCertificate: true,
    layout: 'SAI Global',
    fields: {
      certificateNumber: 'CERT-0151234',
      edition: '2022',
      certificationBody: 'SAI Global',
      accreditationBody: 'JAS-ANZ',
      legalEntity: 'Wattle & Fern Health Services Pty Ltd',
      issueDate: '2023-05-13',
      expiryDate: '2026-05-12',
      originalCertificationDate: '2020-05-13',
      scopeText: { contains: ['medical transcription, clinical coding and patient appointment contact centre services'] },
      sites: [site('Sydney', 'AU'), site('Auckland', 'NZ')],
      soaReference: null,
    },
  },
});

// 23 EY CertifyPoint with a site annex: 156 "►"-bulleted "City, Country" locations over several pages, 2013 edition.
const ANNEX_CITIES: [string, string, string][] = [
  ['Manila', 'Philippines', 'PH'], ['Quezon City', 'Philippines', 'PH'], ['Pasig City', 'Philippines', 'PH'], ['Cebu City', 'Philippines', 'PH'],
  ['Davao City', 'Philippines', 'PH'], ['Iloilo City', 'Philippines', 'PH'], ['Bacolod', 'Philippines', 'PH'], ['Baguio', 'Philippines', 'PH'],
  ['Mumbai', 'India', 'IN'], ['Pune', 'India', 'IN'], ['Bengaluru', 'India', 'IN'], ['Chennai', 'India', 'IN'], ['Hyderabad', 'India', 'IN'],
  ['Noida', 'India', 'IN'], ['Gurugram', 'India', 'IN'], ['Kolkata', 'India', 'IN'], ['Ahmedabad', 'India', 'IN'], ['Kochi', 'India', 'IN'],
  ['Mexico City', 'Mexico', 'MX'], ['Guadalajara', 'Mexico', 'MX'], ['Monterrey', 'Mexico', 'MX'], ['Bogotá', 'Colombia', 'CO'],
  ['Medellín', 'Colombia', 'CO'], ['Barranquilla', 'Colombia', 'CO'], ['Lima', 'Peru', 'PE'], ['Santiago', 'Chile', 'CL'],
  ['Buenos Aires', 'Argentina', 'AR'], ['Córdoba', 'Argentina', 'AR'], ['São Paulo', 'Brazil', 'BR'], ['Curitiba', 'Brazil', 'BR'],
  ['San José', 'Costa Rica', 'CR'], ['Guatemala City', 'Guatemala', 'GT'], ['San Salvador', 'El Salvador', 'SV'], ['Kingston', 'Jamaica', 'JM'],
  ['Santo Domingo', 'Dominican Republic', 'DO'], ['Montevideo', 'Uruguay', 'UY'], ['Cairo', 'Egypt', 'EG'], ['Casablanca', 'Morocco', 'MA'],
  ['Tunis', 'Tunisia', 'TN'], ['Johannesburg', 'South Africa', 'ZA'], ['Cape Town', 'South Africa', 'ZA'], ['Durban', 'South Africa', 'ZA'],
  ['Nairobi', 'Kenya', 'KE'], ['Lagos', 'Nigeria', 'NG'], ['Accra', 'Ghana', 'GH'], ['Port Louis', 'Mauritius', 'MU'],
  ['Kuala Lumpur', 'Malaysia', 'MY'], ['Penang', 'Malaysia', 'MY'], ['Singapore', 'Singapore', 'SG'], ['Jakarta', 'Indonesia', 'ID'],
  ['Bangkok', 'Thailand', 'TH'], ['Ho Chi Minh City', 'Vietnam', 'VN'], ['Hanoi', 'Vietnam', 'VN'], ['Colombo', 'Sri Lanka', 'LK'],
  ['Dhaka', 'Bangladesh', 'BD'], ['Karachi', 'Pakistan', 'PK'], ['Lahore', 'Pakistan', 'PK'], ['Dubai', 'United Arab Emirates', 'AE'],
  ['Riyadh', 'Saudi Arabia', 'SA'], ['Doha', 'Qatar', 'QA'], ['Istanbul', 'Turkey', 'TR'], ['Athens', 'Greece', 'GR'],
  ['Sofia', 'Bulgaria', 'BG'], ['Bucharest', 'Romania', 'RO'], ['Cluj-Napoca', 'Romania', 'RO'], ['Budapest', 'Hungary', 'HU'],
  ['Bratislava', 'Slovakia', 'SK'], ['Brno', 'Czech Republic', 'CZ'], ['Prague', 'Czech Republic', 'CZ'], ['Kraków', 'Poland', 'PL'],
  ['Warsaw', 'Poland', 'PL'], ['Wrocław', 'Poland', 'PL'], ['Gdańsk', 'Poland', 'PL'], ['Vilnius', 'Lithuania', 'LT'],
  ['Riga', 'Latvia', 'LV'], ['Tallinn', 'Estonia', 'EE'], ['Helsinki', 'Finland', 'FI'], ['Stockholm', 'Sweden', 'SE'],
  ['Oslo', 'Norway', 'NO'], ['Copenhagen', 'Denmark', 'DK'], ['Berlin', 'Germany', 'DE'], ['Leipzig', 'Germany', 'DE'],
  ['Munich', 'Germany', 'DE'], ['Vienna', 'Austria', 'AT'], ['Zurich', 'Switzerland', 'CH'], ['Milan', 'Italy', 'IT'],
  ['Rome', 'Italy', 'IT'], ['Madrid', 'Spain', 'ES'], ['Barcelona', 'Spain', 'ES'], ['Valencia', 'Spain', 'ES'],
  ['Lisbon', 'Portugal', 'PT'], ['Porto', 'Portugal', 'PT'], ['Paris', 'France', 'FR'], ['Lyon', 'France', 'FR'],
  ['Brussels', 'Belgium', 'BE'], ['Luxembourg', 'Luxembourg', 'LU'], ['Amsterdam', 'Netherlands', 'NL'], ['Rotterdam', 'Netherlands', 'NL'],
  ['Dublin', 'Ireland', 'IE'], ['Galway', 'Ireland', 'IE'], ['London', 'United Kingdom', 'GB'], ['Manchester', 'United Kingdom', 'GB'],
  ['Glasgow', 'United Kingdom', 'GB'], ['Belfast', 'United Kingdom', 'GB'], ['Cardiff', 'United Kingdom', 'GB'], ['Toronto', 'Canada', 'CA'],
  ['Montreal', 'Canada', 'CA'], ['Vancouver', 'Canada', 'CA'], ['Halifax', 'Canada', 'CA'], ['New York', 'United States', 'US'],
  ['Chicago', 'United States', 'US'], ['Dallas', 'United States', 'US'], ['Tampa', 'United States', 'US'], ['Phoenix', 'United States', 'US'],
  ['Denver', 'United States', 'US'], ['Atlanta', 'United States', 'US'], ['Seattle', 'United States', 'US'], ['Boston', 'United States', 'US'],
  ['Sydney', 'Australia', 'AU'], ['Melbourne', 'Australia', 'AU'], ['Brisbane', 'Australia', 'AU'], ['Perth', 'Australia', 'AU'],
  ['Auckland', 'New Zealand', 'NZ'], ['Wellington', 'New Zealand', 'NZ'], ['Tokyo', 'Japan', 'JP'], ['Osaka', 'Japan', 'JP'],
  ['Seoul', 'South Korea', 'KR'], ['Taipei', 'Taiwan', 'TW'], ['Hong Kong', 'Hong Kong', 'HK'], ['Shanghai', 'China', 'CN'],
  ['Shenzhen', 'China', 'CN'], ['Dalian', 'China', 'CN'], ['Kathmandu', 'Nepal', 'NP'], ['Tel Aviv', 'Israel', 'IL'],
  ['Kyiv', 'Ukraine', 'UA'], ['Lviv', 'Ukraine', 'UA'], ['Belgrade', 'Serbia', 'RS'], ['Zagreb', 'Croatia', 'HR'],
];
// Several offices in some cities: the annex names each one ("Manila (Ortigas), Philippines").
const ANNEX_SITES: { label: string; city: string; country: string; code: string }[] = [];
for (const [city, country, code] of ANNEX_CITIES) ANNEX_SITES.push({ label: `${city}, ${country}`, city, country, code });
for (const [city, country, code] of ANNEX_CITIES.slice(0, 18)) ANNEX_SITES.push({ label: `${city} (Campus 2), ${country}`, city, country, code });

docs.push({
  file: '23-ey-certifypoint-2013-annex-156-sites',
  title: 'Certificate',
  draw: (doc) => {
    frame(doc, '#2e2e38', 1);
    bold(doc, 'EY CertifyPoint', 50, 50, 14);
    bold(doc, 'CERTIFICATE', 50, 90, 26);
    plain(doc, 'Certificate number: 2017-114', 50, 130, 11);
    plain(doc, 'Certified by EY CertifyPoint since: August 21, 2017', 50, 146, 11);
    plain(doc, 'Based on certification examination in conformity with defined requirements in ISO/IEC 17021-1:2015 and ISO/IEC 27006:2015, the Information Security Management System as defined and implemented by', 50, 180, 11);
    bold(doc, 'Halcyon Horizon Services Holdings Ltd.*', 50, 222, 14);
    plain(doc, 'located in London, United Kingdom is compliant with the requirements as stated in the standard:', 50, 242, 11);
    bold(doc, 'ISO/IEC 27001:2013', 50, 268, 16);
    plain(doc, 'Issue date of certificate: August 18, 2023', 50, 306, 11);
    plain(doc, 'Re-issue date of certificate: January 9, 2024', 50, 322, 11);
    plain(doc, 'Expiration date of certificate: August 20, 2025', 50, 338, 11);
    plain(doc, 'Last certification cycle expiration date: August 20, 2023', 50, 354, 11);
    plain(doc, 'EY CertifyPoint will, according to the certification agreement dated May 30, 2023, perform surveillance audits and acknowledge the certificate until the expiration date noted above.', 50, 386, 10);
    plain(doc, '*The certification is applicable for the assets, services and locations as described in the scoping section at the back of this certificate, with regard to the specific requirements for information security as stated in the Statement of Applicability, version 7.0, dated June 12, 2023.', 50, 430, 9);
    signature(doc, 50, 520, 'J. Verhoeven', 'Director, EY CertifyPoint B.V.');
    mark(doc, 480, 620, ['RvA', 'C 027', '', '']);
    footer(doc, 'EY CertifyPoint B.V., located at Antonio Vivaldistraat 150, 1083 HP Amsterdam, the Netherlands. This certificate is not transferable and remains the property of EY CertifyPoint B.V.', 745);
    doc.addPage();
    frame(doc, '#2e2e38', 1);
    bold(doc, 'Halcyon Horizon Services Holdings Ltd.', 50, 60, 13);
    bold(doc, 'Scope for certificate 2017-114', 50, 80, 13);
    plain(doc, 'The scope of this ISO/IEC 27001:2013 certification is as follows:', 50, 108, 10);
    plain(doc, 'The Information Security Management System supporting customer experience outsourcing, including omnichannel contact centre, trust and safety content moderation, and finance and accounting back-office services, delivered from the locations listed below.', 50, 124, 10);
    plain(doc, 'Locations in scope:', 50, 170, 10);
    let y = 188;
    let page = 2;
    for (const s of ANNEX_SITES) {
      if (y > 770) {
        doc.addPage();
        frame(doc, '#2e2e38', 1);
        page++;
        plain(doc, `Scope for certificate 2017-114 (continued, page ${page})`, 50, 50, 9);
        y = 74;
      }
      doc.font('DejaVu').fontSize(9).fillColor('black').text(`\u25BA ${s.label}`, 60, y, { lineBreak: false });
      y += 13;
    }
    plain(doc, 'Workloads are hosted in AWS regions eu-west-1 (Ireland) and us-east-1 and in Microsoft Azure West Europe (Netherlands); cloud data centres are not locations of the certificate holder.', 50, Math.min(y + 10, 780), 8.5);
  },
  expected: {
    isCertificate: true,
    layout: 'EY CertifyPoint',
    fields: {
      certificateNumber: '2017-114',
      edition: '2013',
      certificationBody: 'EY CertifyPoint',
      accreditationBody: 'RvA',
      legalEntity: 'Halcyon Horizon Services Holdings Ltd.',
      issueDate: { anyOf: ['2024-01-09', '2023-08-18'] },
      expiryDate: '2025-08-20',
      originalCertificationDate: '2017-08-21',
      scopeText: { contains: ['customer experience outsourcing', 'trust and safety content moderation'] },
      sites: ANNEX_SITES.map((s) => site(s.city, s.code)),
      soaReference: { version: '7.0', date: '2023-06-12' },
    },
  },
});

// 90 Negative: a marketing one-pager that says "ISO 27001 certified" and names a certification body and a number.
docs.push({
  file: '90-negative-marketing-flyer',
  title: 'Why Brightline',
  draw: (doc) => {
    bold(doc, 'Brightline Outsourcing', 50, 60, 24);
    bold(doc, 'We are ISO 27001 certified!', 50, 110, 20);
    plain(doc, 'Your customers\' data is safe with us. Since 2019 our delivery centres in Manila and Cebu have been certified to ISO 27001 by an accredited certification body, and we renew our certification every three years.', 50, 150, 12);
    plain(doc, '• 2,400 agents across 3 sites\n• 99.95% platform availability\n• PCI DSS and ISO 27001 compliant contact centre\n• Certificate available on request from our Trust Center', 60, 230, 12);
    plain(doc, 'Ask about our 30-day pilot: sales@brightline-outsourcing.example  |  +63 2 8888 0000', 50, 340, 11);
    plain(doc, 'Brightline Outsourcing Inc., 9th Floor, Net Park, 5th Avenue, Bonifacio Global City, Taguig, 1634 Metro Manila, Philippines', 50, 760, 8);
  },
  expected: { isCertificate: false, layout: 'marketing flyer' },
});

// 91 Negative: the cover page of an ISO/IEC 27001 surveillance audit report (names the body, the standard, dates).
docs.push({
  file: '91-negative-audit-report-cover',
  title: 'Audit Report',
  draw: (doc) => {
    bold(doc, 'Audit Report', 50, 80, 26);
    plain(doc, 'Surveillance audit 1 (SA1) - Information Security Management System', 50, 120, 12);
    row(doc, 170, 'Organisation:', 'Kestrel Contact Solutions Ltd', 50, 200, 11);
    row(doc, 188, 'Standard:', 'ISO/IEC 27001:2022', 50, 200, 11);
    row(doc, 206, 'Audit dates:', '03/09/2025 - 05/09/2025', 50, 200, 11);
    row(doc, 224, 'Lead auditor:', 'P. Anand', 50, 200, 11);
    row(doc, 242, 'Report reference:', 'AR-2025-118734', 50, 200, 11);
    row(doc, 260, 'Certification body:', 'BSI Assurance UK Limited', 50, 200, 11);
    plain(doc, 'This report is confidential and is distributed to the client only. It summarises the findings of the audit; it is not a certificate and does not by itself confer certification. The recommendation for continued certification is subject to an independent technical review.', 50, 310, 11);
    bold(doc, 'Contents', 50, 400, 13);
    plain(doc, '1. Executive summary\n2. Audit objectives, scope and criteria\n3. Findings and nonconformities\n4. Statement of Applicability review\n5. Next audit plan', 60, 420, 11);
  },
  expected: { isCertificate: false, layout: 'audit report cover' },
});

/** Writes every corpus PDF and its expected facts into `dir` (default: this folder). */
export async function writeCorpus(dir = OUT): Promise<string[]> {
  const written: string[] = [];
  for (const d of docs) {
    const pdf = await render(d.title, d.draw);
    fs.writeFileSync(path.join(dir, `${d.file}.pdf`), pdf);
    fs.writeFileSync(path.join(dir, `${d.file}.expected.json`), JSON.stringify(d.expected, null, 2) + '\n');
    written.push(d.file);
  }
  return written;
}

if (require.main === module) {
  writeCorpus().then(
    (files) => console.log(`Wrote ${files.length} corpus documents`),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
