/** Days and moments as people read them: one format per locale, everywhere a page shows a date (tests pass a locale). */

/** A day ("2027-04-04", or the day of a timestamp) in the reader's locale: "4 Apr 2027" (en-GB), "Apr 4, 2027" (en-US). */
export function dayLabel(iso: string, locale?: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** A moment (a timestamp) in the reader's locale and time zone: the same day format, then the time. */
export function momentLabel(iso: string, locale?: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(d);
}
