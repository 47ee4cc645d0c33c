import crypto from 'node:crypto';
import type { z } from 'zod';
import type { AnyRoute } from '../../server/http/route';
import { fakeExecutable } from '../helpers/files';
import type { Refs, Upload, WriteCase } from './write-requests';

/**
 * Malformed variants of a valid request, derived mechanically from the
 * route's zod schemas and the shape of its valid body: every field removed,
 * given the wrong type, made huge, filled with unicode edge cases or SQL and
 * HTML where a format is expected; path ids that are not ids, unknown or
 * another tenant's; broken JSON, wrong content types, broken multipart.
 */

export type Seg = string | number;

/** What a refusal must look like. */
export interface Expect {
  status: number;
  /** The error code, when the status alone does not say it. */
  code?: string;
  /** A field the error must name in `details.fields[].path` (itself or something inside it). */
  field?: string;
  /** The error must name some field (a body with nothing to change: any field is the right one). */
  anyField?: boolean;
}

/** A valid request as sent: path parameters and body from the case's refs. */
export interface ValidRequest {
  refs: Refs;
  body?: Record<string, unknown>;
  upload?: Upload;
}

/** One request, exactly as it goes on the wire. */
export interface RawRequest {
  path: string;
  json?: unknown;
  raw?: { contentType: string; body: string | Buffer; headers?: Record<string, string> };
  /** Written by hand (see handMultipart): HTTP clients clean file names up before sending. */
  multipart?: { fields: [string, string][]; files: { field: string; name: string; content: Buffer }[] };
}

export interface Variant {
  /** What is wrong, as a test name says it: "sites as a string". */
  name: string;
  expect: Expect;
  make: (valid: ValidRequest, other: Refs | undefined) => RawRequest;
}

export const JSON_LIMIT = 2 * 1024 * 1024;
export const ONE_MB = 'a'.repeat(1024 * 1024);
export const SQL = "'; DROP TABLE users; --";
export const HTML = '<script>alert(1)</script>';
const UNEXPECTED = 'unexpectedField';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
export const pathName = (p: readonly Seg[]) => p.join('.');

