import crypto from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import type { Request, RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import multer from 'multer';
import type { DB } from '../db/types';
import type { Deps } from '../deps';
import { AppError, invalid } from '../errors';
import { recordPendingUpload, removePendingUpload } from '../repositories/pending-upload';
import { detectType, fileNameProblem, SAMPLE_BYTES, type AcceptedType } from './file-kind';
import { withoutBidiControls } from './file-name';

/** A file received and stored: what the database row records. */
export interface ReceivedFile {
  storageKey: string;
  originalName: string;
  mime: AcceptedType;
  size: number;
  sha256: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    received?: ReceivedFile;
  }
}

/** Reads up to `n` bytes, then pauses: the sample decides the type before anything is stored. */
function readSample(stream: Readable, n: number): Promise<{ sample: Buffer; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (ended: boolean) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      if (!ended) stream.pause();
      resolve({ sample: Buffer.concat(chunks), ended });
    };
    const onData = (c: Buffer) => {
      chunks.push(c);
      size += c.length;
      if (size >= n) done(false);
    };
    const onEnd = () => done(true);
    const onError = (e: Error) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      reject(e);
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}

/** A failure of the storage or of the pending-upload note (not of the request): answered as a 500. */
class StorageWriteError extends Error {
  constructor(override readonly cause: unknown) {
    super('storage write failed');
    this.name = 'StorageWriteError';
  }
}

/** What receiving, settling and discarding an upload needs. */
export type UploadDeps = Pick<Deps, 'db' | 'storage'>;

/**
 * Removes a stored upload no document will own, then its pending note. In
 * this order: a crash in between leaves the note, and the next start
 * finishes the job (see reconcileUploads).
 */
export async function discardUpload(deps: UploadDeps, storageKey: string): Promise<void> {
  await deps.storage.delete(storageKey);
  await removePendingUpload(deps.db, storageKey);
}

/**
 * Call in the transaction that inserts the row owning the file: the upload
 * is no longer pending. Refused when a starting server has already judged
 * it abandoned (it ran longer than UPLOAD_GRACE_MINUTES) and removes it.
 */
export async function settleUpload(trx: Kysely<DB>, storageKey: string): Promise<void> {
  if (!(await removePendingUpload(trx, storageKey))) {
    throw new AppError('CONFLICT', 'The upload took too long and was discarded: upload the file again');
  }
}

const bad = (message: string) => new AppError('VALIDATION_FAILED', `Invalid request: file: ${message}`, { fields: [{ path: 'file', message }] });

/**
 * A multer storage engine that streams the upload to storage while hashing
 * it: never the whole file in memory. The type is decided from the first
 * bytes; a refused type, an empty file, a file over the cap, a client that
 * disconnects or a storage failure leaves nothing stored. The key is noted
 * as a pending upload before the first byte is stored, so a crash at any
 * point leaves a note that leads the next start to the object.
 */
class StreamingEngine implements multer.StorageEngine {
  constructor(
    private readonly deps: UploadDeps,
    private readonly maxBytes: number,
  ) {}

  _handleFile(_req: Request, file: Express.Multer.File, cb: (error?: unknown, info?: Partial<Express.Multer.File> & { received?: ReceivedFile }) => void): void {
    this.receive(file).then(
      (received) => cb(null, { size: received.size, received } as never),
      (err) => cb(err),
    );
  }

  _removeFile(_req: Request, file: Express.Multer.File & { received?: ReceivedFile }, cb: (error: Error | null) => void): void {
    const key = file.received?.storageKey;
    if (!key) return cb(null);
    discardUpload(this.deps, key).then(
      () => cb(null),
      (err) => cb(err as Error),
    );
  }

