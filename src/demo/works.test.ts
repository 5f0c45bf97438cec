import { describe, expect, it } from 'vitest';
import { demoContext, demoPlan } from './plan.js';
import { Rng, STREAM } from './rng.js';
import { ALBUM_TRACKS, LAST_YEAR, versionOf, workAt, type Work } from './works.js';

const ctx = demoContext(demoPlan({ scale: 100_000, seed: 'works' }));
const works: Work[] = Array.from({ length: 12_000 }, (_, w) => workAt(ctx, w));

describe('workAt', () => {
  it('groups works in albums sharing act, label and year, with some stand-alone tracks', () => {
    let same = 0;
    let pairs = 0;
    for (let w = 1; w < works.length; w++) {
      if (Math.floor(w / ALBUM_TRACKS) !== Math.floor((w - 1) / ALBUM_TRACKS)) continue;
      const [a, b] = [works[w - 1]!, works[w]!];
      pairs++;
      if (a.act === b.act && a.label === b.label && a.year === b.year) same++;
    }
    expect(same / pairs).toBeGreaterThan(0.65);
    expect(same / pairs).toBeLessThan(0.8);
  });

  it('gives ISRC years from 1986 on, the recording year when it is later', () => {
    expect(
      works.every(
        (w) => w.isrcYear >= 1986 && w.isrcYear <= LAST_YEAR && (w.year < 1986 || w.isrcYear === w.year),
      ),
    ).toBe(true);
    expect(works.some((w) => w.year < 1986)).toBe(true);
  });

  it('is a pure function of the seed and index', () => {
    expect(workAt(demoContext(demoPlan({ scale: 100_000, seed: 'works' })), 777)).toEqual(works[777]);
  });
});

describe('versionOf', () => {
  const w = works.find((x) => x.year <= 2000)!;
  const versions = Array.from({ length: 2000 }, (_, i) =>
    versionOf(new Rng(5).reseed(STREAM.recording, i), w, () => 'Zoé Martin'),
  );

  it('names the version and keeps years and durations plausible', () => {
    const titles = new Set(versions.map((v) => v.title?.replace(/\d{4}/, 'YYYY')));
    for (const t of ['Remastered YYYY', 'Live', 'Radio Edit', 'Zoé Martin Remix', 'Instrumental'])
      expect(titles.has(t)).toBe(true);
    expect(
      versions.every(
        (v) => v.year >= w.year && v.year <= LAST_YEAR && v.isrcYear >= 1986 && v.seconds >= 120,
      ),
    ).toBe(true);
    const remaster = versions.find((v) => v.title?.startsWith('Remastered'))!;
    expect(remaster.year).toBe(w.year);
    expect(remaster.isrcYear).toBe(Number(remaster.title!.slice(-4)));
  });
});
