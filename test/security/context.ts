import type { Server } from 'node:http';
import type { Express } from 'express';
import type { AnyRoute } from '../../server/http/route';
import { anonymous, signedIn, type Client } from '../helpers/agent';
import { makeUser } from '../helpers/factories';
import { createTestContext, type TestContext } from '../helpers/context';
import { buildWorld, type World } from './world';
import { pathOf, type RawRequest, type ValidRequest } from './malformed';
import type { Refs, Tenant, WriteCase } from './write-requests';

/** A test database, the app on one listening server, and the signed-in personas of the policy world. */
export interface SecurityContext {
  t: TestContext;
  world: World;
  /** Who sends a case's requests: its persona, or a fresh visitor with a CSRF token. */
  clientFor(c: WriteCase): Promise<Client>;
  /** The case's valid request against fresh objects of the tenant. */
  validRequest(c: WriteCase, tenant: Tenant): Promise<ValidRequest>;
  close(): Promise<void>;
}

export async function securityContext(): Promise<SecurityContext> {
  const t = await createTestContext();
  // supertest takes a listening server as well as an app: one server for the file instead of one per request.
  const server: Server = t.app.listen(0);
  const app = server as unknown as Express;
  const world = await buildWorld(app, t.db, t.deps.storage);
  return {
    t,
    world,
    clientFor: async (c) => (c.as === 'anonymous' ? anonymous(app) : c.as === 'newUser' ? signedIn(app, (await makeUser(t.db, world.own.buyer.id, 'analyst')).email) : world.clients[c.as]),
    validRequest: async (c, tenant) => {
      const refs: Refs = c.setup ? await c.setup(world, tenant) : {};
      return { refs, body: c.body?.(refs), upload: c.upload?.(refs) };
    },
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
}

/** The valid request on the wire (a body replaced by `body`, when given). */
export function asSent(route: AnyRoute, valid: ValidRequest, body?: Record<string, unknown>): RawRequest {
  const path = pathOf(route, valid.refs);
  if (valid.upload) {
    const fields = Object.entries(body ?? valid.upload.fields).map(([k, v]): [string, string] => [k, String(v)]);
    return { path, multipart: { fields, files: [{ field: 'file', name: valid.upload.file.name, content: valid.upload.file.content }] } };
  }
  return valid.body ? { path, json: body ?? valid.body } : { path };
}

export const keyOf = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;
