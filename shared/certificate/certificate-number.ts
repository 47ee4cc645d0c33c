import { findLabelled } from './labels';
import type { Field } from './proposal';
import { proposed } from './text-span';

const LABELS = [
  'certificate no.',
  'certificate number',
  'certificate nr.',
  'certificate #',
  'certificate id',
  'certificate registration no.',
  'certificate registration number',
  'certificate reg. no.',
  'cert. no.',
  'cert. number',
  'registration no.',
  'registration number',
  'approval number',
  'approval number(s)',
  'approval no.',
  'zertifikat-nr.',
  'zertifikat-registrier-nr.',
];

// Registration numbers of companies, orders and VAT are not the certificate's number.
const NOT_THE_CERTIFICATE = /(?:company|vat|tax|order|trade|commercial|business)\s*$/i;

// LRQA-style "Approval number(s): ISO/IEC 27001 – 00012345" names the standard first.
const LEADING_STANDARD = /^(?:ISO\s*\/?\s*IEC\s*)?27001(?::\s*\d{4})?\s*[-–:]\s*/i;

/**
 * The certificate number at the start of a label's value: tokens that hold a
 * digit, or short capitals ("IS 765432", "12 310 65432 TMS", "IND.25.1234/IS/U").
 * Offsets are within `value`.
 */
export function certificateNumberToken(value: string): { token: string; start: number; end: number } | null {
  const lead = LEADING_STANDARD.exec(value)?.[0].length ?? 0;
  const tokens: string[] = [];
  let start = -1;
  let end = lead;
  const word = /\S+/g;
  word.lastIndex = lead;
  for (let m = word.exec(value); m; m = word.exec(value)) {
    const t = m[0].replace(/[,;.]$/, '');
    if (!/^[A-Z0-9][A-Z0-9./\-_]*$/i.test(t)) break;
    if (!/\d/.test(t) && !/^[A-Z]{1,5}$/.test(t)) break;
    if (start === -1) start = m.index;
    tokens.push(t);
    end = m.index + t.length;
    if (t !== m[0]) break;
  }
  const token = tokens.join(' ');
  if (!/\d/.test(token) || token.length < 3 || token.length > 40) return null;
  return { token, start, end };
}

/** The certificate number after a label such as "Certificate No.", "Cert. no:" or "Registration number". */
export function findCertificateNumber(text: string): { field: Field<string>; warnings: string[] } {
  const warnings: string[] = [];
  const found = findLabelled(text, LABELS)
    .filter((l) => !NOT_THE_CERTIFICATE.test(text.slice(Math.max(0, l.labelStart - 20), l.labelStart)))
    .map((l) => {
      const n = certificateNumberToken(text.slice(l.valueStart, l.valueEnd));
      return n ? { l, n, end: l.valueStart + n.end } : null;
    })
    .filter((x) => x !== null);
  const first = found[0];
  if (!first) {
    // A title carrying the number ("CERTIFICATE GB24/819934"): no label, so a number to confirm.
    const title = /(?<=^|\n)[ \t]*CERTIFICATE[ \t]+([A-Z]{0,5}\d[A-Z0-9./\-]{3,30})[ \t]*(?:continued)?[ \t]*(?=\n|$)/u.exec(text);
    if (title?.[1]) return { field: proposed(text, title[1], title.index, title.index + title[0].length, 'medium'), warnings };
    return { field: null, warnings };
  }
  const distinct = [...new Set(found.map((f) => f.n.token))];
  if (distinct.length > 1) warnings.push(`Different certificate numbers are printed: ${distinct.join(', ')}.`);
  return { field: proposed(text, first.n.token, first.l.labelStart, first.end, distinct.length > 1 ? 'medium' : 'high'), warnings };
}
