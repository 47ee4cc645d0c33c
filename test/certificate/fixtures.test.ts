import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readPdfText } from '../../server/certificate/pdf-text';
import { extractCertificateFields } from '../../shared/certificate/extract';
import type { CertificateProposal, CertificateSite, Field, ProposedField, SoaReference } from '../../shared/certificate/proposal';
import { writeCertificateFixtures, type FixtureName } from './fixtures/generate';


interface Expected {
  edition: '2022' | '2013';
  certificateNumber: string;
  certificationBody: string;
  accreditationBody: string;
  accreditationNumber: string | null;
  legalEntity: string;
  issueDate: string;
  expiryDate: string;
  originalCertificationDate: string | null;
  scopeText: string;
  sites: CertificateSite[];
  services: string[];
  soaReference: SoaReference;
  warnings: RegExp[];
}

const acmeMakati = '12th Floor, Ayala North Exchange, 6796 Ayala Avenue, Makati City, 1226 Metro Manila, Philippines';

const expected: Record<Exclude<FixtureName, 'scanned'>, Expected> = {
  'bsi-like': {
    edition: '2022',
    certificateNumber: 'IS 765432',
    certificationBody: 'BSI',
    accreditationBody: 'UKAS',
    accreditationNumber: '0012',
    legalEntity: 'Acme BPO Philippines Inc.',
    issueDate: '2024-04-05',
    expiryDate: '2027-04-04',
    originalCertificationDate: '2021-05-14',
    scopeText:
      'The provision of inbound and outbound contact centre services, back-office processing and IT helpdesk support for international clients, in accordance with the Statement of Applicability version 1.1, dated 13 May 2024.',
    sites: [{ name: 'Acme BPO Philippines Inc.', address: acmeMakati, city: 'Makati City', country: 'Philippines' }],
    services: ['inbound and outbound contact centre services', 'back-office processing', 'IT helpdesk support'],
    soaReference: { version: '1.1', date: '2024-05-13' },
    warnings: [/05\/04\/2024, 02\/04\/2024 could be read day first or month first; read day first/],
  },
  'bureau-veritas-like': {
    edition: '2022',
    certificateNumber: 'IND.25.1234/IS/U',
    certificationBody: 'Bureau Veritas',
    accreditationBody: 'ANAB',
    accreditationNumber: 'MS-1234',
    legalEntity: 'NORTHBRIDGE DATA SERVICES PVT. LTD.',
    issueDate: '2025-03-10',
    expiryDate: '2028-03-09',
    originalCertificationDate: '2019-03-10',
    scopeText:
      'Provision of software development, application maintenance and IT infrastructure management services for global customers. This is in accordance with the Statement of Applicability, SoA Rev. 4 dated 02 January 2025.',
    sites: [{ name: 'NORTHBRIDGE DATA SERVICES PVT. LTD.', address: 'Unit 5, Tower B, DLF Cyber City, Gurugram, Haryana 122002, India', city: 'Gurugram', country: 'India' }],
    services: ['software development', 'application maintenance', 'IT infrastructure management services'],
    soaReference: { version: '4', date: '2025-01-02' },
    warnings: [],
  },
  'tuv-like': {
    edition: '2022',
    certificateNumber: '12 310 65432 TMS',
    certificationBody: 'TÜV SÜD',
    accreditationBody: 'DAkkS',
    accreditationNumber: 'D-ZM-00000-01-00',
    legalEntity: 'Helix Outsourcing GmbH',
    issueDate: '2024-07-01',
    expiryDate: '2027-06-30',
    originalCertificationDate: null,
    scopeText: 'IT operations, managed hosting and service desk services.',
    sites: [{ name: 'Helix Outsourcing GmbH', address: 'Musterstraße 12, 80335 München, Germany', city: 'München', country: 'Germany' }],
    services: ['IT operations', 'managed hosting', 'service desk services'],
    soaReference: { version: '2.0', date: '2024-01-15' },
    warnings: [],
  },
  'us-style': {
    edition: '2022',
    certificateNumber: '1716234-3',
    certificationBody: 'Schellman',
    accreditationBody: 'ANAB',
    accreditationNumber: null,
    legalEntity: 'Pinecrest Support Solutions, LLC',
    issueDate: '2024-05-13',
    expiryDate: '2027-05-12',
    originalCertificationDate: '2021-05-13',
    scopeText:
      'The information security management system supporting the provision of customer support, billing operations and claims processing services for healthcare clients, delivered from 100 North Tampa Street, Suite 400, Tampa, FL 33602, United States and 2200 Riverside Drive, Austin, TX 78741, United States, in accordance with the Statement of Applicability version 3, dated 04/01/2024.',
    sites: [
      { address: '100 North Tampa Street, Suite 400, Tampa, FL 33602, United States', city: 'Tampa', country: 'United States' },
      { address: '2200 Riverside Drive, Austin, TX 78741, United States', city: 'Austin', country: 'United States' },
    ],
    services: ['customer support', 'billing operations', 'claims processing services'],
    soaReference: { version: '3', date: '2024-04-01' },
    warnings: [/04\/01\/2024 could be read day first or month first; read month first/],
  },
  'sgs-2013': {
    edition: '2013',
    certificateNumber: 'GB22/765432',
    certificationBody: 'SGS',
    accreditationBody: 'UKAS',
    accreditationNumber: '0005',
    legalEntity: 'Southwind Contact Services Ltd',
    issueDate: '2023-02-14',
    expiryDate: '2025-10-31',
    originalCertificationDate: '2019-02-14',
    scopeText:
      'The provision of customer contact centre and debt collection services. In accordance with the Statement of Applicability SOA Rev 3 (13/05/2021).',
    sites: [
      {
        name: 'Southwind Contact Services Ltd',
        address: 'Unit 4, Harbour Point, 22 Quay Street, Manchester M3 3HN, United Kingdom',
        city: 'Manchester',
        country: 'United Kingdom',
      },
    ],
    services: ['customer contact centre', 'debt collection services'],
    soaReference: { version: '3', date: '2021-05-13' },
    warnings: [],
  },
  'multi-site': {
    edition: '2022',
    certificateNumber: 'C0654321-IS1',
    certificationBody: 'DNV',
    accreditationBody: 'PAB',
    accreditationNumber: 'MS-021',
    legalEntity: 'Acme BPO Philippines Inc.',
    issueDate: '2023-09-15',
    expiryDate: '2026-09-14',
    originalCertificationDate: '2020-09-15',
    scopeText:
      'Provision of customer contact centre, back-office processing and finance and accounting outsourcing services, in accordance with the Statement of Applicability, version 4, dated 1 August 2023.',
    sites: [
      { name: 'Acme BPO Makati', address: acmeMakati, city: 'Makati City', country: 'Philippines' },
      { name: 'Acme BPO Cebu', address: '5th Floor, i2 Building, Cebu IT Park, Lahug, Cebu City, 6000 Cebu, Philippines', city: 'Cebu City', country: 'Philippines' },
      {
        name: 'Acme BPO Davao',
        address: '3rd Floor, Abreeza Corporate Center, J.P. Laurel Avenue, Davao City, 8000 Davao del Sur, Philippines',
        city: 'Davao City',
        country: 'Philippines',
      },
    ],
    services: ['customer contact centre', 'back-office processing', 'finance and accounting outsourcing services'],
    soaReference: { version: '4', date: '2023-08-01' },
    warnings: [],
  },
  'form-style': {
    edition: '2022',
    certificateNumber: 'QMS-ISMS-20417',
    certificationBody: 'QMS International',
    accreditationBody: 'JAS-ANZ',
    accreditationNumber: 'Z4450210AH',
    legalEntity: 'Kestrel Analytics Pty Ltd',
    issueDate: '2024-03-18',
    expiryDate: '2027-03-17',
    originalCertificationDate: '2021-03-18',
    scopeText: 'Data analytics, cloud hosting and managed security services for enterprise customers.',
    sites: [{ name: 'Kestrel Analytics Pty Ltd', address: 'Level 8, 120 Collins Street, Melbourne VIC 3000, Australia', city: 'Melbourne', country: 'Australia' }],
    services: ['Data analytics', 'cloud hosting', 'managed security services'],
    soaReference: { version: '2.3', date: '2024-02-01' },
    warnings: [],
  },
};

