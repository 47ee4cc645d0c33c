import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';
import { invalid } from '../errors';

/** Read from the project root so the compiled server finds it too (see common-passwords/SOURCES.md). */
const LIST = path.join(projectRoot, 'server', 'auth', 'common-passwords', 'passwords.txt');

let common: Set<string> | undefined;

/** Whether the password is on the common-password list, ignoring case. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    fs
      .readFileSync(LIST, 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return common.has(password.trim().toLowerCase());
}

/** Refuses a new password that is among the most common ones (ASVS V2.1.7, NIST SP 800-63B), naming the field. */
export function assertUncommonPassword(password: string, field = 'password'): void {
  if (isCommonPassword(password)) throw invalid([{ path: field, message: 'is one of the most common passwords: choose another' }]);
}
