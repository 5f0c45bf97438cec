/**
 * How much demo data to make, and the generation state shared by the entity functions: one keyed generator
 * per kind of entity (so that deriving a performer in the middle of a recording does not disturb the
 * recording's stream), the identifier keys, the ISRC counters and fixed-size caches of acts. Performers are not
 * cached: session players are drawn from the whole pool, so a cache would mostly miss, and its churn (young
 * objects held by an old array) cost more in garbage collection than re-deriving a key.
 */
import type { Act } from './acts.js';
import { DemoError } from './errors.js';
import { idKeys, MAX_INDEX, type IdKeys } from './id-space.js';
import { IsrcAllocator } from './isrc.js';
import { hashSeed, Rng } from './rng.js';

export const DEFAULT_SCALE = 200_000;
export const MAX_SCALE = MAX_INDEX;
export const DEFAULT_SEED = 'tdm-reserve';
/** One performer for every 20 recordings, and never fewer than a full line-up's worth. */
export const RECORDINGS_PER_PERFORMER = 20;
export const MIN_PERFORMERS = 24;
/** Share of performers who appear in line-ups without holding a mandate. */
export const NON_MEMBER_SHARE = 0.25;

export interface DemoPlan {
  /** Number of recordings. */
  scale: number;
  seed: string;
  performers: number;
  /** Music acts (solo artists, duos, bands, ensembles) and film/series casts the recordings are drawn from. */
  musicActs: number;
  casts: number;
}

export function demoPlan(
  opts: { scale?: number | undefined; seed?: string | number | undefined } = {},
): DemoPlan {
  const scale = opts.scale ?? DEFAULT_SCALE;
  if (!Number.isSafeInteger(scale) || scale < 1 || scale > MAX_SCALE) {
    throw new DemoError(
      'DEMO_INVALID_OPTIONS',
      `scale: a whole number of recordings from 1 to ${MAX_SCALE}, got ${scale}`,
      { details: { field: 'scale' } },
    );
  }
  const seed = String(opts.seed ?? DEFAULT_SEED);
  if (seed.length === 0 || seed.length > 200) {
    throw new DemoError('DEMO_INVALID_OPTIONS', 'seed: 1 to 200 characters', { details: { field: 'seed' } });
  }
  const performers = Math.max(MIN_PERFORMERS, Math.ceil(scale / RECORDINGS_PER_PERFORMER));
  return {
    scale,
    seed,
    performers,
    musicActs: Math.max(4, Math.floor(performers / 3)),
    casts: Math.max(2, Math.floor(performers / 40)),
  };
}

/** How a file points at a performer: one of the three key columns and its value. */
export interface PerformerKey {
  column: 'performer_isni' | 'performer_ipn' | 'performer_member_no';
  value: string;
}

/** A direct-mapped cache from an entity index to a value: constant size, whatever the scale. */
export interface IndexCache<T> {
  index: Int32Array;
  values: (T | undefined)[];
}

function indexCache<T>(size: number): IndexCache<T> {
  return { index: new Int32Array(size).fill(-1), values: new Array<T | undefined>(size) };
}

export interface DemoContext {
  plan: DemoPlan;
  keys: IdKeys;
  rng: { performer: Rng; mandate: Rng; work: Rng; album: Rng; recording: Rng; act: Rng };
  isrc: IsrcAllocator;
  actCache: IndexCache<Act>;
  castCache: IndexCache<Act>;
}

export function demoContext(plan: DemoPlan): DemoContext {
  const seed = hashSeed(plan.seed);
  return {
    plan,
    keys: idKeys(seed),
    rng: {
      performer: new Rng(seed),
      mandate: new Rng(seed),
      work: new Rng(seed),
      album: new Rng(seed),
      recording: new Rng(seed),
      act: new Rng(seed),
    },
    isrc: new IsrcAllocator(seed),
    actCache: indexCache(1 << 13),
    castCache: indexCache(1 << 10),
  };
}
