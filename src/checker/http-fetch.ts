/**
 * The checker's HTTP edge: one GET with undici, bounded in time, size and redirects, with a user agent that
 * names the crawler, behind an interface so that the rest is tested without a network. Politeness (a
 * per-host concurrency limit and a delay between requests to one host) lives here too, since every request
 * passes through it.
 */
import { Agent, interceptors, type Dispatcher } from 'undici';

export interface FetchOk {
  ok: true;
  url: string;
  status: number;
  header: (name: string) => string | null;
  /** Every value of a header that may repeat (Link, X-Robots-Tag). */
  headerAll: (name: string) => string[];
  body: Uint8Array;
  /** True when the body was longer than the limit (only the first `maxBytes` are kept). */
  truncated: boolean;
}

export interface FetchFailed {
  ok: false;
  url: string;
  error: string;
}

export type FetchResult = FetchOk | FetchFailed;

export interface Fetcher {
  get(url: string, options: { maxBytes: number; accept?: string }): Promise<FetchResult>;
}

export interface HttpFetcherOptions {
  /** The crawler's product token, put first in the User-Agent. */
  agentToken: string;
  timeoutMs?: number;
  maxRedirects?: number;
  /** Requests in flight per host. */
  perHostConcurrency?: number;
  /** Least time between the starts of two requests to one host. */
  perHostDelayMs?: number;
}

/** undici-backed fetcher; close it when done. */
export class HttpFetcher implements Fetcher, AsyncDisposable {
  private readonly agent: Agent;
  private readonly dispatcher: Dispatcher;
  private readonly userAgent: string;
  private readonly hosts = new HostGate();

  constructor(private readonly options: HttpFetcherOptions) {
    const timeout = options.timeoutMs ?? 10_000;
    this.agent = new Agent({ connect: { timeout }, headersTimeout: timeout, bodyTimeout: timeout });
    this.dispatcher = this.agent.compose(interceptors.redirect({ maxRedirections: options.maxRedirects ?? 5 }));
    this.userAgent = `${options.agentToken} (tdm-reserve checker; +https://github.com/tdm-reserve)`;
  }

  async get(url: string, { maxBytes, accept }: { maxBytes: number; accept?: string }): Promise<FetchResult> {
    const host = new URL(url).host;
    return this.hosts.run(host, this.options.perHostConcurrency ?? 2, this.options.perHostDelayMs ?? 0, () => this.fetchOnce(url, maxBytes, accept));
  }

  private async fetchOnce(url: string, maxBytes: number, accept: string | undefined): Promise<FetchResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), (this.options.timeoutMs ?? 10_000) * 2);
    try {
      const res = await this.dispatcher.request({
        origin: new URL(url).origin,
        path: new URL(url).pathname + new URL(url).search,
        method: 'GET',
        headers: { 'user-agent': this.userAgent, ...(accept ? { accept } : {}) },
        signal: controller.signal,
      });
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        chunks.push(chunk);
        size += chunk.length;
        if (size > maxBytes) {
          truncated = true;
          res.body.destroy();
          break;
        }
      }
      const body = Buffer.concat(chunks).subarray(0, maxBytes);
      const all = (name: string): string[] => {
        const v = res.headers[name.toLowerCase()];
        return v === undefined ? [] : Array.isArray(v) ? v : [v];
      };
      return { ok: true, url, status: res.statusCode, header: (n) => (all(n).length > 0 ? all(n).join(', ') : null), headerAll: all, body, truncated };
    } catch (e) {
      return { ok: false, url, error: (e as Error).message || String(e) };
    } finally {
      clearTimeout(timer);
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.agent.close();
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/** Per-host gate: at most `limit` requests in flight, and starts at least `delayMs` apart. */
export class HostGate {
  private readonly state = new Map<string, { active: number; lastStart: number; waiting: (() => void)[] }>();

  constructor(private readonly now: () => number = Date.now) {}

  async run<T>(host: string, limit: number, delayMs: number, fn: () => Promise<T>): Promise<T> {
    let s = this.state.get(host);
    if (s === undefined) {
      s = { active: 0, lastStart: -Infinity, waiting: [] };
      this.state.set(host, s);
    }
    const st = s;
    while (st.active >= limit) await new Promise<void>((resolve) => st.waiting.push(resolve));
    st.active++;
    try {
      const target = Math.max(this.now(), st.lastStart + delayMs);
      st.lastStart = target;
      // A timer counts from the event loop's cached clock, which lags the real one after synchronous work:
      // wait until the clock itself says the delay is over.
      for (let left = target - this.now(); left > 0; left = target - this.now()) {
        await new Promise((r) => setTimeout(r, left));
      }
      return await fn();
    } finally {
      st.active--;
      st.waiting.shift()?.();
    }
  }
}
