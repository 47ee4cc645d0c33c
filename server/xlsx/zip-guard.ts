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
}

/** Limits for any workbook Scopewise reads (SoAs, templates, offline answers). */
export const defaultZipLimits: Readonly<ZipLimits> = {
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxRatio: 200,
  ratioThresholdBytes: 1024 * 1024,
  maxEntries: 2000,
  maxCellsPerSheet: 300_000,
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

function countOccurrences(haystack: Buffer, needle: Buffer, stopAfter: number): number {
  let n = 0;
  let at = haystack.indexOf(needle);
  while (at >= 0 && n <= stopAfter) {
    n += 1;
    at = haystack.indexOf(needle, at + needle.length);
  }
  return n;
}

const CELL_TAG = Buffer.from('<c ');

/**
 * Refuses zip bombs before a workbook reaches the xlsx parser: first from the
 * declared sizes in the central directory (total, per-entry ratio, entry count),
 * then by inflating each entry with an output cap equal to its declared size,
 * because declared sizes can lie. Counts cells per worksheet on the way.
 */
export function assertSafeZip(buf: Buffer, given: Partial<ZipLimits> = {}): ZipEntryInfo[] {
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
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw corrupt(`bad local header for ${entry.name}`);
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const data = buf.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw corrupt(`${entry.name} is truncated`);
    let inflated: Buffer;
    if (entry.method === 0) {
      inflated = data;
    } else if (entry.method === 8) {
      try {
        inflated = zlib.inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new UnsafeSpreadsheetError('declaredSizeMismatch', `The workbook part ${entry.name} unpacks to more than it declares; it is refused as a possible zip bomb`);
        }
        throw corrupt(`${entry.name} cannot be unpacked`);
      }
    } else {
      throw corrupt(`${entry.name} uses compression method ${entry.method}`);
    }
    if (inflated.length !== entry.uncompressedSize) {
      throw new UnsafeSpreadsheetError('declaredSizeMismatch', `The workbook part ${entry.name} does not unpack to its declared size`);
    }
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) {
      const cells = countOccurrences(inflated, CELL_TAG, limits.maxCellsPerSheet);
      if (cells > limits.maxCellsPerSheet) {
        throw new UnsafeSpreadsheetError('cells', `The worksheet ${entry.name} holds more than ${limits.maxCellsPerSheet} cells`);
      }
    }
  }
  return entries;
}
