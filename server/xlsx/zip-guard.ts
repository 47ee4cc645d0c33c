import zlib from 'node:zlib';

/** A spreadsheet upload refused before parsing: not a zip, damaged, or built to exhaust memory. */
export class UnsafeSpreadsheetError extends Error {
  override name = 'UnsafeSpreadsheetError';
}

export interface ZipLimits {
  /** Largest accepted archive, in bytes. */
  maxArchiveBytes: number;
  /** Largest accepted sum of the entries' uncompressed sizes, in bytes. */
  maxTotalUncompressedBytes: number;
  /** Most entries (files) in the archive. */
  maxEntries: number;
  /** Highest accepted uncompressed:compressed ratio of one entry… */
  maxCompressionRatio: number;
  /** …checked only for entries larger than this (small XML parts compress very well legitimately). */
  ratioCheckAboveBytes: number;
}

export const defaultZipLimits: Readonly<ZipLimits> = {
  maxArchiveBytes: 10 * 1024 * 1024,
  maxTotalUncompressedBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxCompressionRatio: 200,
  ratioCheckAboveBytes: 1024 * 1024,
};

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  // Anything past 2^53 is absurd for an upload; saturate so the size checks refuse it.
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

function refuse(message: string): never {
  throw new UnsafeSpreadsheetError(message);
}

function describeNonZip(buffer: Buffer): string {
  if (buffer.length === 0) return 'The file is empty.';
  // OLE2 compound file: the pre-2007 .xls format.
  if (buffer.length >= 8 && buffer.readUInt32BE(0) === 0xd0cf11e0 && buffer.readUInt32BE(4) === 0xa1b11ae1) {
    return 'The file is an old Excel 97-2003 (.xls) workbook or an encrypted workbook; save it as .xlsx without a password and upload it again.';
  }
  return 'The file is not an .xlsx workbook (it is not a zip archive); save it from your spreadsheet program as .xlsx and upload it again.';
}

/** Finds the End Of Central Directory record: the last 22+ bytes, before an optional comment of up to 64 KiB. */
function findEocd(buffer: Buffer): number {
  const lowest = Math.max(0, buffer.length - EOCD_MIN - MAX_COMMENT);
  for (let at = buffer.length - EOCD_MIN; at >= lowest; at--) {
    if (buffer.readUInt32LE(at) === SIG_EOCD && at + EOCD_MIN + buffer.readUInt16LE(at + 20) <= buffer.length) return at;
  }
  return -1;
}

/**
 * Reads the central directory of a zip archive (ZIP64 included) without
 * decompressing anything. Throws UnsafeSpreadsheetError when the buffer is
 * not a zip archive or its directory is damaged.
 */
export function readZipDirectory(buffer: Buffer): ZipEntryInfo[] {
  if (buffer.length < EOCD_MIN || buffer.readUInt32LE(0) !== SIG_LOCAL) refuse(describeNonZip(buffer));
  const eocd = findEocd(buffer);
  if (eocd < 0) refuse('The workbook is damaged: its zip directory is missing (the file may be truncated).');

  let entryCount = buffer.readUInt16LE(eocd + 10);
  let cdSize = buffer.readUInt32LE(eocd + 12);
  let cdOffset = buffer.readUInt32LE(eocd + 16);
  if (entryCount === U16_MAX || cdSize === U32_MAX || cdOffset === U32_MAX) {
    const locator = eocd - 20;
    if (locator < 0 || buffer.readUInt32LE(locator) !== SIG_ZIP64_LOCATOR) refuse('The workbook is damaged: its ZIP64 directory locator is missing.');
    const z64 = u64(buffer, locator + 8);
    if (z64 + 56 > buffer.length || buffer.readUInt32LE(z64) !== SIG_ZIP64_EOCD) refuse('The workbook is damaged: its ZIP64 directory record is missing.');
    entryCount = u64(buffer, z64 + 32);
    cdSize = u64(buffer, z64 + 40);
    cdOffset = u64(buffer, z64 + 48);
  }
  if (cdOffset + cdSize > buffer.length) refuse('The workbook is damaged: its zip directory points outside the file.');

  const entries: ZipEntryInfo[] = [];
  let at = cdOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > cdOffset + cdSize || buffer.readUInt32LE(at) !== SIG_CENTRAL) refuse('The workbook is damaged: a zip directory entry is malformed.');
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    let compressedSize = buffer.readUInt32LE(at + 20);
    let uncompressedSize = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    let localHeaderOffset = buffer.readUInt32LE(at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > cdOffset + cdSize) refuse('The workbook is damaged: a zip directory entry is malformed.');
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    if (flags & 0x1) refuse(`The workbook is encrypted (entry "${name}"); remove the password and upload it again.`);

    // ZIP64 extended information: only the fields saturated in the fixed header are present, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = buffer.readUInt16LE(extra);
      const size = buffer.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let p = extra + 4;
        const limit = Math.min(p + size, extraEnd);
        if (uncompressedSize === U32_MAX && p + 8 <= limit) {
          uncompressedSize = u64(buffer, p);
          p += 8;
        }
        if (compressedSize === U32_MAX && p + 8 <= limit) {
          compressedSize = u64(buffer, p);
          p += 8;
        }
        if (localHeaderOffset === U32_MAX && p + 8 <= limit) localHeaderOffset = u64(buffer, p);
      }
      extra += 4 + size;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at = end;
  }
  return entries;
}

