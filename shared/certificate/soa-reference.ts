import { findDates, type DateOptions } from './dates';
import type { Field, SoaReference } from './proposal';
import { proposed } from './text-span';

const SOA = /Statement\s+of\s+Applicability|(?<![\p{L}\p{N}])(?:SoA|SOA)(?![\p{L}\p{N}])/gu;
const VERSION = /(?<![\p{L}])(?:version|ver\.?|v|rev(?:ision)?\.?|issue|edition)\s*(?:no\.?\s*)?[:.]?\s*(\d+(?:\.\d+)*[a-z]?)(?![\p{L}\p{N}])/iu;

/**
 * The Statement of Applicability the certificate cites: "Statement of
 * Applicability version 1.1, dated 13 May 2024", "SoA v2.0 dated 2024-01-15",
 * "SOA Rev 3 (13/05/2024)". Reads to the end of the sentence after the mention.
 */
export function findSoaReference(text: string, options: DateOptions = {}): Field<SoaReference> {
  for (const m of text.matchAll(SOA)) {
    const from = m.index + m[0].length;
    const tail = text.slice(from, from + 140);
    // The sentence ends at a full stop before a capital (not "v1.1", "Rev. 4" or "13.05.2024"), or a blank line.
    const sentenceEnd = tail.search(/\.(?=\s+\p{Lu})|;|\n\s*\n/u);
    const window = sentenceEnd === -1 ? tail : tail.slice(0, sentenceEnd);
    const version = VERSION.exec(window);
    const date = findDates(window, options)[0];
    if (!version && !date) continue;
    const value: SoaReference = {};
    if (version?.[1]) value.version = version[1];
    if (date) value.date = date.iso;
    const end = from + Math.max(version ? version.index + version[0].length : 0, date ? date.end : 0);
    const closing = text[end] === ')' ? 1 : 0;
    return proposed(text, value, m.index, end + closing, version && date ? 'high' : 'medium');
  }
  return null;
}
