/**
 * `checkUrl`: every signal about one URL, for one crawler token, as per-use verdicts with evidence. Reads
 * robots.txt (RFC 9309 access rules), `/.well-known/tdmrep.json`, `/ai.txt`, then the resource itself
 * (only when robots.txt lets the crawler fetch it): TDMRep headers and `<meta>`, Content-Usage,
 * Content-Signal, X-Robots-Tag and robots `<meta>` `noai`, RSL `Link` / `<link>` licences.
 */
import { readAipref } from './aipref.js';
import { readContentSignal } from './content-signal.js';
import { CheckerError } from './errors.js';
import type { Fetcher, FetchResult } from './http-fetch.js';
import { readHtmlSignals } from './html-signals.js';
import { RSL_MEDIA_TYPE, readLinkHeader } from './link-header.js';
import { AI_USES, TRAINING_USES, decideItem, type CallerLicences, type Evidence, type ItemVerdict } from './model.js';
import { OriginCache } from './origin-cache.js';
import { evaluateRobots } from './robots-eval.js';
import { ROBOTS_MAX_BYTES, parseRobots, type RobotsTxt } from './robots-parse.js';
import { TDMREP_MAX_BYTES, matchTdmrep, parseTdmrep, type TdmrepFile } from './tdmrep-file.js';
import { summariseTdmPolicy, type TdmPolicySummary } from './tdmrep-policy.js';
import { fileStep, headerStep, metaStep, resolveTdmrep, tdmrepEvidence, type TdmrepResult, type TdmrepStep } from './tdmrep-resolve.js';
import { aiprefEvidence, contentSignalEvidence, noaiEvidence, robotsEvidence, unreadableEvidence } from './url-evidence.js';

/** robots.txt as fetched: parsed, unavailable (4xx: allow all) or unreachable (5xx, network: disallow all). */
export type SiteFile<T> = { state: 'ok'; value: T } | { state: 'absent'; status: number } | { state: 'unreachable'; reason: string };

export interface SiteFiles {
  robots: OriginCache<SiteFile<RobotsTxt>>;
  tdmrep: OriginCache<SiteFile<TdmrepFile>>;
  aiTxt: OriginCache<SiteFile<RobotsTxt>>;
  /** TDM policy documents, by URL. */
  policies: OriginCache<PolicyDocument>;
}

/** A TDM policy as fetched: summarised (JSON), for people only (HTML), or not readable (which changes no verdict). */
export type PolicyDocument =
  | { url: string; state: 'summarised'; summary: TdmPolicySummary }
  | { url: string; state: 'human-readable'; contentType: string }
  | { url: string; state: 'unreadable'; reason: string };

export function siteFiles(ttlMs?: number, now?: () => number): SiteFiles {
  return { robots: new OriginCache(ttlMs, now), tdmrep: new OriginCache(ttlMs, now), aiTxt: new OriginCache(ttlMs, now), policies: new OriginCache(ttlMs, now) };
}

export interface CheckUrlOptions extends CallerLicences {
  /** The crawler's product token (GPTBot, CCBot...). */
  agent: string;
  fetcher: Fetcher;
  /** Shared between calls so that site files are fetched once per origin (24 h at most). */
  cache?: SiteFiles;
  /** Most bytes of the resource read for its HTML signals (default 2 MiB). */
  maxBodyBytes?: number;
}

export interface UrlCheck extends ItemVerdict {
  agent: string;
  /** May the crawler fetch the URL under robots.txt? `unknown` when robots.txt was unreachable. */
  crawl: 'allowed' | 'disallowed' | 'unknown';
  tdmrep: { reservation: 0 | 1 | null; policy: string | null; decidedBy: string | null; policyDocument: PolicyDocument | null };
  /** Every statement read, whatever use it speaks about. */
  evidence: Evidence[];
}

/**
 * @example
 * await using fetcher = new HttpFetcher({ agentToken: 'ExampleBot' });
 * const check = await checkUrl('https://example.com/song.flac', { agent: 'ExampleBot', fetcher });
 * check.uses['genai-training'].status; // 'reserved' | 'licensed' | 'allowed' | 'not-covered' | 'unknown'
 */
