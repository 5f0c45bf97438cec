import { describe, expect, it } from 'vitest';
import { decideCrawl, evaluateRobots, forAgent, robotsPath } from './robots-eval.js';
import { parseRobots } from './robots-parse.js';

const allowed = (txt: string, agent: string, url: string) => evaluateRobots(parseRobots(txt), agent, url).allowed;

describe('robotsPath', () => {
  it.each([
    ['http://foo.bar/x/y?q=1#frag', '/x/y?q=1'],
    ['http://foo.bar', '/'],
    ['http://foo.bar#x', '/'],
    ['http://foo.bar?a', '/?a'],
    ['/just/a/path', '/just/a/path'],
    ['//foo.bar/x', '/x'],
    ['', '/'],
    ['foo.bar/x;p', '/x;p'],
  ])('%s -> %s', (url, path) => {
    expect(robotsPath(url)).toBe(path);
  });
});

describe('group selection', () => {
  const txt = 'User-agent: *\nDisallow: /all/\n\nUser-agent: GPTBot\nUser-agent: CCBot\nDisallow: /\n\nUser-agent: gptbot\nAllow: /ok/\n';

  it('combines every group naming the token, case-insensitively', () => {
    expect(allowed(txt, 'GPTBot', '/x')).toBe(false);
    expect(allowed(txt, 'gptbot', '/ok/a')).toBe(true);
    expect(allowed(txt, 'CCBot', '/ok/a')).toBe(false);
  });

  it('falls back to the * groups, and to nothing when there are none', () => {
    expect(allowed(txt, 'OtherBot', '/all/x')).toBe(false);
    expect(allowed(txt, 'OtherBot', '/x')).toBe(true);
    expect(allowed('User-agent: A\nDisallow: /\n', 'B', '/x')).toBe(true);
  });

  it('reads a user-agent value only up to the end of its product token', () => {
    expect(allowed('User-agent: iaskspider/2.0\nDisallow: /\n', 'iaskspider', '/x')).toBe(false);
  });

  it('names the rule that decided, with its line', () => {
    const a = evaluateRobots(parseRobots(txt), 'GPTBot', '/x');
    expect(a.matched).toEqual({ line: 6, allow: false, pattern: '/' });
    expect(a.rule).toBe('rfc9309-longest-match');
  });

  it('lets allow win a tie and says so', () => {
    const view = forAgent(parseRobots('User-agent: *\nDisallow: /a\nAllow: /a\n'), 'X');
    expect(decideCrawl(view, '/a/b')).toMatchObject({ allowed: true, rule: 'rfc9309-allow-wins-tie' });
  });

  it('always allows /robots.txt', () => {
    expect(allowed('User-agent: *\nDisallow: /\n', 'X', 'https://a.example/robots.txt')).toBe(true);
  });
});

describe('Content-Usage lines (attach-05 §3 example)', () => {
  const txt = [
    'User-Agent: *',
    'Allow: /',
    'Disallow: /never/',
    'Content-Usage: train-ai=n',
    'Content-Usage: /ai-ok/ train-ai=y',
    '',
    'User-Agent: ExampleBot',
    'Allow: /',
    'Content-Usage: train-ai=y',
  ].join('\n');
  const robots = parseRobots(txt);

  it.each([
    ['OtherBot', '/test', true, 'disallow'],
    ['OtherBot', '/ai-ok/test', true, 'allow'],
    ['ExampleBot', '/anything', true, 'allow'],
  ])('%s %s', (agent, path, crawl, trainAi) => {
    const a = evaluateRobots(robots, agent, path);
    expect(a.allowed).toBe(crawl);
    expect(a.contentUsage?.preferences['train-ai']).toBe(trainAi);
  });

  it('gives no preferences on a disallowed path', () => {
    const a = evaluateRobots(robots, 'OtherBot', '/never/test');
    expect(a.allowed).toBe(false);
    expect(a.contentUsage).toBeNull();
  });

  it('combines rules of equal length most-restrictively', () => {
    const r = parseRobots('User-agent: *\nAllow: /\nContent-Usage: /m/ train-ai=y\nContent-Usage: /m/ train-ai=n, search=y\n');
    expect(evaluateRobots(r, 'X', '/m/a').contentUsage?.preferences).toEqual({ 'train-ai': 'disallow', search: 'allow' });
  });
});

describe('Content-Signal and License lines', () => {
  it('takes the group’s lines, else the global ones', () => {
    const r = parseRobots('License: https://a.example/global.xml\nContent-Signal: search=yes\nUser-agent: GPTBot\nDisallow: /\nLicense: https://a.example/gpt.xml\nUser-agent: *\nAllow: /\nContent-Signal: ai-train=no\n');
    const gpt = evaluateRobots(r, 'GPTBot', '/');
    expect(gpt.licenses.map((l) => l.value)).toEqual(['https://a.example/gpt.xml']);
    expect(gpt.contentSignals.signals).toEqual({ search: 'yes', 'ai-input': 'unset', 'ai-train': 'unset' });
    const other = evaluateRobots(r, 'Other', '/');
    expect(other.licenses.map((l) => l.value)).toEqual(['https://a.example/global.xml']);
    expect(other.contentSignals.signals['ai-train']).toBe('no');
    expect(other.contentSignals.lines[0]?.line).toBe(8);
  });

  it('does not let AI-preference lines split a run of User-agent lines', () => {
    const r = parseRobots('User-agent: A\nContent-Usage: train-ai=n\nUser-agent: B\nDisallow: /\n');
    expect(r.groups).toHaveLength(1);
    expect(allowed('User-agent: A\nContent-Signal: ai-train=no\nUser-agent: B\nDisallow: /\n', 'A', '/')).toBe(false);
  });
});
