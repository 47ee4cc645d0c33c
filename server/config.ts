import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The project root: the folder holding Scopewise's package.json, wherever this file runs from. */
export const projectRoot = (() => {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'scopewise') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Scopewise project root');
    dir = parent;
  }
})();

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  MIGRATION_DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().optional(),
  APP_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  TRUST_PROXY: bool.default(false),
  COOKIE_SECURE: bool.optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Scopewise <no-reply@scopewise.local>'),
  SEED_DEMO: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  CSRF_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  SESSION_MAX_HOURS: z.coerce.number().positive().max(720).default(12),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(100000).default(100),
  UPLOAD_GRACE_MINUTES: z.coerce.number().int().min(0).max(10080).default(60),
  STORAGE_URL: z
    .string()
    .regex(/^s3:\/\/[^/]+(\/.*)?$/, { message: 'must look like s3://bucket/prefix (unset: files on local disk under DATA_DIR/files)' })
    .optional(),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl?: string;
  /**
   * The role that owns the schema and runs migrations, when the app serves as
   * another (DATABASE_URL) with only SELECT and INSERT on the audit trail.
   */
  migrationDatabaseUrl?: string;
  dataDir: string;
  appUrl: string;
  sessionSecret: string;
  /** A session ends this long after sign-in, however active (the idle timeout is separate). */
  sessionMaxHours: number;
  trustProxy: boolean;
  cookieSecure: boolean;
  smtpUrl?: string;
  mailFrom: string;
  seedDemo: boolean;
  logLevel: string;
  embeddedPgPort: number;
  /** Login attempts per IP per 15 minutes. */
  loginRateLimit: number;
  /** CSRF token requests per IP per 15 minutes (a page load asks once; many users may share an address). */
  csrfRateLimit: number;
  /** Consecutive failures for one email before it is locked. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  maxUploadBytes: number;
  /**
   * How old an unfinished upload must be before a starting server removes
   * it: longer than any upload takes, so a running peer's upload is never
   * touched; 0 when only one server runs.
   */
  uploadGraceMinutes: number;
  /** s3://bucket/prefix, or undefined for local disk. */
  storageUrl: string | undefined;
  clientDist: string;
}

/** Reads and checks the environment; a bad variable stops the start with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const list = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ');
    throw new Error(`Invalid configuration:\n  ${list}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR ?? path.join(projectRoot, '.data'));
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new Error('Invalid configuration:\n  SESSION_SECRET: required in production (at least 32 characters)');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL,
    dataDir,
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    sessionSecret: e.SESSION_SECRET ?? localSecret(dataDir),
    sessionMaxHours: e.SESSION_MAX_HOURS,
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE ?? e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    csrfRateLimit: e.CSRF_RATE_LIMIT,
    lockoutThreshold: e.LOCKOUT_THRESHOLD,
    lockoutMinutes: e.LOCKOUT_MINUTES,
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    uploadGraceMinutes: e.UPLOAD_GRACE_MINUTES,
    storageUrl: e.STORAGE_URL,
    clientDist: path.join(projectRoot, 'client', 'dist'),
  };
}

/** A random secret kept in the data folder so local restarts keep sessions. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(48).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
