import { defaultStops, nextStop } from './labels';
import type { Confidence, Field, ProposedField } from './proposal';
import { collapseWhitespace, proposed } from './text-span';

// What introduces the scope statement, the surest first.
const SCOPE_LEADS: { re: RegExp; confidence: Confidence }[] = [
  { re: /for\s+the\s+following\s+(?:scope(?:\s+of\s+(?:activities|certification|registration|supply))?|activities|products\s+and\s+services)\s*:?/giu, confidence: 'high' },
  { re: /(?<=^|\n)[ \t]*scope(?:\s+of\s+(?:the\s+)?(?:certification|registration|certificate|approval|supply|the\s+isms))?[ \t]*(?::|(?=\r?\n))/giu, confidence: 'high' },
  { re: /(?:certification|registration|certificate)\s+scope\s*:/giu, confidence: 'high' },
  { re: /scope\s+of\s+(?:the\s+)?(?:certification|registration|isms|information\s+security\s+management\s+system)\s+(?:is|covers|includes)\s*:?/giu, confidence: 'high' },
  { re: /in\s+respect\s+of\s*:/giu, confidence: 'high' },
  { re: /in\s+respect\s+of(?=\s*\n)/giu, confidence: 'medium' },
  { re: /(?:has\s+established\s+and\s+applies|operates|maintains)\s+an?\s+information\s+security\s+management\s+system\s+(?:for|covering)\s*:?/giu, confidence: 'medium' },
  { re: /geltungsbereich\s*:?/giu, confidence: 'high' },
  // "The scope of this ISO/IEC 27001:2022 certificate includes", "… certification is bounded by", "… is as follows:".
  { re: /scope\s+of\s+(?:the\s+|this\s+)?(?:ISO\s*\/?\s*IEC\s*27001(?:\s*:\s*\d{4})?\s+)?(?:certification|certificate|registration|approval|isms)\s+(?:is\s+(?:bounded\s+by|as\s+follows|applicable\s+to|limited\s+to)|includes|covers|comprises|applies\s+to)\s*:?/giu, confidence: 'high' },
  { re: /(?<=^|\n)[ \t]*(?:certified\s+area|scope\s+of\s+registration|scope\s+for\s+certificate[^\n]*?(?=[ \t]*(?::|\r?\n)))[ \t]*:?/giu, confidence: 'high' },
  { re: /\bapplicable\s+to\s*:/giu, confidence: 'medium' },

];

/**
 * The scope statement: the paragraph after "Scope:", "for the following
 * scope:", "in respect of:" and the like, up to the next label.
 */
export function findScopeText(text: string): Field<string> {
  for (const { re, confidence } of SCOPE_LEADS) {
    for (const m of text.matchAll(re)) {
      const start = m.index + m[0].length;
      const limit = Math.min(text.length, start + 1500);
      const blank = /\n[ \t]*\n/g;
      blank.lastIndex = start + 1;
      const b = blank.exec(text);
      const hardEnd = b && b.index < limit ? b.index : limit;
      let end = nextStop(text, start + 1, hardEnd, defaultStops) ?? hardEnd;
      while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
      const value = collapseWhitespace(text.slice(start, end));
      // A lead followed only by the standard's name ("in respect of ISO/IEC 27001") is not a scope.
      if (value.length < 15 || /^(?:ISO\s*\/?\s*IEC\s*)?27001[\s:\d]*$/i.test(value)) continue;
      return proposed(text, value, start, end, confidence);
    }
  }
  return null;
}

// Nouns that make a phrase a service ("back-office processing", "IT helpdesk support").
const SERVICE_NOUN =
  /\b(?:services?|processing|support|management|operations?|development|hosting|outsourcing|administration|maintenance|design|delivery|provision|consulting|consultancy|centres?|centers?|desk|helpdesk|solutions?|platforms?|software|infrastructure|monitoring|testing|analytics|engineering|payroll|accounting|billing|collections?|fulfil?ment|transcription|moderation|recruitment|training|storage|backup|integration|implementation|activities)\b/i;

