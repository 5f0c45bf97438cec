/**
 * Acts: the recurring line-ups recordings are made by. A music act (solo singer, duo, band, instrumental
 * soloist, ensemble) or a cast (film and series actors) is a pure function of its index, and popular acts
 * (low indexes) make many recordings, as in a real catalogue.
 */
import { bandName, ensembleName, trioName } from './artist-names.js';
import type { DemoContext, IndexCache } from './plan.js';
import { BAND_INSTRUMENTS, ORCHESTRA_INSTRUMENTS, ROLE, SOLO_INSTRUMENTS } from './roles.js';
import { STREAM, weights, type Rng } from './rng.js';

export type ActKind = 'solo' | 'duo' | 'band' | 'instrumental' | 'ensemble' | 'cast';

export interface Slot {
  performer: number;
  role: string;
  instrument: string | null;
  featured: boolean;
}

export interface Act {
  kind: ActKind;
  /** Group name the act is credited under, or null when credited by its members' names. */
  name: string | null;
  members: Slot[];
  /** Filled on first use by the recordings and CSV code: the act's credit and its members' line-up CSV tails. */
  memo: { credit: string | null; lines: string[] | null };
}

const KINDS = weights<ActKind>([
  ['solo', 40],
  ['duo', 10],
  ['band', 30],
  ['instrumental', 8],
  ['ensemble', 12],
]);

/** Index of an act, skewed so that the first acts are the most recorded. */
export function pickAct(rng: Rng, count: number): number {
  return Math.floor(count * rng.float() ** 1.5);
}

/** Adds a slot for a performer not already in `slots` (retries a few draws, then skips). */
export function addDistinct(
  rng: Rng,
  performers: number,
  slots: Slot[],
  role: string,
  instrument: string | null,
  featured: boolean,
): void {
  for (let attempt = 0; attempt < 8; attempt++) {
    const p = rng.int(performers);
    if (!slots.some((s) => s.performer === p)) {
      slots.push({ performer: p, role, instrument, featured });
      return;
    }
  }
}

const memo = (): Act['memo'] => ({ credit: null, lines: null });

function cached(cache: IndexCache<Act>, i: number, make: () => Act): Act {
  const slot = i & (cache.index.length - 1);
  if (cache.index[slot] === i) return cache.values[slot] as Act;
  const act = make();
  cache.index[slot] = i;
  cache.values[slot] = act;
  return act;
}

/** `musicActAt` through a direct-mapped cache: popular acts make many recordings. */
export function musicAct(ctx: DemoContext, a: number): Act {
  return cached(ctx.actCache, a, () => musicActAt(ctx, a));
}

/** `castAt` through a direct-mapped cache. */
export function cast(ctx: DemoContext, c: number): Act {
  return cached(ctx.castCache, c, () => castAt(ctx, c));
}

export function actKind(ctx: DemoContext, a: number): ActKind {
  return ctx.rng.act.reseed(STREAM.act, a).pickWeighted(KINDS);
}

export function musicActAt(ctx: DemoContext, a: number): Act {
  const rng = ctx.rng.act.reseed(STREAM.act, a);
  const kind = rng.pickWeighted(KINDS);
  const n = ctx.plan.performers;
  const m: Slot[] = [];
  switch (kind) {
    case 'solo':
      addDistinct(rng, n, m, ROLE.leadVocalist, null, true);
      return { kind, name: null, members: m, memo: memo() };
    case 'duo':
      addDistinct(rng, n, m, ROLE.leadVocalist, null, true);
      if (rng.chance(0.6)) addDistinct(rng, n, m, ROLE.leadVocalist, null, true);
      else addDistinct(rng, n, m, ROLE.musician, rng.pick(['AcousticGuitar', 'Piano', 'Guitar']), true);
      return { kind, name: null, members: m, memo: memo() };
    case 'band': {
      addDistinct(rng, n, m, ROLE.leadVocalist, null, true);
      const players = rng.between(2, 5);
      for (let i = 0; i < players; i++)
        addDistinct(rng, n, m, ROLE.musician, BAND_INSTRUMENTS[i] as string, true);
      return { kind, name: bandName(rng), members: m, memo: memo() };
    }
    case 'instrumental': {
      addDistinct(rng, n, m, ROLE.soloist, rng.pick(SOLO_INSTRUMENTS), true);
      if (!rng.chance(0.4)) return { kind, name: null, members: m, memo: memo() };
      addDistinct(rng, n, m, ROLE.musician, 'DoubleBass', false);
      addDistinct(rng, n, m, ROLE.musician, 'DrumKit', false);
      return { kind, name: trioName(rng), members: m, memo: memo() };
    }
    default: {
      addDistinct(rng, n, m, ROLE.conductor, null, true);
      addDistinct(rng, n, m, ROLE.concertMaster, 'Violin', false);
      if (rng.chance(0.4)) addDistinct(rng, n, m, ROLE.soloist, rng.pick(['Piano', 'Violin', 'Cello']), true);
      const desks = rng.between(6, 12 - m.length);
      for (let i = 0; i < desks; i++)
        addDistinct(rng, n, m, ROLE.orchestraMember, rng.pickWeighted(ORCHESTRA_INSTRUMENTS), false);
      return { kind: 'ensemble', name: ensembleName(rng), members: m, memo: memo() };
    }
  }
}

/** The regular cast of a film or series: one to three leads, up to four supporting actors, sometimes a narrator. */
export function castAt(ctx: DemoContext, c: number): Act {
  const rng = ctx.rng.act.reseed(STREAM.cast, c);
  const n = ctx.plan.performers;
  const m: Slot[] = [];
  const leads = rng.between(1, 3);
  for (let i = 0; i < leads; i++) addDistinct(rng, n, m, ROLE.actor, null, true);
  const supporting = rng.between(0, 4);
  for (let i = 0; i < supporting; i++) addDistinct(rng, n, m, ROLE.actor, null, false);
  if (rng.chance(0.1)) addDistinct(rng, n, m, rng.chance(0.5) ? ROLE.narrator : ROLE.voiceActor, null, false);
  return { kind: 'cast', name: null, members: m, memo: memo() };
}
