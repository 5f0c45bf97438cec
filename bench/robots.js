// robots.txt: parse + evaluate with our RFC 9309 parser vs `robots-parser` (npm), on the same generated
// files and URLs, in one run. Each round parses every file and asks about every URL for one crawler token.
// ratio = robots-parser time / our time (target >= 2). Size: BENCH_FILES files (default 300), BENCH_URLS URLs
// each (default 20). Run: npm run build && node bench/robots.js
import robotsParser from 'robots-parser';
import { evaluateRobots, forAgent, parseRobots } from '../dist/checker/index.js';

const files = envInt('BENCH_FILES', 300);
const urlsPerFile = envInt('BENCH_URLS', 20);
const rounds = envInt('BENCH_ROUNDS', 5);

// Deterministic generator (mulberry32), so every run measures the same inputs.
let seed = 0x5eed;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const AGENTS = ['GPTBot', 'CCBot', 'ClaudeBot', 'Google-Extended', 'Bytespider', 'PerplexityBot', 'Amazonbot', 'Applebot-Extended', 'Meta-ExternalAgent', 'Googlebot', 'Bingbot'];
const WORDS = ['music', 'artists', 'search', 'api', 'private', 'tmp', 'cart', 'user', 'img', 'audio', 'press', 'news', 'static', 'wp-admin', 'tag'];
const segment = () => pick(WORDS) + (rnd() < 0.3 ? String(Math.floor(rnd() * 100)) : '');
const pattern = () => {
  let p = `/${segment()}/`;
  if (rnd() < 0.4) p += `${segment()}/`;
  if (rnd() < 0.2) p = `/*${pick(['.mp3', '.flac', '.pdf', '?session=', '.php'])}`;
  if (rnd() < 0.1) p += '$';
  return p;
};

function robotsFile() {
  const lines = ['# generated for the benchmark', 'Sitemap: https://site.example/sitemap.xml', ''];
  const groups = 3 + Math.floor(rnd() * 8);
  for (let g = 0; g < groups; g++) {
    const agents = g === 0 ? ['*'] : Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(AGENTS));
    for (const a of agents) lines.push(`User-agent: ${a}`);
    const rules = 3 + Math.floor(rnd() * 25);
    for (let r = 0; r < rules; r++) lines.push(`${rnd() < 0.7 ? 'Disallow' : 'Allow'}: ${pattern()}`);
    if (rnd() < 0.5) lines.push('Content-Usage: train-ai=n');
    lines.push('');
  }
  return lines.join('\n');
}

const inputs = Array.from({ length: files }, () => ({
  text: robotsFile(),
  urls: Array.from({ length: urlsPerFile }, () => `https://site.example/${segment()}/${segment()}/${rnd() < 0.3 ? 'track.mp3' : 'page.html'}${rnd() < 0.2 ? '?session=1' : ''}`),
  agent: pick(AGENTS),
}));
const bytes = inputs.reduce((s, i) => s + i.text.length, 0);

function ours() {
  let allowed = 0;
  for (const { text, urls, agent } of inputs) {
    const robots = parseRobots(text);
    const view = forAgent(robots, agent);
    for (const u of urls) if (evaluateRobots(robots, agent, u, view).allowed) allowed++;
  }
  return allowed;
}

function theirs() {
  let allowed = 0;
  for (const { text, urls, agent } of inputs) {
    const robots = robotsParser('https://site.example/robots.txt', text);
    for (const u of urls) if (robots.isAllowed(u, agent)) allowed++;
  }
  return allowed;
}

// Alternate the two, keep each one's best round.
let oursMs = Infinity;
let theirsMs = Infinity;
let oursAllowed = 0;
let theirsAllowed = 0;
for (let r = 0; r < rounds + 1; r++) {
  let t = performance.now();
  oursAllowed = ours();
  const a = performance.now() - t;
  t = performance.now();
  theirsAllowed = theirs();
  const b = performance.now() - t;
  if (r > 0) {
    oursMs = Math.min(oursMs, a);
    theirsMs = Math.min(theirsMs, b);
  }
}

const evaluations = files * urlsPerFile;
console.log(
  JSON.stringify({
    bench: 'robots',
    files,
    urlsPerFile,
    meanFileBytes: Math.round(bytes / files),
    baseline: 'robots-parser 3 (npm): parse + isAllowed',
    baselineMs: round(theirsMs),
    oursMs: round(oursMs),
    evaluationsPerSecond: Math.round(evaluations / (oursMs / 1000)),
    ratio: round(theirsMs / oursMs),
    target: '>= 2',
    allowedOurs: oursAllowed,
    allowedRobotsParser: theirsAllowed,
  }),
);

function envInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return n;
}

function round(x) {
  return Math.round(x * 100) / 100;
}
