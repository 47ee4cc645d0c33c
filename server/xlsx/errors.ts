import { AppError } from '../errors';

/** Which limit a spreadsheet broke. */
export type SpreadsheetLimit =
  | 'fileSize'
  | 'entries'
  | 'uncompressedSize'
  | 'compressionRatio'
  | 'declaredSizeMismatch'
  | 'cells'
  | 'rows'
  | 'columns'
  | 'cellLength'
  | 'memory'
  | 'readTime';

/**
 * A spreadsheet refused before or while parsing because it is too big or
 * built to exhaust memory (a zip bomb): answered 413, never parsed further.
 */
export class UnsafeSpreadsheetError extends AppError {
  constructor(
    readonly limit: SpreadsheetLimit,
    message: string,
  ) {
    super('PAYLOAD_TOO_LARGE', message, { limit });
    this.name = 'UnsafeSpreadsheetError';
  }
}

/** A file that is not a readable spreadsheet of the announced kind (or lacks the sheet a form field names): answered 400. */
export class SpreadsheetFormatError extends AppError {
  constructor(message: string, field = 'file') {
    super('VALIDATION_FAILED', message, { fields: [{ path: field, message }] });
    this.name = 'SpreadsheetFormatError';
  }
}
