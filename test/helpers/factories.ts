import crypto from 'node:crypto';
import type { OrganizationKind, Role } from '../../shared/roles';
import { hashPassword } from '../../server/auth/password';
import type { Database } from '../../server/db/database';
import { insertOrganization } from '../../server/repositories/organization';
import { insertUser } from '../../server/repositories/user';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

const unique = () => crypto.randomBytes(4).toString('hex');

export async function makeOrganization(db: Database, kind: OrganizationKind, name = `${kind === 'buyer' ? 'Buyer' : 'Provider'} ${unique()}`) {
  return insertOrganization(db, { kind, name });
}

/** A user with TEST_PASSWORD (hashed once per test file). */
export async function makeUser(db: Database, organizationId: string, role: Role, fields: { email?: string; name?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return insertUser(db, {
    organizationId,
    role,
    email: fields.email ?? `${role}-${unique()}@example.test`,
    name: fields.name ?? `Test ${role}`,
    passwordHash: await passwordHash,
  });
}
