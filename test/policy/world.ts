import type { Express } from 'express';
import type { Role } from '../../shared/roles';
import type { Database } from '../../server/db/database';
import type { Storage } from '../../server/storage/storage';
import { signedIn, type Client } from '../helpers/agent';
import { makeOrganization, makeUser } from '../helpers/factories';

/** The roles of the matrix: every role of both organization kinds. */
export const personas = ['buyerAdmin', 'buyerAnalyst', 'buyerLegal', 'providerAdmin', 'providerContributor'] as const;
export type Persona = (typeof personas)[number];

export const personaRole: Record<Persona, { kind: 'buyer' | 'provider'; role: Role }> = {
  buyerAdmin: { kind: 'buyer', role: 'admin' },
  buyerAnalyst: { kind: 'buyer', role: 'analyst' },
  buyerLegal: { kind: 'buyer', role: 'legal' },
  providerAdmin: { kind: 'provider', role: 'admin' },
  providerContributor: { kind: 'provider', role: 'contributor' },
};

export interface Org {
  id: string;
  kind: 'buyer' | 'provider';
}

/**
 * Two buyers and two providers. The personas sign in to the first of each
 * kind ("own"); objects of the second one are "another tenant's".
 */
export interface World {
  db: Database;
  storage: Storage;
  own: { buyer: Org; provider: Org };
  other: { buyer: Org; provider: Org };
  clients: Record<Persona, Client>;
  users: Record<Persona, { id: string; email: string }>;
}

/** Builds the organizations and signs in one client per persona. */
export async function buildWorld(app: Express, db: Database, storage: Storage): Promise<World> {
  const org = async (kind: 'buyer' | 'provider'): Promise<Org> => ({ id: (await makeOrganization(db, kind)).id, kind });
  const own = { buyer: await org('buyer'), provider: await org('provider') };
  const other = { buyer: await org('buyer'), provider: await org('provider') };
  const users = {} as World['users'];
  const clients = {} as World['clients'];
  for (const p of personas) {
    const { kind, role } = personaRole[p];
    const user = await makeUser(db, own[kind].id, role);
    users[p] = { id: user.id, email: user.email };
    clients[p] = await signedIn(app, user.email);
  }
  return { db, storage, own, other, clients, users };
}
