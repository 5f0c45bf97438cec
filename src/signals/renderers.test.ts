import { describe, expect, it } from 'vitest';
import type { Declaration } from '../registry/model.js';
import { rslProblems } from '../../test/support/rsl-structure.js';
import { readRsl, robots } from '../../test/support/signal-readers.js';
import { BUNDLED_CRAWLERS, toCrawlerList } from './crawlers.js';
import { contentSignalValue, contentUsageValue, responseHeaders } from './headers.js';
import { reservationAt, toSite } from './model.js';
import { robotsTxt } from './robots.js';
import { rslDocument } from './rsl.js';
import { tdmPolicy, tdmRepRules } from './tdmrep.js';

const site = toSite({ baseUrl: 'https://tdm.cmo.example/', issuer: 'CMO', contactEmail: 'licences@cmo.example' });
const at = '2026-06-01T00:00:00.000Z';
const decl = (uses: Declaration['uses'], extra: Partial<Declaration> = {}): Declaration => ({
  id: 'd1', issuer: 'Spedidam', legalBasis: 'x', uses, media: ['sound'], territories: ['WORLD'],
  effectiveFrom: '2026-01-01T00:00:00.000Z', withdrawnAt: null, createdAt: '2026-01-01T00:00:00.000Z', ...extra,
});

describe('site and crawler list validation', () => {
  it('normalises the base URL and defaults the licensing page', () => {
    expect(site.baseUrl).toBe('https://tdm.cmo.example');
    expect(site.licensingUrl).toBe('https://tdm.cmo.example/licensing');
  });
  it.each([['ftp://x.example'], ['not a url'], ['/relative']])('rejects base URL %s', (baseUrl) => {
    expect(() => toSite({ baseUrl, issuer: 'x' })).toThrow(expect.objectContaining({ code: 'SIGNALS_BAD_SITE' }));
  });
  it('rejects a contact that is not an address', () => {
    expect(() => toSite({ baseUrl: 'https://x.example', issuer: 'x', contactEmail: 'a b' })).toThrow(expect.objectContaining({ code: 'SIGNALS_BAD_SITE' }));
  });
  it.each([
    [{ version: '1', crawlers: [] }],
    [{ version: '1', crawlers: [{ token: 'Kangaroo Bot', owner: 'x', purpose: 'ai-training', description: 'x' }] }],
    [{ version: '1', crawlers: [{ token: 'iaskspider/2.0', owner: 'x', purpose: 'ai-training', description: 'x' }] }],
    [{ version: '1', crawlers: [{ token: 'X', owner: 'x', purpose: 'scraping', description: 'x' }] }],
    [{ version: '1', crawlers: [{ token: 'GPTBot', owner: 'o', purpose: 'ai-training', description: 'd' }, { token: 'gptbot', owner: 'o', purpose: 'ai-training', description: 'd' }] }],
    [null],
  ])('rejects a bad crawler list %#', (list) => {
    expect(() => toCrawlerList(list)).toThrow(expect.objectContaining({ code: 'SIGNALS_BAD_CRAWLER_LIST' }));
  });
  it('ships a list with owners and purposes, and no ordinary search crawler', () => {
    expect(BUNDLED_CRAWLERS.crawlers.length).toBeGreaterThan(40);
    const tokens = BUNDLED_CRAWLERS.crawlers.map((c) => c.token.toLowerCase());
    for (const t of ['googlebot', 'bingbot', 'applebot', 'duckduckbot']) expect(tokens).not.toContain(t);
    expect(tokens).toEqual(expect.arrayContaining(['gptbot', 'claudebot', 'ccbot', 'google-extended']));
  });
});