/** Where an entry's compressed bytes start: after its local header, whose name and extra lengths may differ from the directory's. */
function dataStart(buffer: Buffer, entry: ZipEntryInfo): number {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== SIG_LOCAL) refuse(`The workbook is damaged: entry "${entry.name}" has no local header.`);
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  if (start + entry.compressedSize > buffer.length) refuse(`The workbook is damaged: entry "${entry.name}" runs past the end of the file.`);
  return start;
}

/**
 * Refuses a zip archive (xlsx, docx…) before any parser decompresses it:
 * too large a file, too many entries, a total declared uncompressed size
 * over the limit, or an entry compressed at an absurd ratio (a zip bomb).
 * Declared sizes can lie, so each deflated entry is then inflated with its
 * declared size as a hard ceiling (output is discarded): a parser reading
 * the archive afterwards can never get more bytes than were checked here.
 */
export function assertSafeZip(buffer: Buffer, limits: Partial<ZipLimits> = {}): ZipEntryInfo[] {
  const l = { ...defaultZipLimits, ...limits };
  const mb = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (buffer.length > l.maxArchiveBytes) refuse(`The file is ${mb(buffer.length)}; the limit is ${mb(l.maxArchiveBytes)}.`);

  const entries = readZipDirectory(buffer);
  if (entries.length === 0) refuse('The file is an empty zip archive, not a workbook.');
  if (entries.length > l.maxEntries) refuse(`The archive holds ${entries.length} files; the limit is ${l.maxEntries}.`);

  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (total > l.maxTotalUncompressedBytes) {
      refuse(`The workbook would expand to more than ${mb(l.maxTotalUncompressedBytes)} when opened; it is refused as a possible zip bomb.`);
    }
    const ratio = e.uncompressedSize / Math.max(e.compressedSize, 1);
    if (e.uncompressedSize > l.ratioCheckAboveBytes && ratio > l.maxCompressionRatio) {
      refuse(`Entry "${e.name}" expands ${Math.round(ratio)} times (${mb(e.uncompressedSize)}); it is refused as a possible zip bomb.`);
    }
  }

  for (const e of entries) {
    const start = dataStart(buffer, e);
    const data = buffer.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) refuse(`The workbook is damaged: stored entry "${e.name}" has inconsistent sizes.`);
    } else if (e.method === 8) {
      let inflated: number;
      try {
        // One spare byte: output of exactly the declared size passes, anything more is caught below or by the ceiling.
        inflated = zlib.inflateRawSync(data, { maxOutputLength: e.uncompressedSize + 1 }).length;
      } catch (err) {
        // By code, not class: the RangeError may come from another realm (vm contexts, test runners).
        if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') inflated = Number.POSITIVE_INFINITY;
        else refuse(`The workbook is damaged: entry "${e.name}" cannot be decompressed.`);
      }
      if (inflated > e.uncompressedSize) refuse(`Entry "${e.name}" expands beyond its declared size; it is refused as a possible zip bomb.`);
    } else {
      refuse(`Entry "${e.name}" uses an unsupported compression method (${e.method}).`);
    }
  }
  return entries;
}
