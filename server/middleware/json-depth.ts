import type { IncomingMessage } from 'node:http';
import { AppError, invalid } from '../errors';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether JSON text nests arrays and objects deeper than `limit`, scanned in one pass without parsing:
 * brackets inside strings do not count. Text that is not JSON may come out either way; the parser refuses it.
 */
export function nestsDeeperThan(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === QUOTE) {
      i = stringEnd(bytes, i);
      if (i < 0) return false;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
  }
  return false;
}

/** The index of the quote that closes the string opened at `start` (-1: none); found natively, not byte by byte. */
function stringEnd(bytes: Uint8Array, start: number): number {
  for (let at = start + 1; ; at++) {
    at = bytes.indexOf(QUOTE, at);
    if (at < 0) return -1;
    let backslashes = 0;
    while (bytes[at - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
}

/** JSON's own ASCII punctuation keeps its bytes in UTF-8 only: other charsets are decoded first. */
function utf8Bytes(body: Buffer, encoding: string): Buffer {
  if (encoding === 'utf-8' || encoding === 'utf8') return body;
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The request body uses an unsupported charset: send JSON as UTF-8');
  }
  try {
    return Buffer.from(decoder.decode(body), 'utf8');
  } catch {
    throw new AppError('MALFORMED_JSON', `The request body is not valid ${encoding}`);
  }
}

/**
 * The JSON body parser's `verify` hook: a body nested deeper than `limit` is refused (400) before it is parsed,
 * and so before sessions, CSRF and authentication, whoever sends it.
 */
export function limitJsonDepth(limit: number): (req: IncomingMessage, res: unknown, body: Buffer, encoding: string) => void {
  return (_req, _res, body, encoding) => {
    if (nestsDeeperThan(utf8Bytes(body, encoding.toLowerCase()), limit)) {
      throw invalid([{ path: '', message: `the JSON body nests arrays and objects deeper than ${limit} levels` }]);
    }
  };
}
