/** `checkUrl` over real sockets against local sites publishing signal combinations. */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkUrl, siteFiles, type UrlCheck } from '../../src/checker/check-url.js';
import { HttpFetcher } from '../../src/checker/http-fetch.js';
import { CHECK_USES, type VerdictStatus } from '../../src/checker/model.js';
import { tdmr } from '../support/cli.js';
import { startSite, type Page, type Site } from '../support/signal-sites.js';

const fetcher = new HttpFetcher({ agentToken: 'TestBot', timeoutMs: 10_000 });
afterAll(() => fetcher.close());
let sites: Site[] = [];
afterEach(async () => {
  await Promise.all(sites.map((s) => s.close()));
  sites = [];
});

async function site(pages: Record<string, Page | string | number>): Promise<Site> {
  const s = await startSite(pages);
  sites.push(s);
  return s;
}

const statuses = (c: UrlCheck): VerdictStatus[] => CHECK_USES.map((u) => c.uses[u].status);
const check = (url: string, licences: string[] = []) => checkUrl(url, { agent: 'TestBot', fetcher, licences });
const HTML = { 'content-type': 'text/html; charset=utf-8' };

describe('checkUrl', () => {
  it('nothing published: every use not covered, crawl allowed', async () => {
    const s = await site({ '/a': 'hello' });
    const c = await check(`${s.origin}/a`);
    expect(c.crawl).toBe('allowed');
    expect(statuses(c)).toEqual(['not-covered', 'not-covered', 'not-covered', 'not-covered']);
    expect(s.requests.map((r) => r.path)).toEqual(['/robots.txt', '/.well-known/tdmrep.json', '/ai.txt', '/a']);
    expect(s.requests[0]?.headers['user-agent']).toMatch(/^TestBot \(tdm-reserve checker/);
  });

  it('robots.txt Disallow for the token reserves every use and the resource is not fetched', async () => {
    const s = await site({ '/robots.txt': 'User-agent: TestBot\nDisallow: /music/\n\nUser-agent: *\nAllow: /\n', '/music/a.flac': 'x' });
    const c = await check(`${s.origin}/music/a.flac`);
    expect(c.crawl).toBe('disallowed');
    expect(statuses(c)).toEqual(['reserved', 'reserved', 'reserved', 'reserved']);
    expect(c.uses.search.evidence[0]).toMatchObject({ signal: 'robots-txt', raw: 'Disallow: /music/', source: `${s.origin}/robots.txt line 2`, rule: 'rfc9309-longest-match' });
    expect(s.requests.map((r) => r.path)).not.toContain('/music/a.flac');
  });

  it('robots.txt 5xx: every use unknown, nothing else fetched; 4xx: allow all', async () => {
    const down = await site({ '/robots.txt': 503, '/a': 'x' });
    const c = await check(`${down.origin}/a`);
    expect(c.crawl).toBe('unknown');
    expect(statuses(c)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(c.uses['ai-training'].evidence[0]).toMatchObject({ signal: 'robots-txt', says: 'unreadable', reason: expect.stringContaining('HTTP 503') });
    expect(down.requests.map((r) => r.path)).toEqual(['/robots.txt']);
    const gone = await site({ '/robots.txt': 403, '/a': 'x' });
    expect((await check(`${gone.origin}/a`)).crawl).toBe('allowed');
  });

  it('an unreachable host is unknown, never allowed', async () => {
    const s = await site({});
    const origin = s.origin;
    await s.close();
    sites = [];
    const c = await check(`${origin}/a`);
    expect(statuses(c)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
  });

  it('robots.txt Content-Usage and Content-Signal lines, with an RSL License', async () => {
    const s = await site({
      '/robots.txt': 'User-agent: *\nAllow: /\nContent-Usage: train-ai=n, search=y\nContent-Signal: ai-input=no\nLicense: https://cmo.example/license.xml\n',
      '/a': 'x',
    });
    const c = await check(`${s.origin}/a`);
    expect(statuses(c)).toEqual(['reserved', 'reserved', 'reserved', 'allowed']);
    expect(c.uses['genai-training'].evidence[0]).toMatchObject({ signal: 'robots-content-usage', raw: 'Content-Usage: train-ai=n, search=y', licence: 'https://cmo.example/license.xml' });
    expect(c.uses['ai-inference'].evidence[0]).toMatchObject({ signal: 'robots-content-signal', rule: 'content-signal-group' });
    const held = await check(`${s.origin}/a`, ['https://cmo.example/license.xml']);
    expect(statuses(held)).toEqual(['licensed', 'licensed', 'licensed', 'allowed']);
  });

  it('tdmrep.json reservation with a policy: reserved, or licensed for a holder of the policy', async () => {
    const s = await site({
      '/.well-known/tdmrep.json': JSON.stringify([{ location: '/music/', 'tdm-reservation': 1, 'tdm-policy': 'http://127.0.0.1:1/policies/tdm/1' }]),
      '/music/a.flac': { headers: { 'content-type': 'audio/flac' }, body: 'x' },
    });
    const c = await check(`${s.origin}/music/a.flac`);
    expect(statuses(c)).toEqual(['reserved', 'reserved', 'reserved', 'reserved']);
    // The policy lives where nothing answers (port 1): it is reported unreadable, the reservation stands.
    expect(c.tdmrep).toMatchObject({ reservation: 1, policy: 'http://127.0.0.1:1/policies/tdm/1', decidedBy: 'tdmrep-file', policyDocument: { state: 'unreadable' } });
    expect(c.uses['ai-training'].evidence[0]).toMatchObject({ signal: 'tdmrep-file', rule: 'tdmrep-first-matching-rule' });
    expect(statuses(await check(`${s.origin}/music/a.flac`, ['http://127.0.0.1:1/policies/tdm/1']))).toEqual(['licensed', 'licensed', 'licensed', 'licensed']);
  });

  it('fetches and summarises the TDM policy; an unreadable policy leaves the reservation standing', async () => {
    const policy = {
      '@context': ['http://www.w3.org/ns/odrl.jsonld', 'http://www.w3.org/ns/tdmrep.jsonld'],
      '@type': 'Offer',
      profile: 'http://www.w3.org/ns/tdmrep',
      uid: 'https://cmo.example/policies/tdm/1',
      assigner: { 'vcard:fn': 'Example Performers CMO', 'vcard:hasEmail': 'mailto:ai@cmo.example' },
      permission: [{ action: 'tdm:mine', duty: [{ action: 'obtainConsent' }, { action: 'compensate' }] }],
    };
    const s = await site({ '/policy.json': { headers: { 'content-type': 'application/ld+json' }, body: JSON.stringify(policy) }, '/p.html': { headers: HTML, body: '<p>ask us</p>' } });
    const at = (p: string) => ({ '/a': { headers: { 'tdm-reservation': '1', 'tdm-policy': `${s.origin}${p}` }, body: 'x' } });
    const one = await site(at('/policy.json'));
    const c = await check(`${one.origin}/a`);
    expect(c.tdmrep.policyDocument).toMatchObject({ state: 'summarised', summary: { assigner: { name: 'Example Performers CMO', email: 'ai@cmo.example' }, permissions: [{ action: 'tdm:mine', duties: ['obtainConsent', 'compensate'] }], problems: [] } });
    expect((await check(`${(await site(at('/p.html'))).origin}/a`)).tdmrep.policyDocument).toMatchObject({ state: 'human-readable' });
    const missing = await check(`${(await site(at('/none.json'))).origin}/a`);
    expect(missing.tdmrep.policyDocument).toMatchObject({ state: 'unreadable', reason: 'HTTP 404' });
    expect(statuses(missing)).toEqual(['reserved', 'reserved', 'reserved', 'reserved']);
  });

  it('a tdm-reservation header supersedes the file (TDMRep precedence)', async () => {
    const s = await site({
      '/.well-known/tdmrep.json': JSON.stringify([{ location: '/', 'tdm-reservation': 1 }]),
      '/open': { headers: { 'tdm-reservation': '0' }, body: 'x' },
    });
    const c = await check(`${s.origin}/open`);
    expect(c.tdmrep.decidedBy).toBe('tdmrep-header');
    expect(statuses(c)).toEqual(['allowed', 'allowed', 'allowed', 'allowed']);
  });

  it('HTML <meta> tdm-reservation and robots noai; <link rel=license> RSL', async () => {
    const s = await site({
      '/page': {
        headers: { ...HTML, 'tdm-reservation': '0' },
        body: '<html><head><meta name="tdm-reservation" content="1"><meta name="robots" content="noai"><link rel="license" type="application/rsl+xml" href="https://cmo.example/l.xml"></head></html>',
      },
    });
    const c = await check(`${s.origin}/page`);
    expect(c.tdmrep.decidedBy).toBe('tdmrep-meta');
    expect(statuses(c)).toEqual(['reserved', 'reserved', 'reserved', 'reserved']);
    expect(c.evidence.map((e) => e.signal)).toEqual(expect.arrayContaining(['robots-meta', 'link-license', 'tdmrep-meta']));
  });

  it('HTTP Content-Usage and Content-Signal headers, X-Robots-Tag noai / noimageai', async () => {
    const s = await site({
      '/song.flac': { headers: { 'content-usage': 'train-ai=y', 'content-signal': 'search=no' }, body: 'x' },
      '/cover.jpg': { headers: { 'content-type': 'image/jpeg', 'x-robots-tag': 'noimageai' }, body: 'x' },
      '/doc.txt': { headers: { 'x-robots-tag': ['noimageai', 'otherbot: noai'] }, body: 'x' },
      '/mine.txt': { headers: { 'x-robots-tag': 'testbot: noai' }, body: 'x' },
    });
    expect(statuses(await check(`${s.origin}/song.flac`))).toEqual(['not-covered', 'allowed', 'not-covered', 'reserved']);
    expect(statuses(await check(`${s.origin}/cover.jpg`))).toEqual(['reserved', 'reserved', 'not-covered', 'not-covered']);
    expect(statuses(await check(`${s.origin}/doc.txt`))).toEqual(['not-covered', 'not-covered', 'not-covered', 'not-covered']);
    expect(statuses(await check(`${s.origin}/mine.txt`))).toEqual(['reserved', 'reserved', 'not-covered', 'not-covered']);
  });

  it('Spawning ai.txt extension rules reserve training', async () => {
    const s = await site({ '/ai.txt': 'User-Agent: *\nDisallow: *.mp3\n', '/a/b.mp3': 'x', '/a/b.html': 'x' });
    const c = await check(`${s.origin}/a/b.mp3`);
    expect(statuses(c)).toEqual(['reserved', 'reserved', 'not-covered', 'not-covered']);
    expect(c.uses['ai-training'].evidence[0]).toMatchObject({ signal: 'ai-txt', rule: 'ai-txt-disallow' });
    expect(statuses(await check(`${s.origin}/a/b.html`))).toEqual(['not-covered', 'not-covered', 'not-covered', 'not-covered']);
  });

  it('an unreadable tdmrep.json or resource leaves uses unknown', async () => {
    const s = await site({ '/.well-known/tdmrep.json': 500, '/a': 'x', '/b': 502 });
    expect(statuses(await check(`${s.origin}/a`))).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    const c = await check(`${s.origin}/b`);
    expect(c.uses.search.evidence.map((e) => e.signal)).toEqual(expect.arrayContaining(['http-response', 'tdmrep-file']));
  });

  it('follows robots.txt redirects and caches site files per origin', async () => {
    const s = await site({ '/robots.txt': { status: 301, headers: { location: '/real-robots.txt' } }, '/real-robots.txt': 'User-agent: *\nDisallow: /x\n', '/a': 'x' });
    const cache = siteFiles();
    const first = await checkUrl(`${s.origin}/x`, { agent: 'TestBot', fetcher, cache });
    expect(first.crawl).toBe('disallowed');
    await checkUrl(`${s.origin}/a`, { agent: 'TestBot', fetcher, cache });
    expect(s.requests.filter((r) => r.path === '/robots.txt')).toHaveLength(1);
  });

  it('rejects what is not an http(s) URL', async () => {
    await expect(check('ftp://a.example/x')).rejects.toMatchObject({ code: 'CHECK_INVALID_URL' });
    await expect(check('not a url')).rejects.toMatchObject({ code: 'CHECK_INVALID_URL' });
  });
});

describe('tdmr check', () => {
  it('prints the verdicts and exits 1 when a use is reserved, 0 when none is', async () => {
    const s = await site({ '/robots.txt': 'User-agent: *\nAllow: /\nContent-Usage: train-ai=n\n', '/a': 'x' });
    const r = await tdmr('--json', 'check', '--agent', 'TestBot', '--delay', '0', `${s.origin}/a`);
    expect(r.code).toBe(1);
    const [c] = r.json<UrlCheck[]>();
    expect(c?.uses['ai-training'].status).toBe('reserved');
    const open = await site({ '/a': 'x' });
    const ok = await tdmr('check', '--agent', 'TestBot', '--delay', '0', `${open.origin}/a`);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('ai-training     not-covered');
  });

  it('turns reservations naming a held licence into licensed (--licence, repeatable)', async () => {
    const s = await site({ '/robots.txt': 'User-agent: *\nAllow: /\nContent-Usage: train-ai=n\nLicense: https://cmo.example/l.xml\n', '/a': 'x' });
    const r = await tdmr('--json', 'check', '--agent', 'TestBot', '--licence', 'https://other.example/', '--licence', 'https://cmo.example/l.xml', '--delay', '0', `${s.origin}/a`);
    expect(r.code).toBe(0);
    expect(r.json<UrlCheck[]>()[0]?.uses['genai-training'].status).toBe('licensed');
  });

  it('exits 2 for a bad token or option', async () => {
    expect((await tdmr('check', '--agent', 'a/b', 'http://127.0.0.1:1/')).code).toBe(2);
    expect((await tdmr('check', '--agent', 'A', '--timeout', 'x', 'http://127.0.0.1:1/')).code).toBe(2);
  });
});
