/**
 * The web application over a seeded registry for the web suites: a fresh database (SQLite or
 * PostgreSQL), the demo registry at a small scale, the demo accounts, and a client with a cookie jar
 * that reads CSRF tokens from the pages it gets, as a browser would.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Context } from '../../src/context.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from '../../src/demo/accounts.js';
import { seedDemo } from '../../src/demo/seed.js';
import { ensureSignerKeyFile } from '../../src/ledger/key-file.js';
import type { AccountRole } from '../../src/licensing/parties.js';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { freshContext, type TestDb } from './db.js';

export interface WebEnv {
  ctx: Context;
  app: FastifyInstance;
  close(): Promise<void>;
}

export const DEMO_SCALE = 1500;

export async function openWeb(make: () => TestDb, options: AppOptions = {}): Promise<WebEnv> {
  const fresh = await freshContext(make);
  const { ctx } = fresh;
  ensureSignerKeyFile(ctx.config.logKeyFile, ctx.config.logOrigin);
  await seedDemo(ctx.db, ctx.services.registry, { scale: DEMO_SCALE });
  await seedDemoAccounts({
    registry: ctx.services.registry,
    licensing: ctx.services.licensing,
    accounts: ctx.services.accounts,
    registryViews: ctx.views.registry,
  });
  const app = buildApp(ctx, { publicationRefreshMs: 60_000, ...options });
  await app.ready();
  return {
    ctx,
    app,
    close: async () => {
      await app.close();
      await fresh.dispose();
    },
  };
}

export const demoEmail = (role: AccountRole): string =>
  DEMO_ACCOUNTS.find((a) => a.role === role)?.email as string;

/** The CSRF token of the first form of a page. */
export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html) ?? /[?&]_csrf=([^"&]+)/.exec(html);
  if (m === null) throw new Error('no CSRF token on the page');
  return decodeURIComponent(m[1] as string);
}

export class WebClient {
  readonly jar = new Map<string, string>();
  /** The CSRF token of the last page read. */
  token = '';

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires !== undefined && c.expires.getTime() < Date.now()))
        this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
    const type = String(res.headers['content-type'] ?? '');
    if (type.startsWith('text/html')) {
      try {
        this.token = csrfOf(res.body);
      } catch {
        // A page without a form.
      }
    }
    return res;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } }),
    );
  }

  async post(
    url: string,
    form: Record<string, string | string[]>,
    opts: { token?: string | null } = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    const token = opts.token === undefined ? this.token : opts.token;
    if (token !== null) body.append('_csrf', token);
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
  }

  /** Logs in as the demo account of `role`; throws unless the login succeeds. */
  async login(role: AccountRole, password = DEMO_PASSWORD): Promise<LightMyRequestResponse> {
    await this.get('/login');
    const res = await this.post('/login', { email: demoEmail(role), password });
    if (res.statusCode !== 303) throw new Error(`login as ${role}: ${res.statusCode}`);
    return res;
  }
}
