/**
 * The crawler guard with a real Crawlee `HttpCrawler` (and `guardedFetch` over the global fetch) crawling a
 * local site that publishes a mix of signals: robots.txt Disallow for the token, a TDMRep reservation, a
 * Content-Usage header, a noai `<meta>`, and a free page. Asserts what was downloaded, what was refused,
 * and with which evidence.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckerError } from '../../src/checker/errors.js';
import { crawleeGuard, guardedFetch, type GuardDecision } from '../../src/checker/guard.js';
import { HttpFetcher } from '../../src/checker/http-fetch.js';
import { siteFiles } from '../../src/checker/check-url.js';
import { startSite, type Page, type Site } from '../support/signal-sites.js';

const AGENT = 'ExampleBot';
const html = (head: string, body = ''): Page => ({ headers: { 'content-type': 'text/html; charset=utf-8' }, body: `<!doctype html><html><head>${head}</head><body>${body}</body></html>` });

describe('crawler guard', () => {
  const storage = mkdtempSync(join(tmpdir(), 'tdmr-crawlee-'));
  const pages: Record<string, Page | string | number> = {
    '/robots.txt': `User-agent: ${AGENT}\nDisallow: /private/\n\nUser-agent: *\nAllow: /\n`,
    '/private/page': html('<title>private</title>'),
    '/tdm/song': html('<title>song</title>'),
    '/usage': { headers: { 'content-type': 'text/html', 'content-usage': 'train-ai=n' }, body: '<html><body>usage</body></html>' },
    '/noai': html('<meta name="robots" content="noai, noimageai">'),
    '/free': html('<title>free</title>', 'nothing reserved here'),
    '/free-too': html('<meta name="tdm-reservation" content="0">'),
  };
  let site: Site;
  let fetcher: HttpFetcher;
  beforeAll(async () => {
    site = await startSite(pages);
    pages['/.well-known/tdmrep.json'] = { headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ location: '/tdm/*', 'tdm-reservation': 1, 'tdm-policy': `${site.origin}/policy.json` }]) };
    pages['/policy.json'] = { headers: { 'content-type': 'application/json' }, body: '{"@context":"http://www.w3.org/ns/odrl.jsonld","uid":"p","type":"Offer"}' };
    fetcher = new HttpFetcher({ agentToken: AGENT, perHostDelayMs: 0, timeoutMs: 5000 });
  });
  afterAll(async () => {
    delete process.env.CRAWLEE_STORAGE_DIR;
    await fetcher.close();
    await site.close();
    rmSync(storage, { recursive: true, force: true });
  });
  const paths = ['/private/page', '/tdm/song', '/usage', '/noai', '/free', '/free-too'];

  it('a Crawlee HttpCrawler downloads the free pages only, and records why the others were refused', async () => {
    process.env.CRAWLEE_STORAGE_DIR = storage;
    const { HttpCrawler, Configuration, log } = await import('@crawlee/http');
    log.setLevel(log.LEVELS.OFF);
    const config = new Configuration({ persistStorage: false, purgeOnStart: true, systemInfoIntervalMillis: 3_600_000 });
    const logged: GuardDecision[] = [];
    const downloaded: string[] = [];
    const refused = new Map<string, { error: unknown; decision: GuardDecision }>();
    const crawler = new HttpCrawler(
      {
        maxConcurrency: 2,
        maxRequestRetries: 2,
        preNavigationHooks: [crawleeGuard({ agent: AGENT, fetcher, uses: ['ai-training', 'genai-training'], cache: siteFiles(), log: (d) => logged.push(d) })],
        requestHandler: ({ request, body }) => {
          expect(String(body)).toContain('<html>');
          downloaded.push(new URL(request.url).pathname);
        },
        failedRequestHandler: ({ request }, error) => {
          refused.set(new URL(request.url).pathname, { error, decision: request.userData.tdmGuard as GuardDecision });
        },
      },
      config,
    );
    await crawler.run(paths.map((p) => `${site.origin}${p}`));
    await crawler.teardown();

    expect(downloaded.sort()).toEqual(['/free', '/free-too']);
    expect([...refused.keys()].sort()).toEqual(['/noai', '/private/page', '/tdm/song', '/usage']);
    expect(logged).toHaveLength(paths.length);
    // The crawler's own client never asked for a refused page; the disallowed one nobody fetched.
    const crawlerAsked = site.requests.filter((r) => !String(r.headers['user-agent']).startsWith(AGENT)).map((r) => r.path);
    expect(crawlerAsked.sort()).toEqual(['/free', '/free-too']);
    expect(site.requests.filter((r) => r.path === '/private/page')).toEqual([]);
    // robots.txt and the TDMRep file were each fetched once for the whole crawl.
    expect(site.requests.filter((r) => r.path === '/robots.txt')).toHaveLength(1);
    expect(site.requests.filter((r) => r.path === '/.well-known/tdmrep.json')).toHaveLength(1);

    const first = (p: string) => refused.get(p)!.decision.blocking[0]!.evidence[0]!;
    expect(first('/private/page')).toMatchObject({ signal: 'robots-txt', raw: 'Disallow: /private/', rule: 'rfc9309-longest-match' });
    expect(first('/tdm/song')).toMatchObject({ signal: 'tdmrep-file', licence: `${site.origin}/policy.json` });
    expect(first('/usage')).toMatchObject({ signal: 'content-usage-header', raw: 'train-ai=n' });
    expect(first('/noai')).toMatchObject({ signal: 'robots-meta', rule: 'noai-token' });
    for (const { error, decision } of refused.values()) {
      expect(error).toBeInstanceOf(CheckerError);
      expect((error as CheckerError).code).toBe('CHECK_RESERVED');
      expect(decision.decision).toBe('refused');
      expect(decision.blocking.map((b) => b.status)).toEqual(['reserved', 'reserved']);
    }
    // No retry of a refused request: one guard decision per URL.
    expect(new Set(logged.map((d) => d.url)).size).toBe(logged.length);
  }, 60_000);

  it('guardedFetch: downloads what is free, throws CHECK_RESERVED with the verdicts for the rest', async () => {
    const logged: GuardDecision[] = [];
    const get = guardedFetch(fetch, { agent: AGENT, fetcher, uses: ['genai-training'], log: (d) => logged.push(d) });
    const ok = await get(`${site.origin}/free`);
    expect(await ok.text()).toContain('nothing reserved here');
    const err = await get(new URL(`${site.origin}/usage`)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckerError);
    expect((err as CheckerError).code).toBe('CHECK_RESERVED');
    expect((err as CheckerError).message).toContain('genai-training reserved (content-usage-header');
    expect((err as CheckerError).details).toMatchObject({ url: `${site.origin}/usage`, verdicts: [{ use: 'genai-training', status: 'reserved', rule: 'any-reservation-reserves' }] });
    expect(logged.map((d) => d.decision)).toEqual(['allowed', 'refused']);
    // A licence named by the TDMRep reservation is held: licensed, so allowed.
    const licensed = guardedFetch(fetch, { agent: AGENT, fetcher, uses: ['ai-training'], licences: [`${site.origin}/policy.json`] });
    expect((await licensed(`${site.origin}/tdm/song`)).status).toBe(200);
  });

  it('an unreadable robots.txt refuses every URL of the site (unknown is never allowed)', async () => {
    const down = await startSite({ '/robots.txt': 503, '/page': html('') });
    try {
      const get = guardedFetch(fetch, { agent: AGENT, fetcher });
      const err = await get(`${down.origin}/page`).catch((e: unknown) => e);
      expect((err as CheckerError).code).toBe('CHECK_RESERVED');
      expect(((err as CheckerError).details as { blocking: { status: string }[] }).blocking.map((b) => b.status)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
      expect(down.requests.map((r) => r.path)).toEqual(['/robots.txt']);
    } finally {
      await down.close();
    }
  });
});
