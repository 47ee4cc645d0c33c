import type { Kysely } from 'kysely';
import type { OrganizationKind, Role } from '../../shared/roles';
import type { UserStatus } from '../../shared/schemas/users';
import type { DB } from '../db/types';
import type { Actor } from '../policies/actor';

const userColumns = ['id', 'organization_id', 'email', 'name', 'role', 'status', 'created_at', 'last_login_at'] as const;

export type UserRow = {
  id: string;
  organization_id: string;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  created_at: Date;
  last_login_at: Date | null;
};

/** The columns an actor is made of, from `users` joined with `organizations`. */
export interface ActorRow {
  id: string;
  email: string;
  name: string;
  role: string;
  organization_id: string;
  kind: string;
  organization_name: string;
}

export function toActor(row: ActorRow): Actor {
  return {
    userId: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    organizationId: row.organization_id,
    organizationKind: row.kind as OrganizationKind,
    organizationName: row.organization_name,
  };
}

/** The actor behind a session, or undefined when the user is gone or disabled. */
export async function findActiveActor(db: Kysely<DB>, userId: string): Promise<Actor | undefined> {
  const row = await db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.organization_id', 'organizations.kind', 'organizations.name as organization_name'])
    .where('users.id', '=', userId)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  return row ? toActor(row) : undefined;
}

/** A user and their password hash, by email, for login only. */
export async function findCredentials(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').select(['id', 'organization_id', 'password_hash', 'status']).where('email', '=', email).executeTakeFirst();
}

export async function emailTaken(db: Kysely<DB>, email: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) !== undefined;
}

/** Users of the actor's organization. */
export async function listUsers(db: Kysely<DB>, actor: Actor): Promise<UserRow[]> {
  const rows = await db.selectFrom('users').select(userColumns).where('organization_id', '=', actor.organizationId).orderBy('name').execute();
  return rows as UserRow[];
}

/** One user of the actor's organization; undefined for any other organization's user. */
export async function findUser(db: Kysely<DB>, actor: Actor, id: string): Promise<UserRow | undefined> {
  const row = await db.selectFrom('users').select(userColumns).where('id', '=', id).where('organization_id', '=', actor.organizationId).executeTakeFirst();
  return row as UserRow | undefined;
}

export async function insertUser(
  db: Kysely<DB>,
  user: { organizationId: string; email: string; name: string; role: Role; passwordHash: string },
): Promise<UserRow> {
  const row = await db
    .insertInto('users')
    .values({ organization_id: user.organizationId, email: user.email, name: user.name, role: user.role, password_hash: user.passwordHash })
    .returning(userColumns)
    .executeTakeFirstOrThrow();
  return row as UserRow;
}

export async function updateUser(db: Kysely<DB>, actor: Actor, id: string, patch: { role?: Role; status?: UserStatus }): Promise<UserRow> {
  const row = await db
    .updateTable('users')
    .set(patch)
    .where('id', '=', id)
    .where('organization_id', '=', actor.organizationId)
    .returning(userColumns)
    .executeTakeFirstOrThrow();
  return row as UserRow;
}

export async function touchLastLogin(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', id).execute();
}
