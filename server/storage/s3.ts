import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import { isStorageKey, StorageNotFoundError, type Storage } from './storage';

export interface S3Location {
  bucket: string;
  prefix: string;
}

/** `s3://bucket/some/prefix` → bucket and prefix (no leading or trailing slash). */
export function parseS3Url(url: string): S3Location {
  const u = new URL(url);
  if (u.protocol !== 's3:' || !u.hostname) throw new Error(`STORAGE_URL must look like s3://bucket/prefix, not ${url}`);
  return { bucket: u.hostname, prefix: u.pathname.replace(/^\/+|\/+$/g, '') };
}

/**
 * Objects in an S3-compatible bucket, so several app servers share files.
 * Uploads stream in 8 MiB parts (multipart above that size) and are aborted
 * on error, leaving nothing behind. Credentials, region and endpoint come
 * from the usual AWS variables (AWS_ACCESS_KEY_ID, AWS_REGION,
 * AWS_ENDPOINT_URL_S3 for MinIO and friends).
 */
export function s3Storage(location: S3Location, clientConfig: S3ClientConfig = {}): Storage {
  const client = new S3Client({ forcePathStyle: Boolean(clientConfig.endpoint ?? process.env.AWS_ENDPOINT_URL_S3), ...clientConfig });
  const keyOf = (key: string) => {
    if (!isStorageKey(key)) throw new Error('invalid storage key');
    return location.prefix ? `${location.prefix}/${key}` : key;
  };
  return {
    description: `s3://${location.bucket}${location.prefix ? `/${location.prefix}` : ''}`,
    async put(key, source, meta) {
      const upload = new Upload({
        client,
        params: { Bucket: location.bucket, Key: keyOf(key), Body: source, ContentType: meta.contentType },
        partSize: 8 * 1024 * 1024,
        queueSize: 2,
        leavePartsOnError: false,
      });
      try {
        await upload.done();
      } catch (err) {
        await upload.abort().catch(() => undefined);
        await client.send(new DeleteObjectCommand({ Bucket: location.bucket, Key: keyOf(key) })).catch(() => undefined);
        throw err;
      }
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: location.bucket, Key: keyOf(key) }));
        return out.Body as Readable;
      } catch (err) {
        if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') throw new StorageNotFoundError(key);
        throw err;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: location.bucket, Key: keyOf(key) }));
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: location.bucket, Key: keyOf(key) }));
        return true;
      } catch (err) {
        if (err instanceof NotFound || (err as { name?: string }).name === 'NotFound' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
        throw err;
      }
    },
  };
}
