/**
 * Certification and accreditation bodies as data: the names certificates
 * print for them and, for certification bodies, which accreditation bodies
 * usually accredit them. Kept apart from the reading code so a body is added
 * by adding a row. Aliases are matched as whole words; case matters only for
 * short acronyms (written in capitals), which are matched exactly.
 */

export interface CertificationBodyRow {
  canonicalName: string;
  aliases: readonly string[];
  /** Accreditation bodies that usually accredit this body's ISO/IEC 27001 certificates. */
  accreditationBodies: readonly string[];
  /** Where a certificate of this body can be looked up, when the body publishes its own register. */
  directoryUrl?: string;
  /** That register's own name, where it has one. */
  directoryName?: string;
}

export interface AccreditationBodyRow {
  canonicalName: string;
  aliases: readonly string[];
  country: string;
  /** The accreditation body's own directory of accredited certificates, where it has one. */
  directoryUrl?: string;
  /** That directory's own name, where it has one ("UKAS CertCheck"). */
  directoryName?: string;
}

/** IAF CertSearch: the IAF's global directory of accredited certificates. */
export const IAF_CERTSEARCH_URL = 'https://www.iafcertsearch.org';

export const CERTIFICATION_BODY_ROWS: readonly CertificationBodyRow[] = [
  { canonicalName: 'BSI', aliases: ['BSI', 'British Standards Institution', 'BSI Group', 'BSI Assurance UK Ltd'], accreditationBodies: ['UKAS', 'ANAB', 'RvA'] },
  { canonicalName: 'Bureau Veritas', aliases: ['Bureau Veritas', 'Bureau Veritas Certification'], accreditationBodies: ['UKAS', 'NABCB', 'COFRAC', 'ANAB'] },
  { canonicalName: 'SGS', aliases: ['SGS', 'SGS United Kingdom Ltd', 'SGS Société Générale de Surveillance'], accreditationBodies: ['UKAS', 'ANAB', 'DAkkS'] },
  { canonicalName: 'TÜV SÜD', aliases: ['TÜV SÜD', 'TUV SUD', 'TÜV SUD', 'TUEV SUED'], accreditationBodies: ['DAkkS', 'UKAS'] },
  { canonicalName: 'TÜV Rheinland', aliases: ['TÜV Rheinland', 'TUV Rheinland', 'TUEV Rheinland'], accreditationBodies: ['DAkkS', 'ANAB'] },
  { canonicalName: 'TÜV NORD', aliases: ['TÜV NORD', 'TUV NORD', 'TUEV NORD'], accreditationBodies: ['DAkkS'] },
  { canonicalName: 'TÜV India', aliases: ['TÜV India', 'TUV India'], accreditationBodies: ['NABCB', 'DAkkS'] },
  { canonicalName: 'TÜV AUSTRIA', aliases: ['TÜV AUSTRIA', 'TUV AUSTRIA'], accreditationBodies: ['Akkreditierung Austria'] },
  { canonicalName: 'DNV', aliases: ['DNV', 'DNV GL', 'DNV-GL', 'DNV Business Assurance'], accreditationBodies: ['RvA', 'UKAS', 'ANAB'] },
  { canonicalName: 'Intertek', aliases: ['Intertek', 'Intertek Certification'], accreditationBodies: ['ANAB', 'UKAS'] },
  { canonicalName: 'LRQA', aliases: ['LRQA', "Lloyd's Register Quality Assurance", 'Lloyd’s Register Quality Assurance', "Lloyd's Register"], accreditationBodies: ['UKAS', 'ANAB'] },
  { canonicalName: 'NQA', aliases: ['NQA', 'National Quality Assurance'], accreditationBodies: ['UKAS', 'ANAB'] },
  { canonicalName: 'DEKRA', aliases: ['DEKRA', 'DEKRA Certification', 'DEKRA Certification GmbH'], accreditationBodies: ['DAkkS'] },
  { canonicalName: 'DQS', aliases: ['DQS', 'DQS GmbH', 'DQS Inc.'], accreditationBodies: ['DAkkS', 'ANAB'] },
  { canonicalName: 'Kiwa', aliases: ['Kiwa', 'Kiwa Cermet', 'Kiwa Cermet Italia'], accreditationBodies: ['ACCREDIA', 'RvA', 'UKAS'] },
  { canonicalName: 'Schellman', aliases: ['Schellman', 'Schellman & Company', 'Schellman Compliance'], accreditationBodies: ['ANAB', 'UKAS'] },
  { canonicalName: 'A-LIGN', aliases: ['A-LIGN', 'A-LIGN Compliance and Security'], accreditationBodies: ['ANAB', 'UKAS'] },
  { canonicalName: 'EY CertifyPoint', aliases: ['EY CertifyPoint', 'Ernst & Young CertifyPoint', 'CertifyPoint'], accreditationBodies: ['RvA'] },
  { canonicalName: 'Coalfire ISO', aliases: ['Coalfire', 'Coalfire ISO', 'Coalfire Systems'], accreditationBodies: ['ANAB'] },
  { canonicalName: 'Moss Adams', aliases: ['Moss Adams', 'Moss Adams LLP'], accreditationBodies: ['ANAB'] },
  { canonicalName: 'BARR Certifications', aliases: ['BARR Certifications', 'BARR Advisory'], accreditationBodies: ['ANAB'] },
  { canonicalName: 'Prescient Security', aliases: ['Prescient Security', 'Prescient Assurance'], accreditationBodies: ['ANAB', 'UKAS'] },
  { canonicalName: 'Certification Europe', aliases: ['Certification Europe'], accreditationBodies: ['INAB', 'UKAS'] },
  { canonicalName: 'SAI Global', aliases: ['SAI Global', 'SAI Global Assurance Services', 'SAI Global Certification Services'], accreditationBodies: ['JAS-ANZ', 'ANAB'] },
  { canonicalName: 'QMS International', aliases: ['QMS International'], accreditationBodies: ['UKAS'] },
  { canonicalName: 'SOCOTEC', aliases: ['SOCOTEC'], accreditationBodies: ['UKAS', 'COFRAC'] },
  { canonicalName: 'Certification International', aliases: ['Certification International'], accreditationBodies: ['UKAS'] },
  { canonicalName: 'Perry Johnson Registrars', aliases: ['Perry Johnson Registrars', 'PJR'], accreditationBodies: ['ANAB'] },
  { canonicalName: 'URS', aliases: ['United Registrar of Systems', 'URS'], accreditationBodies: ['UKAS'] },
  { canonicalName: 'AJA Registrars', aliases: ['AJA Registrars', 'AJA Europe'], accreditationBodies: ['UKAS'] },
  { canonicalName: 'ISOQAR', aliases: ['ISOQAR'], accreditationBodies: ['UKAS'] },
  { canonicalName: 'NSAI', aliases: ['NSAI', 'National Standards Authority of Ireland'], accreditationBodies: ['INAB'] },
  { canonicalName: 'AENOR', aliases: ['AENOR'], accreditationBodies: ['ENAC'] },
  { canonicalName: 'Apave', aliases: ['Apave', 'Apave Certification'], accreditationBodies: ['COFRAC'] },
  { canonicalName: 'IRQS', aliases: ['IRQS', 'Indian Register Quality Systems'], accreditationBodies: ['NABCB'] },
  { canonicalName: 'Vinçotte', aliases: ['Vinçotte', 'Vincotte'], accreditationBodies: ['BELAC'] },
  { canonicalName: 'AFNOR Certification', aliases: ['AFNOR Certification', 'AFNOR'], accreditationBodies: ['COFRAC'] },
  { canonicalName: 'IMQ', aliases: ['IMQ', 'Istituto Italiano del Marchio di Qualità'], accreditationBodies: ['ACCREDIA'] },
  { canonicalName: 'RINA', aliases: ['RINA', 'RINA Services'], accreditationBodies: ['ACCREDIA'] },
  { canonicalName: 'CSA Group', aliases: ['CSA Group'], accreditationBodies: ['SCC'] },
  { canonicalName: 'Eurofins Assurance', aliases: ['Eurofins Assurance'], accreditationBodies: ['UKAS'] },
  { canonicalName: 'Alcumus ISOQAR', aliases: ['Alcumus ISOQAR', 'Alcumus'], accreditationBodies: ['UKAS'] },
  { canonicalName: 'PECB', aliases: ['PECB', 'PECB Management Systems'], accreditationBodies: ['IAS'] },
];

