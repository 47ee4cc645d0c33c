import type { Express } from 'express';
import type { Role } from '../../shared/roles';
import type { Database } from '../../server/db/database';
import type { Storage } from '../../server/storage/storage';
import { anonymous, signedIn, type Client } from '../helpers/agent';
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

/** A buyer and a provider: the two sides of an engagement and of everything hanging off it. */
export interface Pair {
  buyer: Org;
  provider: Org;
}

/**
 * Whose objects a request addresses. The personas belong to buyer B1 and
 * provider P1:
 * - `own`: B1 ↔ P1, both sides are the personas' organizations;
 * - `otherBuyer`: B2 ↔ P1, another buyer with the personas' provider;
 * - `otherProvider`: B1 ↔ P2, the personas' buyer with another provider.
 */
export const tenants = ['own', 'otherBuyer', 'otherProvider'] as const;
export type Tenant = (typeof tenants)[number];

/**
 * Who an object belongs to, for a tenant's pair:
 * - `pair`: the engagement's two sides (engagements, assessments, shared documents, findings, schedules);
 * - `buyer`: the pair's buyer alone (templates, clauses);
 * - `provider`: the pair's provider alone (documents not shared with anyone);
 * - `self`: the pair's organization of the persona's own kind (users, invitations).
 */
export type Owner = 'pair' | 'buyer' | 'provider' | 'self';

export interface World {
  db: Database;
  storage: Storage;
  pairs: Record<Tenant, Pair>;
  clients: Record<Persona, Client>;
  /** Signed in as nobody, with a session and a CSRF token. */
  anonymous: Client;
  users: Record<Persona, { id: string; email: string }>;
}

/** The organization of the persona's kind in a tenant's pair (its own one in `own`). */
export const sideOf = (w: World, persona: Persona, tenant: Tenant): Org => w.pairs[tenant][personaRole[persona].kind];

/**
 * Whether the persona's organization (B1 or P1) is one of those an object of
 * the tenant's pair belongs to: then it gets the row's `own` expectation,
 * else (by default) 404.
 */
export function isMember(owner: Owner, persona: Persona, tenant: Tenant): boolean {
  const kind = personaRole[persona].kind;
  // In its own pair and in the other tenant of the opposite kind, the persona's side is its own organization.
  const ownSide = tenant === 'own' || (kind === 'buyer' ? tenant === 'otherProvider' : tenant === 'otherBuyer');
  switch (owner) {
    case 'pair':
    case 'self':
      return ownSide;
    case 'buyer':
      return kind === 'buyer' && ownSide;
    case 'provider':
      return kind === 'provider' && ownSide;
  }
}

/** Builds the organizations B1, P1, B2, P2 and signs in one client per persona (to B1 or P1). */
export async function buildWorld(app: Express, db: Database, storage: Storage): Promise<World> {
  const org = async (kind: 'buyer' | 'provider'): Promise<Org> => ({ id: (await makeOrganization(db, kind)).id, kind });
  const b1 = await org('buyer');
  const p1 = await org('provider');
  const b2 = await org('buyer');
  const p2 = await org('provider');
  const pairs: World['pairs'] = { own: { buyer: b1, provider: p1 }, otherBuyer: { buyer: b2, provider: p1 }, otherProvider: { buyer: b1, provider: p2 } };
  const users = {} as World['users'];
  const clients = {} as World['clients'];
  for (const p of personas) {
    const { kind, role } = personaRole[p];
    const user = await makeUser(db, pairs.own[kind].id, role);
    users[p] = { id: user.id, email: user.email };
    clients[p] = await signedIn(app, user.email);
  }
  return { db, storage, pairs, clients, anonymous: await anonymous(app), users };
}
