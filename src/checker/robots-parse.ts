/**
 * robots.txt parser (RFC 9309), written here rather than taken from npm: `robots-parser` drops the records
 * this checker needs (`Content-Usage` of the IETF AI-preferences attachment draft, Cloudflare's
 * `Content-Signal`, RSL's `License`), keeps no line numbers for evidence, and is slower (bench/robots.js
 * measures both in one run). Grouping follows Google's reference parser, which the peer suite encodes:
 * only an Allow/Disallow line ends a run of User-agent lines, so unknown lines (and the AI-preference
 * lines, which attach to the group being read) between User-agent lines do not split a group.
 */
import { compilePattern, normaliseEncoding, type PathPattern } from './path-pattern.js';

/** RFC 9309 §2.5: crawlers must parse at least the first 500 KiB; we parse exactly that much. */
export const ROBOTS_MAX_BYTES = 512_000;

export interface RobotsRule {
  allow: boolean;
  pattern: PathPattern;
  line: number;
}

export interface RobotsLine {
  value: string;
  line: number;
}

/** A `Content-Usage` rule: an optional path pattern (absent = the whole site) and the preference text. */
export interface ContentUsageRule {
  pattern: PathPattern | null;
  preference: string;
  line: number;
  raw: string;
}

export interface RobotsGroup {
  /** Product tokens, lower-cased (the value up to the first character outside `A-Za-z_-`). */
  agents: string[];
  /** True when one of the User-agent lines is `*`. */
  global: boolean;
  line: number;
  rules: RobotsRule[];
  contentUsage: ContentUsageRule[];
  contentSignals: RobotsLine[];
  licenses: RobotsLine[];
}

export interface RobotsTxt {
  groups: RobotsGroup[];
  /** `License` and `Content-Signal` lines before any group (RSL: global licences). */
  globalLicenses: RobotsLine[];
  globalContentSignals: RobotsLine[];
  sitemaps: RobotsLine[];
  /** Bytes read (at most ROBOTS_MAX_BYTES) and whether the file was longer. */
  bytes: number;
  truncated: boolean;
}

/**
 * Parses a robots.txt body. Never throws: anything that is not a known record is skipped.
 *
 * @example
 * const robots = parseRobots('User-agent: *\nDisallow: /private/\nContent-Usage: train-ai=n\n');
 */
export function parseRobots(input: string | Uint8Array): RobotsTxt {
  const limited = limit(input);
  const { bytes, truncated } = limited;
  let text = limited.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const out: RobotsTxt = { groups: [], globalLicenses: [], globalContentSignals: [], sitemaps: [], bytes, truncated };
  let current: RobotsGroup | null = null;
  let inAgents = false;
  let lineNo = 0;
  // Lines are found with native indexOf rather than a loop per character; the next `\r`, `:` and `#` are
  // remembered until passed, so each character is scanned once per kind.
  const n = text.length;
  let nextLf = -2;
  let nextCr = -2;
  let nextColon = -2;
  let nextHash = -2;
  let start = 0;
  while (start <= n) {
    if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf('\n', start);
    if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf('\r', start);
    let end = nextLf < 0 ? n : nextLf;
    if (nextCr >= 0 && nextCr < end) end = nextCr;
    if (nextColon !== -1 && nextColon < start) nextColon = text.indexOf(':', start);
    if (nextHash !== -1 && nextHash < start) nextHash = text.indexOf('#', start);
    const hash = nextHash >= 0 && nextHash < end ? nextHash : -1;
    const colon = nextColon >= 0 && nextColon < end && (hash < 0 || nextColon < hash) ? nextColon : -1;
    lineNo++;
    const next = end < n && text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    if (colon >= 0) {
      const key = recordKey(text, start, colon);
      if (key !== OTHER) {
        const value = trimmed(text, colon + 1, hash < 0 ? end : hash);
        switch (key) {
          case USER_AGENT:
            if (current === null || !inAgents) {
              current = { agents: [], global: false, line: lineNo, rules: [], contentUsage: [], contentSignals: [], licenses: [] };
              out.groups.push(current);
              inAgents = true;
            }
            addAgent(current, value);
            break;
          case ALLOW:
          case DISALLOW:
            if (current === null) break;
            inAgents = false;
            // An empty value is no rule at all (RFC 9309 §2.2.2).
            if (value !== '') current.rules.push({ allow: key === ALLOW, pattern: compilePattern(normaliseEncoding(value)), line: lineNo });
            break;
          case CONTENT_USAGE:
            current?.contentUsage.push(contentUsageRule(value, lineNo));
            break;
          case CONTENT_SIGNAL:
            (current?.contentSignals ?? out.globalContentSignals).push({ value, line: lineNo });
            break;
          case LICENSE:
            (current?.licenses ?? out.globalLicenses).push({ value, line: lineNo });
            break;
          case SITEMAP:
            out.sitemaps.push({ value, line: lineNo });
            break;
        }
      }
    }
    start = next;
  }
  return out;
}