export const ACCREDITATION_BODY_ROWS: readonly AccreditationBodyRow[] = [
  { canonicalName: 'UKAS', aliases: ['UKAS', 'United Kingdom Accreditation Service'], country: 'GB', directoryUrl: 'https://www.certcheck.ukas.com', directoryName: 'UKAS CertCheck' },
  { canonicalName: 'ANAB', aliases: ['ANAB', 'ANSI National Accreditation Board'], country: 'US', directoryUrl: 'https://anabdirectory.remoteauditor.com', directoryName: 'the ANAB directory' },
  { canonicalName: 'DAkkS', aliases: ['DAkkS', 'Deutsche Akkreditierungsstelle'], country: 'DE' },
  { canonicalName: 'JAS-ANZ', aliases: ['JAS-ANZ', 'JASANZ', 'Joint Accreditation System of Australia and New Zealand'], country: 'AU', directoryUrl: 'https://www.jas-anz.org/our-directory', directoryName: 'the JAS-ANZ register' },
  { canonicalName: 'PAB', aliases: ['PAB', 'Philippine Accreditation Bureau'], country: 'PH' },
  { canonicalName: 'NABCB', aliases: ['NABCB', 'National Accreditation Board for Certification Bodies'], country: 'IN' },
  { canonicalName: 'IAS', aliases: ['IAS', 'International Accreditation Service'], country: 'US' },
  { canonicalName: 'DANAK', aliases: ['DANAK', 'Danak'], country: 'DK' },
  { canonicalName: 'SWEDAC', aliases: ['SWEDAC', 'Swedac'], country: 'SE' },
  { canonicalName: 'RvA', aliases: ['RvA', 'Raad voor Accreditatie', 'Dutch Accreditation Council'], country: 'NL' },
  { canonicalName: 'COFRAC', aliases: ['COFRAC', 'Cofrac'], country: 'FR' },
  { canonicalName: 'ACCREDIA', aliases: ['ACCREDIA', 'Accredia'], country: 'IT' },
  { canonicalName: 'ENAC', aliases: ['ENAC', 'Entidad Nacional de Acreditación', 'Entidad Nacional de Acreditacion'], country: 'ES' },
  { canonicalName: 'SAC', aliases: ['SAC', 'Singapore Accreditation Council'], country: 'SG' },
  { canonicalName: 'HKAS', aliases: ['HKAS', 'Hong Kong Accreditation Service'], country: 'HK' },
  { canonicalName: 'JAB', aliases: ['JAB', 'Japan Accreditation Board'], country: 'JP' },
  { canonicalName: 'CNAS', aliases: ['CNAS', 'China National Accreditation Service'], country: 'CN' },
  { canonicalName: 'A2LA', aliases: ['A2LA', 'American Association for Laboratory Accreditation'], country: 'US' },
  { canonicalName: 'INAB', aliases: ['INAB', 'Irish National Accreditation Board'], country: 'IE' },
  { canonicalName: 'SANAS', aliases: ['SANAS', 'South African National Accreditation System'], country: 'ZA' },
  { canonicalName: 'SCC', aliases: ['Standards Council of Canada'], country: 'CA' },
  { canonicalName: 'EIAC', aliases: ['EIAC', 'Emirates International Accreditation Centre', 'Emirates International Accreditation Center'], country: 'AE' },
  { canonicalName: 'BELAC', aliases: ['BELAC'], country: 'BE' },
  { canonicalName: 'FINAS', aliases: ['FINAS'], country: 'FI' },
  { canonicalName: 'TAF', aliases: ['TAF', 'Taiwan Accreditation Foundation'], country: 'TW' },
  { canonicalName: 'KAB', aliases: ['KAB', 'Korea Accreditation Board'], country: 'KR' },
  { canonicalName: 'Akkreditierung Austria', aliases: ['Akkreditierung Austria'], country: 'AT' },
];
