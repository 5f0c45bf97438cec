import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { toConfig } from '../config/config.js';
import { createContext } from '../context.js';
import { openStatusLookup, type ReaderStatusLookup } from '../registry/status-lookup.js';
import { DATES, eidr, isrc, registryArb, seed } from '../../test/support/random-registry.js';
import { checkAnswerBytes } from './check-answer.js';
import { keptCheckBytes, KeptItems } from './check-kept.js';

const dir = mkdtempSync(join(tmpdir(), 'tdmr-kept-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const instants = DATES.map((d) => Date.parse(`${d}T00:00:00.000Z`));

describe('keptCheckBytes', () => {
  let run = 0;
  it('answers byte for byte as checkAnswerBytes, kept or not, as the clock moves and the registry changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        registryArb,
        fc.array(fc.constantFrom(...instants), { minLength: 1, maxLength: 4 }),
        fc.constantFrom<'full' | 'status'>('full', 'status'),
        fc.boolean(),
        async (r, clocks, detail, small) => {
          let clock = instants[0] as number;
          const ctx = await createContext(toConfig({ databaseUrl: join(dir, `kept-${run++}.db`) }));
          const opened = openStatusLookup(ctx.db, ctx.stores.registry, { now: () => new Date(clock) });
          // Room for one or two items only, or for all: eviction must not change an answer either.
          const kept = new KeptItems(small ? 1500 : 1 << 24);
          try {
            const lookup = opened.lookup as ReaderStatusLookup;
            await seed(ctx.services.registry, r);
            const keys = r.recordings.map((_, i) => isrc(i));
            // Unknown, spelt otherwise, invalid, repeated, and an EIDR (not an ISRC: invalid here).
            const items = [...keys.slice().reverse(), isrc(99_999), 'fr-z03-25-00001', 'nope', '', ...keys.slice(0, 2), eidr(0) ?? 'x'];
            const compare = (): void => {
              const expected = (checkAnswerBytes(lookup, { items, detail }) as Buffer).toString();
              expect(keptCheckBytes(lookup, kept, items, detail).toString()).toBe(expected);
              // Again, now from what was kept.
              expect(keptCheckBytes(lookup, kept, items, detail).toString()).toBe(expected);
            };
            for (const t of [...clocks].sort((a, b) => a - b)) {
              clock = t;
              compare();
              clock = t + 1;
              compare();
            }
            // A new declaration changes every covered answer: the kept items must go.
            await ctx.services.registry.declare({ issuer: 'CMO', uses: ['all-tdm'], media: ['sound', 'audiovisual'], territories: ['WORLD'], effectiveFrom: '2019-01-01' });
            compare();
          } finally {
            opened.close();
            await ctx.close();
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('works an item out again once the clock passes its horizon', async () => {
    let clock = Date.parse('2025-06-01T00:00:00.000Z');
    const ctx = await createContext(toConfig({ databaseUrl: join(dir, 'horizon.db') }));
    const opened = openStatusLookup(ctx.db, ctx.stores.registry, { now: () => new Date(clock) });
    try {
      const reg = ctx.services.registry;
      const p = await reg.addPerformer({ displayName: 'Jeanne', memberNo: 'M1' });
      await reg.addMandate({ performerId: p.id, legalBasis: 'statutory', validFrom: '2020-01-01', validTo: '2026-01-01' });
      await reg.declare({ issuer: 'CMO', uses: ['all-tdm'], media: ['sound'], territories: ['WORLD'], effectiveFrom: '2021-01-01' });
      const lineup = [{ performerId: p.id, role: 'MainArtist', instrument: null, featured: true, position: 1 }];
      await reg.addRecording({ kind: 'sound', isrc: isrc(1), title: 'T', displayArtist: 'A' }, lineup);
      const lookup = opened.lookup as ReaderStatusLookup;
      const kept = new KeptItems(1 << 20);
      const summary = (detail: 'full' | 'status'): unknown => {
        const bytes = keptCheckBytes(lookup, kept, [isrc(1)], detail).toString();
        expect(bytes).toBe((checkAnswerBytes(lookup, { items: [isrc(1)], detail }) as Buffer).toString());
        return (JSON.parse(bytes) as { summary: unknown }).summary;
      };
      expect(summary('full')).toMatchObject({ reserved: 1 });
      clock = Date.parse('2025-12-31T23:59:59.999Z');
      expect(summary('status')).toMatchObject({ reserved: 1 });
      clock = Date.parse('2026-01-01T00:00:00.000Z');
      expect(summary('full')).toMatchObject({ reserved: 0, notCovered: 1 });
      expect(summary('status')).toMatchObject({ reserved: 0, notCovered: 1 });
    } finally {
      opened.close();
      await ctx.close();
    }
  });

  it('keeps what it worked out, for the batches after', async () => {
    const ctx = await createContext(toConfig({ databaseUrl: join(dir, 'reuse.db') }));
    const opened = openStatusLookup(ctx.db, ctx.stores.registry, { now: () => new Date('2026-06-01T00:00:00Z') });
    try {
      await ctx.services.registry.addRecording({ kind: 'sound', isrc: isrc(1), title: 'T', displayArtist: 'A' });
      const kept = new KeptItems(1 << 20);
      keptCheckBytes(opened.lookup as ReaderStatusLookup, kept, [isrc(1), isrc(2), 'bad'], 'full');
      expect(kept.stats.values).toBe(2);
    } finally {
      opened.close();
      await ctx.close();
    }
  });
});