describe('renderers', () => {
  it('headers: exact values for a full reservation, none without one', () => {
    const r = reservationAt([decl(['all-tdm'])], at);
    expect(responseHeaders(r, site)).toEqual({
      'tdm-reservation': '1',
      'tdm-policy': 'https://tdm.cmo.example/tdm-policy.jsonld',
      'content-usage': 'train-ai=n, search=n',
      'x-robots-tag': 'noai, noimageai',
      link: '<https://tdm.cmo.example/license.xml>; rel="license"; type="application/rsl+xml"',
    });
    expect(contentSignalValue(r)).toBe('search=no, ai-input=no, ai-train=no');
    expect(responseHeaders(reservationAt([decl(['all-tdm'], { withdrawnAt: '2026-05-01T00:00:00.000Z' })], at), site)).toEqual({});
  });
  it('inference only: no AIPREF label exists for it, the other signals still say it', () => {
    const r = reservationAt([decl(['ai-inference'])], at);
    expect(contentUsageValue(r)).toBeNull();
    expect(contentSignalValue(r)).toBe('ai-input=no');
    expect(readRsl(rslDocument(r, site, null) ?? undefined).aiInput).toBe(true);
  });
  it('robots.txt: every group goes from User-agent lines straight to a rule, preferences after a rule', () => {
    const text = robotsTxt(reservationAt([decl(['all-tdm'])], at), site, BUNDLED_CRAWLERS);
    const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    for (let i = 1; i < lines.length; i++) {
      const prev = lines[i - 1]!.split(':')[0]!.toLowerCase();
      const cur = lines[i]!.split(':')[0]!.toLowerCase();
      if (prev === 'user-agent') expect(['user-agent', 'allow', 'disallow']).toContain(cur);
      if (['content-usage', 'content-signal', 'license'].includes(cur)) expect(prev).not.toBe('user-agent');
    }
    expect(text).toContain('User-agent: *\nAllow: /\nContent-Usage: train-ai=n, search=n\nContent-Signal: search=no, ai-input=no, ai-train=no\nLicense: https://tdm.cmo.example/license.xml\n');
    // Allow lines precede `Disallow: /`, so first-match parsers (Python's) agree with longest-match ones.
    expect(text.indexOf('Allow: /.well-known/tdmrep.json')).toBeLessThan(text.indexOf('Disallow: /'));
    expect(robots('https://tdm.cmo.example/robots.txt', text).isAllowed('https://tdm.cmo.example/declaration.fr.html', 'GPTBot')).toBe(true);
  });
  it('robots.txt without a reservation blocks nobody and states nothing', () => {
    const text = robotsTxt(reservationAt([], at), site, BUNDLED_CRAWLERS);
    expect(text).not.toMatch(/Disallow|Content-Usage|Content-Signal|License/);
    expect(robots('https://tdm.cmo.example/robots.txt', text).isAllowed('https://tdm.cmo.example/x', 'GPTBot')).toBe(true);
  });
  it('TDMRep: one rule for the origin; the policy is an ODRL Offer asking consent and compensation', () => {
    const r = reservationAt([decl(['ai-training'])], at);
    expect(tdmRepRules(r, site)).toEqual([{ location: '/', 'tdm-reservation': 1, 'tdm-policy': 'https://tdm.cmo.example/tdm-policy.jsonld' }]);
    expect(tdmRepRules(reservationAt([], at), site)).toEqual([]);
    expect(tdmPolicy(r, site)).toMatchObject({
      '@type': 'Offer',
      profile: 'http://www.w3.org/ns/tdmrep',
      permission: [{ action: 'tdm:mine', duty: [{ action: 'obtainConsent' }, { action: 'compensate' }] }],
      assigner: { 'vcard:fn': 'Spedidam', 'vcard:hasEmail': 'mailto:licences@cmo.example', 'vcard:hasURL': 'https://tdm.cmo.example/licensing' },
    });
    expect(tdmPolicy(reservationAt([], at), site)).toBeNull();
  });
  it('RSL: escapes the issuer, names the licensing desk, absent without a reservation', () => {
    const xml = rslDocument(reservationAt([decl(['ai-training'], { issuer: 'A & <B>' })], at), site, '2026-01-01T00:00:00.000Z')!;
    expect(xml).toContain('>A &amp; &lt;B&gt;</copyright>');
    expect(xml).toContain('<custom>https://tdm.cmo.example/licensing</custom>');
    expect(readRsl(xml)).toMatchObject({ trainAi: true, aiInput: false, search: false, payment: true, namespace: 'https://rslstandard.org/rsl' });
    expect(rslDocument(reservationAt([], at), site, null)).toBeNull();
  });
});

describe('RSL structure', () => {
  it('every RSL document the derivation can produce fits the RSL 1.0 element model', () => {
    const uses: Declaration['uses'][] = [['ai-training'], ['ai-inference'], ['search'], ['all-tdm'], ['genai-training', 'search']];
    for (const u of uses) expect(rslProblems(rslDocument(reservationAt([decl(u)], at), site, '2026-01-01T00:00:00.000Z')!), u.join()).toEqual([]);
  });
  it('the check catches what the model forbids', () => {
    const bad = '<rsl xmlns="https://rslstandard.org/rsl"><content url="/"><license><prohibits type="usage">ai-train,search</prohibits><prohibits type="usage">all</prohibits><foo/></license></content></rsl>';
    expect(rslProblems(bad)).toEqual(expect.arrayContaining([
      expect.stringContaining('comma'),
      expect.stringContaining('two <prohibits'),
      expect.stringContaining('unexpected element <foo>'),
    ]));
    expect(rslProblems('<rsl xmlns="https://example.org/x"><content url="/"/></rsl>')).toEqual(expect.arrayContaining([expect.stringContaining('namespace'), expect.stringContaining('<license> 0 times')]));
  });
});
