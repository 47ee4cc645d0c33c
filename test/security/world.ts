import type { Express } from 'express';
import type { Role } from '../../shared/roles';
import type { Database } from '../../server/db/database';
import type { Storage } from '../../server/storage/storage';
import { signedIn, type Client } from '../helpers/agent';
import { makeOrganization, makeUser } from '../helpers/factories';

/** Who sends the suite's requests: one user of every role. */
export const personaRole = {
  buyerAdmin: { kind: 'buyer', role: 'admin' },
  buyerAnalyst: { kind: 'buyer', role: 'analyst' },
  buyerLegal: { kind: 'buyer', role: 'legal' },
  providerAdmin: { kind: 'provider', role: 'admin' },
  providerContributor: { kind: 'provider', role: 'contributor' },
} as const satisfies Record<string, { kind: 'buyer' | 'provider'; role: Role }>;
export type Persona = keyof typeof personaRole;

export interface Org {
  id: string;
}

/**
 * Two buyer/provider pairs: the personas belong to the `own` one; objects of
 * the `other` one are another tenant's.
 */
export interface World {
  db: Database;
  storage: Storage;
  own: { buyer: Org; provider: Org };
  other: { buyer: Org; provider: Org };
  clients: Record<Persona, Client>;
}

/** Builds both pairs and signs one client in per persona. */
export async function buildWorld(app: Express, db: Database, storage: Storage): Promise<World> {
  const org = async (kind: 'buyer' | 'provider'): Promise<Org> => ({ id: (await makeOrganization(db, kind)).id });
  const own = { buyer: await org('buyer'), provider: await org('provider') };
  const other = { buyer: await org('buyer'), provider: await org('provider') };
  const clients = {} as World['clients'];
  for (const [persona, { kind, role }] of Object.entries(personaRole) as [Persona, (typeof personaRole)[Persona]][]) {
    clients[persona] = await signedIn(app, (await makeUser(db, own[kind].id, role)).email);
  }
  return { db, storage, own, other, clients };
}
