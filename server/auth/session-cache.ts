import pg from 'pg';
import type { Logger } from 'pino';
import type { Actor } from '../policies/actor';

/** A session as read from the database, with the active user it is signed in as. */
export interface LoadedSession {
  sess: Record<string, unknown>;
  actor: Actor | null;
  expire: Date;
}

interface Entry {
  /** JSON text: every read gets its own copy, since express-session mutates the object. */
  sessText: string;
  actor: Actor | null;
  /** The user id the session names (also when that user is disabled, so re-enabling them evicts it). */
  userId: string | null;
  expiresAt: number;
  cachedAt: number;
}

export const AUTH_CHANNEL = 'scopewise_auth';
const RETRY_MS = [250, 1000, 5000, 15000];
const HEARTBEAT_MS = 10_000;

/**
 * Recently read sessions, with the user each is signed in as, kept in memory
 * so that an authenticated request does not cost a database round trip
 * before its own work.
 *
 * Correctness rests on invalidation, never on luck:
 * - database triggers NOTIFY `scopewise_auth` at commit when a session row
 *   changes or is deleted, when a user changes or is removed, when an
 *   organization changes; every app server LISTENs and evicts;
 * - entries are served only while the LISTEN connection is up: when it drops
 *   (or misses a heartbeat), the cache is emptied and bypassed until it is
 *   connected again;
 * - a read that overlapped any invalidation is not kept (a generation count);
 * - this process's own writes (session saves, user changes) evict at once,
 *   before and after the write;
 * - entries also end with the session's own expiry and after `maxAgeMs`.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private client: pg.Client | null = null;
  private listening = false;
  private closed = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly clientConfig: pg.ClientConfig,
    private readonly logger: Pick<Logger, 'warn' | 'info'>,
    private readonly limits = { maxEntries: 10_000, maxAgeMs: 60_000 },
  ) {}

  /** Whether entries are being served (the LISTEN connection is up). */
  get active(): boolean {
    return this.listening;
  }

  /** Connects the listener; resolves once LISTEN is in place or the first attempt failed (it keeps retrying). */
  async start(): Promise<void> {
    await this.connect();
  }

  /** Stops listening and forgets everything; reads go to the database from now on. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopListening();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** The session `sid`, from memory when it can be trusted, else from `load` (and kept). */
  async read(sid: string, load: () => Promise<LoadedSession | undefined>): Promise<LoadedSession | undefined> {
    const now = Date.now();
    const entry = this.listening ? this.entries.get(sid) : undefined;
    if (entry) {
      if (entry.expiresAt > now && now - entry.cachedAt < this.limits.maxAgeMs) {
        return { sess: JSON.parse(entry.sessText) as Record<string, unknown>, actor: entry.actor && { ...entry.actor }, expire: new Date(entry.expiresAt) };
      }
      this.entries.delete(sid);
    }
    const generation = this.generation;
    const found = await load();
    if (found && this.listening && generation === this.generation) this.keep(sid, found);
    return found;
  }

  /** Forgets one session now (this process is about to change or end it, or just did). */
  forgetSession(sid: string): void {
    this.generation++;
    this.entries.delete(sid);
  }

  /** Forgets every session of a user now (this process changed the user). */
  forgetUser(userId: string): void {
    this.generation++;
    for (const [sid, e] of this.entries) if (e.userId === userId) this.entries.delete(sid);
  }

  private keep(sid: string, found: LoadedSession): void {
    const passport = found.sess.passport as { user?: unknown } | undefined;
    this.entries.set(sid, {
      sessText: JSON.stringify(found.sess),
      actor: found.actor && { ...found.actor },
      userId: typeof passport?.user === 'string' ? passport.user : null,
      expiresAt: found.expire.getTime(),
      cachedAt: Date.now(),
    });
    // Maps iterate in insertion order: the first entries are the oldest.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  private onNotification(payload: string): void {
    this.generation++;
    const kind = payload.slice(0, 2);
    const id = payload.slice(2);
    if (kind === 's:') this.entries.delete(id);
    else if (kind === 'u:') this.forgetUser(id);
    else if (kind === 'o:') {
      for (const [sid, e] of this.entries) if (e.actor?.organizationId === id) this.entries.delete(sid);
    } else this.entries.clear();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ ...this.clientConfig, keepAlive: true, application_name: 'scopewise-session-cache' });
    this.client = client;
    client.on('notification', (msg) => {
      if (msg.channel === AUTH_CHANNEL) this.onNotification(msg.payload ?? '');
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CHANNEL}`);
      if (this.closed || this.client !== client) return void client.end().catch(() => undefined);
      this.entries.clear();
      this.generation++;
      this.listening = true;
      this.attempt = 0;
      this.heartbeatTimer = setInterval(() => this.heartbeat(client), HEARTBEAT_MS).unref();
    } catch (err) {
      this.logger.warn({ err }, 'session cache: cannot LISTEN; sessions are read from the database until it can');
      this.lost(client);
    }
  }

  private heartbeat(client: pg.Client): void {
    const timeout = setTimeout(() => this.lost(client), HEARTBEAT_MS / 2).unref();
    client.query('SELECT 1').then(
      () => clearTimeout(timeout),
      () => this.lost(client),
    );
  }

  /** The listener is gone: nothing cached can be trusted any more. */
  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.stopListening();
    client.end().catch(() => undefined);
    if (this.closed) return;
    const delay = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)]!;
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref();
  }

  private stopListening(): void {
    this.listening = false;
    this.generation++;
    this.entries.clear();
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }
}

/** A session cache listening with the pool's connection settings (not yet started). */
export function createSessionCache(pool: pg.Pool, logger: Pick<Logger, 'warn' | 'info'>): SessionCache {
  return new SessionCache(pool.options, logger);
}
