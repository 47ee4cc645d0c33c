import zlib from 'node:zlib';
import { SpreadsheetFormatError, UnsafeSpreadsheetError } from './errors';

export interface ZipLimits {
  /** Sum of the entries' uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Largest compression ratio allowed for an entry bigger than ratioThresholdBytes. */
  maxRatio: number;
  ratioThresholdBytes: number;
  maxEntries: number;
  /** Cell elements (<c …>) in one worksheet part: bounds what the xlsx parser will build in memory. */
  maxCellsPerSheet: number;
  /** Row elements (<row …>) in one worksheet part: empty rows cost the parser memory too. */
  maxRowsPerSheet: number;
}

/** Limits for any workbook Scopewise reads (SoAs, templates, offline answers). */
export const defaultZipLimits: Readonly<ZipLimits> = {
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxRatio: 200,
  ratioThresholdBytes: 1024 * 1024,
  maxEntries: 2000,
  maxCellsPerSheet: 300_000,
  maxRowsPerSheet: 300_000,
};

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MB = 1024 * 1024;

function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

function corrupt(what: string): SpreadsheetFormatError {
  return new SpreadsheetFormatError(`The file is not a readable .xlsx workbook (${what})`);
}

function readU64(buf: Buffer, at: number): number {
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('a size field is out of range');
  return Number(value);
}

/** The central directory's entries, read from the declared sizes only (nothing is inflated). */
export function listZipEntries(buf: Buffer): ZipEntryInfo[] {
  if (buf.length === 0) throw corrupt('the file is empty');
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1) {
    throw new SpreadsheetFormatError('This is an Excel 97-2003 (.xls) workbook or a password-protected one: save it as .xlsx (Excel Workbook) and upload it again');
  }
  if (buf.length < 22) throw corrupt('too short');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i -= 1) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(buf.readUInt32LE(0) === LOCAL ? 'the archive is damaged or cut short' : 'it is not a zip archive');
  let count = buf.readUInt16LE(eocd + 10);
  let size = buf.readUInt32LE(eocd + 12);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || buf.readUInt32LE(locator) !== ZIP64_LOCATOR) throw corrupt('ZIP64 locator missing');
    const at = readU64(buf, locator + 8);
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== ZIP64_EOCD) throw corrupt('ZIP64 directory missing');
    count = readU64(buf, at + 32);
    size = readU64(buf, at + 40);
    offset = readU64(buf, at + 48);
  }
  if (offset + size > buf.length) throw corrupt('central directory out of bounds');
  const entries: ZipEntryInfo[] = [];
  let p = offset;
  for (let n = 0; n < count; n += 1) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw corrupt('bad central directory entry');
    if (buf.readUInt16LE(p + 8) & 1) throw new SpreadsheetFormatError('The workbook is encrypted: remove the password and upload it again');
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    // ZIP64 extra field: the 64-bit values follow in a fixed order, only for fields set to 0xFFFFFFFF.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const len = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const end = q + len;
        if (uncompressedSize === 0xffffffff && q + 8 <= end) {
          uncompressedSize = readU64(buf, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= end) {
          compressedSize = readU64(buf, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff && q + 8 <= end) localHeaderOffset = readU64(buf, q);
      }
      e += 4 + len;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p = extraEnd + commentLength;
  }
  if (entries.length === 0) throw corrupt('the archive holds no files');
  return entries;
}

const ROW_NAME = 0x726f77; // "row"
const CELL_NAME = 0x63; // "c"

/** True for a byte that may continue an XML element name (":" handled apart; bytes ≥ 0x80 are UTF-8 name characters). */
function isNameByte(b: number): boolean {
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2e || b === 0x5f || b >= 0x80;
}

/**
 * Counts <c> and <row> start tags in a worksheet the way an XML parser sees
 * them: any namespace prefix (<x:c>), and the name ended by whatever follows
 * it (space, tab, CR, LF, ">" or "/"). Fed chunk by chunk while inflating, so
 * a tag split across two chunks is still counted once. Tags inside comments
 * or CDATA are counted too: that can only make the count higher.
 */
export class SheetTagCounter {
  cells = 0;
  rows = 0;
  /** Inside a start tag's name: the local name's first bytes so far (-1: not in a name). */
  private local = -1;
  private localLength = 0;

  feed(chunk: Buffer): void {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.local < 0) {
        const lt = chunk.indexOf(0x3c, i);
        if (lt < 0) return;
        this.local = 0;
        this.localLength = 0;
        i = lt + 1;
        continue;
      }
      const b = chunk[i]!;
      if (b === 0x3a) {
        this.local = 0;
        this.localLength = 0;
      } else if (isNameByte(b)) {
        this.localLength += 1;
        if (this.localLength <= 3) this.local = (this.local << 8) | b;
      } else {
        this.end();
        // Not consumed: it may be the "<" of the next tag.
        continue;
      }
      i += 1;
    }
  }

  private end(): void {
    if (this.localLength === 1 && this.local === CELL_NAME) this.cells += 1;
    else if (this.localLength === 3 && this.local === ROW_NAME) this.rows += 1;
    this.local = -1;
  }
}

