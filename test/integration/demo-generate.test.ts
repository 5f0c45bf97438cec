/**
 * The demo generator end to end: the files it writes at 200k recordings parse back with csv-parse under the
 * documented headers, every identifier is valid, keys are unique and every reference resolves; the same seed
 * gives the same bytes; the CLI wraps it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADERS, type DemoFileKind } from '../../src/demo/csv.js';
import { generateDemo, type DemoProgress, type DemoResult } from '../../src/demo/generate.js';
import {
  parseEidr,
  parseIpi,
  parseIpn,
  parseIsan,
  parseIsni,
  parseIsrc,
  parseIswc,
  type IdParse,
} from '../../src/registry/identifiers.js';
import { tdmr } from '../support/cli.js';

const root = await mkdtemp(join(tmpdir(), 'tdmr-demo-'));
afterAll(() => rm(root, { recursive: true, force: true }));

async function eachRow(
  path: string,
  onHeader: (h: string[]) => void,
  onRow: (r: Record<string, string>) => void,
): Promise<void> {
  const parser = createReadStream(path).pipe(
    parse({
      columns: (h: string[]) => {
        onHeader(h);
        return h;
      },
    }),
  );
  for await (const row of parser) onRow(row as Record<string, string>);
}

async function sha256(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

describe('generateDemo at 200,000 recordings', () => {
  const SCALE = 200_000;
  let result: DemoResult;
  const headers: Partial<Record<DemoFileKind, string[]>> = {};
  const rows: Record<DemoFileKind, number> = { performers: 0, mandates: 0, recordings: 0, lineups: 0 };
  const invalid: string[] = [];
  const performerKeys = { isni: new Set<string>(), ipn: new Set<string>(), member_no: new Set<string>() };
  const members = new Set<string>();
  let nonMembers = 0;
  const danglingMandates: string[] = [];
  const mandateIds = new Set<string>();
  const recordingKeys = new Set<string>();
  const isrcs = new Set<string>();
  let isrcRows = 0;
  const lineupSizes = new Map<string, number>();
  const badPositions: string[] = [];
  const danglingLineups: string[] = [];

  const check = (field: string, value: string, parse: (s: string) => IdParse) => {
    if (value !== '' && !(parse(value).ok && (parse(value) as { value: string }).value === value))
      invalid.push(`${field} ${value}`);
  };

  beforeAll(async () => {
    result = await generateDemo(join(root, 'big'), { scale: SCALE, seed: 'integration' });
    const f = result.files;
    await eachRow(
      f.performers,
      (h) => (headers.performers = h),
      (r) => {
        rows.performers++;
        check('isni', r.isni!, parseIsni);
        check('ipn', r.ipn!, parseIpn);
        check('ipi', r.ipi!, parseIpi);
        if (r.isni) performerKeys.isni.add(r.isni);
        if (r.ipn) performerKeys.ipn.add(r.ipn);
        if (r.member_no) performerKeys.member_no.add(r.member_no);
        if (r.member === 'true') members.add(r.member_no!);
        else nonMembers++;
      },
    );
    await eachRow(
      f.mandates,
      (h) => (headers.mandates = h),
      (r) => {
        rows.mandates++;
        mandateIds.add(r.mandate_id!);
        if (!members.has(r.performer_member_no!)) danglingMandates.push(r.mandate_id!);
      },
    );
    await eachRow(
      f.recordings,
      (h) => (headers.recordings = h),
      (r) => {
        rows.recordings++;
        check('isrc', r.isrc!, parseIsrc);
        check('isan', r.isan!, parseIsan);
        check('eidr', r.eidr!, parseEidr);
        check('iswc', r.iswc!, parseIswc);
        if (r.isrc) {
          isrcRows++;
          isrcs.add(r.isrc);
        }
        recordingKeys.add(r.isrc || r.isan || r.eidr!);
      },
    );
    await eachRow(
      f.lineups,
      (h) => (headers.lineups = h),
      (r) => {
        rows.lineups++;
        const rec = r.isrc || r.isan || r.eidr!;
        const size = (lineupSizes.get(rec) ?? 0) + 1;
        lineupSizes.set(rec, size);
        if (r.position !== String(size)) badPositions.push(`${rec} ${r.position}`);
        const known = r.performer_isni
          ? performerKeys.isni.has(r.performer_isni)
          : r.performer_ipn
            ? performerKeys.ipn.has(r.performer_ipn)
            : performerKeys.member_no.has(r.performer_member_no!);
        if (!known || !recordingKeys.has(rec)) danglingLineups.push(JSON.stringify(r));
      },
    );
  }, 180_000);

  it('writes the four files with the documented headers and the counts it reports', () => {
    for (const kind of Object.keys(HEADERS) as DemoFileKind[])
      expect(headers[kind]).toEqual([...HEADERS[kind]]);
    const c = result.counts;
    expect(rows).toEqual({
      performers: c.performers,
      mandates: c.mandates,
      recordings: c.recordings,
      lineups: c.lineups,
    });
    expect([c.recordings, c.performers]).toEqual([SCALE, SCALE / 20]);
    expect(c.sound + c.audiovisual).toBe(SCALE);
  });

  it('writes only valid identifiers, in their canonical form', () => {
    expect(invalid.slice(0, 10)).toEqual([]);
  });

  it('never repeats an ISRC, a recording key or a mandate id', () => {
    expect(isrcs.size).toBe(isrcRows);
    expect(isrcRows).toBeGreaterThan(SCALE * 0.9);
    expect(recordingKeys.size).toBe(SCALE);
    expect(mandateIds.size).toBe(rows.mandates);
  });

  it('has line-ups of 1 to 12 performers for every recording, numbered from 1', () => {
    expect(lineupSizes.size).toBe(SCALE);
    const sizes = [...lineupSizes.values()];
    expect(sizes.reduce((a, b) => Math.min(a, b))).toBe(1);
    expect(sizes.reduce((a, b) => Math.max(a, b))).toBe(12);
    expect(badPositions.slice(0, 5)).toEqual([]);
  });

  it('has about a quarter of performers who are not members', () => {
    expect(nonMembers / rows.performers).toBeGreaterThan(0.23);
    expect(nonMembers / rows.performers).toBeLessThan(0.27);
    expect(result.counts.nonMembers).toBe(nonMembers);
  });

  it('references only existing performers (mandates: members) and recordings', () => {
    expect(danglingMandates.slice(0, 5)).toEqual([]);
    expect(danglingLineups.slice(0, 5)).toEqual([]);
  });
});

describe('generateDemo determinism', () => {
  const files = async (dir: string, seed: string) => {
    const r = await generateDemo(join(root, dir), { scale: 20_000, seed });
    return Promise.all(Object.values(r.files).map(sha256));
  };

  it('gives byte-identical files for the same seed and scale, and different files for another seed', async () => {
    const a = await files('a', 'same');
    const b = await files('b', 'same');
    const c = await files('c', 'other');
    expect(b).toEqual(a);
    for (let i = 0; i < a.length; i++) expect(c[i]).not.toBe(a[i]);
  });
});

describe('generateDemo options', () => {
  it('reports progress per phase up to the totals', async () => {
    const seen: DemoProgress[] = [];
    await generateDemo(join(root, 'progress'), { scale: 20_000, seed: 'p', onProgress: (p) => seen.push(p) });
    const last = (phase: string) => seen.filter((p) => p.phase === phase).at(-1);
    expect(last('performers')).toEqual({ phase: 'performers', done: 1000, total: 1000 });
    expect(last('recordings')).toEqual({ phase: 'recordings', done: 20_000, total: 20_000 });
    const recs = seen.filter((p) => p.phase === 'recordings').map((p) => p.done);
    expect(recs).toEqual([...recs].sort((x, y) => x - y));
    expect(recs.length).toBeGreaterThan(1);
  });

  it('stops with DEMO_ABORTED when its signal is aborted', async () => {
    const ac = new AbortController();
    const run = generateDemo(join(root, 'aborted'), {
      scale: 100_000,
      signal: ac.signal,
      onProgress: (p) => {
        if (p.phase === 'recordings') ac.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'DEMO_ABORTED' });
    await expect(
      generateDemo(join(root, 'aborted2'), { scale: 10, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: 'DEMO_ABORTED' });
  });

  it('fails with DEMO_OUTPUT_FAILED when the directory cannot be made', async () => {
    const file = join(root, 'a-file');
    await writeFile(file, 'x');
    await expect(generateDemo(join(file, 'sub'), { scale: 10 })).rejects.toMatchObject({
      code: 'DEMO_OUTPUT_FAILED',
    });
  });

  it('fails with DEMO_INVALID_OPTIONS on a bad scale', async () => {
    await expect(generateDemo(join(root, 'bad'), { scale: 0 })).rejects.toMatchObject({
      code: 'DEMO_INVALID_OPTIONS',
    });
  });
});

describe('tdmr demo generate', () => {
  it('writes the files and prints a JSON summary with the counts', async () => {
    const out = join(root, 'cli');
    const r = await tdmr('--json', 'demo', 'generate', '--out', out, '--scale', '3_000', '--seed', 'cli');
    expect(r.code).toBe(0);
    const body = r.json<{
      counts: { recordings: number; performers: number };
      files: Record<string, string>;
      seed: string;
      seconds: number;
    }>();
    expect(body.counts).toMatchObject({ recordings: 3000, performers: 150 });
    expect(body.seed).toBe('cli');
    expect(body.files.lineups).toBe(join(out, 'lineups.csv'));
    const same = await generateDemo(join(root, 'cli-lib'), { scale: 3000, seed: 'cli' });
    expect(await sha256(body.files.lineups!)).toBe(await sha256(same.files.lineups));
  });

  it('prints a summary for people', async () => {
    const r = await tdmr('demo', 'generate', '--out', join(root, 'cli-human'), '--scale', '100');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/100 recordings \(\d+ sound, \d+ audiovisual\)/);
    expect(r.out).toContain('24 performers');
  });

  it('exits 2 on a bad scale or a missing --out', async () => {
    const bad = await tdmr('demo', 'generate', '--out', join(root, 'cli-bad'), '--scale', 'lots');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('DEMO_INVALID_OPTIONS');
    expect((await tdmr('demo', 'generate')).code).toBe(2);
  });
});