export async function checkUrl(url: string, options: CheckUrlOptions): Promise<UrlCheck> {
  let target: URL;
  try {
    target = new URL(url);
  } catch (e) {
    throw new CheckerError('CHECK_INVALID_URL', `not a URL: ${url}`, { cause: e, details: { url } });
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new CheckerError('CHECK_INVALID_URL', `not an http(s) URL: ${url}`, { details: { url } });
  const cache = options.cache ?? siteFiles();
  const { fetcher, agent } = options;
  const origin = target.origin;
  const evidence: Evidence[] = [];

  const robotsUrl = `${origin}/robots.txt`;
  const robots = await cache.robots.get(origin, async () => siteFile(await fetcher.get(robotsUrl, { maxBytes: ROBOTS_MAX_BYTES }), parseRobots));
  const may = (u: string): boolean | null => (robots.state === 'ok' ? evaluateRobots(robots.value, agent, u).allowed : robots.state === 'absent');
  let crawl: UrlCheck['crawl'];
  if (robots.state === 'unreachable') {
    crawl = 'unknown';
    evidence.push(unreadableEvidence('robots-txt', robotsUrl, `${robots.reason}; RFC 9309: assume complete disallow`));
  } else if (robots.state === 'absent') crawl = 'allowed';
  else {
    const answer = evaluateRobots(robots.value, agent, target.pathname + target.search);
    crawl = answer.allowed ? 'allowed' : 'disallowed';
    evidence.push(...robotsEvidence(robotsUrl, answer));
  }

  // The site files are fetched only where robots.txt lets the crawler go.
  const steps: TdmrepStep[] = [];
  const tdmrepUrl = `${origin}/.well-known/tdmrep.json`;
  if (may(tdmrepUrl) === true) {
    const file = await cache.tdmrep.get(origin, async () => siteFile(await fetcher.get(tdmrepUrl, { maxBytes: TDMREP_MAX_BYTES, accept: 'application/json' }), (b) => parseTdmrep(Buffer.from(b).toString('utf8'))));
    if (file.state === 'ok') {
      const m = matchTdmrep(file.value, target.pathname + target.search);
      steps.push(fileStep(tdmrepUrl, m, file.value.rules.find((r) => r.index === m.rule) ?? null));
    } else if (file.state === 'unreachable') {
      steps.push({ kind: 'tdmrep-file', source: tdmrepUrl, rawReservation: null, rawPolicy: null, reservation: null, unreadable: file.reason });
    }
  }
  const aiTxtUrl = `${origin}/ai.txt`;
  if (may(aiTxtUrl) === true) {
    const ai = await cache.aiTxt.get(origin, async () => siteFile(await fetcher.get(aiTxtUrl, { maxBytes: ROBOTS_MAX_BYTES }), parseRobots));
    if (ai.state === 'ok' && ai.value.groups.length > 0) {
      const a = evaluateRobots(ai.value, agent, target.pathname + target.search);
      if (!a.allowed && a.matched !== null) evidence.push({ signal: 'ai-txt', source: `${aiTxtUrl} line ${a.matched.line}`, raw: `Disallow: ${a.matched.pattern}`, says: 'reserve', uses: TRAINING_USES, rule: 'ai-txt-disallow' });
    } else if (ai.state === 'unreachable') evidence.push(unreadableEvidence('ai-txt', aiTxtUrl, ai.reason, TRAINING_USES));
  }

  if (crawl === 'allowed') {
    const res = await fetcher.get(url, { maxBytes: options.maxBodyBytes ?? 2 * 1024 * 1024 });
    if (!res.ok || res.status < 200 || res.status >= 300) {
      const reason = res.ok ? `HTTP ${res.status}` : res.error;
      evidence.push(unreadableEvidence('http-response', url, `the resource could not be read: ${reason}`));
    } else {
      steps.push(headerStep(`${url} (response headers)`, res.header));
      evidence.push(...resourceEvidence(url, res, agent, steps));
    }
  }
  const tdmrep = resolveTdmrep(steps);
  evidence.push(...tdmrepEvidence(tdmrep));
  const policy = tdmrep.policy === null ? null : await cache.policies.get(tdmrep.policy, () => fetchPolicy(fetcher, tdmrep.policy as string));
  return { ...decideItem(url, evidence, options), agent, crawl, tdmrep: { ...summary(tdmrep), policyDocument: policy }, evidence };
}

// TDMRep: a policy that cannot be fetched or parsed is not a protocol error; the reservation stands.
async function fetchPolicy(fetcher: Fetcher, url: string): Promise<PolicyDocument> {
  if (!/^https?:\/\//i.test(url)) return { url, state: 'unreadable', reason: 'not an http(s) URL' };
  const res = await fetcher.get(url, { maxBytes: TDMREP_MAX_BYTES, accept: 'application/ld+json, application/json;q=0.9, text/html;q=0.5' });
  if (!res.ok) return { url, state: 'unreadable', reason: res.error };
  if (res.status < 200 || res.status >= 300) return { url, state: 'unreadable', reason: `HTTP ${res.status}` };
  const contentType = (res.header('content-type') ?? '').toLowerCase();
  if (contentType.includes('html')) return { url, state: 'human-readable', contentType };
  try {
    return { url, state: 'summarised', summary: summariseTdmPolicy(JSON.parse(Buffer.from(res.body).toString('utf8'))) };
  } catch (e) {
    return { url, state: 'unreadable', reason: `not JSON: ${(e as Error).message}` };
  }
}

function resourceEvidence(url: string, res: FetchResult & { ok: true }, agent: string, steps: TdmrepStep[]): Evidence[] {
  const out: Evidence[] = [];
  const contentType = (res.header('content-type') ?? '').toLowerCase();
  const usage = res.header('content-usage');
  if (usage !== null) out.push(...aiprefEvidence('content-usage-header', `${url} header Content-Usage`, usage, readAipref(usage).preferences));
  const signal = res.header('content-signal');
  if (signal !== null) out.push(...contentSignalEvidence(`${url} header Content-Signal`, signal, readContentSignal(signal), undefined, 'content-signal-header'));
  out.push(...noaiEvidence('x-robots-tag', `${url} header X-Robots-Tag`, res.headerAll('x-robots-tag'), agent, contentType.startsWith('image/')));
  for (const l of res.headerAll('link').flatMap(readLinkHeader)) {
    if (l.rel.includes('license') && l.type === RSL_MEDIA_TYPE) out.push({ signal: 'link-license', source: `${url} header Link`, raw: `<${l.href}>; rel="license"`, says: 'offer-licence', uses: AI_USES, rule: 'rsl-license-discovery', licence: l.href });
  }
  if (contentType.includes('html')) {
    const html = readHtmlSignals(Buffer.from(res.body).toString('utf8'));
    steps.push(metaStep(`${url} <meta>`, html));
    const robotsMetas = html.metas.filter((m) => m.name === 'robots' || m.name === agent.toLowerCase()).map((m) => m.content);
    out.push(...noaiEvidence('robots-meta', `${url} <meta name="robots">`, robotsMetas, agent, false));
    for (const l of html.links) {
      if (l.rel.includes('license') && l.type === RSL_MEDIA_TYPE) out.push({ signal: 'link-license', source: `${url} <link rel="license">`, raw: l.href, says: 'offer-licence', uses: AI_USES, rule: 'rsl-license-discovery', licence: l.href });
    }
  }
  return out;
}

function siteFile<T>(res: FetchResult, parse: (body: Uint8Array) => T): SiteFile<T> {
  if (!res.ok) return { state: 'unreachable', reason: res.error };
  if (res.status >= 500) return { state: 'unreachable', reason: `HTTP ${res.status}` };
  // 4xx (and a redirect chain longer than the limit): unavailable, RFC 9309 §2.3.1.3.
  if (res.status < 200 || res.status >= 300) return { state: 'absent', status: res.status };
  return { state: 'ok', value: parse(res.body) };
}

function summary(t: TdmrepResult): Omit<UrlCheck['tdmrep'], 'policyDocument'> {
  return { reservation: t.reservation, policy: t.policy, decidedBy: t.decidedBy?.kind ?? null };
}
