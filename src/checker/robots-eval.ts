/**
 * Evaluating a parsed robots.txt for one crawler and one URL: group selection by product token, the
 * longest-match Allow/Disallow decision (RFC 9309 §2.2.2), and the AI-preference lines of the selected
 * groups (Content-Usage per path, Content-Signal, RSL License).
 */
import { combinePreferences, readAipref, type AiprefPreferences } from './aipref.js';
import { combineContentSignals, readContentSignal, type ContentSignals } from './content-signal.js';
import type { PrecedenceRule } from './model.js';
import { normalisePath } from './path-pattern.js';
import type { ContentUsageRule, RobotsGroup, RobotsLine, RobotsRule, RobotsTxt } from './robots-parse.js';

/** The groups that apply to one crawler, with their rules in decision order. */
export interface RobotsAgentView {
  agent: string;
  groups: RobotsGroup[];
  /** True when a group names the agent; false when the `*` groups apply (or none). */
  specific: boolean;
  rules: RobotsRule[];
}

export interface CrawlDecision {
  allowed: boolean;
  rule: PrecedenceRule;
  matched: RobotsRule | null;
}

/**
 * Selects the groups for a product token (case-insensitive): all groups naming it, combined; else all
 * `*` groups; else none.
 */
export function forAgent(robots: RobotsTxt, agent: string): RobotsAgentView {
  const token = agent.toLowerCase();
  let groups = robots.groups.filter((g) => g.agents.includes(token));
  const specific = groups.length > 0;
  if (!specific) groups = robots.groups.filter((g) => g.global);
  const rules = groups.length === 1 ? (groups[0] as RobotsGroup).rules : groups.flatMap((g) => g.rules);
  return { agent, groups, specific, rules };
}

/**
 * Allow/Disallow for a path (as `robotsPath` gives it: already percent-encoded). One pass over the rules,
 * as the reference parser does: a file is usually asked about a few URLs, so sorting would not pay.
 */
export function decideCrawl(view: RobotsAgentView, path: string): CrawlDecision {
  // RFC 9309 §2.2.2: /robots.txt itself is always allowed.
  if (path === '/robots.txt') return { allowed: true, rule: 'rfc9309-no-matching-rule', matched: null };
  const p = normalisePath(path);
  let allow: RobotsRule | null = null;
  let disallow: RobotsRule | null = null;
  for (const r of view.rules) {
    const best = r.allow ? allow : disallow;
    if (best !== null && best.pattern.length >= r.pattern.length) continue;
    if (!r.pattern.matches(p)) continue;
    if (r.allow) allow = r;
    else disallow = r;
  }
  if (disallow === null) return allow === null ? { allowed: true, rule: 'rfc9309-no-matching-rule', matched: null } : { allowed: true, rule: 'rfc9309-longest-match', matched: allow };
  if (allow === null || allow.pattern.length < disallow.pattern.length) return { allowed: false, rule: 'rfc9309-longest-match', matched: disallow };
  return { allowed: true, rule: allow.pattern.length === disallow.pattern.length ? 'rfc9309-allow-wins-tie' : 'rfc9309-longest-match', matched: allow };
}

/**
 * The path, parameters and query of a URL as robots.txt matching sees them (no fragment; `/` when empty),
 * taken from the text as given, without re-encoding it (as Google's reference `GetPathParamsQuery`).
 */
export function robotsPath(url: string): string {
  let searchStart = 0;
  if (url.startsWith('//')) searchStart = 2;
  const early = firstOf(url, '/?;', searchStart);
  let protocolEnd = url.indexOf('://', searchStart);
  if (early >= 0 && (protocolEnd < 0 || early < protocolEnd)) protocolEnd = -1;
  const from = protocolEnd < 0 ? searchStart : protocolEnd + 3;
  const pathStart = firstOf(url, '/?;', from);
  if (pathStart < 0) return '/';
  const hash = url.indexOf('#', searchStart);
  if (hash >= 0 && hash < pathStart) return '/';
  const path = url.slice(pathStart, hash < 0 ? url.length : hash);
  return path.startsWith('/') ? path : `/${path}`;
}

