import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tdmr } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tdmr-tdmrep-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'tdmrep.json');
writeFileSync(
  file,
  JSON.stringify([
    { location: '/music/*.flac$', 'tdm-reservation': 1, 'tdm-policy': 'https://cmo.example/policies/tdm/1' },
    { location: '/press/', 'tdm-reservation': 0 },
    { location: '/odd/', 'tdm-reservation': '1' },
  ]),
);

describe('tdmr tdmrep test', () => {
  it('prints the reservation per path with the deciding rule and exits 1 when one is reserved', async () => {
    const r = await tdmr('tdmrep', 'test', file, '/music/a.flac', 'https://a.example/press/x', '/odd/y', '/other');
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n')).toEqual([
      'reserved\t/music/a.flac\t(rule 1: /music/*.flac$; policy https://cmo.example/policies/tdm/1)',
      'not-reserved\thttps://a.example/press/x\t(rule 2: /press/)',
      'unset\t/odd/y\t(rule 3: /odd/; tdm-reservation is "1", not 0 or 1)',
      'unset\t/other\t(no matching rule)',
    ]);
  });

  it('exits 0 when nothing is reserved', async () => {
    expect((await tdmr('tdmrep', 'test', file, '/press/x')).code).toBe(0);
  });

  it('exits 2 for a file that is not a JSON array, or missing', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"location":"/","tdm-reservation":1}');
    const r = await tdmr('--json', 'tdmrep', 'test', bad, '/');
    expect(r.code).toBe(2);
    expect(r.json<{ error: { code: string } }>().error.code).toBe('CHECK_BAD_FILE');
    expect((await tdmr('tdmrep', 'test', join(dir, 'none.json'), '/')).code).toBe(2);
  });
});
