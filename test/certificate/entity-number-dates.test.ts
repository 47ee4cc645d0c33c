import { findCertificateDates, findValidityRange, labelledDates } from '../../shared/certificate/certificate-dates';
import { certificateNumberToken, findCertificateNumber } from '../../shared/certificate/certificate-number';
import { findLegalEntity } from '../../shared/certificate/legal-entity';

describe('findCertificateNumber', () => {
  test.each([
    ['Certificate No.: IS 765432', 'IS 765432'],
    ['Certificate Number: 1716234-3', '1716234-3'],
    ['Cert. no: GB22/765432', 'GB22/765432'],
    ['Cert no GB22/765432', 'GB22/765432'],
    ['Registration number: ISMS-2024-001', 'ISMS-2024-001'],
    ['Certificate Registration No. 12 310 65432 TMS\nThe Certification Body', '12 310 65432 TMS'],
    ['Certificate No. IND.25.1234/IS/U Version: 1 Revision date: 10 March 2025', 'IND.25.1234/IS/U'],
    ['Certificate no.: C0654321-IS1 Initial certification date: 15 September 2020', 'C0654321-IS1'],
    ['Approval number(s): ISO/IEC 27001 – 00012345', '00012345'],
    ['Certificate number\nIS 765432', 'IS 765432'],
  ])('when the text says %p, then the number is %p', (text, number) => {
    const { field } = findCertificateNumber(text);
    expect(field?.value).toBe(number);
    expect(field?.confidence).toBe('high');
    expect(text.slice(field!.source!.start, field!.source!.end)).toBe(field!.source!.snippet);
  });

  test.each([['Company registration number: 0000001'], ['VAT registration no. GB123456789'], ['Certificate No.: pending'], ['no label IS 765432']])(
    'when the text is %p, then no certificate number is proposed',
    (text) => {
      expect(findCertificateNumber(text).field).toBeNull();
    },
  );

  test('when two different numbers are labelled, then the first is proposed with a warning', () => {
    const { field, warnings } = findCertificateNumber('Certificate No. IS 765432\nCertificate No. IS 765433');
    expect(field).toMatchObject({ value: 'IS 765432', confidence: 'medium' });
    expect(warnings[0]).toMatch(/IS 765432, IS 765433/);
  });

  test('when the token is followed by words, then they are left out and the offsets cover the token only', () => {
    expect(certificateNumberToken('IS 765432 and operates')).toEqual({ token: 'IS 765432', start: 0, end: 9 });
  });
});

describe('findLegalEntity', () => {
  test.each([
    ['This is to certify that: Acme BPO Philippines Inc.\n12th Floor, Ayala North Exchange', 'Acme BPO Philippines Inc.', 'high'],
    ['This is to certify that\nAcme BPO Philippines Inc., 12th Floor, Ayala Avenue', 'Acme BPO Philippines Inc.', 'high'],
    ['This is to certify that the information security management system of\nPinecrest Support Solutions, LLC\n100 North Tampa', 'Pinecrest Support Solutions, LLC', 'high'],
    ['The Certification Body of TÜV SÜD Management Service GmbH certifies that\nHelix Outsourcing GmbH\nMusterstraße 12', 'Helix Outsourcing GmbH', 'high'],
    ['Certification Awarded to\nNORTHBRIDGE DATA SERVICES PVT. LTD.\nUnit 5', 'NORTHBRIDGE DATA SERVICES PVT. LTD.', 'high'],
    ['The management system of\nSouthwind Contact Services Ltd\nUnit 4', 'Southwind Contact Services Ltd', 'high'],
    ['Organisation: Kestrel Analytics Pty Ltd\nAddress: Level 8', 'Kestrel Analytics Pty Ltd', 'high'],
    ['This certificate is granted to Orbit Services B.V. for its ISMS', 'Orbit Services B.V.', 'high'],
    ['This is to certify that Lumen Data S.A. operates an ISMS', 'Lumen Data S.A.', 'high'],
    ['This is to certify that\nNorthwind Traders\n1 Example Street', 'Northwind Traders', 'medium'],
  ])('when the text reads %p, then the entity is %p (%s)', (text, name, confidence) => {
    const field = findLegalEntity(text);
    expect(field?.value).toBe(name);
    expect(field?.confidence).toBe(confidence);
    expect(text.slice(field!.source!.start, field!.source!.end)).toBe(field!.source!.snippet);
  });

  test('when the lead is followed by "the above organisation", then that is not taken for a name', () => {
    const text = 'Bureau Veritas Certification certify that the Management System of the above organisation has been audited';
    expect(findLegalEntity(text)).toBeNull();
  });

  test('when no lead phrase is present, then a line ending in a legal suffix that is not the certification body is proposed with low confidence', () => {
    const text = 'CERTIFICATE\nBSI Assurance UK Ltd\nOrbit Services Pte. Ltd.\nISO/IEC 27001:2022';
    expect(findLegalEntity(text)).toMatchObject({ value: 'Orbit Services Pte. Ltd.', confidence: 'low' });
  });

  test('when nothing looks like an organisation, then none is proposed', () => {
    expect(findLegalEntity('ISO/IEC 27001:2022 certificate for the following scope: hosting')).toBeNull();
  });
});

