/**
 * A crawler guard: before a crawler downloads a URL, `checkUrl` runs (robots.txt, TDMRep, headers,
 * `<meta>`, ai.txt, with one `SiteFiles` cache and one `Fetcher` shared by every check); when any of the
 * caller's uses is `reserved` or `unknown`, the download is refused and the evidence is logged. Two
 * shapes: `guardedFetch` wraps a `fetch` function (a refusal throws `CheckerError` `CHECK_RESERVED` with
 * the verdicts in `details`), and `crawleeGuard` is a `preNavigationHooks` entry for Crawlee's
 * `HttpCrawler` / `CheerioCrawler` (a refused request is marked `noRetry`, gets the decision in
 * `request.userData.tdmGuard`, and fails with the same error).
 *
 * The check reads the resource's response headers and its first `maxBodyBytes` (default 256 KiB, for
 * the HTML `<meta>` signals) through the guard's own fetcher; that body is never handed to the crawler,
 * which fetches the URL itself only once it is allowed.
 *
 * @example
 * await using fetcher = new HttpFetcher({ agentToken: 'ExampleBot' });
 * const fetchChecked = guardedFetch(fetch, { agent: 'ExampleBot', fetcher, uses: ['genai-training'], log: console.log });
 * const res = await fetchChecked('https://example.com/song.flac'); // throws CHECK_RESERVED when reserved
 */
import { checkUrl, siteFiles, type SiteFiles, type UrlCheck } from './check-url.js';
import { CheckerError } from './errors.js';
import type { Fetcher } from './http-fetch.js';
import { CHECK_USES, type CallerLicences, type CheckUse, type Evidence, type UseVerdict } from './model.js';

export interface GuardOptions extends CallerLicences {
  /** The crawler's product token (robots.txt group, User-Agent of the checks). */
  agent: string;
  /** Makes the checks' requests (an `HttpFetcher`); shared by every check of this guard. */
  fetcher: Fetcher;
  /** The uses the crawl is for; any of them `reserved` or `unknown` refuses the URL (default: all four). */
  uses?: readonly CheckUse[];
  /** Site files per origin (24 h at most); one is made per guard when absent. */
  cache?: SiteFiles;
  maxBodyBytes?: number;
  /** Called with every decision, allowed or refused, and the evidence behind it. */
  log?: (entry: GuardDecision) => void;
}

export interface GuardDecision {
  url: string;
  decision: 'allowed' | 'refused';
  /** The caller's uses that are `reserved` or `unknown`, with their deciding evidence. */
  blocking: Pick<UseVerdict, 'use' | 'status' | 'rule' | 'evidence'>[];
  /** Every verdict of the caller's uses. */
  verdicts: Pick<UseVerdict, 'use' | 'status' | 'rule'>[];
  evidence: Evidence[];
}

/** Checks one URL for the guard's uses; never throws for a site that cannot be read (that is `unknown`). */
export function urlGuard(options: GuardOptions): (url: string) => Promise<GuardDecision> {
  const cache = options.cache ?? siteFiles();
  const uses = options.uses ?? CHECK_USES;
  return async (url) => {
    const check: UrlCheck = await checkUrl(url, { agent: options.agent, fetcher: options.fetcher, cache, licences: options.licences ?? [], maxBodyBytes: options.maxBodyBytes ?? 256 * 1024 });
    const picked = uses.map((u) => check.uses[u]);
    const blocking = picked.filter((v) => v.status === 'reserved' || v.status === 'unknown');
    const decision: GuardDecision = {
      url,
      decision: blocking.length > 0 ? 'refused' : 'allowed',
      blocking: blocking.map(({ use, status, rule, evidence }) => ({ use, status, rule, evidence })),
      verdicts: picked.map(({ use, status, rule }) => ({ use, status, rule })),
      evidence: check.evidence,
    };
    options.log?.(decision);
    return decision;
  };
}

export function refusal(d: GuardDecision): CheckerError {
  const why = d.blocking.map((b) => `${b.use} ${b.status}${b.evidence[0] !== undefined ? ` (${b.evidence[0].signal} at ${b.evidence[0].source})` : ''}`).join('; ');
  return new CheckerError('CHECK_RESERVED', `refused ${d.url}: ${why}`, { details: { url: d.url, blocking: d.blocking, verdicts: d.verdicts } });
}

type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** A `fetch` that checks first and throws `CHECK_RESERVED` instead of downloading reserved content. */
export function guardedFetch(fetchImpl: FetchLike, options: GuardOptions): FetchLike {
  const guard = urlGuard(options);
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const d = await guard(url);
    if (d.decision === 'refused') throw refusal(d);
    return fetchImpl(input, init);
  };
}

/** What the hook needs of Crawlee's crawling context (structural: no import of Crawlee here). */
export interface CrawleeContextLike {
  request: { url: string; noRetry: boolean; userData: Record<string, unknown> };
}

/**
 * A `preNavigationHooks` entry for `HttpCrawler` / `CheerioCrawler` (`@crawlee/http`, `crawlee`).
 *
 * @example
 * const crawler = new HttpCrawler({ preNavigationHooks: [crawleeGuard({ agent: 'ExampleBot', fetcher })], requestHandler, failedRequestHandler });
 */
export function crawleeGuard(options: GuardOptions): (ctx: CrawleeContextLike, gotOptions?: unknown) => Promise<void> {
  const guard = urlGuard(options);
  return async ({ request }) => {
    const d = await guard(request.url);
    request.userData.tdmGuard = d;
    if (d.decision === 'refused') {
      request.noRetry = true;
      throw refusal(d);
    }
  };
}
