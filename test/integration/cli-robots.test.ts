import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tdmr } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tdmr-robots-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'robots.txt');
writeFileSync(file, 'User-agent: GPTBot\nDisallow: /music/\nContent-Usage: train-ai=n\nLicense: https://cmo.example/license.xml\n\nUser-agent: *\nAllow: /\n');

describe('tdmr robots test', () => {
  it('prints allowed / disallowed per URL and exits 1 when one is disallowed', async () => {
    const r = await tdmr('robots', 'test', file, '--agent', 'GPTBot', 'https://a.example/', 'https://a.example/music/a.flac');
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^allowed\thttps:\/\/a\.example\/\t\(no matching rule; content-usage train-ai=disallow search=unknown\)$/);
    expect(lines[1]).toMatch(/^disallowed\thttps:\/\/a\.example\/music\/a\.flac\t\(line 2: Disallow: \/music\/\)$/);
  });

  it('exits 0 when every URL is allowed', async () => {
    const r = await tdmr('robots', 'test', file, '--agent', 'CCBot', 'https://a.example/music/a.flac');
    expect(r.code).toBe(0);
  });

  it('answers in JSON with the evidence', async () => {
    const r = await tdmr('--json', 'robots', 'test', file, '--agent', 'gptbot', '/music/x');
    expect(r.code).toBe(1);
    const body = r.json<{ agent: string; results: { url: string; allowed: boolean; matched: { line: number }; licenses: { value: string }[] }[] }>();
    expect(body.agent).toBe('gptbot');
    expect(body.results[0]).toMatchObject({ url: '/music/x', allowed: false, matched: { line: 2 }, licenses: [{ value: 'https://cmo.example/license.xml', line: 4 }] });
  });

  it('exits 2 for a missing file, a bad token or no URL', async () => {
    const missing = await tdmr('robots', 'test', join(dir, 'nope.txt'), '--agent', 'A', '/');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('CHECK_BAD_FILE');
    const bad = await tdmr('robots', 'test', file, '--agent', 'Foo/2.1', '/');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('CHECK_INVALID_AGENT');
    expect((await tdmr('robots', 'test', file, '--agent', 'A')).code).toBe(2);
    expect((await tdmr('robots', 'test', file, '/')).code).toBe(2);
  });
});