// Words that introduce the services, trimmed from the first phrase.
const LEAD_IN =
  /^(?:the\s+)?(?:(?:information\s+security\s+)?management\s+system\s+(?:for|supporting|covering|applicable\s+to|of)\s+(?:the\s+)?)?(?:(?:people,\s+processes,?\s+and\s+technology|activities|operations)\s+(?:supporting|involved\s+in|for)\s+(?:the\s+)?)?(?:provision|delivery|supply)\s+of\s+(?:the\s+following\s+)?/i;

// Where the service list ends and the sites, SoA or clients begin.
const TAIL =
  /\s*(?:,\s*)?(?:\bfrom\s+(?:the|its|our)\b|\bdelivered\s+(?:from|at)\b|\bperformed\s+at\b|\bprovided\s+(?:from|at)\b|\bat\s+the\s+(?:following\s+)?(?:sites?|locations?|premises|offices?)\b|\blocated\s+at\b|\bin\s+accordance\s+with\b|\bas\s+(?:defined|described|per)\b|\bunder\s+the\s+statement\b|\bthis\s+is\s+in\s+accordance\b|\bstatement\s+of\s+applicability\b|\bSoA\b|[.;](?:\s|$))/i;

interface Phrase {
  phrase: string;
  offset: number;
}

const LIST_SEPARATOR = /,\s*|;\s*|\n\s*[•\-–*]\s*|^\s*[•\-–*]\s*/g;

// "X and Y" is two services only when both halves are services.
function splitOnAnd(part: string, offset: number): Phrase[] {
  for (const m of part.matchAll(/\s+(?:and|&)\s+/gi)) {
    const left = part.slice(0, m.index);
    const right = part.slice(m.index + m[0].length);
    if (SERVICE_NOUN.test(left) && SERVICE_NOUN.test(right)) {
      return [{ phrase: left, offset }, ...splitOnAnd(right, offset + m.index + m[0].length)];
    }
  }
  return [{ phrase: part, offset }];
}

/** Splits "A, B and C" into phrases, leaving "inbound and outbound …" whole because "inbound" is not a service on its own. */
export function splitServicePhrases(list: string): Phrase[] {
  const pieces: Phrase[] = [];
  let from = 0;
  for (const separator of [...list.matchAll(LIST_SEPARATOR), null]) {
    const to = separator ? separator.index : list.length;
    if (to > from) pieces.push(...splitOnAnd(list.slice(from, to), from));
    if (separator) from = separator.index + separator[0].length;
  }
  return pieces
    .map((p) => {
      const lead = /^\s*(?:(?:and|&)\s+)?/i.exec(p.phrase)?.[0].length ?? 0;
      return { phrase: p.phrase.slice(lead).trimEnd(), offset: p.offset + lead };
    })
    .filter((p) => p.phrase.length > 2);
}

/**
 * Service phrases in the scope ("inbound and outbound contact centre
 * services", "back-office processing"): the list after "provision of", before
 * the sites and the SoA reference.
 */
export function findServices(text: string, scope: Field<string>): ProposedField<string>[] {
  if (!scope?.source) return [];
  const { start, end } = scope.source;
  const body = text.slice(start, end);
  const from = LEAD_IN.exec(body)?.[0].length ?? 0;
  const tail = TAIL.exec(body.slice(from));
  const to = tail ? from + tail.index : body.length;
  const list = body.slice(from, to);
  return splitServicePhrases(list)
    .map(({ phrase, offset }) => {
      // Who the services are for is not part of the service ("… services for international clients").
      const audience = /\s+for\s+(?:[\p{L}-]+\s+){0,4}(?:clients|customers)\b[\s\S]*$/iu.exec(phrase);
      const kept = audience ? phrase.slice(0, audience.index) : phrase;
      const value = collapseWhitespace(kept).replace(/^(?:the\s+)?(?:provision|delivery|supply)\s+of\s+/i, '');
      const s = start + from + offset;
      return proposed(text, value, s, s + kept.length, SERVICE_NOUN.test(value) ? 'medium' : 'low');
    })
    .filter((f) => f.value.length > 2 && !/^(?:ISO|the\s+requirements)/i.test(f.value));
}
