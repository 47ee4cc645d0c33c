import type { Field, Iso27001Edition } from './proposal';
import { proposed } from './text-span';

export interface StandardMention {
  /** The year printed after the number, if any ("2022", or "2017" for EN ISO/IEC 27001:2017). */
  year?: string;
  /** The ISO edition that year means; EN adoptions (2017, 2023) map to the ISO edition they adopt. */
  edition?: Iso27001Edition;
  start: number;
  end: number;
}

// "ISO/IEC 27001:2022", "ISO 27001:2013", "EN ISO/IEC 27001:2017", "ISO/IEC 27001:2022/Amd 1:2024",
// "ISO/IEC 27001:2022 + A1:2024", "ISO/IEC 27001:2013 with Amendment 1:2024", or a bare "27001:2022".
const MENTION =
  /(?<![\p{L}\p{N}])(?:(?:(?:BS\s+|DIN\s+)?EN\s+)?ISO\s*(?:[/-]\s*)?(?:IEC\s*)?)?27001(?!\d)(?:\s*[:\-–]\s*(\d{4})(?!\d))?(?:\s*(?:\+|\/|with|incl\.?|including)\s*(?:Amd\.?|Amendment|A)\s*(\d)\s*[:\-–(]\s*\d{4}\)?)?/giu;

const EDITION_OF_YEAR: Record<string, Iso27001Edition> = {
  '2013': '2013',
  '2017': '2013',
  '2022': '2022',
  '2023': '2022',
};

/** Each place the text names ISO/IEC 27001, with the edition when a year is printed. */
export function findStandardMentions(text: string): StandardMention[] {
  const mentions: StandardMention[] = [];
  for (const m of text.matchAll(MENTION)) {
    const named = /ISO/i.test(m[0]);
    const year = m[1];
    // A bare "27001" with no "ISO" and no year is just a number.
    if (!named && !year) continue;
    const edition = year ? EDITION_OF_YEAR[year] : undefined;
    mentions.push({ ...(year ? { year } : {}), ...(edition ? { edition } : {}), start: m.index, end: m.index + m[0].length });
  }
  return mentions;
}

/**
 * The standard and its edition. When the text names both editions (a
 * transition note), the one named most often wins, the newer on a tie, and a
 * warning asks a person to check.
 */
export function findStandard(text: string): { standard: Field<'ISO/IEC 27001'>; edition: Field<Iso27001Edition>; warnings: string[] } {
  const mentions = findStandardMentions(text);
  const warnings: string[] = [];
  const first = mentions.find((m) => m.year) ?? mentions[0];
  if (!first) return { standard: null, edition: null, warnings };
  const standard = proposed(text, 'ISO/IEC 27001' as const, first.start, first.end, 'high');

  const unsupported = [...new Set(mentions.filter((m) => m.year && !m.edition).map((m) => m.year))];
  if (unsupported.length) warnings.push(`The text names ISO/IEC 27001:${unsupported.join(', ')}, an edition other than 2013 or 2022.`);

  const counts = new Map<Iso27001Edition, number>();
  for (const m of mentions) if (m.edition) counts.set(m.edition, (counts.get(m.edition) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || Number(b[0]) - Number(a[0]));
  const chosen = ranked[0]?.[0];
  if (!chosen) return { standard, edition: null, warnings };
  if (ranked.length > 1) warnings.push('The text names both the 2013 and the 2022 edition of ISO/IEC 27001; check which one the certificate is for.');
  const source = mentions.find((m) => m.edition === chosen) ?? first;
  return { standard, edition: proposed(text, chosen, source.start, source.end, ranked.length > 1 ? 'medium' : 'high'), warnings };
}
