import { ambiguousNumericDates, detectUsDateStyle, findDates, isoDate, parseDate } from '../../shared/certificate/dates';

describe('parseDate', () => {
  test.each([
    ['13 May 2024', '2024-05-13'],
    ['13th May 2024', '2024-05-13'],
    ['13th of May, 2024', '2024-05-13'],
    ['3 Sept. 2024', '2024-09-03'],
    ['13. Mai 2024', '2024-05-13'],
    ['1 März 2023', '2023-03-01'],
    ['May 13, 2024', '2024-05-13'],
    ['May 13 2024', '2024-05-13'],
    ['Sept. 3, 2024', '2024-09-03'],
    ['December 31st, 2026', '2026-12-31'],
    ['2024-05-13', '2024-05-13'],
    ['2024/5/3', '2024-05-03'],
    ['13/05/2024', '2024-05-13'],
    ['13.05.2024', '2024-05-13'],
    ['13-05-2024', '2024-05-13'],
    ['13-May-2024', '2024-05-13'],
    ['13-MAY-24', '2024-05-13'],
    ['05/04/2024', '2024-04-05'],
    ['5/4/24', '2024-04-05'],
    ['  13 May 2024. ', '2024-05-13'],
  ])('when given %p, then it reads %p', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  test.each([
    ['05/04/2024', '2024-05-04'],
    ['13/05/2024', '2024-05-13'],
    ['05.04.2024', '2024-04-05'],
    ['2024-05-04', '2024-05-04'],
  ])('when %p is read US style, then month comes first unless impossible or dotted: %p', (raw, iso) => {
    expect(parseDate(raw, { monthFirst: true })).toBe(iso);
  });

  test.each([['31/02/2024'], ['2023-02-29'], ['13/13/2024'], ['13 Maybe 2024'], ['May 2024'], ['Issued 13 May 2024'], ['13 May 2024 and 14 May 2024'], ['1850-01-01'], [''], ['version 1.1']])(
    'when given %p, then it is not a date',
    (raw) => {
      expect(parseDate(raw)).toBeNull();
    },
  );
});

describe('isoDate', () => {
  test.each([
    [2024, 2, 29, '2024-02-29'],
    [2023, 2, 29, null],
    [2024, 4, 31, null],
    [2024, 12, 1, '2024-12-01'],
  ])('when given %p-%p-%p, then it answers %p', (y, m, d, iso) => {
    expect(isoDate(y, m, d)).toBe(iso);
  });
});

describe('findDates', () => {
  test('when a text holds dates in several formats, then each is found once with its offsets', () => {
    const text = 'Issued 13 May 2024, valid until 2027-05-12 (12.05.2027); revised May 1, 2025.';
    const found = findDates(text);
    expect(found.map((d) => d.iso)).toEqual(['2024-05-13', '2027-05-12', '2027-05-12', '2025-05-01']);
    for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.raw);
  });

  test('when version numbers and certificate numbers sit near dates, then they are not read as dates', () => {
    expect(findDates('version 1.1, IND.25.1234/IS/U, 12 310 65432 TMS, ISO/IEC 27001:2022')).toEqual([]);
  });
});

describe('detectUsDateStyle', () => {
  test.each([
    ['Issue date: 13/05/2024 Expiry: 04/05/2027', false],
    ['Issue date: 05/13/2024 Expiry: 04/05/2027', true],
    ['Issued May 13, 2024; SoA dated 04/01/2024', true],
    ['Issued 13 May 2024; SoA dated 04/01/2024', false],
    ['Dated 04.01.2024 and 05.13.2024', false],
    ['no dates at all', false],
  ])('when the text is %p, then US style is %p', (text, us) => {
    expect(detectUsDateStyle(text)).toBe(us);
  });
});

describe('ambiguousNumericDates', () => {
  test('when numeric dates could be read either way, then only those are listed', () => {
    expect(ambiguousNumericDates('05/04/2024, 13/05/2024, 04/04/2027, 05.04.2024, 2024-05-04')).toEqual(['05/04/2024']);
  });
});
