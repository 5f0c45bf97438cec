/**
 * The published artefacts over HTTP, read by real readers: robots-parser and Python's urllib.robotparser
 * for robots.txt, structured-headers for the header fields, jsonld (offline) for the JSON-LD documents,
 * fast-xml-parser for RSL. Withdrawing the declaration changes every artefact and adds a log entry.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDictionary, parseList, Token } from 'structured-headers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue } from '../../src/ledger/canonical-json.js';
import { decideCrawl, forAgent } from '../../src/checker/robots-eval.js';
import { parseRobots } from '../../src/checker/robots-parse.js';
import { buildApp } from '../../src/server/app.js';
import { BUNDLED_CRAWLERS } from '../../src/signals/crawlers.js';
import { PATHS } from '../../src/signals/model.js';
import { sqliteTestDb } from '../support/db.js';
import { expand } from '../support/jsonld-offline.js';
import { rslProblems } from '../support/rsl-structure.js';
import { readRsl, robots, starGroupRecords } from '../support/signal-readers.js';
import { openEnv, type HttpEnv } from './http-env.js';
import { SEED } from './registry-seed.js';

const BASE = 'https://tdm.cmo.example';
const ORDINARY = ['Googlebot', 'Bingbot', 'DuckDuckBot', 'Baiduspider', 'YandexBot', 'Applebot', 'Qwantbot'];
const PY = `
import json, sys, urllib.robotparser
rp = urllib.robotparser.RobotFileParser()
with open(sys.argv[1], encoding='utf-8') as f:
    rp.parse(f.read().splitlines())
print(json.dumps({ua: [rp.can_fetch(ua, u) for u in sys.argv[3:]] for ua in json.loads(sys.argv[2])}))
`;

/** Python's reader: for each agent, can it fetch each URL? */
function pythonRobots(text: string, agents: string[], urls: string[]): Record<string, boolean[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tdmr-robots-'));
  try {
    writeFileSync(join(dir, 'robots.txt'), text);
    return JSON.parse(execFileSync('python3', ['-c', PY, join(dir, 'robots.txt'), JSON.stringify(agents), ...urls], { encoding: 'utf8' })) as Record<string, boolean[]>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('publication over HTTP (SQLite)', () => {
  let env: HttpEnv;
  beforeAll(async () => {
    env = await openEnv(sqliteTestDb, { publicUrl: BASE, publicationRefreshMs: 25 });
  });
  afterAll(async () => env.close());
  const get = (url: string, headers: Record<string, string> = {}) => env.app.inject({ method: 'GET', url, headers });

  it('robots.txt: every AI token disallowed, ordinary search crawlers not, by robots-parser and by Python', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    // The seeded declaration reserves AI training and inference (the default scope), not search.
    const tokens = BUNDLED_CRAWLERS.crawlers.map((c) => c.token);
    const page = `${BASE}/some/recording.mp3`;
    const signalPages = [`${BASE}${PATHS.tdmrep}`, `${BASE}${PATHS.rsl}`, `${BASE}${PATHS.declarationFr}`];
    const rb = robots(`${BASE}/robots.txt`, res.body);
    for (const t of tokens) {
      expect(rb.isDisallowed(page, t), t).toBe(true);
      for (const s of signalPages) expect(rb.isAllowed(s, t), `${t} ${s}`).toBe(true);
    }
    for (const ua of ORDINARY) expect(rb.isAllowed(page, ua), ua).toBe(true);
    const py = pythonRobots(res.body, [...tokens, ...ORDINARY], [page, ...signalPages]);
    for (const t of tokens) expect(py[t], t).toEqual([false, true, true, true]);
    for (const ua of ORDINARY) expect(py[ua], ua).toEqual([true, true, true, true]);
    expect(starGroupRecords(res.body, 'Content-Usage')).toEqual(['train-ai=n']);
    expect(starGroupRecords(res.body, 'Content-Signal')).toEqual(['ai-input=no, ai-train=no']);
    expect(starGroupRecords(res.body, 'License')).toEqual([`${BASE}${PATHS.rsl}`]);
  });

  it('robots.txt read by our RFC 9309 parser (the one that passes Google\'s suite): the same decisions, and the AI lines', async () => {
    const text = (await get('/robots.txt')).body;
    const parsed = parseRobots(text);
    const decide = (agent: string, path: string) => decideCrawl(forAgent(parsed, agent), path).allowed;
    // RFC 9309 product tokens are letters, '-' and '_': a token such as `AI2Bot` is read as `ai` by strict
    // parsers, which then match no crawler of that name. Those tokens are listed for what they are worth.
    const tokens = BUNDLED_CRAWLERS.crawlers.map((c) => c.token).filter((t) => /^[A-Za-z_-]+$/.test(t));
    expect(tokens.length).toBeGreaterThan(BUNDLED_CRAWLERS.crawlers.length * 0.8);
    for (const t of tokens) {
      expect(decide(t, '/some/recording.mp3'), t).toBe(false);
      expect(decide(t, PATHS.tdmrep), t).toBe(true);
    }
    for (const ua of ORDINARY) expect(decide(ua, '/some/recording.mp3'), ua).toBe(true);
    expect(text).toMatch(/^Content-Usage: /m);
    expect(text).toMatch(/^License: /m);
  });

  it('headers on every content response, GET /v1/recordings/{isrc} included, parse as Structured Fields', async () => {
    for (const url of [`/v1/recordings/${SEED.reserved}`, '/healthz', '/robots.txt']) {
      const res = await get(url);
      expect(res.headers['tdm-reservation'], url).toBe('1');
      expect(res.headers['tdm-policy']).toBe(`${BASE}${PATHS.policy}`);
      const usage = parseDictionary(String(res.headers['content-usage']));
      expect([...usage.keys()]).toEqual(['train-ai']);
      expect(usage.get('train-ai')?.[0]).toEqual(new Token('n'));
      expect(res.headers['x-robots-tag']).toBe('noai, noimageai');
      // Link is not a Structured Field, but its parameters follow the same grammar after the <target>.
      const link = String(res.headers.link);
      expect(link.startsWith(`<${BASE}${PATHS.rsl}>;`)).toBe(true);
      const params = parseList(`x${link.slice(link.indexOf(';'))}`)[0]?.[1];
      expect(params?.get('rel')).toBe('license');
      expect(params?.get('type')).toBe('application/rsl+xml');
    }
  });

  it('ETag, Last-Modified and conditional GET on every artefact', async () => {
    for (const path of Object.values(PATHS)) {
      if (path === PATHS.declarationJws) continue;
      const res = await get(path);
      expect(res.statusCode, path).toBe(200);
      const etag = String(res.headers.etag);
      const lastModified = String(res.headers['last-modified']);
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
      expect(Date.parse(lastModified)).not.toBeNaN();
      expect((await get(path, { 'if-none-match': etag })).statusCode).toBe(304);
      expect((await get(path, { 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);
      expect((await get(path, { 'if-modified-since': lastModified })).statusCode).toBe(304);
      expect((await get(path, { 'if-none-match': '"other"', 'if-modified-since': lastModified })).statusCode).toBe(200);
      expect((await get(path, { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).statusCode).toBe(200);
    }
  });

  it('TDMRep, policy and declaration: the JSON-LD expands to the TDMRep and ODRL terms', async () => {
    expect(JSON.parse((await get(PATHS.tdmrep)).body)).toEqual([{ location: '/', 'tdm-reservation': 1, 'tdm-policy': `${BASE}${PATHS.policy}` }]);
    const policy = await get(PATHS.policy);
    expect(policy.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const [offer] = await expand(JSON.parse(policy.body));
    const O = 'http://www.w3.org/ns/odrl/2/';
    expect(offer?.['@type']).toEqual([`${O}Offer`]);
    expect(offer?.[`${O}profile`]).toEqual([{ '@id': 'http://www.w3.org/ns/tdmrep' }]);
    const permission = (offer?.[`${O}permission`] as Record<string, unknown>[])[0];
    expect(permission?.[`${O}action`]).toEqual([{ '@id': 'http://www.w3.org/ns/tdmrep#mine' }]);
    const duties = (permission?.[`${O}duty`] as Record<string, unknown>[]).map((d) => d[`${O}action`]);
    expect(duties).toEqual([[{ '@id': `${O}obtainConsent` }], [{ '@id': `${O}compensate` }]]);

    const [decl] = await expand(JSON.parse((await get(PATHS.declarationJsonLd)).body));
    expect(decl?.['http://www.w3.org/ns/tdmrep#reservation']).toEqual([{ '@value': 1 }]);
    const names = decl?.['https://schema.org/name'] as { '@language': string }[];
    expect(names.map((n) => n['@language']).sort()).toEqual(['en', 'fr']);
    expect(decl?.['https://schema.org/citation']).toEqual([{ '@id': 'http://data.europa.eu/eli/dir/2019/790/oj' }]);
  });

  it('the declaration pages in English and French', async () => {
    const en = await get(PATHS.declarationEn);
    const fr = await get(PATHS.declarationFr);
    expect(en.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Article 4(3) of Directive (EU) 2019/790');
    expect(en.body).toContain(`${BASE}/licensing`);
    expect(fr.body).toContain('<html lang="fr">');
    expect(fr.body).toContain('L.122-5-3 et L.211-3 8°');
    expect(fr.body).toContain('<meta name="tdm-reservation" content="1">');
  });

  it('RSL: prohibits the reserved uses, permits them against the licensing desk', async () => {
    const res = await get(PATHS.rsl);
    expect(res.headers['content-type']).toBe('application/rsl+xml; charset=utf-8');
    expect(readRsl(res.body)).toEqual({ trainAi: true, aiInput: true, search: false, payment: true, namespace: 'https://rslstandard.org/rsl' });
    expect(rslProblems(res.body)).toEqual([]);
  });

  it('the declaration served is in the log once: its digest, under its own topic', async () => {
    const doc = (await get(PATHS.declarationJsonLd)).body;
    const digest = createHash('sha256').update(canonicalJson(JSON.parse(doc) as JsonValue)).digest('hex');
    const published = async () =>
      (await env.ctx.services.ledger.entries(0, 1000)).entries
        .filter((e) => e.type === 'declaration.published')
        .map((e) => (JSON.parse(e.body) as { data: { sha256: string; id: string } }).data);
    expect((await published()).filter((d) => d.sha256 === digest)).toEqual([expect.objectContaining({ id: digest, sha256: digest })]);
    // A second service over the same registry (a restart) serves the same text and logs nothing new.
    const again = buildApp(env.ctx, { publicUrl: BASE });
    await again.ready();
    await again.close();
    expect((await published()).filter((d) => d.sha256 === digest)).toHaveLength(1);
  });

  it('withdrawing the declaration updates every artefact and adds a log entry', async () => {
    const before = await env.ctx.services.ledger.entries(0);
    const live = (await env.ctx.services.registry.declarations()).filter((d) => d.withdrawnAt === null);
    const etags = new Map<string, string>();
    for (const p of [PATHS.robots, PATHS.tdmrep, PATHS.aiTxt, PATHS.declarationJsonLd]) etags.set(p, String((await get(p)).headers.etag));
    for (const d of live) await env.ctx.services.registry.withdrawDeclaration(d.id, new Date(Date.now() - 1000).toISOString());
    const after = await env.ctx.services.ledger.entries(before.size);
    expect(live.length).toBeGreaterThan(0);
    // The served declaration's new text may be logged too (declaration.published) by a refresh in between.
    expect(after.entries.filter((e) => e.type === 'declaration.withdrawn')).toHaveLength(live.length);
    // The service re-reads the declarations in the background (every 25 ms here).
    for (let i = 0; i < 100 && (await get('/healthz')).headers['tdm-reservation'] !== undefined; i++) await new Promise((r) => setTimeout(r, 20));
    const res = await get(`/v1/recordings/${SEED.reserved}`);
    for (const h of ['tdm-reservation', 'tdm-policy', 'content-usage', 'x-robots-tag', 'link']) expect(res.headers[h], h).toBeUndefined();
    const robotsTxt = (await get(PATHS.robots)).body;
    expect(robots(`${BASE}/robots.txt`, robotsTxt).isAllowed(`${BASE}/x.mp3`, 'GPTBot')).toBe(true);
    expect(pythonRobots(robotsTxt, ['GPTBot'], [`${BASE}/x.mp3`])).toEqual({ GPTBot: [true] });
    expect(JSON.parse((await get(PATHS.tdmrep)).body)).toEqual([]);
    expect((await get(PATHS.rsl)).statusCode).toBe(404);
    expect((await get(PATHS.policy)).statusCode).toBe(404);
    expect((await get(PATHS.rsl)).json()).toMatchObject({ code: 'SIGNALS_NOT_PUBLISHED' });
    const doc = JSON.parse((await get(PATHS.declarationJsonLd)).body) as { reservation: number; hasPart: { inForce: boolean; withdrawnAt?: string }[] };
    expect(doc.reservation).toBe(0);
    expect(doc.hasPart.every((p) => !p.inForce && p.withdrawnAt !== undefined)).toBe(true);
    for (const [p, etag] of etags) expect((await get(p, { 'if-none-match': etag })).statusCode, p).toBe(200);
  });
});
