import { sameLegalEntity } from './normalize';

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
