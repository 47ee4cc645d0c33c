import type { IncomingMessage } from 'node:http';
import { AppError, invalid } from '../errors';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;

/**
 * Where JSON text nests arrays and objects deeper than `limit`: the path (keys and indexes) of the first value
 * that opens level `limit + 1`, found in one pass without parsing (brackets inside strings do not count);
 * undefined when it does not. Text that is not JSON may come out either way; the parser refuses it.
 */
export function tooDeepAt(bytes: Uint8Array, limit: number): (string | number)[] | undefined {
  // Per open level: its bracket, the index of the current element (arrays), where its current key is (objects).
  const kinds: number[] = [];
  const indexes: number[] = [];
  const keyStarts: number[] = [];
  const keyEnds: number[] = [];
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === QUOTE) {
      const end = stringEnd(bytes, i);
      if (end < 0) return undefined;
      if (expectKey) {
        keyStarts[depth - 1] = i;
        keyEnds[depth - 1] = end;
        expectKey = false;
      }
      i = end;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (depth === limit) return pathTo(bytes, depth, kinds, indexes, keyStarts, keyEnds);
      kinds[depth] = c;
      indexes[depth] = 0;
      keyStarts[depth] = -1;
      depth++;
      expectKey = c === OPEN_OBJECT;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      if (--depth < 0) return undefined;
      expectKey = false;
    } else if (c === COMMA && depth > 0) {
      if (kinds[depth - 1] === OPEN_ARRAY) indexes[depth - 1]!++;
      else expectKey = true;
    }
  }
  return undefined;
}

/** The keys and indexes of the open levels, keys decoded from their JSON strings. */
function pathTo(bytes: Uint8Array, depth: number, kinds: number[], indexes: number[], keyStarts: number[], keyEnds: number[]): (string | number)[] {
  const path: (string | number)[] = [];
  for (let d = 0; d < depth; d++) {
    if (kinds[d] === OPEN_ARRAY) path.push(indexes[d]!);
    else if (keyStarts[d]! >= 0) {
      try {
        path.push(String(JSON.parse(Buffer.from(bytes.subarray(keyStarts[d], keyEnds[d]! + 1)).toString('utf8'))));
      } catch {
        path.push('?');
      }
    }
  }
  return path;
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
    const at = tooDeepAt(utf8Bytes(body, encoding.toLowerCase()), limit);
    if (at) throw invalid([{ path: at.join('.'), message: `nests arrays and objects deeper than ${limit} levels` }]);
  };
}
