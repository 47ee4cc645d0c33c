import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createApp } from '../../server/app';
import { createMailer } from '../../server/mail/mailer';
import { signedIn } from '../helpers/agent';
import { createTestContext, type TestContext } from '../helpers/context';
import { makeOrganization, makeUser } from '../helpers/factories';
import { decodeEml, invitationTokenFor } from '../helpers/mail';

/** Without SMTP, mail goes to the outbox folder; in production its links (invitation tokens) never reach the log. */

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** A logger whose lines are kept, and an app whose mailer writes to a fresh outbox folder through it. */
function appWithMailer(env: 'production' | 'development') {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  const outboxDir = path.join(t.dataDir, `outbox-${env}`);
  const mailer = createMailer({ from: t.deps.config.mailFrom, outboxDir, logger, env });
  const app = createApp({ ...t.deps, mailer });
  const outbox = () => fs.readdirSync(outboxDir).map((f) => fs.readFileSync(path.join(outboxDir, f), 'utf8'));
  return { app, lines, outbox };
}

async function inviteThrough(app: ReturnType<typeof createApp>, email: string) {
  const org = await makeOrganization(t.db, 'buyer');
  const admin = await signedIn(app, (await makeUser(t.db, org.id, 'admin')).email);
  await admin.post('/api/invitations').send({ email, role: 'analyst' }).expect(201);
}

test('when SMTP is not configured in production, then an invitation is written to the outbox but its link and token are not logged', async () => {
  const { app, lines, outbox } = appWithMailer('production');
  await inviteThrough(app, 'prod.invitee@example.test');
  const token = invitationTokenFor(outbox(), 'prod.invitee@example.test');
  expect(decodeEml(outbox()[0]!)).toContain(token);
  const log = lines.join('');
  expect(log).toContain('mail written to outbox');
  expect(log).toContain('SMTP_URL is not set');
  expect(log).not.toContain(token);
  expect(log).not.toContain('invitations/accept');
});

test('when SMTP is not configured outside production, then the link is logged so a local install needs no mail server', async () => {
  const { app, lines, outbox } = appWithMailer('development');
  await inviteThrough(app, 'dev.invitee@example.test');
  const token = invitationTokenFor(outbox(), 'dev.invitee@example.test');
  expect(lines.join('')).toContain(`invitations/accept#token=${token}`);
});
