/** Decodes the quoted-printable body of an .eml file written by the outbox mailer. */
export function decodeEml(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The invitation token in the newest message of `outbox` addressed to `email`. */
export function invitationTokenFor(outbox: string[], email: string): string {
  const message = [...outbox].reverse().find((m) => m.includes(`To: ${email}`));
  if (!message) throw new Error(`no message to ${email}`);
  const match = /accept#token=([A-Za-z0-9_-]+)/.exec(decodeEml(message));
  if (!match) throw new Error(`no invitation link in the message to ${email}`);
  return match[1]!;
}
