import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageStatus, currentVersions, type CoverageInput } from './coverage.js';
import { QUERY_USES, type Declaration, type MandateVersion, type Medium, type QueryUse, type Recording, type Use } from './model.js';

const rec = (kind: Medium = 'sound'): Recording => ({
  id: 'r1', kind, isrc: 'FRZ032500001', isan: null, eidr: null, iswc: null, title: 'Titre', versionTitle: null,
  displayArtist: 'A', durationMs: null, year: 2020, label: null,
});
const decl = (over: Partial<Declaration> = {}): Declaration => ({
  id: 'd1', issuer: 'CMO', legalBasis: 'Art. 4(3)', uses: ['ai-training', 'genai-training', 'ai-inference'], media: ['sound', 'audiovisual'],
  territories: ['WORLD'], effectiveFrom: '2025-01-01T00:00:00.000Z', withdrawnAt: null, createdAt: '2025-01-01T00:00:00.000Z', ...over,
});
const mandate = (over: Partial<MandateVersion> = {}): MandateVersion => ({
  id: 'm1v1', mandateId: 'm1', version: 1, performerId: 'p1', legalBasis: 'express', uses: ['ai-training', 'genai-training', 'ai-inference'],
  media: ['sound', 'audiovisual'], territories: ['WORLD'], validFrom: '2024-01-01T00:00:00.000Z', validTo: null, withdrawnAt: null,
  sourceRef: 'contract 1', change: 'initial', recordedAt: '2024-01-01T00:00:00.000Z', ...over,
});
const input = (over: Partial<CoverageInput> = {}): CoverageInput => ({
  recording: rec(),
  lineup: [
    { recordingId: 'r1', performerId: 'p1', role: 'LeadVocalist', instrument: null, featured: true, position: 1 },
    { recordingId: 'r1', performerId: 'p2', role: 'StudioMusician', instrument: 'Cello', featured: false, position: 2 },
  ],
  performers: [
    { id: 'p1', displayName: 'Jeanne Exemple', sortName: 'Exemple, Jeanne', aliases: [], memberNo: '1', isni: null, ipn: null, ipi: null, member: true },
    { id: 'p2', displayName: 'Paul Autre', sortName: 'Autre, Paul', aliases: [], memberNo: null, isni: null, ipn: null, ipi: null, member: false },
  ],
  mandates: [mandate()],
  declarations: [decl()],
  ...over,
});
const AT = '2026-06-01T00:00:00.000Z';

