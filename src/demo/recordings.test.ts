import { describe, expect, it } from 'vitest';
import { parseEidr, parseIsan, parseIsrc, parseIswc } from '../registry/identifiers.js';
import { normaliseRecording } from '../registry/service.js';
import { demoContext, demoPlan } from './plan.js';
import { MAX_LINEUP, recordingAt, type DemoRecording } from './recordings.js';
import { ROLE } from './roles.js';

const N = 20_000;
const ctx = demoContext(demoPlan({ scale: N, seed: 'recordings' }));
const recs: DemoRecording[] = Array.from({ length: N }, (_, i) => recordingAt(ctx, i));
const share = (f: (r: DemoRecording) => boolean) => recs.filter(f).length / N;

describe('recordingAt', () => {
  it('gives valid identifiers, at least one key per recording, and no ISRC twice', () => {
    const bad = recs.filter(
      (r) =>
        (r.isrc ?? r.isan ?? r.eidr) === null ||
        (r.isrc !== null && !parseIsrc(r.isrc).ok) ||
        (r.isan !== null && !parseIsan(r.isan).ok) ||
        (r.eidr !== null && !parseEidr(r.eidr).ok) ||
        (r.iswc !== null && !parseIswc(r.iswc).ok),
    );
    expect(bad).toEqual([]);
    const isrcs = recs.flatMap((r) => (r.isrc === null ? [] : [r.isrc]));
    expect(new Set(isrcs).size).toBe(isrcs.length);
  });

  it('is accepted by the registry normalisation', () => {
    for (const r of recs.slice(0, 500)) {
      const n = normaliseRecording({ ...r, durationMs: r.duration * 1000 });
      expect([n.isrc, n.isan, n.eidr, n.title]).toEqual([r.isrc, r.isan, r.eidr, r.title]);
    }
  });

  it('is mostly sound with realistic ISRC countries, some audiovisual with ISAN or EIDR', () => {
    expect(share((r) => r.kind === 'audiovisual')).toBeGreaterThan(0.05);
    expect(share((r) => r.kind === 'audiovisual')).toBeLessThan(0.12);
    expect(
      recs
        .filter((r) => r.kind === 'sound')
        .every((r) => r.isrc !== null && r.isan === null && r.eidr === null),
    ).toBe(true);
    const countries = new Set(recs.flatMap((r) => (r.isrc === null ? [] : [r.isrc.slice(0, 2)])));
    for (const c of ['FR', 'GB', 'US', 'DE']) expect(countries.has(c)).toBe(true);
    expect(share((r) => r.isrc?.startsWith('FR') === true)).toBeGreaterThan(0.4);
    expect(recs.some((r) => r.isan !== null && r.eidr !== null)).toBe(true);
    expect(recs.some((r) => r.isan !== null && r.isan.length === 26)).toBe(true);
    expect(share((r) => r.iswc !== null)).toBeGreaterThan(0.4);
  });

  it('has line-ups of 1 to 12 distinct performers, act members first', () => {
    const bad = recs.filter(
      (r) =>
        r.lineup.length < 1 ||
        r.lineup.length > MAX_LINEUP ||
        new Set(r.lineup.map((s) => s.performer)).size !== r.lineup.length ||
        r.act.members.some((m, i) => r.lineup[i] !== m) ||
        r.lineup.some((s) => s.performer < 0 || s.performer >= ctx.plan.performers),
    );
    expect(bad).toEqual([]);
    const sizes = new Set(recs.map((r) => r.lineup.length));
    expect(sizes.has(1) && sizes.has(12)).toBe(true);
  });

  it('uses DDEX roles: vocalists, session and orchestra musicians with instruments, actors on screen', () => {
    const slots = recs.flatMap((r) => r.lineup.map((s) => ({ ...s, kind: r.kind, screen: r.isrc === null })));
    const roles = new Set(slots.map((s) => s.role));
    expect([...roles].filter((r) => !(Object.values(ROLE) as string[]).includes(r))).toEqual([]);
    for (const role of [
      ROLE.leadVocalist,
      ROLE.backgroundVocalist,
      ROLE.studioMusician,
      ROLE.musician,
      ROLE.soloist,
      ROLE.conductor,
      ROLE.orchestraMember,
      ROLE.actor,
    ]) {
      expect(roles.has(role)).toBe(true);
    }
    expect(
      slots
        .filter((s) => s.role === ROLE.studioMusician || s.role === ROLE.orchestraMember)
        .every((s) => s.instrument !== null),
    ).toBe(true);
    expect(
      slots
        .filter((s) => s.screen)
        .every((s) => [ROLE.actor, ROLE.narrator, ROLE.voiceActor].includes(s.role as 'Actor')),
    ).toBe(true);
    expect(slots.some((s) => s.featured) && slots.some((s) => !s.featured)).toBe(true);
  });

  it('credits the line-up: a featured member or the group, and `feat.` for a guest', () => {
    const feat = recs.filter((r) => r.displayArtist.includes(' feat. '));
    expect(feat.length / N).toBeGreaterThan(0.03);
    for (const r of feat.slice(0, 200))
      expect(r.lineup.filter((s) => s.featured && s.role === ROLE.leadVocalist).length).toBeGreaterThan(0);
    expect(recs.every((r) => r.displayArtist.trim() !== '')).toBe(true);
  });

  it('has versions sharing their work (title and ISWC), with version titles', () => {
    const versions = recs.filter((r) => r.versionTitle !== null && r.kind === 'sound');
    expect(versions.length / N).toBeGreaterThan(0.08);
    expect(versions.some((r) => /^Remastered \d{4}$/.test(r.versionTitle!))).toBe(true);
    expect(versions.some((r) => r.versionTitle!.startsWith('Live'))).toBe(true);
    const titled = new Map(
      recs.filter((r) => r.versionTitle === null && r.iswc !== null).map((r) => [r.iswc, r.title]),
    );
    const shared = versions.filter((r) => r.iswc !== null && titled.has(r.iswc));
    expect(shared.length).toBeGreaterThan(10);
    expect(shared.every((r) => titled.get(r.iswc) === r.title)).toBe(true);
  });

  it('has French and English titles and plausible years and durations', () => {
    expect(share((r) => /[éèàçùâêîôû]|^(La|Le|Les|Sous|Dans) /.test(r.title))).toBeGreaterThan(0.3);
    expect(share((r) => /^(The|Back|Letter) |Heart|River|Light/.test(r.title))).toBeGreaterThan(0.1);
    expect(recs.every((r) => r.year >= 1960 && r.year <= 2025 && r.duration >= 60)).toBe(true);
  });
});