const OTHER = 0;
const USER_AGENT = 1;
const ALLOW = 2;
const DISALLOW = 3;
const CONTENT_USAGE = 4;
const CONTENT_SIGNAL = 5;
const LICENSE = 6;
const SITEMAP = 7;
const KEYS: [string, number][] = [
  ['user-agent', USER_AGENT],
  ['allow', ALLOW],
  ['disallow', DISALLOW],
  ['content-usage', CONTENT_USAGE],
  ['content-signal', CONTENT_SIGNAL],
  ['license', LICENSE],
  ['sitemap', SITEMAP],
];

// Compared in place, ASCII case-insensitively: cutting and lower-casing a string per line cost more than
// the rest of the parse.
function recordKey(text: string, from: number, to: number): number {
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  const len = to - from;
  for (const [name, key] of KEYS) {
    if (name.length !== len) continue;
    let i = 0;
    while (i < len && (text.charCodeAt(from + i) | 0x20) === name.charCodeAt(i)) i++;
    if (i === len) return key;
  }
  return OTHER;
}

function trimmed(text: string, from: number, to: number): string {
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return text.slice(from, to);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff;
}

function addAgent(group: RobotsGroup, value: string): void {
  if (value.charCodeAt(0) === 0x2a && (value.length === 1 || /\s/.test(value[1] as string))) {
    group.global = true;
    return;
  }
  let end = 0;
  while (end < value.length && isTokenChar(value.charCodeAt(end))) end++;
  if (end > 0) group.agents.push(value.slice(0, end).toLowerCase());
}

/** RFC 9309 §2.2.1: product tokens are `A-Z a-z _ -`. */
export function isTokenChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x2d;
}

// attach-05 §3: a value starting with `/` has a path up to the first SP or HTAB; the rest is the preference.
function contentUsageRule(value: string, line: number): ContentUsageRule {
  if (value.startsWith('/')) {
    const m = /[ \t]/.exec(value);
    const path = m === null ? value : value.slice(0, m.index);
    const preference = m === null ? '' : value.slice(m.index).trim();
    return { pattern: compilePattern(normaliseEncoding(path)), preference, line, raw: value };
  }
  return { pattern: null, preference: value, line, raw: value };
}

function limit(input: string | Uint8Array): { text: string; bytes: number; truncated: boolean } {
  if (typeof input === 'string') {
    // Three bytes per UTF-16 unit at most: only long strings need counting.
    if (input.length * 3 <= ROBOTS_MAX_BYTES) return { text: input, bytes: Buffer.byteLength(input), truncated: false };
    const size = Buffer.byteLength(input);
    if (size <= ROBOTS_MAX_BYTES) return { text: input, bytes: size, truncated: false };
    return cut(Buffer.from(input, 'utf8'));
  }
  if (input.length <= ROBOTS_MAX_BYTES) return { text: Buffer.from(input.buffer, input.byteOffset, input.length).toString('utf8'), bytes: input.length, truncated: false };
  return cut(input);
}

// The partial last line is dropped: a rule cut short would match more (or less) than it says.
function cut(bytes: Uint8Array): { text: string; bytes: number; truncated: boolean } {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, ROBOTS_MAX_BYTES);
  const lastBreak = Math.max(head.lastIndexOf(0x0a), head.lastIndexOf(0x0d));
  return { text: head.subarray(0, lastBreak + 1).toString('utf8'), bytes: ROBOTS_MAX_BYTES, truncated: true };
}
