import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isStorageKey, StorageNotFoundError, type Storage } from './storage';

/**
 * Files on local disk under `root`, fanned out by the key's first bytes. A
 * write goes to a temporary file that is fsynced and renamed into place, so
 * a crash never leaves a half-written object under a real key.
 */
export function diskStorage(root: string): Storage {
  const fileOf = (key: string) => {
    if (!isStorageKey(key)) throw new Error('invalid storage key');
    return path.join(root, key.slice(0, 2), key.slice(2, 4), key);
  };
  return {
    description: `disk: ${root}`,
    async put(key, source) {
      const file = fileOf(key);
      const created = await fsp.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.part-${crypto.randomBytes(6).toString('hex')}`;
      try {
        const out = fs.createWriteStream(tmp, { flags: 'wx', highWaterMark: 1024 * 1024 });
        await pipeline(source, out);
        const handle = await fsp.open(tmp, 'r');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fsp.rename(tmp, file);
        // The rename itself must survive a power cut before a row may name the key.
        await syncDirectory(path.dirname(file));
        // So must the fan-out folders this write created.
        if (created) for (let dir = path.dirname(file); dir.startsWith(created); dir = path.dirname(dir)) await syncDirectory(path.dirname(dir));
      } catch (err) {
        await fsp.rm(tmp, { force: true });
        throw err;
      }
    },
    async get(key) {
      const file = fileOf(key);
      try {
        await fsp.access(file);
      } catch {
        throw new StorageNotFoundError(key);
      }
      return fs.createReadStream(file) as Readable;
    },
    async delete(key) {
      await fsp.rm(fileOf(key), { force: true });
    },
    async exists(key) {
      try {
        await fsp.access(fileOf(key));
        return true;
      } catch {
        return false;
      }
    },
    removeStaleParts: (olderThanMs) => removeStaleParts(root, olderThanMs),
  };
}

/** Makes a folder's entries durable (Windows cannot open a folder for this; NTFS journals renames). */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Temporary files left by a crash mid-write. A write in progress keeps
 * touching its file, so one untouched for `olderThanMs` belongs to no
 * running server, even one sharing this folder.
 */
async function removeStaleParts(root: string, olderThanMs: number): Promise<number> {
  const cutoff = Date.now() - olderThanMs;
  let removed = 0;
  async function walk(dir: string): Promise<void> {
    let entries: fs.Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.includes('.part-')) {
        const stat = await fsp.stat(p).catch(() => undefined);
        if (!stat || stat.mtimeMs > cutoff) continue;
        await fsp.rm(p, { force: true });
        removed++;
      }
    }
  }
  await walk(root);
  return removed;
}
