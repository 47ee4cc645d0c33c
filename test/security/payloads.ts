import type { z } from 'zod';
import type { AnyRoute } from '../../server/http/route';
import { HTML, nodesOf, pathName, placeholderRefs, refLeaves, setAt, SQL, type Seg } from './malformed';
import type { WriteCase } from './write-requests';

/**
 * Text that is valid wherever free text is: SQL and HTML are data, not
 * code; unicode edge cases (right-to-left override, zero-width joiner,
 * 4-byte emoji, combining marks) are text; a long line without breaks is
 * text up to the field's limit. Each must be stored and answered verbatim.
 */
export const freeTextPayloads = {
  SQL,
  HTML,
  'unicode edge cases': 'RTL \u202Eevil\u202C, ZWJ \u{1F469}\u200D\u{1F4BB}, emoji \u{1F984}, combining e\u0301, CJK \u6F22\u5B57',
  // Made per field: the longest run of characters without a break that the field takes.
  'the longest line the field takes': '',
} as const;
export type PayloadKind = keyof typeof freeTextPayloads;

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

/** Where a case's free text goes: the JSON body or the multipart form's fields. */
function shapeOf(c: WriteCase): { root: Record<string, unknown>; names: Map<string, string> } | undefined {
  const { refs, names } = placeholderRefs();
  if (c.body) return { root: c.body(refs), names };
  if (c.upload) return { root: c.upload(refs).fields, names };
  return undefined;
}

/**
 * The free-text fields of a route: string fields of its valid request where
 * the route's schema takes SQL as well as anything else, other than
 * references, fields checked against stored data and secrets.
 */
export function freeTextFields(route: AnyRoute, c: WriteCase): Seg[][] {
  const shape = shapeOf(c);
  if (!shape) return [];
  const schema = route.body as z.ZodType;
  const refPaths = new Set(refLeaves(shape.root, shape.names).map((r) => pathName(r.path)));
  const excluded = new Set([...(c.formatted ?? []), ...(c.secrets ?? [])]);
  return nodesOf(shape.root)
    .filter(({ path, value }) => typeof value === 'string' && !refPaths.has(pathName(path)) && !excluded.has(String(path[0])))
    .filter(({ path }) => accepts(schema, setAt(shape.root, path, SQL)))
    .map(({ path }) => path);
}

/** The longest prefix of `text` (whole code points, no trailing space) that the field takes. */
function fitted(schema: z.ZodType, root: unknown, path: Seg[], text: string): string | undefined {
  const points = Array.from(text);
  for (let n = points.length; n > 0; n--) {
    const candidate = points.slice(0, n).join('');
    if (candidate.trim() === candidate && accepts(schema, setAt(root, path, candidate))) return candidate;
  }
  return undefined;
}

const lineLengths = [100000, 20000, 10000, 8000, 4000, 2000, 1000, 500, 300, 200, 120, 100, 80, 50, 40, 20];

/**
 * The value each free-text field gets for one payload kind, distinct per
 * field (a numbered suffix) where the field's limit allows.
 */
export function payloadValues(route: AnyRoute, c: WriteCase, kind: PayloadKind): { path: Seg[]; value: string }[] {
  const shape = shapeOf(c)!;
  const schema = route.body as z.ZodType;
  return freeTextFields(route, c).map((path, i) => {
    if (kind === 'the longest line the field takes') {
      const n = lineLengths.find((len) => accepts(schema, setAt(shape.root, path, 'x'.repeat(len))));
      return { path, value: 'x'.repeat(n ?? 1) };
    }
    const value = fitted(schema, shape.root, path, `${freeTextPayloads[kind]} #${i + 1}`);
    if (value === undefined) throw new Error(`${pathName(path)} takes no prefix of the ${kind} payload`);
    return { path, value };
  });
}

/** Whether a JSON value holds `text` as one of its strings, exactly. */
export function holdsString(value: unknown, text: string): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === text) return true;
    if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') stack.push(...Object.values(v));
  }
  return false;
}

/**
 * Values at the edge of what the schema takes, by the shape of a field's
 * valid value: numbers beyond 32 bits and at the float limits, calendar
 * dates at the ends of the four-digit years.
 */
export function edgeValues(value: unknown): { label: string; value: unknown }[] {
  if (typeof value === 'number') {
    return [
      { label: '2^31 (beyond a 32-bit integer)', value: 2 ** 31 },
      { label: '2^53 + 2 (beyond a safe integer)', value: 2 ** 53 + 2 },
      { label: '1e308', value: 1e308 },
      { label: '-1e308', value: -1e308 },
      { label: '5e-324', value: 5e-324 },
    ];
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return [
      { label: 'the date 0000-01-01', value: '0000-01-01' },
      { label: 'the date 0001-01-01', value: '0001-01-01' },
      { label: 'the date 9999-12-31', value: '9999-12-31' },
      { label: 'the date 1582-10-10 (skipped by the Gregorian reform)', value: '1582-10-10' },
    ];
  }
  return [];
}

/** Fields with edge values the route's schema takes, each with the values. */
export function edgeCases(route: AnyRoute, c: WriteCase): { path: Seg[]; label: string; value: unknown }[] {
  const shape = shapeOf(c);
  if (!shape) return [];
  const schema = route.body as z.ZodType;
  return nodesOf(shape.root).flatMap(({ path, value }) =>
    path.length === 0 ? [] : edgeValues(value).filter((e) => accepts(schema, setAt(shape.root, path, e.value))).map((e) => ({ path, ...e })),
  );
}
