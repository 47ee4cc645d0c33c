// A real app on a scratch database for benchmarks: migrated, with one buyer
// and one provider, listening on a free port. Never used by the test suite.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { createApp } from '../../server/app';
import { createSessionCache } from '../../server/auth/session-cache';
import { hashPassword } from '../../server/auth/password';
import { loadConfig, type Config } from '../../server/config';
import { createDatabase } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';
import type { Deps } from '../../server/deps';
import { createMailer } from '../../server/mail/mailer';
import { insertOrganization } from '../../server/repositories/organization';
import { insertUser } from '../../server/repositories/user';
import { createStorage } from '../../server/storage';
import { createScratch } from './scratch';
import { syncBuiltinTemplates } from '../../server/templates/builtin-sync';
import { builtinTemplates } from '../../shared/templates/builtin';

export const BENCH_PASSWORD = 'bench-password-123';

export interface BenchApp {
  url: string;
  deps: Deps;
  dataDir: string;
  users: { provider: string; buyer: string };
  ids: { provider: string; buyer: string };
  close(): Promise<void>;
}

export async function startBenchApp(overrides: Partial<Config> = {}): Promise<BenchApp> {
  const scratch = await createScratch('sw_bench');
  const { dataDir } = scratch;
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, SESSION_SECRET: 'bench-secret-bench-secret-bench-secret', LOGIN_RATE_LIMIT: '100000', CSRF_RATE_LIMIT: '100000' }), ...overrides };
  const { db, pool } = createDatabase(scratch.url, { max: 20 });
  await migrateToLatest(db);
  const logger = pino({ level: 'silent' });
  const sessions = createSessionCache(pool, logger);
  await sessions.start();
  const deps: Deps = { config, db, pool, logger, mailer: createMailer({ from: config.mailFrom, outboxDir: path.join(dataDir, 'outbox'), logger, env: config.env }), storage: createStorage(config), sessions };
  const hash = await hashPassword(BENCH_PASSWORD);
  const buyer = await insertOrganization(db, { kind: 'buyer', name: 'Bench Bank' });
  const provider = await insertOrganization(db, { kind: 'provider', name: 'Bench BPO' });
  await insertUser(db, { organizationId: buyer.id, email: 'analyst@bench.test', name: 'Bench Analyst', role: 'analyst', passwordHash: hash });
  await insertUser(db, { organizationId: provider.id, email: 'admin@bench-bpo.test', name: 'Bench Admin', role: 'admin', passwordHash: hash });
  const httpServer = http.createServer(createApp(deps));
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    deps,
    dataDir,
    users: { provider: 'admin@bench-bpo.test', buyer: 'analyst@bench.test' },
    ids: { provider: provider.id, buyer: buyer.id },
    close: async () => {
      httpServer.closeAllConnections();
      await new Promise((r) => httpServer.close(r));
      await sessions.close();
      await db.destroy();
      await scratch.remove();
    },
  };
}

/** Signs in over HTTP and returns the cookie and CSRF token to send. */
export async function benchSession(url: string, email: string): Promise<{ cookie: string; csrf: string }> {
  const first = await fetch(`${url}/api/auth/csrf`);
  let cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { token } = (await first.json()) as { token: string };
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': token }, body: JSON.stringify({ email, password: BENCH_PASSWORD }) });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  // Read the whole answer first: express-session may still be saving the new session when the
  // headers arrive, and that save would overwrite the CSRF token the next request stores.
  await login.arrayBuffer();
  cookie = (login.headers.get('set-cookie') ?? cookie).split(';')[0]!;
  const again = await fetch(`${url}/api/auth/csrf`, { headers: { Cookie: cookie } });
  return { cookie, csrf: ((await again.json()) as { token: string }).token };
}

/**
 * The built-in full-catalog template installed, and an engagement of the
 * bench pair (card data, one Cebu site) to send it in: what the score and
 * suggestion benches start from.
 */
export async function fullCatalogEngagement(app: BenchApp) {
  const { db } = app.deps;
  await syncBuiltinTemplates(db, builtinTemplates);
  const template = builtinTemplates.find((t) => t.slug === 'iso27002-full')!;
  const version = await db.selectFrom('template_versions').innerJoin('templates', 'templates.id', 'template_versions.template_id').select('template_versions.id').where('templates.builtin_slug', '=', 'iso27002-full').executeTakeFirstOrThrow();
  const engagement = await db
    .insertInto('engagements')
    .values({ buyer_org_id: app.ids.buyer, provider_org_id: app.ids.provider, name: 'Bench engagement', services: JSON.stringify(['Support']), sites: JSON.stringify([{ name: 'Cebu', address: '', city: 'Cebu City', country: 'PH' }]), contracting_entity: 'Bench BPO', data_categories: ['payment_card'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { template, versionId: version.id, engagementId: engagement.id };
}
