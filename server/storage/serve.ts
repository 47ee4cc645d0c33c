import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { downloadName } from '../uploads/file-name';

export interface StoredFile {
  storageKey: string;
  sha256: string;
  mime: string;
  size: number;
  name: string;
}

/** Reads the stored object once to check its SHA-256: a file that no longer matches is never served. */
export async function storedHash(deps: Pick<Deps, 'storage'>, storageKey: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of await deps.storage.get(storageKey)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Sends a stored file as an attachment with its detected type, after checking
 * its bytes still match the recorded SHA-256; nothing in it can run in the
 * app's origin even if a browser rendered it.
 */
export async function serveStoredFile(req: Request, res: Response, deps: Pick<Deps, 'storage' | 'logger'>, file: StoredFile, logContext: Record<string, string> = {}): Promise<void> {
  const actual = await storedHash(deps, file.storageKey);
  if (actual !== file.sha256) {
    deps.logger.error({ reqId: req.id, ...logContext, expected: file.sha256, actual }, 'stored file does not match its SHA-256');
    throw new AppError('INTERNAL', `The stored file failed its integrity check and was not sent. Reference: ${req.id ?? ''}`);
  }
  res.status(200);
  // The name is neutralised and ends in its type's extension: nothing saved from here runs as something else.
  res.attachment(downloadName(file.name, file.mime));
  res.setHeader('Content-Type', file.mime);
  res.setHeader('Content-Length', String(file.size));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`);
  res.setHeader('Cache-Control', 'private, no-store');
  await pipeline(await deps.storage.get(file.storageKey), res);
}