/** A copy of `root` with the value at `path` replaced (or removed). */
export function setAt(root: unknown, path: readonly Seg[], value: unknown, remove = false): Record<string, unknown> {
  const copy = clone(root) as Record<string, unknown>;
  if (path.length === 0) return value as Record<string, unknown>;
  let node = copy as Record<Seg, unknown>;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<Seg, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

/** The value at `path`. */
export function getAt(root: unknown, path: readonly Seg[]): unknown {
  return path.reduce<unknown>((node, seg) => (node as Record<Seg, unknown>)[seg], root);
}

/**
 * Every node of a body (root included) at the first place its field occurs:
 * `sections.0.questions.1.options` stands for every question's options.
 */
export function nodesOf(body: unknown): { path: Seg[]; value: unknown }[] {
  const out: { path: Seg[]; value: unknown }[] = [];
  const seen = new Set<string>();
  const walk = (value: unknown, path: Seg[]) => {
    const general = path.map((s) => (typeof s === 'number' ? '*' : s)).join('.');
    if (!seen.has(general)) {
      seen.add(general);
      out.push({ path, value });
    }
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (isObject(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(body, []);
  return out;
}

/** Stand-ins for refs while deriving variants: a fixed UUID (or email) per name, recognisable in the body. */
export function placeholderFor(name: string): string {
  if (/email/i.test(name)) return `${name.toLowerCase()}@placeholder.test`;
  const h = crypto.createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Refs that stand for themselves while deriving variants; remembers which placeholder is which ref. */
export function placeholderRefs(): { refs: Refs; names: Map<string, string> } {
  const names = new Map<string, string>();
  const refs = new Proxy({}, {
    get: (_t, k) => {
      if (typeof k !== 'string') return undefined;
      const value = placeholderFor(k);
      names.set(value, k);
      return value;
    },
  });
  return { refs, names };
}

/** The refs a body carries: its leaves whose value is a placeholder, by path. */
export function refLeaves(shape: unknown, names: Map<string, string>): { path: Seg[]; ref: string }[] {
  const out: { path: Seg[]; ref: string }[] = [];
  const walk = (value: unknown, path: Seg[]) => {
    if (typeof value === 'string' && names.has(value)) out.push({ path, ref: names.get(value)! });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (isObject(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(shape, []);
  return out;
}

const accepts = (schema: z.ZodType | undefined, value: unknown) => schema !== undefined && schema.safeParse(value).success;

/** `:id` path parameters, and which of them are UUIDs. */
export function pathParams(route: AnyRoute): { name: string; uuid: boolean }[] {
  const shape = (route.params as z.ZodObject | undefined)?.shape ?? {};
  return [...route.path.matchAll(/:(\w+)/g)].map((m) => {
    const s = shape[m[1]!] as z.ZodType | undefined;
    return { name: m[1]!, uuid: accepts(s, crypto.randomUUID()) && !accepts(s, 'not-a-uuid') };
  });
}

/** The route's path with parameters filled in (already encoded values are passed with `raw`). */
export function pathOf(route: AnyRoute, refs: Refs, override: Record<string, { value: string; raw?: boolean }> = {}): string {
  return route.path.replace(/:(\w+)/g, (_m, name: string) => {
    const o = override[name];
    if (o) return o.raw ? o.value : encodeURIComponent(o.value);
    return encodeURIComponent(String(refs[name]));
  });
}

/** Values of other types than `v`; a number's twin string and a boolean's spelled out say "no coercion". */
function wrongTypes(v: unknown): { label: string; value: unknown }[] {
  const out: { label: string; value: unknown }[] = [];
  if (typeof v !== 'string') out.push(typeof v === 'number' || typeof v === 'boolean' ? { label: `the string "${String(v)}"`, value: String(v) } : { label: 'a string', value: 'text' });
  if (typeof v !== 'number') out.push({ label: 'a number', value: 12345 });
  if (typeof v !== 'boolean') out.push({ label: 'a boolean', value: true });
  if (!Array.isArray(v)) out.push({ label: 'an array', value: [] });
  if (!isObject(v)) out.push({ label: 'an object', value: {} });
  if (v !== null) out.push({ label: 'null', value: null });
  return out;
}

const refused = (field: string, root: unknown): Expect => (isObject(root) && Object.keys(root).length === 0 ? { status: 400, anyField: true } : { status: 400, field });

/**
 * Variants of a JSON body. `shallow`: the body's schema object already had
 * its deep variants on another route (POST and PUT of a template share one),
 * so only the top-level fields get theirs here.
 */
function bodyVariants(route: AnyRoute, c: WriteCase, shallow: boolean): Variant[] {
  const schema = route.body as z.ZodType;
  const placeholders = placeholderRefs();
  const shape = c.body!(placeholders.refs);
  const out: Variant[] = [];
  const withBody = (name: string, expect: Expect, build: (body: Record<string, unknown>) => unknown) =>
    out.push({ name, expect, make: (valid) => ({ path: pathOf(route, valid.refs), json: build(valid.body!) }) });
  const rawJson = (name: string, expect: Expect, build: (body: Record<string, unknown>) => string) =>
    out.push({ name, expect, make: (valid) => ({ path: pathOf(route, valid.refs), raw: { contentType: 'application/json', body: build(valid.body!) } }) });

  for (const { path, value } of nodesOf(shape)) {
    if (shallow && path.length > 1) continue;
    const name = pathName(path);
    const formatted = c.formatted?.includes(String(path[0]));
    if (isObject(value)) {
      for (const key of Object.keys(value)) {
        const without = setAt(shape, [...path, key], undefined, true);
        if (!accepts(schema, without)) withBody(`without ${pathName([...path, key])}`, refused(pathName([...path, key]), without), (b) => setAt(b, [...path, key], undefined, true));
      }
      const extra = setAt(shape, [...path, UNEXPECTED], 'x');
      if (!accepts(schema, extra)) withBody(`an unknown field ${path.length ? `in ${name}` : 'in the body'}`, { status: 400, field: pathName([...path, UNEXPECTED]) }, (b) => setAt(b, [...path, UNEXPECTED], 'x'));
    }
    if (path.length === 0) continue;
    for (const wrong of wrongTypes(value)) {
      if (!accepts(schema, setAt(shape, path, wrong.value))) withBody(`${name} as ${wrong.label}`, { status: 400, field: name }, (b) => setAt(b, path, wrong.value));
    }
    if (typeof value === 'string') {
      withBody(`${name} as a 1 MB string`, { status: 400, field: name }, (b) => setAt(b, path, ONE_MB));
      withBody(`${name} with a NUL byte`, { status: 400, field: name }, (b) => setAt(b, path, `${String(getAt(b, path))}\u0000x`));
      // JSON.stringify writes a lone surrogate as the raw escape "\ud800".
      withBody(`${name} with a lone surrogate (\\ud800)`, { status: 400, field: name }, (b) => setAt(b, path, `x\ud800${String(getAt(b, path))}`));
    }
    if (!Array.isArray(value) && !isObject(value)) {
      for (const [label, payload] of [['SQL', SQL], ['HTML', HTML]] as const) {
        if (formatted || !accepts(schema, setAt(shape, path, payload))) withBody(`${label} in ${name}`, { status: 400, field: name }, (b) => setAt(b, path, payload));
      }
    }
    if (typeof value === 'string') {
      // A lookalike of a valid id, enum value, email or date: an invisible character inside it.
      const lookalike = (v: string) => `${v.slice(0, 1)}\u200D${v.slice(1)}`;
      if (formatted || !accepts(schema, setAt(shape, path, lookalike(value)))) {
        withBody(`${name} with a zero-width joiner inside`, { status: 400, field: name }, (b) => setAt(b, path, lookalike(String(getAt(b, path)))));
      }
    }
    if (Array.isArray(value)) {
      const element = value[0] ?? 'x';
      const big = setAt(shape, path, new Array(100_000).fill(element));
      const tooLarge = Buffer.byteLength(JSON.stringify(big)) > JSON_LIMIT;
      withBody(`${name} with 100k elements`, tooLarge ? { status: 413, code: 'PAYLOAD_TOO_LARGE' } : { status: 400, field: name }, (b) => setAt(b, path, new Array(100_000).fill(getAt(b, [...path, 0]) ?? 'x')));
    }
    // Deep nesting inside a field that holds structure (a list or an object): where nothing recursive may run.
    if (path.length === 1 && (Array.isArray(value) || isObject(value))) {
      const inside = [...path, Array.isArray(value) ? 0 : 'nested'];
      rawJson(`arrays nested 10k deep inside ${name}`, { status: 400, field: name }, (b) => {
        const json = JSON.stringify(setAt(b, inside, '\u0001'));
        return json.replace('"\\u0001"', `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
      });
    }
  }

  for (const { path, ref } of refLeaves(shape, placeholders.names)) {
    const name = pathName(path);
    const open = c.openRefs?.includes(ref);
    const unknown = c.unknownRef?.[ref];
    if (!open || unknown) {
      withBody(`an unknown ${name}`, unknown ?? { status: 400, field: name }, (b) => setAt(b, path, crypto.randomUUID()));
    }
    if (!open) {
      out.push({
        name: `another tenant's ${name}`,
        expect: { status: 400, field: name },
        make: (valid, other) => ({ path: pathOf(route, valid.refs), json: setAt(valid.body, path, other![ref]) }),
      });
    }
  }

  rawJson('an unknown field named __proto__', { status: 400, field: '__proto__' }, (b) => JSON.stringify(b).replace(/^\{/, '{"__proto__":{"isAdmin":true},'));
  rawJson('an unknown field with a 1 MB name', { status: 400, code: 'VALIDATION_FAILED' }, (b) => JSON.stringify({ ...b, [ONE_MB]: 1 }));
  rawJson('truncated JSON', { status: 400, code: 'MALFORMED_JSON' }, (b) => JSON.stringify(b).slice(0, Math.ceil(JSON.stringify(b).length / 2)));
  rawJson('JSON with a trailing comma', { status: 400, code: 'MALFORMED_JSON' }, (b) => JSON.stringify(b).replace(/\}$/, ',}'));
  rawJson('JSON with an extra closing brace', { status: 400, code: 'MALFORMED_JSON' }, (b) => `${JSON.stringify(b)}}`);
  rawJson('JSON with single quotes', { status: 400, code: 'MALFORMED_JSON' }, (b) => JSON.stringify(b).replace(/"/g, "'"));
  rawJson('a JSON string as the body', { status: 400, code: 'MALFORMED_JSON' }, () => '"text"');
  rawJson('a JSON null as the body', { status: 400, code: 'MALFORMED_JSON' }, () => 'null');
  rawJson('a JSON array as the body', { status: 400, code: 'VALIDATION_FAILED' }, (b) => JSON.stringify([b]));
  if (!accepts(schema, {})) rawJson('an empty JSON body', { status: 400, anyField: true }, () => '');
  const asType = (name: string, contentType: string, build: (b: Record<string, unknown>) => string, expect: Expect = { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }) =>
    out.push({ name, expect, make: (valid) => ({ path: pathOf(route, valid.refs), raw: { contentType, body: build(valid.body!) } }) });
  asType('the JSON as text/plain', 'text/plain', (b) => JSON.stringify(b));
  asType('the fields as application/x-www-form-urlencoded', 'application/x-www-form-urlencoded', (b) => new URLSearchParams(Object.entries(b).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString());
  asType('the JSON as application/xml', 'application/xml', (b) => JSON.stringify(b));
  asType('JSON declared as latin1', 'application/json; charset=latin1', (b) => JSON.stringify(b));
  out.push({
    name: 'a gzip-encoded body that is not gzip',
    expect: { status: 400, code: 'VALIDATION_FAILED' },
    make: (valid) => ({ path: pathOf(route, valid.refs), raw: { contentType: 'application/json', body: JSON.stringify(valid.body), headers: { 'Content-Encoding': 'gzip' } } }),
  });
  out.push({
    name: 'multipart form data instead of JSON',
    expect: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    make: (valid) => ({ path: pathOf(route, valid.refs), multipart: { fields: Object.entries(valid.body!).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]), files: [] } }),
  });
  return out;
}

/** Variants of a route that takes no body. */
function noBodyVariants(route: AnyRoute): Variant[] {
  const at = (valid: ValidRequest) => pathOf(route, valid.refs);
  return [
    { name: 'a JSON body with a field', expect: { status: 400, field: UNEXPECTED }, make: (v) => ({ path: at(v), json: { [UNEXPECTED]: 'x' } }) },
    { name: 'truncated JSON', expect: { status: 400, code: 'MALFORMED_JSON' }, make: (v) => ({ path: at(v), raw: { contentType: 'application/json', body: '{"a":' } }) },
    { name: 'a text/plain body', expect: { status: 400, code: 'VALIDATION_FAILED' }, make: (v) => ({ path: at(v), raw: { contentType: 'text/plain', body: 'please' } }) },
    { name: 'an application/x-www-form-urlencoded body', expect: { status: 400, code: 'VALIDATION_FAILED' }, make: (v) => ({ path: at(v), raw: { contentType: 'application/x-www-form-urlencoded', body: 'force=true' } }) },
    { name: 'a multipart body', expect: { status: 400, code: 'VALIDATION_FAILED' }, make: (v) => ({ path: at(v), multipart: { fields: [['force', 'true']], files: [] } }) },
  ];
}

/** A multipart body written by hand: names, boundaries and endings exactly as given. */
export function handMultipart(parts: ({ name: string; value: string } | { name: string; filename: string; content: Buffer })[], { close = true, boundary = 'scopewiseBoundary7MA4YWxk' } = {}) {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('filename' in p) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`, 'utf8'), p.content, Buffer.from('\r\n'));
    } else chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`, 'utf8'));
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Variants of a multipart upload: the form fields (validated by the route's schema) and the file. */
function multipartVariants(route: AnyRoute, c: WriteCase): Variant[] {
  const schema = route.body as z.ZodType;
  const placeholders = placeholderRefs();
  const shape = c.upload!(placeholders.refs);
  const out: Variant[] = [];
  const form = (name: string, expect: Expect, build: (u: Upload, other: Refs | undefined) => RawRequest['multipart']) =>
    out.push({ name, expect, make: (valid, other) => ({ path: pathOf(route, valid.refs), multipart: build(valid.upload!, other) }) });
  const fieldsOf = (u: Upload) => Object.entries(u.fields);
  const fileOf = (u: Upload) => [{ field: 'file', name: u.file.name, content: u.file.content }];
  const raw = (name: string, expect: Expect, build: (u: Upload) => { body: Buffer; contentType: string }) =>
    out.push({ name, expect, make: (valid) => ({ path: pathOf(route, valid.refs), raw: { ...build(valid.upload!) } }) });

  for (const key of Object.keys(shape.fields)) {
    const without = { ...shape.fields };
    delete without[key];
    if (!accepts(schema, without)) form(`without the field ${key}`, { status: 400, field: key }, (u) => ({ fields: fieldsOf(u).filter(([k]) => k !== key), files: fileOf(u) }));
    for (const [label, value] of [['SQL', SQL], ['HTML', HTML]] as const) {
      if (c.formatted?.includes(key) || !accepts(schema, { ...shape.fields, [key]: value })) form(`${label} in the field ${key}`, { status: 400, field: key }, (u) => ({ fields: [...fieldsOf(u).filter(([k]) => k !== key), [key, value]], files: fileOf(u) }));
    }
    form(`the field ${key} as a 1 MB string`, { status: 400, field: key }, (u) => ({ fields: [...fieldsOf(u).filter(([k]) => k !== key), [key, ONE_MB]], files: fileOf(u) }));
    form(`the field ${key} with a NUL byte`, { status: 400, field: key }, (u) => ({ fields: [...fieldsOf(u).filter(([k]) => k !== key), [key, `${u.fields[key]}\u0000x`]], files: fileOf(u) }));
    form(`the field ${key} twice`, { status: 400, field: key }, (u) => ({ fields: [...fieldsOf(u), [key, u.fields[key]!]], files: fileOf(u) }));
    form(`the field ${key} written as ${key}[x]`, { status: 400, field: key }, (u) => ({ fields: [...fieldsOf(u).filter(([k]) => k !== key), [`${key}[x]`, u.fields[key]!]], files: fileOf(u) }));
  }
  for (const { path, ref } of refLeaves(shape.fields, placeholders.names)) {
    const key = String(path[0]);
    form(`an unknown ${key}`, { status: 400, field: key }, (u) => ({ fields: [...fieldsOf(u).filter(([k]) => k !== key), [key, crypto.randomUUID()]], files: fileOf(u) }));
    form(`another tenant's ${key}`, { status: 400, field: key }, (u, other) => ({ fields: [...fieldsOf(u).filter(([k]) => k !== key), [key, String(other![ref])]], files: fileOf(u) }));
  }
  form('an unknown field', { status: 400, field: UNEXPECTED }, (u) => ({ fields: [...fieldsOf(u), [UNEXPECTED, 'x']], files: fileOf(u) }));
  form('a field named __proto__[polluted]', { status: 400, code: 'VALIDATION_FAILED' }, (u) => ({ fields: [...fieldsOf(u), ['__proto__[polluted]', 'yes']], files: fileOf(u) }));

  form('no file', { status: 400, field: 'file' }, (u) => ({ fields: fieldsOf(u), files: [] }));
  form('an empty file', { status: 400, field: 'file' }, (u) => ({ fields: fieldsOf(u), files: [{ field: 'file', name: u.file.name, content: Buffer.alloc(0) }] }));
  form('an executable named like the file', { status: 415, field: 'file' }, (u) => ({ fields: fieldsOf(u), files: [{ field: 'file', name: u.file.name, content: fakeExecutable() }] }));
  form('two files', { status: 400, field: 'file' }, (u) => ({ fields: fieldsOf(u), files: [...fileOf(u), ...fileOf(u)] }));
  form('the file under another field name', { status: 400, field: 'file' }, (u) => ({ fields: fieldsOf(u), files: [{ field: 'upload', name: u.file.name, content: u.file.content }] }));
  form('a file name with path parts', { status: 400, field: 'file' }, (u) => ({ fields: fieldsOf(u), files: [{ field: 'file', name: `../../${u.file.name}`, content: u.file.content }] }));
  form('a file name of 300 characters', { status: 400, field: 'file' }, (u) => ({ fields: fieldsOf(u), files: [{ field: 'file', name: `${'n'.repeat(300)}${u.file.name}`, content: u.file.content }] }));
  raw('a file name with a control character', { status: 400, field: 'file' }, (u) => handMultipart([...fieldsOf(u).map(([name, value]) => ({ name, value })), { name: 'file', filename: `a\u0007${u.file.name}`, content: u.file.content }]));
  raw('a multipart body cut off before its end', { status: 400, field: 'file' }, (u) => {
    const whole = handMultipart([...fieldsOf(u).map(([name, value]) => ({ name, value })), { name: 'file', filename: u.file.name, content: u.file.content }], { close: false });
    return { ...whole, body: whole.body.subarray(0, whole.body.length - 2) };
  });
  raw('a multipart body with another boundary than declared', { status: 400, field: 'file' }, (u) => {
    const m = handMultipart([...fieldsOf(u).map(([name, value]) => ({ name, value })), { name: 'file', filename: u.file.name, content: u.file.content }]);
    return { body: m.body, contentType: 'multipart/form-data; boundary=somethingElse' };
  });
  raw('multipart without a boundary', { status: 400, code: 'VALIDATION_FAILED' }, (u) => ({ body: u.file.content, contentType: 'multipart/form-data' }));
  raw('an empty multipart body', { status: 400, field: 'file' }, () => ({ body: Buffer.alloc(0), contentType: 'multipart/form-data; boundary=scopewiseBoundary7MA4YWxk' }));
  if (/\.xlsx$/.test(shape.file.name)) {
    form('a PDF named like the workbook', { status: 415, field: 'file' }, (u) => ({ fields: fieldsOf(u), files: [{ field: 'file', name: u.file.name, content: Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1') }] }));
    form('a workbook cut in half', { status: 400, field: 'file' }, (u) => ({ fields: fieldsOf(u), files: [{ field: 'file', name: u.file.name, content: u.file.content.subarray(0, Math.floor(u.file.content.length / 2)) }] }));
  }
  out.push({
    name: 'JSON instead of multipart',
    expect: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    make: (valid) => ({ path: pathOf(route, valid.refs), json: { ...valid.upload!.fields, file: valid.upload!.file.content.toString('base64') } }),
  });
  out.push({ name: 'the file as text/plain', expect: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }, make: (valid) => ({ path: pathOf(route, valid.refs), raw: { contentType: 'text/plain', body: valid.upload!.file.content } }) });
  return out;
}

/**
 * Variants of the path: ids that are not ids, unknown ids and another
 * tenant's. `shallow`: the params schema object had its whole battery on
 * another route (most routes share one `{ id }` schema), so only one
 * malformed id goes with the unknown and foreign ones that each handler
 * looks up itself.
 */
function pathVariants(route: AnyRoute, c: WriteCase, shallow: boolean): Variant[] {
  const out: Variant[] = [];
  for (const p of pathParams(route)) {
    const at = (value: string, raw = false) => (valid: ValidRequest) => ({ path: pathOf(route, valid.refs, { [p.name]: { value, raw } }), ...bodyOf(valid) });
    const notFound: Expect = { status: 404, code: 'NOT_FOUND' };
    const named: Expect = { status: 400, field: p.name };
    if (p.uuid) {
      out.push({ name: `${p.name} "42"`, expect: named, make: at('42') });
      if (!shallow) out.push({ name: `${p.name} that is a UUID with an extra character`, expect: named, make: (v) => at(`${String(v.refs[p.name])}0`)(v) });
      if (!shallow) out.push({ name: `${p.name} as the nil UUID`, expect: notFound, make: at('00000000-0000-0000-0000-000000000000') });
      out.push({ name: `an unknown ${p.name}`, expect: notFound, make: (v) => at(crypto.randomUUID())(v) });
      if (c.setup) out.push({ name: `another tenant's ${p.name}`, expect: notFound, make: (v, other) => at(String(other![p.name]))(v) });
    } else {
      out.push({ name: `an unknown ${p.name}`, expect: notFound, make: at('no-such-question') });
      out.push({ name: `${p.name} with a space`, expect: named, make: at('bad key') });
    }
    if (shallow) continue;
    out.push({ name: `SQL in ${p.name}`, expect: named, make: at("1' OR '1'='1") });
    out.push({ name: `HTML in ${p.name}`, expect: named, make: at(HTML) });
    out.push({ name: `${p.name} with a NUL byte`, expect: named, make: at('%00', true) });
    out.push({ name: `a 1000-character ${p.name}`, expect: named, make: at('9'.repeat(1000)) });
    out.push({ name: `a malformed percent escape in ${p.name}`, expect: { status: 400, code: 'VALIDATION_FAILED' }, make: at('%E0%A4%A', true) });
  }
  return out;
}

/** The valid request's body, for variants that change only the path. */
function bodyOf(valid: ValidRequest): Omit<RawRequest, 'path'> {
  if (valid.body) return { json: valid.body };
  if (valid.upload) return { multipart: { fields: Object.entries(valid.upload.fields), files: [{ field: 'file', name: valid.upload.file.name, content: valid.upload.file.content }] } };
  return {};
}

/** Every malformed variant of a write route; `seen` collects the schemas whose whole battery ran already. */
export function variantsFor(route: AnyRoute, c: WriteCase, seen = new Set<unknown>()): Variant[] {
  const own = [...pathVariants(route, c, seen.has(route.params))];
  if (route.params) seen.add(route.params);
  if (c.body) {
    own.push(...bodyVariants(route, c, seen.has(route.body)));
    seen.add(route.body);
  }
  else if (c.upload) own.push(...multipartVariants(route, c));
  else own.push(...noBodyVariants(route));
  return own;
}

/** Describes an expectation for a test name: "400 naming sites". */
export function describeExpect(e: Expect): string {
  if (e.field) return `${e.status} naming ${e.field}`;
  if (e.anyField) return `${e.status} naming a field`;
  return `${e.status}${e.code ? ` ${e.code}` : ''}`;
}
