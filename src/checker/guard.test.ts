import { describe, expect, it } from 'vitest';
import { CheckerError } from './errors.js';
import { crawleeGuard, guardedFetch, urlGuard, type CrawleeContextLike, type GuardDecision } from './guard.js';
import type { Fetcher, FetchResult } from './http-fetch.js';

// A site in a table: path -> [status, headers, body]; every request is recorded.
function fakeSite(pages: Record<string, [number, Record<string, string>, string]>): Fetcher & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    get: (url): Promise<FetchResult> => {
      const path = new URL(url).pathname;
      asked.push(path);
      const [status, headers, body] = pages[path] ?? [404, {}, ''];
      const h = (n: string) => headers[n.toLowerCase()] ?? null;
      return Promise.resolve({ ok: true, url, status, header: h, headerAll: (n) => (h(n) === null ? [] : [h(n) as string]), body: new TextEncoder().encode(body), truncated: false });
    },
  };
}

const site = () => fakeSite({ '/robots.txt': [200, {}, 'User-agent: *\nDisallow: /no/\n'], '/a': [200, { 'content-usage': 'train-ai=n' }, ''], '/b': [200, {}, ''] });

describe('urlGuard', () => {
  it('refuses when one of the caller’s uses is reserved, allows when none is; logs both', async () => {
    const logged: GuardDecision[] = [];
    const guard = urlGuard({ agent: 'Bot', fetcher: site(), uses: ['genai-training', 'search'], log: (d) => logged.push(d) });
    const a = await guard('https://s.example/a');
    expect(a).toMatchObject({ decision: 'refused', blocking: [{ use: 'genai-training', status: 'reserved' }] });
    expect(a.verdicts.map((v) => v.status)).toEqual(['reserved', 'not-covered']);
    expect((await guard('https://s.example/b')).decision).toBe('allowed');
    // A use the caller does not crawl for does not refuse.
    expect((await urlGuard({ agent: 'Bot', fetcher: site(), uses: ['search'] })('https://s.example/a')).decision).toBe('allowed');
    expect(logged.map((d) => d.decision)).toEqual(['refused', 'allowed']);
  });
});

describe('guardedFetch and crawleeGuard', () => {
  it('guardedFetch never calls fetch for a refused URL', async () => {
    const called: string[] = [];
    const f = guardedFetch((input) => (called.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url), Promise.resolve(new Response('ok'))), { agent: 'Bot', fetcher: site() });
    await expect(f('https://s.example/no/x')).rejects.toMatchObject({ code: 'CHECK_RESERVED' });
    expect(await (await f('https://s.example/b')).text()).toBe('ok');
    expect(called).toEqual(['https://s.example/b']);
  });

  it('crawleeGuard marks a refused request noRetry, keeps the decision on it, and throws', async () => {
    const fetcher = site();
    const hook = crawleeGuard({ agent: 'Bot', fetcher });
    const ctx = (url: string): CrawleeContextLike => ({ request: { url, noRetry: false, userData: {} } });
    const refused = ctx('https://s.example/no/x');
    const err = await hook(refused).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckerError);
    expect(refused.request.noRetry).toBe(true);
    expect((refused.request.userData.tdmGuard as GuardDecision).blocking[0]?.evidence[0]).toMatchObject({ signal: 'robots-txt', raw: 'Disallow: /no/' });
    const free = ctx('https://s.example/b');
    await hook(free);
    expect(free.request.noRetry).toBe(false);
    expect((free.request.userData.tdmGuard as GuardDecision).decision).toBe('allowed');
    // One guard, one robots.txt fetch for the origin.
    expect(fetcher.asked.filter((p) => p === '/robots.txt')).toHaveLength(1);
  });
});
