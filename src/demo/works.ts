/**
 * Works: what a recording is a recording of. A work is a pure function of its index: title, language, year,
 * the act that first recorded it and its label, an ISWC for most, a nominal duration. Works come in albums of
 * twelve consecutive indexes sharing an act, a label and a year (and so consecutive ISRCs), with a few
 * stand-alone tracks among them. Versions of a recording (live, remastered, radio edit, cover...) point back at
 * the same work, so they share its title and ISWC.
 */
import { actKind, pickAct, type ActKind } from './acts.js';
import { iswcOf } from './id-space.js';
import { LABEL_TABLE } from './labels.js';
import type { DemoContext } from './plan.js';
import { STREAM, type Rng } from './rng.js';
import { classicalTitle, language, songTitle, type Language } from './titles.js';

export interface Work {
  index: number;
  lang: Language;
  title: string;
  /** Year of first release, 1960-2025, the recent years most frequent. */
  year: number;
  act: number;
  kind: ActKind;
  /** Index into LABELS. */
  label: number;
  /** Year of reference of the original recording's ISRC: its year, or for one before ISRCs, its reissue's. */
  isrcYear: number;
  iswc: string | null;
  seconds: number;
}

export const LAST_YEAR = 2025;
export const ALBUM_TRACKS = 12;
/** Share of works that are stand-alone tracks (singles, compilations) rather than album tracks. */
const STANDALONE_SHARE = 0.15;

/** A year in [LAST_YEAR - span + 1, LAST_YEAR], skewed towards recent years. */
export function recentYear(rng: Rng, span: number, skew: number): number {
  return LAST_YEAR - Math.floor(span * rng.float() ** skew);
}

/** Act, label, year and language of a release: an album, or a stand-alone track. */
function release(
  ctx: DemoContext,
  rng: Rng,
): { act: number; label: number; year: number; isrcYear: number; lang: Language } {
  const year = recentYear(rng, 66, 1.7);
  return {
    act: pickAct(rng, ctx.plan.musicActs),
    label: rng.pickWeighted(LABEL_TABLE),
    year,
    isrcYear: isrcYearFor(rng, year),
    lang: language(rng),
  };
}

export function workAt(ctx: DemoContext, w: number): Work {
  const rng = ctx.rng.work.reseed(STREAM.work, w);
  const r = rng.chance(STANDALONE_SHARE)
    ? release(ctx, rng)
    : release(ctx, ctx.rng.album.reseed(STREAM.album, Math.floor(w / ALBUM_TRACKS)));
  const kind = actKind(ctx, r.act);
  const classical = kind === 'ensemble';
  // Album tracks mostly share the album's language; some albums mix.
  const lang = rng.chance(0.85) ? r.lang : language(rng);
  return {
    index: w,
    lang,
    title: classical ? classicalTitle(rng, lang) : songTitle(rng, lang),
    year: r.year,
    act: r.act,
    kind,
    label: r.label,
    isrcYear: r.isrcYear,
    iswc: rng.chance(classical ? 0.3 : 0.7) ? iswcOf(ctx.keys, w) : null,
    seconds: classical ? rng.between(240, 900) : rng.between(140, 330),
  };
}

export interface Version {
  title: string | null;
  /** Year of the recording (fixation or first release of this version). */
  year: number;
  /** Year of reference of its ISRC: the year it was assigned. */
  isrcYear: number;
  seconds: number;
}

const VENUES = [
  "à l'Olympia",
  'au Zénith',
  'à la Cigale',
  'aux Vieilles Charrues',
  'at the Roundhouse',
  'in Montreux',
  'au Botanique',
];

/** The version a recording of work `w` is: `Remastered 2011`, `Live à l'Olympia`, `Radio Edit`... */
export function versionOf(rng: Rng, w: Work, remixer: () => string): Version {
  const plain = { title: null, year: w.year, isrcYear: w.isrcYear, seconds: w.seconds };
  const r = rng.float();
  const later = (max: number) => Math.min(LAST_YEAR, w.year + rng.between(0, max));
  if (r < 0.3 && w.year <= 2018) {
    const y = rng.between(Math.max(w.year + 5, 1990), LAST_YEAR);
    return {
      ...plain,
      title: rng.chance(0.7) ? `Remastered ${y}` : `Version remasterisée ${y}`,
      isrcYear: y,
    };
  }
  if (r < 0.6) {
    const y = later(15);
    const title = rng.chance(0.4) ? 'Live' : rng.chance(0.5) ? `Live ${rng.pick(VENUES)}` : `Live ${y}`;
    return { title, year: y, isrcYear: isrcYearFor(rng, y), seconds: w.seconds + rng.between(10, 90) };
  }
  if (r < 0.72)
    return {
      ...plain,
      title: rng.chance(0.6) ? 'Radio Edit' : 'Single Version',
      seconds: Math.max(120, w.seconds - rng.between(20, 70)),
    };
  if (r < 0.82) {
    const y = later(10);
    return {
      title: w.lang === 'fr' ? 'Version acoustique' : 'Acoustic Version',
      year: y,
      isrcYear: isrcYearFor(rng, y),
      seconds: w.seconds,
    };
  }
  if (r < 0.92) {
    const y = later(10);
    return {
      title: `${remixer()} Remix`,
      year: y,
      isrcYear: isrcYearFor(rng, y),
      seconds: w.seconds + rng.between(30, 150),
    };
  }
  if (r < 0.96) return { ...plain, title: 'Instrumental' };
  return {
    ...plain,
    title: w.year < 1975 ? 'Mono' : 'Extended Mix',
    seconds: w.seconds + rng.between(60, 180),
  };
}

/** ISRCs date from 1986: older recordings got theirs when they were reissued. */
export function isrcYearFor(rng: Rng, year: number): number {
  return year >= 1986 ? year : rng.between(1986, 2005);
}
