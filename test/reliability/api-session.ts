/** Where the server currently listens: it moves to a new port at every restart. */
export interface Target {
  url: string;
}

/** What one request came to: a 2xx (acknowledged), another status (refused) or no answer at all (lost). */
export type Outcome = { kind: 'acked'; status: number; body: unknown } | { kind: 'refused'; status: number; body: string } | { kind: 'lost'; error: string };

/**
 * A signed-in API client that keeps its session cookie and CSRF token across
 * server restarts (sessions live in PostgreSQL), as a browser would.
 */
export class ApiSession {
  private cookie = '';
  private csrf = '';

  constructor(
    private readonly target: Target,
    readonly email: string,
  ) {}

  async signIn(password: string): Promise<void> {
    await this.refreshCsrf();
    const res = await this.send('POST', '/api/auth/login', { json: { email: this.email, password } });
    if (res.kind !== 'acked') throw new Error(`login as ${this.email} failed: ${JSON.stringify(res)}`);
    await this.refreshCsrf();
  }

  private async refreshCsrf(): Promise<void> {
    const res = await this.send('GET', '/api/auth/csrf');
    if (res.kind !== 'acked') throw new Error(`CSRF token for ${this.email}: ${JSON.stringify(res)}`);
    this.csrf = (res.body as { token: string }).token;
  }

  /** One request; never throws: the outcome says what the client could observe. */
  async send(method: string, path: string, opts: { json?: unknown; body?: ReadableStream<Uint8Array>; contentType?: string } = {}): Promise<Outcome> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.cookie) headers.Cookie = this.cookie;
    if (method !== 'GET') headers['X-CSRF-Token'] = this.csrf;
    let body: RequestInit['body'];
    if (opts.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.json);
    } else if (opts.body) {
      headers['Content-Type'] = opts.contentType!;
      body = opts.body;
    }
    try {
      const res = await fetch(`${this.target.url}${path}`, { method, headers, body, signal: AbortSignal.timeout(20_000), ...(opts.body ? { duplex: 'half' } : {}) } as RequestInit);
      const setCookie = res.headers.get('set-cookie');
      if (setCookie) this.cookie = setCookie.split(';')[0]!;
      const text = await res.text();
      if (res.status >= 200 && res.status < 300) return { kind: 'acked', status: res.status, body: text ? JSON.parse(text) : undefined };
      return { kind: 'refused', status: res.status, body: text.slice(0, 500) };
    } catch (err) {
      return { kind: 'lost', error: err instanceof Error ? `${err.message}${err.cause ? ` (${String((err.cause as Error).message ?? err.cause)})` : ''}` : String(err) };
    }
  }
}
