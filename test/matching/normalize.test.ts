import {
  countryCodes,
  findCountries,
  normalizeCountry,
  normalizeLegalEntity,
  normalizeText,
  sameLegalEntity,
  splitClauses,
  tokenize,
} from '../../shared/matching/normalize';

describe('normalizeText', () => {
  test.each([
    ['Kraków', 'krakow'],
    ['Wrocław', 'wroclaw'],
    ['Bogotá D.C.', 'bogota dc'],
    ['Parañaque City', 'paranaque city'],
    ['București', 'bucuresti'],
    ['  Lapu-Lapu   City ', 'lapu lapu city'],
    ['U.S.A.', 'usa'],
    ['Acme S.A. de C.V.', 'acme sa de cv'],
    ['Pvt.Ltd.', 'pvt ltd'],
    ["Côte d'Ivoire", 'cote divoire'],
    ['AT&T', 'at and t'],
    ['6750 Ayala Ave.,Makati', '6750 ayala ave makati'],
    ['Straße', 'strasse'],
    ['', ''],
  ])('when the text is %j, then it normalises to %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  test('when a text is tokenized, then the words come back without punctuation', () => {
    expect(tokenize('Cebu IT Park, Lahug (Cebu City)')).toEqual(['cebu', 'it', 'park', 'lahug', 'cebu', 'city']);
    expect(tokenize(' , ')).toEqual([]);
  });
});