function firstOf(s: string, chars: string, from: number): number {
  for (let i = from; i < s.length; i++) if (chars.includes(s[i] as string)) return i;
  return -1;
}

export interface RobotsAnswer {
  agent: string;
  path: string;
  allowed: boolean;
  rule: PrecedenceRule;
  /** The deciding Allow/Disallow line, if any. */
  matched: { line: number; allow: boolean; pattern: string } | null;
  /** Preferences of the longest matching Content-Usage rules; null when crawling is disallowed. */
  contentUsage: { preferences: AiprefPreferences; rules: ContentUsageRule[] } | null;
  contentSignals: { signals: ContentSignals; lines: RobotsLine[] };
  /** RSL licence URLs: the selected groups' `License` lines, else the global ones. */
  licenses: RobotsLine[];
}

/**
 * Everything robots.txt says to one crawler about one URL.
 *
 * @example
 * evaluateRobots(parseRobots(text), 'GPTBot', 'https://a.example/song.flac').allowed;
 */
export function evaluateRobots(robots: RobotsTxt, agent: string, url: string, view = forAgent(robots, agent)): RobotsAnswer {
  const path = robotsPath(url);
  const crawl = decideCrawl(view, path);
  const site = siteWide(robots, view);
  return {
    agent,
    path,
    allowed: crawl.allowed,
    rule: crawl.rule,
    matched: crawl.matched === null ? null : { line: crawl.matched.line, allow: crawl.matched.allow, pattern: crawl.matched.pattern.text },
    contentUsage: crawl.allowed ? contentUsageFor(view, normalisePath(path)) : null,
    contentSignals: site.contentSignals,
    licenses: site.licenses,
  };
}

interface SiteWide {
  contentSignals: { signals: ContentSignals; lines: RobotsLine[] };
  licenses: RobotsLine[];
}

// What does not depend on the path is read once per view; preferences once per rule.
const siteWideCache = new WeakMap<RobotsAgentView, SiteWide>();
const preferenceCache = new WeakMap<ContentUsageRule, AiprefPreferences>();

function siteWide(robots: RobotsTxt, view: RobotsAgentView): SiteWide {
  let site = siteWideCache.get(view);
  if (site === undefined) {
    const groupSignals = view.groups.flatMap((g) => g.contentSignals);
    const lines = groupSignals.length > 0 ? groupSignals : robots.globalContentSignals;
    const groupLicenses = view.groups.flatMap((g) => g.licenses);
    site = {
      contentSignals: { signals: combineContentSignals(lines.map((l) => readContentSignal(l.value))), lines },
      licenses: groupLicenses.length > 0 ? groupLicenses : robots.globalLicenses,
    };
    siteWideCache.set(view, site);
  }
  return site;
}

function preferencesOf(rule: ContentUsageRule): AiprefPreferences {
  let p = preferenceCache.get(rule);
  if (p === undefined) {
    p = readAipref(rule.preference).preferences;
    preferenceCache.set(rule, p);
  }
  return p;
}

// attach-05 §3: the longest matching rules decide; rules of equal length combine most-restrictively.
function contentUsageFor(view: RobotsAgentView, path: string): { preferences: AiprefPreferences; rules: ContentUsageRule[] } {
  let best = -1;
  let chosen: ContentUsageRule[] = [];
  for (const g of view.groups) {
    for (const r of g.contentUsage) {
      const len = r.pattern === null ? 0 : r.pattern.length;
      if (len < best || (r.pattern !== null && !r.pattern.matches(path))) continue;
      if (len > best) {
        best = len;
        chosen = [];
      }
      chosen.push(r);
    }
  }
  return { preferences: combinePreferences(chosen.map(preferencesOf)), rules: chosen };
}
