import type { Express } from 'express';
import request from 'supertest';
import { TEST_PASSWORD } from './factories';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A cookie-keeping client that sends its CSRF token on every request. */
export interface Client {
  csrf: string;
  agent: ReturnType<typeof request.agent>;
  get(url: string): request.Test;
  post(url: string): request.Test;
  put(url: string): request.Test;
  patch(url: string): request.Test;
  delete(url: string): request.Test;
  /** Fetches a new CSRF token (after sign-in or sign-out). */
  refreshCsrf(): Promise<void>;
}

/** An anonymous client with a session and a CSRF token. */
export async function anonymous(app: Express): Promise<Client> {
  const agent = request.agent(app);
  const client: Client = {
    csrf: '',
    agent,
    get: (url) => send('get', url),
    post: (url) => send('post', url),
    put: (url) => send('put', url),
    patch: (url) => send('patch', url),
    delete: (url) => send('delete', url),
    refreshCsrf: async () => {
      const res = await agent.get('/api/auth/csrf').expect(200);
      client.csrf = res.body.token;
    },
  };
  function send(method: Method, url: string) {
    return agent[method](url).set('X-CSRF-Token', client.csrf);
  }
  await client.refreshCsrf();
  return client;
}

/** A signed-in client. */
export async function signedIn(app: Express, email: string, password = TEST_PASSWORD): Promise<Client> {
  const client = await anonymous(app);
  const res = await client.post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  await client.refreshCsrf();
  return client;
}
