import { normalizeLegalEntity, sameLegalEntity } from './normalize';

/** A provider organization's names, as the similarity check reads them. */
export interface NamedProvider {
  name: string;
  aliases: readonly string[];
}

/**
 * The providers a new organization's name would be mistaken for: its name
 * and theirs (or one of their aliases) are the same once case, punctuation,
 * "the", legal suffixes (Inc, Ltd, GmbH…), spacing and standard abbreviations
 * are ignored. A parent, branch or sister company ("Acme BPO India") is not
 * flagged: it is a different name a buyer can tell apart.
 */
export function similarProviders<T extends NamedProvider>(name: string, providers: readonly T[]): T[] {
  return providers.filter((p) => sameLegalEntity(p.name, name, p.aliases).verdict === 'same');
}

// Abbreviations a first word may be written in either way ("Intl" / "International").
const firstWordForms: Record<string, string> = { intl: 'international', international: 'intl', natl: 'national', national: 'natl', phils: 'philippines', philippines: 'phils' };

/**
 * Fragments every name {@link similarProviders} would flag contains as
 * written (case aside), so the database returns only candidates: the first
 * four letters of the name's first word once "the" and legal suffixes are
 * gone, in each usual form of that word. A name written with dotted initials
 * or accents in those letters ("A.C.M.E.", "Łódź") is not found this way.
 */
export function nameFragments(name: string): string[] {
  const first = normalizeLegalEntity(name).split(' ')[0] ?? '';
  if (!first) return [];
  return [...new Set([first, firstWordForms[first]].filter((w): w is string => Boolean(w)).map((w) => w.slice(0, 4)))];
}
