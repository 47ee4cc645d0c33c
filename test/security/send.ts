import type { Response } from 'supertest';
import { errorCodes } from '../../shared/errors';
import type { Client } from '../helpers/agent';
import { handMultipart, type Expect, type RawRequest } from './malformed';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Sends a request exactly as described: JSON, raw bytes with a content type, or a hand-written multipart body. */
export async function send(client: Client, method: Method, req: RawRequest): Promise<Response> {
  const call = client[method](req.path);
  if (req.json !== undefined) return call.set('Content-Type', 'application/json').send(JSON.stringify(req.json));
  if (req.raw) {
    for (const [k, v] of Object.entries(req.raw.headers ?? {})) call.set(k, v);
    return call.set('Content-Type', req.raw.contentType).send(req.raw.body);
  }
  if (req.multipart) {
    const m = handMultipart([...req.multipart.fields.map(([name, value]) => ({ name, value })), ...req.multipart.files.map((f) => ({ name: f.field, filename: f.name, content: f.content }))]);
    return call.set('Content-Type', m.contentType).send(m.body);
  }
  return call;
}

/** A refusal never echoes a huge input back. */
const MAX_ERROR_BYTES = 64 * 1024;

/**
 * The problems with a response that should be a refusal: a 4xx of the
 * expected status, JSON `{error: {code, message, details?}}`, the code, the
 * named field. Empty when it is right.
 */
export function refusalProblems(res: Response, e: Expect): string[] {
  const problems: string[] = [];
  if (res.status !== e.status) problems.push(`status ${res.status}, expected ${e.status}`);
  if (!/^application\/json/.test(res.headers['content-type'] ?? '')) problems.push(`content type ${res.headers['content-type']}, expected application/json`);
  const body = res.body as { error?: { code?: unknown; message?: unknown; details?: { fields?: { path: string; message: string }[] } } };
  const error = body?.error;
  if (!error || Object.keys(body).length !== 1 || Object.keys(error).some((k) => !['code', 'message', 'details'].includes(k))) problems.push('not the error shape {error: {code, message, details?}}');
  if (typeof error?.code !== 'string' || !(errorCodes as readonly string[]).includes(error.code)) problems.push(`unknown error code ${String(error?.code)}`);
  if (typeof error?.message !== 'string' || error.message.length === 0) problems.push('no error message');
  if (e.code && error?.code !== e.code) problems.push(`code ${String(error?.code)}, expected ${e.code}`);
  const fields = Array.isArray(error?.details?.fields) ? error.details.fields.map((f) => f.path) : [];
  // The field itself or something inside it; for an element of a list, naming the list is naming it too.
  const list = e.field && /\.\d+$/.test(e.field) ? e.field.replace(/\.\d+$/, '') : undefined;
  if (e.field && !fields.some((p) => p === e.field || p.startsWith(`${e.field}.`) || p === list)) problems.push(`does not name ${e.field} (names: ${fields.join(', ') || 'none'})`);
  if (e.anyField && fields.length === 0) problems.push('names no field');
  const size = Buffer.byteLength(res.text ?? '');
  if (size > MAX_ERROR_BYTES) problems.push(`answer of ${size} bytes`);
  return problems;
}

/** Fails with what was wrong and what came back. */
export function expectRefused(res: Response, e: Expect): void {
  const problems = refusalProblems(res, e);
  if (problems.length) throw new Error(`${problems.join('; ')}\n${(res.text ?? '').slice(0, 600)}`);
}

/** Fails unless the response is a success, showing the error it got instead. */
export function expectSuccess(res: Response): void {
  if (res.status >= 300) throw new Error(`status ${res.status}, expected a success\n${(res.text ?? '').slice(0, 600)}`);
}
