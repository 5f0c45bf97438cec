/**
 * Demo recordings with their line-ups. Most are sound recordings of a work by an act, with session musicians,
 * background singers and sometimes a featured guest; 8 % are audiovisual: music videos (ISRC, sometimes an
 * ISAN) and films or series episodes (ISAN and/or EIDR, a cast of actors). Recording `i` depends only on the
 * seed, `i` and the ISRC counters, which advance in index order.
 */
import { addDistinct, cast as castOf, musicAct, pickAct, type Act, type Slot } from './acts.js';
import { eidrOf, isanOf } from './id-space.js';
import { LABEL_TABLE, LABELS, PRODUCERS } from './labels.js';
import { performerAt } from './performers.js';
import type { DemoContext } from './plan.js';
import { ROLE, SESSION_INSTRUMENTS } from './roles.js';
import { STREAM, type Rng } from './rng.js';
import { language, screenTitle } from './titles.js';
import { recentYear, versionOf, workAt } from './works.js';

export interface DemoRecording {
  index: number;
  kind: 'sound' | 'audiovisual';
  isrc: string | null;
  isan: string | null;
  eidr: string | null;
  iswc: string | null;
  title: string;
  versionTitle: string | null;
  displayArtist: string;
  /** Seconds. */
  duration: number;
  year: number;
  label: string;
  /** The act's members first, in order, then the session players and guests of this recording. */
  lineup: Slot[];
  act: Act;
}

export const AUDIOVISUAL_SHARE = 0.08;
export const MAX_LINEUP = 12;

/** Session players, background singers and a possible featured guest, by kind of act. */
const EXTRAS = {
  solo: [4, 2],
  duo: [3, 1],
  band: [2, 2],
  instrumental: [2, 0],
  ensemble: [0, 0],
  cast: [0, 0],
} as const;

function lineupFor(rng: Rng, ctx: DemoContext, act: Act): { slots: Slot[]; guest: Slot | null } {
  const slots = act.members.slice();
  const n = ctx.plan.performers;
  const [session, background] = EXTRAS[act.kind];
  for (let k = rng.between(0, session); k > 0 && slots.length < MAX_LINEUP; k--) {
    addDistinct(rng, n, slots, ROLE.studioMusician, rng.pickWeighted(SESSION_INSTRUMENTS), false);
  }
  for (let k = rng.between(0, background); k > 0 && slots.length < MAX_LINEUP; k--)
    addDistinct(rng, n, slots, ROLE.backgroundVocalist, null, false);
  const canFeature = act.kind === 'solo' || act.kind === 'duo' || act.kind === 'band';
  if (canFeature && slots.length < MAX_LINEUP && rng.chance(0.1)) {
    const before = slots.length;
    addDistinct(rng, n, slots, ROLE.leadVocalist, null, true);
    if (slots.length > before) return { slots, guest: slots[before] as Slot };
  }
  return { slots, guest: null };
}

function credit(ctx: DemoContext, s: Slot): string {
  return performerAt(ctx, s.performer).credit;
}

function actCredit(ctx: DemoContext, act: Act): string {
  let base: string;
  if (act.kind === 'ensemble') {
    const soloist = act.members.find((s) => s.role === ROLE.soloist);
    base = [soloist && credit(ctx, soloist), act.name, credit(ctx, act.members[0] as Slot)]
      .filter(Boolean)
      .join(', ');
  } else if (act.name !== null) {
    base = act.name;
  } else {
    const sep = act.kind === 'cast' ? ', ' : ' & ';
    base = act.members
      .filter((s) => s.featured)
      .map((s) => credit(ctx, s))
      .join(sep);
  }
  return base;
}

function displayArtist(ctx: DemoContext, act: Act, guest: Slot | null): string {
  const base = (act.memo.credit ??= actCredit(ctx, act));
  return guest === null ? base : `${base} feat. ${credit(ctx, guest)}`;
}

function musicRecording(ctx: DemoContext, rng: Rng, i: number, video: boolean): DemoRecording {
  const isVersion = i > 0 && rng.chance(0.14);
  const work = workAt(ctx, isVersion ? Math.max(0, i - 1 - rng.int(200)) : i);
  const actIndex = isVersion && rng.chance(0.1) ? pickAct(rng, ctx.plan.musicActs) : work.act;
  const v = isVersion
    ? versionOf(rng, work, () => performerAt(ctx, rng.int(ctx.plan.performers)).credit)
    : { title: null, year: work.year, isrcYear: work.isrcYear, seconds: work.seconds };
  const act = musicAct(ctx, actIndex);
  const { slots, guest } = lineupFor(rng, ctx, act);
  // A version is often released by another label than the original (reissue, live album, compilation).
  const { isrc, label } = ctx.isrc.allocate(
    isVersion && rng.chance(0.4) ? rng.pickWeighted(LABEL_TABLE) : work.label,
    v.isrcYear,
  );
  const isan = video && rng.chance(0.4) ? isanOf(ctx.keys, i, 0, null) : null;
  const videoTitle = work.lang === 'fr' ? 'Clip officiel' : 'Official Video';
  return {
    index: i,
    kind: video ? 'audiovisual' : 'sound',
    isrc,
    isan,
    eidr: null,
    iswc: work.iswc,
    title: work.title,
    versionTitle: video ? (v.title === null ? videoTitle : `${v.title}, ${videoTitle}`) : v.title,
    displayArtist: displayArtist(ctx, act, guest),
    duration: v.seconds,
    year: v.year,
    label: (LABELS[label] as (typeof LABELS)[number]).name,
    lineup: slots,
    act,
  };
}

function screenRecording(ctx: DemoContext, rng: Rng, i: number): DemoRecording {
  const c = pickAct(rng, ctx.plan.casts);
  const cast = castOf(ctx, c);
  // A cast plays in one series or film franchise: its title comes from the cast's own stream.
  const showRng = ctx.rng.work.reseed(STREAM.show, c);
  const lang = language(showRng);
  const show = screenTitle(showRng, lang);
  const episode = rng.chance(0.4) ? rng.between(1, 24) : 0;
  const title =
    episode === 0 ? show : lang === 'fr' ? `${show} – Épisode ${episode}` : `${show}, Episode ${episode}`;
  const ids = rng.float();
  const isan = ids < 0.75 ? isanOf(ctx.keys, i, episode, rng.chance(0.5) ? rng.next() : null) : null;
  const eidr = ids >= 0.5 ? eidrOf(ctx.keys, i, rng.next(), rng.next()) : null;
  return {
    index: i,
    kind: 'audiovisual',
    isrc: null,
    isan,
    eidr,
    iswc: null,
    title,
    versionTitle: null,
    displayArtist: displayArtist(ctx, cast, null),
    duration: episode === 0 ? rng.between(80 * 60, 140 * 60) : rng.between(22 * 60, 55 * 60),
    year: recentYear(rng, 60, 1.5),
    label: rng.pick(PRODUCERS),
    lineup: cast.members,
    act: cast,
  };
}

export function recordingAt(ctx: DemoContext, i: number): DemoRecording {
  const rng = ctx.rng.recording.reseed(STREAM.recording, i);
  if (!rng.chance(AUDIOVISUAL_SHARE)) return musicRecording(ctx, rng, i, false);
  return rng.chance(0.35) ? musicRecording(ctx, rng, i, true) : screenRecording(ctx, rng, i);
}