describe('coverageStatus', () => {
  it('is reserved with the declaration and the mandate as reasons', () => {
    const a = coverageStatus(input(), { at: AT, use: 'ai-training' });
    expect(a.status).toBe('reserved');
    expect(a.reasons.map((r) => r.code)).toEqual(['DECLARATION_IN_FORCE', 'MANDATE_IN_FORCE']);
    expect(a.reasons[1]).toMatchObject({ performerId: 'p1', mandateId: 'm1', mandateVersion: 1, legalBasis: 'express' });
  });

  it('is unknown for a recording not in the registry, or with no line-up', () => {
    expect(coverageStatus(input({ recording: null }), { at: AT, use: 'ai-training' }).status).toBe('unknown');
    const a = coverageStatus(input({ lineup: [] }), { at: AT, use: 'ai-training' });
    expect(a.status).toBe('unknown');
    expect(a.reasons.at(-1)?.code).toBe('NO_LINEUP');
  });

  it('is not covered before the declaration, after its withdrawal, or for a use it does not reserve', () => {
    expect(coverageStatus(input(), { at: '2024-06-01T00:00:00.000Z', use: 'ai-training' }).reasons[0]?.code).toBe('NO_DECLARATION_IN_FORCE');
    const withdrawn = input({ declarations: [decl({ withdrawnAt: '2026-01-01T00:00:00.000Z' })] });
    expect(coverageStatus(withdrawn, { at: AT, use: 'ai-training' }).status).toBe('not-covered');
    expect(coverageStatus(input(), { at: AT, use: 'search' }).status).toBe('not-covered');
  });

  it('follows mandate versions: a withdrawal ends coverage from its date; the old answer stays for earlier instants', () => {
    const w = mandate({ id: 'm1v2', version: 2, change: 'withdrawal', withdrawnAt: '2026-03-01T00:00:00.000Z', recordedAt: '2026-02-15T00:00:00.000Z' });
    const i = input({ mandates: [mandate(), w] });
    expect(coverageStatus(i, { at: '2026-02-01T00:00:00.000Z', use: 'ai-training' }).status).toBe('reserved');
    const after = coverageStatus(i, { at: AT, use: 'ai-training' });
    expect(after.status).toBe('not-covered');
    expect(after.reasons.find((r) => r.performerId === 'p1')?.message).toMatch(/withdrawn on 2026-03-01/);
    // As the registry knew it before the withdrawal was recorded, it was reserved at AT.
    expect(coverageStatus(i, { at: AT, use: 'ai-training', knownAt: '2026-02-01T00:00:00.000Z' }).status).toBe('reserved');
  });

  it('checks media, territory and uses of the mandate', () => {
    const sound = input({ mandates: [mandate({ media: ['audiovisual'] })] });
    expect(coverageStatus(sound, { at: AT, use: 'ai-training' }).reasons.find((r) => r.performerId === 'p1')?.message).toMatch(/does not cover sound/);
    const fr = input({ mandates: [mandate({ territories: ['FR'] })] });
    expect(coverageStatus(fr, { at: AT, use: 'ai-training', territory: 'FR' }).status).toBe('reserved');
    expect(coverageStatus(fr, { at: AT, use: 'ai-training', territory: 'DE' }).status).toBe('not-covered');
    const gen = input({ mandates: [mandate({ uses: ['genai-training'] })] });
    expect(coverageStatus(gen, { at: AT, use: 'genai-training' }).status).toBe('reserved');
    expect(coverageStatus(gen, { at: AT, use: 'ai-training' }).status).toBe('not-covered');
    const broad = input({ mandates: [mandate({ uses: ['ai-training'] })] });
    expect(coverageStatus(broad, { at: AT, use: 'genai-training' }).status).toBe('reserved');
  });

  it('says which performers hold no mandate', () => {
    const a = coverageStatus(input({ mandates: [] }), { at: AT, use: 'ai-training' });
    expect(a.status).toBe('not-covered');
    expect(a.reasons.filter((r) => r.code === 'NO_MANDATE').map((r) => r.performerName)).toEqual(['Jeanne Exemple', 'Paul Autre']);
  });

  it('currentVersions keeps the newest version known at an instant', () => {
    const v2 = mandate({ id: 'v2', version: 2, recordedAt: '2025-01-01T00:00:00.000Z' });
    expect(currentVersions([mandate(), v2]).map((v) => v.id)).toEqual(['v2']);
    expect(currentVersions([v2, mandate()], '2024-06-01T00:00:00.000Z').map((v) => v.id)).toEqual(['m1v1']);
  });
});

// ---- property: coverageStatus agrees with a direct reading of the rule ----
const day = fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2019, 0, 1) + d * 86_400_000).toISOString());
const uses = fc.subarray<Use>(['ai-training', 'genai-training', 'ai-inference', 'search', 'all-tdm'], { minLength: 1 });
const media = fc.subarray<Medium>(['sound', 'audiovisual'], { minLength: 1 });
const terr = fc.constantFrom<string[]>(['WORLD'], ['FR'], ['FR', 'BE'], ['DE']);
const perf = fc.constantFrom('p1', 'p2', 'p3', 'p4');

const arbMandate = fc.record({
  mandateId: fc.constantFrom('a', 'b', 'c', 'd', 'e'), version: fc.integer({ min: 1, max: 3 }), performerId: perf,
  uses, media, territories: terr, validFrom: day, validTo: fc.option(day, { nil: null }), withdrawnAt: fc.option(day, { nil: null }), recordedAt: day,
});
const arbDecl = fc.record({ uses, media, territories: terr, effectiveFrom: day, withdrawnAt: fc.option(day, { nil: null }) });
const arbWorld = fc.record({
  kind: fc.constantFrom<Medium>('sound', 'audiovisual'),
  lineup: fc.uniqueArray(perf, { maxLength: 4 }),
  mandates: fc.array(arbMandate, { maxLength: 8 }),
  decls: fc.array(arbDecl, { maxLength: 3 }),
  at: day,
  use: fc.constantFrom<QueryUse>(...QUERY_USES),
  territory: fc.option(fc.constantFrom('FR', 'DE', 'BE', 'US'), { nil: undefined }),
  knownAt: fc.option(day, { nil: undefined }),
});

