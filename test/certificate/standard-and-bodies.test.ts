import { findAccreditationBody, findCertificationBody } from '../../shared/certificate/bodies';
import { findStandard, findStandardMentions } from '../../shared/certificate/standard';

describe('findStandard', () => {
  test.each([
    ['complies with ISO/IEC 27001:2022 for the following scope', '2022', 'ISO/IEC 27001:2022'],
    ['meets ISO 27001:2013', '2013', 'ISO 27001:2013'],
    ['conforms to ISO/IEC 27001:2022 + A1:2024.', '2022', 'ISO/IEC 27001:2022 + A1:2024'],
    ['ISO/IEC 27001:2022/Amd 1:2024', '2022', 'ISO/IEC 27001:2022/Amd 1:2024'],
    ['ISO/IEC 27001:2013 with Amendment 1:2024', '2013', 'ISO/IEC 27001:2013 with Amendment 1:2024'],
    ['EN ISO/IEC 27001:2017', '2013', 'EN ISO/IEC 27001:2017'],
    ['DIN EN ISO/IEC 27001:2023', '2022', 'DIN EN ISO/IEC 27001:2023'],
    ['the requirements of 27001:2022 + A1:2024', '2022', '27001:2022 + A1:2024'],
    ['ISO-IEC 27001 - 2022', '2022', 'ISO-IEC 27001 - 2022'],
  ])('when the text says %p, then the edition is %p from %p', (text, edition, snippet) => {
    const { standard, edition: found, warnings } = findStandard(text);
    expect(standard?.value).toBe('ISO/IEC 27001');
    expect(found?.value).toBe(edition);
    expect(found?.source?.snippet).toBe(snippet);
    expect(found?.confidence).toBe('high');
    expect(warnings).toEqual([]);
  });

  test('when no year is printed, then the standard is found and the edition is not', () => {
    const { standard, edition } = findStandard('an ISMS certified to ISO/IEC 27001 by the registrar');
    expect(standard?.value).toBe('ISO/IEC 27001');
    expect(edition).toBeNull();
  });

  test('when both editions are named, then the one named most wins with a warning', () => {
    const { edition, warnings } = findStandard('Transition from ISO/IEC 27001:2013 to ISO/IEC 27001:2022. Standard: ISO/IEC 27001:2022');
    expect(edition?.value).toBe('2022');
    expect(edition?.confidence).toBe('medium');
    expect(warnings).toHaveLength(1);
  });

  test('when the 2005 edition is named, then no edition is proposed and a warning says why', () => {
    const { edition, warnings } = findStandard('ISO/IEC 27001:2005');
    expect(edition).toBeNull();
    expect(warnings[0]).toMatch(/2005/);
  });

  test.each([['ISO/IEC 27002:2022'], ['ISO/IEC 27701:2019'], ['order 270011'], ['a bare 27001 with no year']])('when the text is %p, then no ISO/IEC 27001 mention is found', (text) => {
    expect(findStandardMentions(text)).toEqual([]);
  });
});