const valueOf = <T>(f: Field<T>) => f?.value ?? null;

/** Every proposed field with a source, singular or listed, with its name. */
function sourcedFields(p: CertificateProposal): [string, ProposedField<unknown>][] {
  const out: [string, ProposedField<unknown>][] = [];
  for (const [key, value] of Object.entries(p)) {
    if (key === 'warnings' || value === null) continue;
    if (Array.isArray(value)) value.forEach((v: ProposedField<unknown>, i) => out.push([`${key}.${i}`, v]));
    else out.push([key, value as ProposedField<unknown>]);
  }
  return out;
}

let dir: string;
let files: Record<FixtureName, string>;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scopewise-cert-fixtures-'));
  files = await writeCertificateFixtures(dir);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('certificate fixtures read end to end', () => {
  test.each(Object.keys(expected) as (keyof typeof expected)[])('when the %s certificate is read, then the proposed fields are the printed ones', async (name) => {
    const want = expected[name];
    const { text, hasTextLayer } = await readPdfText(await fs.readFile(files[name]));
    expect(hasTextLayer).toBe(true);
    const p = extractCertificateFields(text);

    expect({
      standard: valueOf(p.standard),
      edition: valueOf(p.edition),
      certificateNumber: valueOf(p.certificateNumber),
      certificationBody: valueOf(p.certificationBody),
      accreditationBody: valueOf(p.accreditationBody),
      accreditationNumber: valueOf(p.accreditationNumber),
      legalEntity: valueOf(p.legalEntity),
      issueDate: valueOf(p.issueDate),
      expiryDate: valueOf(p.expiryDate),
      originalCertificationDate: valueOf(p.originalCertificationDate),
      scopeText: valueOf(p.scopeText),
      sites: p.sites.map((s) => s.value),
      services: p.services.map((s) => s.value),
      soaReference: valueOf(p.soaReference),
    }).toEqual({ standard: 'ISO/IEC 27001', ...want, warnings: undefined });
    expect(p.warnings).toHaveLength(want.warnings.length);
    want.warnings.forEach((re, i) => expect(p.warnings[i]).toMatch(re));
  });

  test.each(Object.keys(expected) as (keyof typeof expected)[])('when the %s certificate is read, then every snippet is the text at its offsets', async (name) => {
    const { text } = await readPdfText(await fs.readFile(files[name]));
    const fields = sourcedFields(extractCertificateFields(text));
    expect(fields.length).toBeGreaterThan(10);
    for (const [key, field] of fields) {
      const source = field.source;
      expect({ key, source: source && text.slice(source.start, source.end) }).toEqual({ key, source: source?.snippet });
      expect(source?.snippet.trim().length).toBeGreaterThan(0);
    }
  });

  test('when the image-only certificate is read, then it has no text layer and nothing is proposed', async () => {
    const { text, hasTextLayer } = await readPdfText(await fs.readFile(files.scanned));
    expect(hasTextLayer).toBe(false);
    const p = extractCertificateFields(text);
    expect(sourcedFields(p)).toEqual([]);
    expect(p.warnings).toEqual(['There is no text to read (a scanned PDF?): enter the certificate fields by hand.']);
  });
});