type World = typeof arbWorld extends fc.Arbitrary<infer T> ? T : never;

function oracle(w: CoverageInput, q: { at: string; use: QueryUse; territory?: string; knownAt?: string }) {
  const covers = (u: Use[]) => u.includes('all-tdm') || u.includes(q.use) || (q.use === 'genai-training' && u.includes('ai-training'));
  const inTerr = (t: string[]) => (q.territory === undefined ? true : t.includes('WORLD') || t.includes(q.territory));
  const live = (from: string, to: string | null, wd: string | null) => from <= q.at && (to === null || q.at < to) && (wd === null || q.at < wd);
  const kind = w.recording!.kind;
  const decl = w.declarations.some((d) => live(d.effectiveFrom, null, d.withdrawnAt) && covers(d.uses) && d.media.includes(kind) && inTerr(d.territories));
  if (!decl) return 'not-covered';
  if (w.lineup.length === 0) return 'unknown';
  const latest = new Map<string, MandateVersion>();
  for (const m of w.mandates) {
    if (q.knownAt !== undefined && m.recordedAt > q.knownAt) continue;
    if ((latest.get(m.mandateId)?.version ?? 0) < m.version) latest.set(m.mandateId, m);
  }
  const ok = [...latest.values()].some(
    (m) => w.lineup.some((l) => l.performerId === m.performerId) && live(m.validFrom, m.validTo, m.withdrawnAt) && covers(m.uses) && m.media.includes(kind) && inTerr(m.territories),
  );
  return ok ? 'reserved' : 'not-covered';
}

function toInput(w: World): CoverageInput {
  // Duplicate (mandateId, version) pairs cannot exist in the store: keep the first of each.
  const seen = new Set<string>();
  const mandates = w.mandates.filter((m) => !seen.has(`${m.mandateId}/${m.version}`) && seen.add(`${m.mandateId}/${m.version}`));
  return {
    recording: { ...rec(w.kind) },
    lineup: w.lineup.map((p, i) => ({ recordingId: 'r1', performerId: p, role: 'Performer', instrument: null, featured: i === 0, position: i + 1 })),
    performers: [],
    mandates: mandates.map((m, i) => mandate({ ...m, id: `v${i}`, change: 'initial' })),
    declarations: w.decls.map((d, i) => decl({ ...d, id: `d${i}` })),
  };
}

describe('coverageStatus properties', () => {
  it('agrees with a direct reading of the rule on random registries', () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const inp = toInput(w);
        const q = { at: w.at, use: w.use, territory: w.territory, knownAt: w.knownAt };
        const a = coverageStatus(inp, q);
        expect(a.status).toBe(oracle(inp, q));
        // Every answer carries its reasons; a reservation names the declaration and a mandate.
        expect(a.reasons.length).toBeGreaterThan(0);
        if (a.status === 'reserved') {
          expect(a.reasons.some((r) => r.code === 'DECLARATION_IN_FORCE')).toBe(true);
          expect(a.reasons.some((r) => r.code === 'MANDATE_IN_FORCE' && r.performerId !== undefined)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('adding a covering mandate to a line-up performer under a covering declaration makes it reserved', () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const inp = toInput({ ...w, lineup: w.lineup.length ? w.lineup : ['p1'] });
        const first = inp.lineup[0]!.performerId;
        const extra = mandate({ id: 'x', mandateId: 'zz', performerId: first, uses: ['all-tdm'], territories: ['WORLD'], validFrom: '2000-01-01T00:00:00.000Z', recordedAt: '2000-01-01T00:00:00.000Z' });
        const d = decl({ id: 'dx', uses: ['all-tdm'], effectiveFrom: '2000-01-01T00:00:00.000Z' });
        const a = coverageStatus({ ...inp, mandates: [...inp.mandates, extra], declarations: [...inp.declarations, d] }, { at: w.at, use: w.use, territory: w.territory });
        expect(a.status).toBe('reserved');
      }),
    );
  });
});
