import { dayLabel, momentLabel } from '../../client/src/lib/dates';

/** Dates read one way per locale, wherever a page shows them; never the raw ISO string. */

test.each([
  ['a calendar day in British English', '2027-04-04', 'en-GB', '4 Apr 2027'],
  ['a calendar day in American English', '2027-04-04', 'en-US', 'Apr 4, 2027'],
  ['the day of a timestamp', '2025-12-10T16:30:00.000Z', 'en-GB', '10 Dec 2025'],
  ['something that is not a date', 'soon', 'en-GB', 'soon'],
])('when a page shows %s, then it reads in the locale', (_case, iso, locale, expected) => {
  expect(dayLabel(iso, locale)).toBe(expected);
});

test('when a page shows a moment, then it reads as the same day format with the time in the reader’s zone', () => {
  expect(momentLabel('2025-12-10T16:30:00.000Z', 'en-GB', 'UTC')).toBe('10 Dec 2025, 16:30');
  expect(momentLabel('2025-12-10T16:30:00.000Z', 'en-GB', 'Asia/Manila')).toBe('11 Dec 2025, 00:30');
  expect(momentLabel('not a time', 'en-GB')).toBe('not a time');
});
