import { extractCertificateFields } from '../../shared/certificate/extract';

describe('extractCertificateFields', () => {
  test('when a certificate prints two different expiry dates, then a warning asks a person to check', () => {
    const text = [
      'This is to certify that Orbit Services B.V. operates an ISMS to ISO/IEC 27001:2022.',
      'Certificate No.: NL-ISMS-0042',
      'Issue date: 13 May 2024',
      'Expiry date: 12 May 2027',
      'Valid until: 12 May 2026',
    ].join('\n');
    const p = extractCertificateFields(text);
    expect(p.expiryDate).toMatchObject({ value: '2027-05-12', confidence: 'medium' });
    expect(p.warnings).toContain('Two expiry dates conflict: 2027-05-12 ("Expiry date") and 2026-05-12 ("Valid until"). Proposed 2027-05-12; please confirm.');
  });

  test('when the text does not name ISO/IEC 27001, then a warning says so', () => {
    const p = extractCertificateFields('Certificate of Registration. ISO 9001:2015. Certificate No.: Q-1234. Issue date: 1 May 2024');
    expect(p.standard).toBeNull();
    expect(p.certificateNumber?.value).toBe('Q-1234');
    expect(p.warnings).toEqual(['The text does not name ISO/IEC 27001: check that this is an ISO/IEC 27001 certificate.']);
  });

  test('when the text is empty, then nothing is proposed and the warning says to enter the fields by hand', () => {
    const p = extractCertificateFields('  \n ');
    expect(p).toEqual({
      standard: null,
      edition: null,
      certificateNumber: null,
      certificationBody: null,
      accreditationBody: null,
      accreditationNumber: null,
      legalEntity: null,
      issueDate: null,
      expiryDate: null,
      originalCertificationDate: null,
      scopeText: null,
      sites: [],
      services: [],
      soaReference: null,
      warnings: ['There is no text to read (a scanned PDF?): enter the certificate fields by hand.'],
    });
  });

  test('when the SoA date is the latest date in the text, then it is not proposed as the expiry', () => {
    const text = 'ISO/IEC 27001:2022. Issue date: 13 May 2024. Scope: hosting services, as per the SoA version 2 dated 30 June 2024.';
    const p = extractCertificateFields(text);
    expect(p.soaReference?.value).toEqual({ version: '2', date: '2024-06-30' });
    expect(p.expiryDate).toBeNull();
  });

  test('when the same text is read twice, then the second reading is not affected by the first (no regex state carried over)', () => {
    const text = 'This is to certify that Lumen Data S.A. operates an ISMS to ISO/IEC 27001:2013. Valid from 01.02.2023 until 31.10.2025.';
    expect(extractCertificateFields(text)).toEqual(extractCertificateFields(text));
  });
});

describe('extractCertificateFields on shuffled certificate fragments', () => {
  const fragments = [
    'This is to certify that',
    'Acme BPO Philippines Inc.',
    '12th Floor, Ayala North Exchange, Makati City, Philippines',
    'Certificate No.:',
    'IS 765432',
    'Issue date:',
    'Expiry date:',
    '13/05/2024',
    'May 13, 2024',
    '2027-05-12',
    'valid from 01.07.2024 until 30.06.2027',
    'Scope:',
    'for the following scope:',
    'The provision of contact centre services and back-office processing',
    'Certified sites:',
    'Site 1: Acme BPO Cebu',
    'Cebu IT Park, Cebu City, Philippines',
    'Statement of Applicability version 1.1, dated 13 May 2024',
    'SOA Rev 3 (13/05/2021)',
    'ISO/IEC 27001:2022',
    'ISO/IEC 27001:2013',
    'UKAS Management Systems 0012',
    'BSI',
    'TÜV SÜD',
    'Tampa, FL 33602',
    '\n',
    '\n\n',
    ',',
    '.',
  ];

  // A fixed-seed generator: the same texts on every run, so a failure can be reproduced.
  function* texts(count: number): Generator<string> {
    let seed = 20240513;
    const next = (n: number) => {
      seed = (seed * 16807) % 2147483647;
      return seed % n;
    };
    for (let i = 0; i < count; i++) {
      const parts: string[] = [];
      for (let j = 0; j < 60; j++) parts.push(fragments[next(fragments.length)] ?? '', next(4) ? ' ' : '\n');
      yield parts.join('');
    }
  }

  test('when any mix of fragments is read, then every snippet is the text at its offsets and every date is a real ISO date', () => {
    for (const text of texts(150)) {
      const p = extractCertificateFields(text);
      const fields = [
        p.standard,
        p.edition,
        p.certificateNumber,
        p.certificationBody,
        p.accreditationBody,
        p.accreditationNumber,
        p.legalEntity,
        p.issueDate,
        p.expiryDate,
        p.originalCertificationDate,
        p.scopeText,
        p.soaReference,
        ...p.sites,
        ...p.services,
      ];
      for (const f of fields) {
        if (!f?.source) continue;
        expect(text.slice(f.source.start, f.source.end)).toBe(f.source.snippet);
      }
      for (const d of [p.issueDate?.value, p.expiryDate?.value, p.originalCertificationDate?.value, p.soaReference?.value.date]) {
        if (d === undefined) continue;
        expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
      }
    }
  });
});
