import path from 'node:path';
import type { Config } from '../config';
import { diskStorage } from './disk';
import { parseS3Url, s3Storage } from './s3';
import type { Storage } from './storage';

/** The configured storage: S3-compatible when STORAGE_URL is set, else local disk under DATA_DIR/files. */
export function createStorage(config: Pick<Config, 'storageUrl' | 'dataDir'>): Storage {
  return config.storageUrl ? s3Storage(parseS3Url(config.storageUrl)) : diskStorage(path.join(config.dataDir, 'files'));
}
