import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckerError } from './errors.js';
import { readManifest, type ReadItem } from './manifest-read.js';

const dir = mkdtempSync(join(tmpdir(), 'tdmr-manifest-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (name: string, text: string | Buffer): string => {
  const p = join(dir, `${n++}-${name}`);
  writeFileSync(p, text);
  return p;
};
const all = async (path: string): Promise<ReadItem[]> => {
  const out: ReadItem[] = [];
  for await (const i of readManifest(path)) out.push(i);
  return out;
};
const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

describe('readManifest: CSV', () => {
  it('reads back any cell text, quoted as RFC 4180 says', async () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'É', ',', '"', '\n', ' ', '1', '\r\n'),
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 20 }),
        async (rows) => {
          const text = ['ISRC,Artist,Title', ...rows.map((r) => r.map(quote).join(','))].join('\n') + '\n';
          const got = (await all(file('p.csv', text)))
            .filter((i) => i.ok)
            .map((i) => (i.ok ? [i.row.isrc, i.row.artist, i.row.title] : []));
          expect(got).toEqual(rows.map((r) => [...r]));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('names the line and field of a bad record and reads on', async () => {
    const items = await all(
      file(
        'bad.csv',
        'isrc,artist,title\nFRZ032500001,a,b\nFRZ032500002,only two\n"unclosed,x,y\nFRZ032500003,c,d\n',
      ),
    );
    const problems = items.filter((i) => !i.ok).map((i) => (i.ok ? null : i.problem));
    expect(problems[0]).toEqual({ line: 3, field: 'record', reason: '2 fields where the header has 3' });
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(items.filter((i) => i.ok).map((i) => (i.ok ? i.row.line : 0))[0]).toBe(2);
  });

  it('matches header names in any case and with aliases, ignoring other columns', async () => {
    const items = await all(
      file('alias.csv', '\uFEFFTrack Title,PERFORMER,extra,Url\nSong,Zaz,x,https://a.example/1\n'),
    );
    expect(items).toEqual([
      { ok: true, row: { line: 2, title: 'Song', artist: 'Zaz', url: 'https://a.example/1' } },
    ]);
  });

  it.each([
    ['no usable column', 'foo,bar\n1,2\n', /no isrc column/],
    ['two isrc columns', 'isrc,ISRC\n1,2\n', /both isrc/],
    ['empty file', '', /empty, no header/],
  ])('refuses a header with %s, naming the file', async (_n, text, re) => {
    const p = file('h.csv', text);
    const e = await all(p).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CheckerError);
    expect((e as CheckerError).code).toBe('CHECK_BAD_MANIFEST');
    expect((e as CheckerError).message).toMatch(re);
    expect((e as CheckerError).details?.file).toBe(p);
  });
});

describe('readManifest: JSONL and Parquet', () => {
  it('reads objects with keys in any case, numbers as text, and reports bad lines', async () => {
    const text = [
      '{"ISRC":"FRZ032500001","Title":"a"}',
      '',
      'not json',
      '[1]',
      '{"isrc":["x"]}',
      '{"isrc":12,"artist":null}',
    ].join('\n');
    expect(await all(file('a.jsonl', text))).toEqual([
      { ok: true, row: { line: 1, isrc: 'FRZ032500001', title: 'a' } },
      { ok: false, problem: { line: 3, field: 'record', reason: expect.stringMatching(/^not JSON/) } },
      { ok: false, problem: { line: 4, field: 'record', reason: 'not a JSON object' } },
      { ok: false, problem: { line: 5, field: 'isrc', reason: 'isrc is a list, not text' } },
      { ok: true, row: { line: 6, isrc: '12' } },
    ]);
  });

  it('refuses a JSONL file where no row has a usable field', async () => {
    await expect(all(file('none.jsonl', '{"foo":1}\n'))).rejects.toMatchObject({
      code: 'CHECK_BAD_MANIFEST',
    });
  });

  it('refuses a file that is not Parquet, a missing file and an unknown extension', async () => {
    await expect(all(file('x.parquet', 'PAR1 nope'))).rejects.toMatchObject({ code: 'CHECK_BAD_MANIFEST' });
    await expect(all(join(dir, 'missing.csv'))).rejects.toMatchObject({ code: 'CHECK_BAD_MANIFEST' });
    await expect(all(file('x.txt', 'isrc\n'))).rejects.toMatchObject({ code: 'CHECK_BAD_MANIFEST' });
  });
});