  private async receive(file: Express.Multer.File): Promise<ReceivedFile> {
    const source = file.stream;
    let sourceFailed = false;
    source.once('error', () => (sourceFailed = true));
    // Bidi controls are removed, not refused: invisible, they come with honest right-to-left names too.
    const name = withoutBidiControls(file.originalname);
    const nameProblem = fileNameProblem(name);
    if (nameProblem) {
      source.resume();
      throw bad(nameProblem);
    }
    const { sample, ended } = await readSample(source, SAMPLE_BYTES);
    if (sample.length === 0) throw bad('is empty');
    const kind = await detectType(sample, name);
    if ('problem' in kind) {
      source.resume();
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `The file ${kind.problem}`, { fields: [{ path: 'file', message: kind.problem }] });
    }
    const hash = crypto.createHash('sha256');
    let size = 0;
    const maxBytes = this.maxBytes;
    const guard = new Transform({
      transform(chunk: Buffer, _enc, next) {
        size += chunk.length;
        if (size > maxBytes) return next(new AppError('PAYLOAD_TOO_LARGE', `The file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit`));
        hash.update(chunk);
        next(null, chunk);
      },
    });
    const body = Readable.from(
      (async function* () {
        yield sample;
        if (!ended) for await (const chunk of source) yield chunk as Buffer;
      })(),
    );
    body.on('error', (e) => guard.destroy(e));
    const storageKey = crypto.randomBytes(32).toString('hex');
    try {
      await recordPendingUpload(this.deps.db, storageKey);
    } catch (err) {
      source.resume();
      // The server's failure, not the request's: a 500 like a storage failure.
      throw new StorageWriteError(err);
    }
    try {
      await this.deps.storage.put(storageKey, body.pipe(guard), { contentType: kind.type });
    } catch (err) {
      await discardUpload(this.deps, storageKey).catch(() => undefined);
      source.resume();
      if (err instanceof AppError) throw err;
      // The client went away or sent a broken body: the source stream failed, not the storage.
      if (sourceFailed) throw bad('the upload was interrupted');
      throw new StorageWriteError(err);
    }
    return { storageKey, originalName: name.trim(), mime: kind.type, size, sha256: hash.digest('hex') };
  }
}

/**
 * Parses a multipart request with one file under `file` (plus small text
 * fields) and stores it; the handler finds it in `req.received` and calls
 * settleUpload in the transaction that records it.
 */
export function receiveUpload(deps: UploadDeps, maxBytes: number): RequestHandler[] {
  const upload = multer({
    storage: new StreamingEngine(deps, maxBytes),
    // preservePath: see the name as sent, so a name with path parts is refused rather than silently cut.
    preservePath: true,
    // Browsers send file names as UTF-8 (multer would read them as latin1: "rÃ©sumÃ©.pdf").
    defParamCharset: 'utf8',
    limits: { files: 1, fields: 10, fieldSize: 8 * 1024, parts: 12, fileSize: maxBytes + 1 },
  }).single('file');
  return [
    (req, res, next) => {
      if (!req.is('multipart/form-data')) return next(new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data with the field "file"'));
      upload(req, res, (err: unknown) => {
        if (err instanceof multer.MulterError) {
          if (err.code === 'LIMIT_FILE_SIZE') return next(new AppError('PAYLOAD_TOO_LARGE', `The file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit`));
          if (err.code === 'LIMIT_FIELD_VALUE' && err.field) return next(invalid([{ path: err.field, message: 'is too long for a form field' }]));
          return next(bad(err.code === 'LIMIT_UNEXPECTED_FILE' ? `only one file, in the field "file"` : err.message));
        }
        if (err instanceof StorageWriteError) return next(err.cause);
        if (err && !(err instanceof AppError)) return next(bad(`the multipart body is malformed (${(err as Error).message})`));
        if (err) return next(err);
        const file = req.file as (Express.Multer.File & { received?: ReceivedFile }) | undefined;
        if (!file?.received) return next(bad('is required'));
        req.received = file.received;
        next();
      });
    },
  ];
}

/**
 * Runs `work` with the received file; if it throws (validation of the other
 * fields, a database error), the stored file is removed so a failed upload
 * leaves neither a row nor a file.
 */
export async function withReceivedFile<T>(req: Request, deps: UploadDeps, work: (file: ReceivedFile) => Promise<T>): Promise<T> {
  const file = req.received;
  if (!file) throw bad('is required');
  try {
    return await work(file);
  } catch (err) {
    await discardUpload(deps, file.storageKey).catch(() => undefined);
    throw err;
  }
}
