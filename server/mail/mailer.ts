import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The main link in the message, logged when mail goes to the outbox folder outside production. */
  link?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * SMTP when `smtpUrl` is set; otherwise each message is written as an .eml
 * file to `outboxDir` and, outside production, its link is logged, so a local
 * install needs no mail server. In production the log never carries the link:
 * it holds an invitation's token, and logs travel further than the data folder.
 */
export function createMailer({ smtpUrl, from, outboxDir, logger, env }: { smtpUrl?: string; from: string; outboxDir: string; logger: Logger; env: Config['env'] }): Mailer {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      async send(m) {
        await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
        logger.info({ to: m.to, subject: m.subject }, 'mail sent');
      },
    };
  }
  const logLinks = env !== 'production';
  if (!logLinks) logger.warn({ outboxDir }, 'SMTP_URL is not set: mail is written to the outbox folder only, and its links are not logged');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(m) {
      const info = await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
      await fs.mkdir(outboxDir, { recursive: true });
      const file = path.join(outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomBytes(4).toString('hex')}.eml`);
      await fs.writeFile(file, info.message as Buffer);
      if (logLinks) logger.info({ to: m.to, subject: m.subject, file, link: m.link }, `mail written to outbox${m.link ? `: ${m.link}` : ''}`);
      else logger.info({ to: m.to, subject: m.subject, file }, 'mail written to outbox');
    },
  };
}
