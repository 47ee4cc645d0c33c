import type { z } from 'zod';
import type { AnyRoute } from '../../server/http/route';
import { routeTable } from '../../server/routes';
import { asSent, keyOf, securityContext, type SecurityContext } from './context';
import { getAt, pathName, setAt } from './malformed';
import { edgeCases, freeTextFields, freeTextPayloads, holdsString, payloadValues, type PayloadKind } from './payloads';
import { expectSuccess, refusalProblems, send } from './send';
import { rowsWrittenSince, tableMarks } from './snapshot';
import { writeRequests } from './write-requests';

/**
 * What looks like an attack in a free-text field is text: SQL, HTML and
 * unicode edge cases are stored and answered verbatim, as JSON, and no
 * table is dropped or emptied. And values at the edge of what a schema
 * takes (huge numbers, year 0) get an answer, never a 500.
 */

const writeRoutes = routeTable.filter((r) => r.method !== 'get' && writeRequests[keyOf(r)]);

let s: SecurityContext;
beforeAll(async () => {
  s = await securityContext();
});
afterAll(() => s.close());

const kinds = Object.keys(freeTextPayloads) as PayloadKind[];
const payloadRows = writeRoutes.flatMap((route) => {
  const c = writeRequests[keyOf(route)]!;
  const fields = freeTextFields(route, c);
  return fields.length === 0 ? [] : kinds.map((kind) => ({ key: keyOf(route), route, kind, fields: fields.map(pathName).join(', ') }));
});

test.each(payloadRows)('when $key gets $kind in its free text ($fields), then it is stored and answered verbatim as JSON', async ({ key, route, kind }) => {
  const c = writeRequests[key]!;
  const client = await s.clientFor(c);
  const valid = await s.validRequest(c, 'own');
  const values = payloadValues(route, c, kind);
  const root = valid.body ?? valid.upload!.fields;
  const body = values.reduce<Record<string, unknown>>((b, v) => setAt(b, v.path, v.value), root);
  const before = await tableMarks(s.t.db);

  const res = await send(client, route.method, asSent(route, valid, body));

  expectSuccess(res);
  expect(res.headers['content-type']).toMatch(/^application\/json; charset=utf-8$/);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  const after = await tableMarks(s.t.db);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [table, m] of before) expect({ table, rows: after.get(table)!.rows >= m.rows }).toEqual({ table, rows: true });
  const answered = c.readBack ? (await client.get(c.readBack(valid.refs)).expect(200)).body : res.body;
  const stored = await rowsWrittenSince(s.t.db, before);
  for (const { path, value } of values) {
    const served = !c.unserved?.includes(String(path[0]));
    expect({ field: pathName(path), answered: served ? holdsString(answered, value) : 'not served', stored: holdsString(stored, value) }).toEqual({ field: pathName(path), answered: served ? true : 'not served', stored: true });
  }
});

test.each(kinds.filter((k) => k !== 'the longest line the field takes'))('when a text answer holds %s, then it is stored and answered verbatim', async (kind) => {
  const c = writeRequests['PUT /api/assessments/:id/answers/:questionKey']!;
  const valid = await s.validRequest(c, 'own');
  const value = `${freeTextPayloads[kind]} (answer)`;
  // "notes" is the small template's text question: any text is a valid answer there.
  const res = await s.world.clients.providerContributor.put(`/api/assessments/${String(valid.refs.id)}/answers/notes`).send({ value, comment: value });
  expectSuccess(res);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body.answer).toMatchObject({ value, comment: value });
});

const edgeRows = writeRoutes.flatMap((route) => {
  const c = writeRequests[keyOf(route)]!;
  return edgeCases(route, c).map((e) => ({ key: keyOf(route), route, ...e, field: pathName(e.path) }));
});

test.each(edgeRows)('when $key gets $field as $label, then it succeeds or is refused naming $field, never a 500', async ({ key, route, path, value, field }) => {
  const c = writeRequests[key]!;
  const valid = await s.validRequest(c, 'own');
  const root = valid.body ?? valid.upload!.fields;
  expect(getAt(root, path)).toBeDefined();
  const res = await send(await s.clientFor(c), route.method, asSent(route, valid, setAt(root, path, value)));
  if (res.status >= 300) expect(refusalProblems(res, { status: 400, field })).toEqual([]);
});

const fileNameRows = writeRoutes
  .filter((route) => writeRequests[keyOf(route)]!.upload)
  .flatMap((route) => {
    return [
      { label: 'a name of 255 characters', name: (valid: string) => `${'n'.repeat(255 - valid.length)}${valid}` },
      { label: 'a name that is only its extension', name: (valid: string) => valid.slice(valid.lastIndexOf('.')) },
      { label: 'a name with a right-to-left override and an emoji', name: (valid: string) => `\u202Egpj.\u{1F984} ${valid}` },
    ].map((n) => ({ key: keyOf(route), route, ...n }));
  });

test.each(fileNameRows)('when $key gets a file with $label, then it succeeds or is refused naming file, never a 500', async ({ key, route, name }) => {
  const c = writeRequests[key]!;
  const valid = await s.validRequest(c, 'own');
  const upload = valid.upload!;
  // Only the fields the form needs: a document without a title takes its title from the file name.
  const schema = route.body as z.ZodType;
  const needed = Object.fromEntries(Object.entries(upload.fields).filter(([k]) => !schema.safeParse(setAt(upload.fields, [k], undefined, true)).success));
  const sent = asSent(route, valid, needed);
  sent.multipart!.files[0]!.name = name(upload.file.name);
  const res = await send(await s.clientFor(c), route.method, sent);
  if (res.status >= 300) expect(refusalProblems(res, { status: 400, field: 'file' })).toEqual([]);
});