describe('normalizeCountry', () => {
  test.each([
    ['PH', 'PH'],
    ['ph', 'PH'],
    ['PHL', 'PH'],
    ['Philippines', 'PH'],
    ['The Philippines', 'PH'],
    ['Republic of the Philippines', 'PH'],
    ['UK', 'GB'],
    ['U.K.', 'GB'],
    ['Great Britain', 'GB'],
    ['United Kingdom', 'GB'],
    ['England', 'GB'],
    ['GBR', 'GB'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['United States of America', 'US'],
    ['United States', 'US'],
    ['Viet Nam', 'VN'],
    ['Vietnam', 'VN'],
    ['Czechia', 'CZ'],
    ['Czech Republic', 'CZ'],
    ['India', 'IN'],
    ['IND', 'IN'],
    ['South Africa', 'ZA'],
    ['Poland', 'PL'],
    ['Romania', 'RO'],
    ['Egypt', 'EG'],
    ['Colombia', 'CO'],
    ['México', 'MX'],
    ['Costa Rica', 'CR'],
    ['Malaysia', 'MY'],
    ['Korea, Republic of', 'KR'],
    ['Republic of Korea', 'KR'],
    ['The Netherlands', 'NL'],
    ['Holland', 'NL'],
    ["Côte d'Ivoire", 'CI'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
  ])('when the country is written %j, then it is %s', (input, expected) => {
    expect(normalizeCountry(input)).toBe(expected);
  });

  test.each([[''], ['   '], ['XX'], ['Narnia'], ['Metro Manila'], ['ZZZ'], [null], [undefined]])(
    'when the value is %j, then no country is recognised',
    (input) => {
      expect(normalizeCountry(input)).toBeNull();
    },
  );

  test('when a country has an alpha-3 code, then both codes are returned in lower case', () => {
    expect(countryCodes('PH')).toEqual(['ph', 'phl']);
  });

  test('when a text names countries in full, then they are found but two-letter words are not', () => {
    const found = findCountries(tokenize('Sites in the Philippines and in India, not us'));
    expect(found.map((f) => f.code)).toEqual(['PH', 'IN']);
  });
});

describe('splitClauses', () => {
  test('when a text has abbreviations with full stops, then it is split only at sentence ends', () => {
    expect(splitClauses('Acme BPO Philippines, Inc. at 6750 Ayala Ave. Makati City. As per SoA v1.1; dated 2024')).toEqual([
      'Acme BPO Philippines, Inc. at 6750 Ayala Ave. Makati City',
      'As per SoA v1.1',
      'dated 2024',
    ]);
  });
});

describe('normalizeLegalEntity', () => {
  test.each([
    ['Acme BPO Philippines, Inc.', 'acme bpo philippines'],
    ['ACME BPO PHILIPPINES INC', 'acme bpo philippines'],
    ['Acme BPO Philippines Incorporated', 'acme bpo philippines'],
    ['Acme Services Pvt. Ltd.', 'acme services'],
    ['Acme Services Private Limited', 'acme services'],
    ['Acme GmbH', 'acme'],
    ['Acme S.A.', 'acme'],
    ['Acme B.V.', 'acme'],
    ['Acme LLC', 'acme'],
    ['Acme Pty Ltd', 'acme'],
    ['Acme plc', 'acme'],
    ['Acme Corp.', 'acme'],
    ['Acme Corporation', 'acme'],
    ['Acme & Co.', 'acme'],
    ['The Acme Company Limited', 'acme'],
    ['Acme Sp. z o.o.', 'acme'],
    ['Acme (Philippines) Inc. doing business as Acme Contact', 'acme philippines'],
    ['Acme Corporation Services Inc.', 'acme corporation services'],
  ])('when the entity is %j, then it normalises to %j', (input, expected) => {
    expect(normalizeLegalEntity(input)).toBe(expected);
  });
});

describe('sameLegalEntity', () => {
  test.each([
    ['Acme BPO Philippines, Inc.', 'ACME BPO PHILIPPINES INC', 'same'],
    ['Acme BPO Philippines, Inc.', 'Acme BPO Philippines Incorporated', 'same'],
    ['The Acme Company Ltd', 'Acme Co. Limited', 'same'],
    ['Acme Services Pvt. Ltd.', 'ACME SERVICES PRIVATE LIMITED', 'same'],
    ['Acme Intl Services Inc.', 'Acme International Services, Inc.', 'same'],
    ['Acme BPO Phils., Inc.', 'Acme BPO Philippines Inc', 'same'],
    ['AcmeBPO Inc.', 'Acme BPO Inc.', 'same'],
    ['Kraków Data Sp. z o.o.', 'Krakow Data Sp. z o.o.', 'same'],
    ['Acme BPO Inc.', 'Acme BPO Philippines Inc.', 'uncertain'],
    ['Acme Holdings Ltd', 'Acme Ltd', 'uncertain'],
    ['Acme Solutions Inc.', 'Acme Solution Inc.', 'uncertain'],
    ['Northwind Business Services Inc.', 'Northwind Busines Services Inc.', 'uncertain'],
    ['IBM', 'International Business Machines Corporation', 'uncertain'],
    ['Acme BPO Philippines Inc.', 'Acme BPO India Pvt Ltd', 'different'],
    ['Acme BPO Philippines Inc.', 'Globex Corporation', 'different'],
    ['Acme Global Services Inc.', 'Initech Global Services Inc.', 'different'],
    ['Acme BPO Inc.', 'Inc.', 'different'],
  ] as const)('when %j is compared with %j, then the verdict is %s', (a, b, verdict) => {
    const result = sameLegalEntity(a, b);
    expect(result.verdict).toBe(verdict);
    expect(result.explanation).toContain(`"${a}"`);
    expect(result.explanation).toContain(`"${b}"`);
  });

  test('when the certificate names a recorded alias of the contracting entity, then they are the same', () => {
    const result = sameLegalEntity('Acme BPO Philippines, Inc.', 'Acme Contact Solutions Inc.', ['Acme Contact Solutions, Inc.', 'Acme PH']);
    expect(result.verdict).toBe('same');
    expect(result.explanation).toContain('alias');
  });

  test('when the name carries a trading name, then the trading name also matches', () => {
    expect(sameLegalEntity('Acme BPO Philippines Inc. (doing business as Acme Contact)', 'Acme Contact Inc.').verdict).toBe('same');
  });

  test('when aliases do not include the other name, then they do not make a different company the same', () => {
    expect(sameLegalEntity('Acme BPO Philippines Inc.', 'Globex Corporation', ['Acme PH', 'Acme BPO Philippines Inc.']).verdict).toBe('different');
  });

  test('when one side is empty, then the verdict is uncertain', () => {
    const result = sameLegalEntity('', 'Acme BPO Inc.');
    expect(result.verdict).toBe('uncertain');
    expect(result.explanation).toContain('does not name a legal entity');
  });

  test('when a parent and a subsidiary are compared, then the explanation says so', () => {
    expect(sameLegalEntity('Acme BPO Inc.', 'Acme BPO Philippines Inc.').explanation).toMatch(/parent and its subsidiary/);
  });

  test('when two companies of one group are compared, then the explanation names what they share', () => {
    expect(sameLegalEntity('Acme BPO Philippines Inc.', 'Acme BPO India Pvt Ltd').explanation).toContain('share "acme bpo"');
  });
});