describe('labelledDates', () => {
  test.each([
    ['issue', 'Issue date: 13 May 2024', '2024-05-13'],
    ['issue', 'Date of issue 13.05.2024', '2024-05-13'],
    ['issue', 'Effective Date: 05/04/2024', '2024-04-05'],
    ['issue', 'Current issue: 13 March 2023', '2023-03-13'],
    ['expiry', 'Valid until: 2027-05-12', '2027-05-12'],
    ['expiry', 'Expires 12-May-2027', '2027-05-12'],
    ['expiry', 'Certificate expiry: 12 May 2027', '2027-05-12'],
    ['expiry', 'this certificate expires on: 09 March 2028', '2028-03-09'],
    ['expiry', 'Expiry Date\n12 May 2027', '2027-05-12'],
    ['original', 'Original Registration Date: 14/05/2021', '2021-05-14'],
    ['original', 'Original approval(s): ISO/IEC 27001 – 13 March 2017', '2017-03-13'],
    ['original', 'Initial certification date: 15 September 2020', '2020-09-15'],
    ['original', 'Certified since 14 February 2019', '2019-02-14'],
  ] as const)('when the %s date is labelled as in %p, then it reads %p', (kind, text, iso) => {
    expect(labelledDates(text, kind).map((c) => c.iso)).toEqual([iso]);
  });

  test.each([
    ['expiry', 'Expiry date of previous cycle: 09 March 2025'],
    ['issue', 'Original issue date: 13 May 2018'],
    ['issue', 'This certificate was issued electronically on request. 13 May 2024'],
    ['issue', 'Issue 3. Certified since 14 February 2019'],
  ] as const)('when the %s label is about another date, as in %p, then it is not read', (kind, text) => {
    expect(labelledDates(text, kind)).toEqual([]);
  });
});

describe('findValidityRange', () => {
  test.each([
    ['The certificate is valid from 01.07.2024 until 30.06.2027.', '2024-07-01', '2027-06-30'],
    ['Valid: 15 September 2023 – 14 September 2026', '2023-09-15', '2026-09-14'],
    ['Validity period 2024-05-13 to 2027-05-12', '2024-05-13', '2027-05-12'],
    ['Gültig vom 01.07.2024 bis 30.06.2027', '2024-07-01', '2027-06-30'],
  ])('when the text says %p, then the range is %p to %p', (text, from, to) => {
    const range = findValidityRange(text);
    expect([range?.from.iso, range?.to.iso]).toEqual([from, to]);
  });

  test('when two dates are joined by "to" without any validity wording, then it is not a range', () => {
    expect(findValidityRange('Audit from 01.07.2024 to 03.07.2024')).toBeNull();
  });
});

describe('findCertificateDates', () => {
  test('when the certificate prints original, issue and expiry dates, then each is proposed from its label', () => {
    const text = 'Original Registration Date: 14/05/2021 Effective Date: 05/04/2024\nLatest Revision Date: 02/04/2024 Expiry Date: 04/04/2027';
    const dates = findCertificateDates(text);
    expect([dates.originalCertificationDate?.value, dates.issueDate?.value, dates.expiryDate?.value]).toEqual(['2021-05-14', '2024-04-05', '2027-04-04']);
    expect(dates.warnings).toEqual([]);
  });

  test('when labels and dates come out as two columns, then each date goes with its own label', () => {
    const text = 'Original certification date:\nIssue date:\nExpiry date:\n14 May 2021\n13 May 2024\n12 May 2027';
    const dates = findCertificateDates(text);
    expect([dates.originalCertificationDate?.value, dates.issueDate?.value, dates.expiryDate?.value]).toEqual(['2021-05-14', '2024-05-13', '2027-05-12']);
  });

  test('when two different expiry dates are printed, then the first is proposed with a warning', () => {
    const { expiryDate, warnings } = findCertificateDates('Issue date: 13 May 2024\nExpiry date: 12 May 2027\nValid until: 12 May 2026');
    expect(expiryDate).toMatchObject({ value: '2027-05-12', confidence: 'medium' });
    expect(warnings).toContain('Two expiry dates conflict: 2027-05-12 ("Expiry date") and 2026-05-12 ("Valid until"). Proposed 2027-05-12; please confirm.');
  });

  test('when the expiry is before the issue date, then a warning says so', () => {
    expect(findCertificateDates('Issue date: 13 May 2024 Expiry date: 12 May 2023').warnings[0]).toMatch(/not after the issue date/);
  });

  test('when the validity runs past three years, then a warning says so', () => {
    expect(findCertificateDates('Issue date: 13 May 2024 Expiry date: 12 May 2028').warnings[0]).toMatch(/more than three years/);
  });

  test('when the original certification is after the issue date, then a warning says so', () => {
    const { warnings } = findCertificateDates('Original certification date: 13 May 2025 Issue date: 13 May 2024 Expiry date: 12 May 2027');
    expect(warnings[0]).toMatch(/original certification date/);
  });

  test('when no expiry is labelled, then the latest date is proposed with low confidence', () => {
    const { expiryDate } = findCertificateDates('Issue date: 13 May 2024\nThe certificate lapses on 12 May 2027 unless renewed.');
    expect(expiryDate).toMatchObject({ value: '2027-05-12', confidence: 'low' });
  });

  test('when a date belongs to an excluded span (the SoA), then it is not taken for the expiry', () => {
    const text = 'Issue date: 13 May 2024. SoA version 2 dated 30 June 2024.';
    const soaStart = text.indexOf('SoA');
    expect(findCertificateDates(text, {}, [{ start: soaStart, end: text.length }]).expiryDate).toBeNull();
  });

  test('when the document is US style, then ambiguous dates are read month first', () => {
    expect(findCertificateDates('Issue Date: 04/01/2024', { monthFirst: true }).issueDate?.value).toBe('2024-04-01');
  });
});
