import type { RequestHandler } from 'express';
import multer from 'multer';
import { AppError, invalid } from '../errors';
import { detectType, fileNameProblem } from './file-kind';

/** A spreadsheet sent for reading (imports): small, parsed in memory under the zip and row limits of its reader. */
export interface ReceivedSpreadsheet {
  buffer: Buffer;
  kind: 'xlsx' | 'csv';
  originalName: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    spreadsheet?: ReceivedSpreadsheet;
  }
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileIssue = (code: 'VALIDATION_FAILED' | 'UNSUPPORTED_MEDIA_TYPE' | 'PAYLOAD_TOO_LARGE', message: string) =>
  new AppError(code, `${code === 'VALIDATION_FAILED' ? 'Invalid request: file: ' : 'The file '}${message}`, { fields: [{ path: 'file', message }] });

/**
 * Receives one spreadsheet under `file` for an import. Nothing is stored:
 * the import reads it and answers. The type is decided from the bytes.
 */
export function receiveSpreadsheet(accept: readonly ('xlsx' | 'csv')[], maxBytes = 20 * 1024 * 1024): RequestHandler {
  const upload = multer({ storage: multer.memoryStorage(), preservePath: true, defParamCharset: 'utf8', limits: { files: 1, fields: 10, fieldSize: 8 * 1024, fileSize: maxBytes } }).single('file');
  const wanted = accept.map((k) => k.toUpperCase()).join(' or ');
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return next(new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the ${wanted} file as multipart/form-data with the field "file"`));
    upload(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') return next(fileIssue('PAYLOAD_TOO_LARGE', `is larger than the ${maxBytes / 1024 / 1024} MB limit for imports`));
        if (err.code === 'LIMIT_FIELD_VALUE' && err.field) return next(invalid([{ path: err.field, message: 'is too long for a form field' }]));
        return next(fileIssue('VALIDATION_FAILED', err.message));
      }
      if (err) return next(fileIssue('VALIDATION_FAILED', `the multipart body is malformed (${(err as Error).message})`));
      const file = req.file;
      if (!file) return next(fileIssue('VALIDATION_FAILED', 'is required'));
      const nameProblem = fileNameProblem(file.originalname);
      if (nameProblem) return next(fileIssue('VALIDATION_FAILED', nameProblem));
      if (file.size === 0) return next(fileIssue('VALIDATION_FAILED', 'is empty'));
      detectType(file.buffer.subarray(0, 64 * 1024), file.originalname).then((kind) => {
        // The CSV reader understands UTF-16 and Windows-1252 exports: hand those over instead of refusing them.
        if ('problem' in kind && accept.includes('csv') && /\.csv$/i.test(file.originalname) && /UTF-16|UTF-8/.test(kind.problem)) {
          req.spreadsheet = { buffer: file.buffer, kind: 'csv', originalName: file.originalname };
          return next();
        }
        if ('problem' in kind) return next(fileIssue('UNSUPPORTED_MEDIA_TYPE', `${kind.problem}; send ${wanted}`));
        const as = kind.type === XLSX ? 'xlsx' : kind.type === 'text/csv' || kind.type === 'text/plain' ? 'csv' : null;
        if (!as || !accept.includes(as)) return next(fileIssue('UNSUPPORTED_MEDIA_TYPE', `is ${kind.type}; send ${wanted}`));
        req.spreadsheet = { buffer: file.buffer, kind: as, originalName: file.originalname };
        next();
      }, next);
    });
  };
}