describe('findCertificationBody', () => {
  test.each([
    ['For and on behalf of BSI:', 'BSI'],
    ['BUREAU VERITAS Certification', 'Bureau Veritas'],
    ['The Certification Body of TÜV SÜD Management Service GmbH', 'TÜV SÜD'],
    ['TUEV SUED Management Service GmbH', 'TÜV SÜD'],
    ['TÜV Rheinland Cert GmbH', 'TÜV Rheinland'],
    ['TÜV NORD CERT GmbH', 'TÜV NORD'],
    ['TÜV India Private Limited', 'TÜV India'],
    ['DNV Business Assurance', 'DNV'],
    ['DNV GL - Business Assurance', 'DNV'],
    ['SGS United Kingdom Ltd', 'SGS'],
    ['Intertek Certification Limited', 'Intertek'],
    ['LRQA Limited', 'LRQA'],
    ["Lloyd's Register Quality Assurance", 'LRQA'],
    ['NQA certificate', 'NQA'],
    ['Schellman Compliance, LLC', 'Schellman'],
    ['A-LIGN Compliance and Security', 'A-LIGN'],
    ['QMS International Ltd', 'QMS International'],
    ['SOCOTEC Certification', 'SOCOTEC'],
    ['Certification International (UK) Ltd', 'Certification International'],
  ])('when the text says %p, then the body is %p', (text, name) => {
    expect(findCertificationBody(text).field?.value).toBe(name);
  });

  test('when a body is named after "Certification body:", then that wins over bodies named more often elsewhere', () => {
    const text = 'SGS audit report referenced. SGS. Certification body: Intertek Certification Ltd';
    const { field, warnings } = findCertificationBody(text);
    expect(field?.value).toBe('Intertek');
    expect(field?.confidence).toBe('high');
    expect(field?.source?.snippet).toMatch(/^Certification body: Intertek/);
    expect(warnings).toEqual([]);
  });

  test('when an unknown body is named after "Certification body:", then it is proposed with low confidence and a warning', () => {
    const { field, warnings } = findCertificationBody('Certification body: Example Assurance Services Ltd, London');
    expect(field).toMatchObject({ value: 'Example Assurance Services Ltd', confidence: 'low' });
    expect(warnings.join(' ')).toMatch(/not one we know/);
  });

  test('when two known bodies are named without a label, then the most-named wins and a warning names the other', () => {
    const { field, warnings } = findCertificationBody('DNV certificate. DNV Business Assurance. Formerly audited by BSI.');
    expect(field?.value).toBe('DNV');
    expect(field?.confidence).toBe('medium');
    expect(warnings[0]).toMatch(/BSI/);
  });

  test('when "align" or "sgs" appear as ordinary words, then no body is found', () => {
    expect(findCertificationBody('we align our sgs processes').field).toBeNull();
  });
});

describe('findAccreditationBody', () => {
  test.each([
    ['UKAS MANAGEMENT SYSTEMS 0012', 'UKAS', '0012'],
    ['UKAS\nMANAGEMENT SYSTEMS\n0005', 'UKAS', '0005'],
    ['DAkkS Deutsche Akkreditierungsstelle D-ZM-14137-01-00', 'DAkkS', 'D-ZM-14137-01-00'],
    ['ACCREDITED UNIT: Philippine Accreditation Bureau, Accreditation No. MS-021', 'PAB', 'MS-021'],
    ['ANAB\nAccreditation No. MS-1234', 'ANAB', 'MS-1234'],
    ['JAS-ANZ Accredited, Accreditation No. Z4450210AH', 'JAS-ANZ', 'Z4450210AH'],
    ['accredited by NABCB', 'NABCB', null],
    ['Accredited by the International Accreditation Service (IAS)', 'IAS', null],
    ['RvA C 123 accredited', 'RvA', null],
  ])('when the text says %p, then the body is %p with number %p', (text, name, number) => {
    const { body, number: num } = findAccreditationBody(text);
    expect(body?.value).toBe(name);
    expect(body?.confidence).toBe('high');
    expect(num?.value ?? null).toBe(number);
  });

  test('when a body is only mentioned, away from any accreditation wording, then confidence is low', () => {
    const { body } = findAccreditationBody('Our office is near the UKAS building.');
    expect(body).toMatchObject({ value: 'UKAS', confidence: 'low' });
  });

  test('when two accreditation bodies are named, then the one with a number wins and a warning lists both', () => {
    const { body, warnings } = findAccreditationBody('Accredited by ANAB. UKAS Management Systems 0012.');
    expect(body?.value).toBe('UKAS');
    expect(warnings[0]).toMatch(/ANAB, UKAS|UKAS, ANAB/);
  });

  test('when no accreditation body is named, then none is proposed', () => {
    expect(findAccreditationBody('Issued by Example Certification Ltd. IAF member.')).toEqual({ body: null, number: null, warnings: [] });
  });
});