const WORKSHEET = /^xl\/worksheets\//i;
/** Parts up to this size are inflated synchronously; the guard yields to other requests after each MiB of them. */
const SYNC_INFLATE_BYTES = 64 * 1024;

/**
 * Inflates one entry (a big one on zlib's thread pool, chunk by chunk, never
 * holding it whole): stops as soon as it unpacks past its declared size or a
 * worksheet passes the cell or row cap, so a hostile part costs milliseconds,
 * not the event loop.
 */
function checkEntry(data: Buffer, entry: ZipEntryInfo, limits: ZipLimits): Promise<void> {
  // Every part is counted, not only xl/worksheets/sheetN.xml: the workbook's relationships may put a sheet anywhere.
  const counter = new SheetTagCounter();
  const part = `${WORKSHEET.test(entry.name) ? 'worksheet' : 'workbook part'} ${entry.name}`;
  const overCap = (): UnsafeSpreadsheetError | null => {
    if (counter.cells > limits.maxCellsPerSheet) {
      return new UnsafeSpreadsheetError('cells', `The ${part} holds more than ${limits.maxCellsPerSheet} cells, the limit for one sheet`);
    }
    if (counter.rows > limits.maxRowsPerSheet) {
      return new UnsafeSpreadsheetError('rows', `The ${part} holds more than ${limits.maxRowsPerSheet} rows, the limit for one sheet`);
    }
    return null;
  };
  const tooBig = () => new UnsafeSpreadsheetError('declaredSizeMismatch', `The workbook part ${entry.name} unpacks to more than it declares; it is refused as a possible zip bomb`);
  const wrongSize = () => new UnsafeSpreadsheetError('declaredSizeMismatch', `The workbook part ${entry.name} does not unpack to its declared size`);
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) return Promise.reject(wrongSize());
    counter.feed(data);
    const err = overCap();
    return err ? Promise.reject(err) : Promise.resolve();
  }
  if (entry.method !== 8) return Promise.reject(corrupt(`${entry.name} uses compression method ${entry.method}`));
  if (entry.uncompressedSize <= SYNC_INFLATE_BYTES) {
    // A small part costs microseconds inline; a stream per part would cost more than the inflating.
    let inflated: Buffer;
    try {
      inflated = zlib.inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
    } catch (err) {
      return Promise.reject((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? tooBig() : corrupt(`${entry.name} cannot be unpacked`));
    }
    if (inflated.length !== entry.uncompressedSize) return Promise.reject(wrongSize());
    counter.feed(inflated);
    const err = overCap();
    return err ? Promise.reject(err) : Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let out = 0;
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      reject(err);
    };
    inflate.on('data', (chunk: Buffer) => {
      out += chunk.length;
      if (out > entry.uncompressedSize) return fail(tooBig());
      counter.feed(chunk);
      const err = overCap();
      if (err) fail(err);
    });
    inflate.on('error', () => fail(corrupt(`${entry.name} cannot be unpacked`)));
    inflate.on('end', () => {
      if (settled) return;
      if (out !== entry.uncompressedSize) return fail(wrongSize());
      settled = true;
      resolve();
    });
    inflate.end(data);
  });
}

/**
 * Refuses zip bombs before a workbook reaches the xlsx parser: first from the
 * declared sizes in the central directory (total, per-entry ratio, entry count),
 * then by inflating each entry with an output cap equal to its declared size,
 * because declared sizes can lie. Counts cells and rows per worksheet on the
 * way, the way an XML parser reads tags, and stops at the first limit passed.
 */
export async function assertSafeZip(buf: Buffer, given: Partial<ZipLimits> = {}): Promise<ZipEntryInfo[]> {
  const limits = { ...defaultZipLimits, ...given };
  const entries = listZipEntries(buf);
  if (entries.length > limits.maxEntries) {
    throw new UnsafeSpreadsheetError('entries', `The workbook holds ${entries.length} files; at most ${limits.maxEntries} are accepted`);
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      throw new UnsafeSpreadsheetError(
        'uncompressedSize',
        `The workbook unpacks to more than ${mb(limits.maxUncompressedBytes)}; it is refused as a possible zip bomb`,
      );
    }
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > limits.ratioThresholdBytes && ratio > limits.maxRatio) {
      throw new UnsafeSpreadsheetError(
        'compressionRatio',
        `The workbook part ${entry.name} unpacks ${Math.round(ratio)}:1 to ${mb(entry.uncompressedSize)}; it is refused as a possible zip bomb`,
      );
    }
  }
  let inlineBytes = 0;
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw corrupt(`bad local header for ${entry.name}`);
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const data = buf.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw corrupt(`${entry.name} is truncated`);
    await checkEntry(data, entry, limits);
    if (entry.uncompressedSize <= SYNC_INFLATE_BYTES && (inlineBytes += entry.uncompressedSize) >= MB) {
      inlineBytes = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return entries;
}
