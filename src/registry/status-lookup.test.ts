/**
 * Both lookups (the SQLite snapshot reader and the store) must give exactly the answers of
 * `RegistryService.status` and `.check`, once expanded from the compact form: checked on random
 * registries (performers, mandates with corrections and withdrawals, line-ups, declarations) and random
 * questions (instant, use, territory).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { toConfig } from '../config/config.js';
import { createContext } from '../context.js';
import { expandAnswer, expandCheck } from './compact-expand.js';
import { parseIsrc, recognizeId } from './identifiers.js';
import { QUERY_USES } from './model.js';
import type { StatusOptions } from './service.js';
import { DATES, eidr, isan, isrc, registryArb, seed } from '../../test/support/random-registry.js';
import {
  isCanonicalIsrc,
  openStatusLookup,
  StoreStatusLookup,
  type ReaderStatusLookup,
} from './status-lookup.js';

const dir = mkdtempSync(join(tmpdir(), 'tdmr-lookup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('isCanonicalIsrc', () => {
  it('accepts exactly the strings both parsers return unchanged as an ISRC', () => {
    const isrcLike = fc.stringMatching(/^(ISRC|[A-Z]{2}[A-Za-z0-9]{2})[A-Z0-9 -]{5,9}$/);
    fc.assert(
      fc.property(
        fc.oneof(isrcLike, fc.stringMatching(/^ISRC[0-9A-Z][0-9]{7}$/), fc.string({ maxLength: 14 })),
        (s) => {
          const parsed = parseIsrc(s);
          const recognized = recognizeId(s);
          const same =
            parsed.ok && parsed.value === s && recognized.kind === 'isrc' && recognized.normalized === s;
          expect(isCanonicalIsrc(s)).toBe(same);
        },
      ),
      { numRuns: 5000 },
    );
    expect(isCanonicalIsrc('FRZ032500001')).toBe(true);
    expect(isCanonicalIsrc('ISRC12345678')).toBe(false);
    expect(parseIsrc('ISRC12345678').ok).toBe(false);
  });
});

describe('ReaderStatusLookup', () => {
  let run = 0;
  it('answers exactly as RegistryService on random registries', async () => {
    await fc.assert(
      fc.asyncProperty(registryArb, async (r) => {
        const file = join(dir, `prop-${run++}.db`);
        const ctx = await createContext(toConfig({ databaseUrl: file }));
        const opened = openStatusLookup(ctx.db, ctx.stores.registry);
        try {
          expect(opened.path).toBe('snapshot');
          const reg = ctx.services.registry;
          const viaStore = new StoreStatusLookup(ctx.stores.registry);
          await seed(reg, r);
          const other = r.recordings
            .flatMap((_, i) => [isan(i), eidr(i)])
            .filter((k): k is string => k !== null);
          const keys = [...r.recordings.map((_, i) => isrc(i)), isrc(99_999), 'fr-z03-25-00000', ...other];
          for (const q of r.questions) {
            const opts: StatusOptions = q;
            for (const k of keys) {
              const fast = await opened.lookup.status(k, opts);
              expect(expandAnswer(fast)).toEqual(await reg.status(k, opts));
              // One answer: the same compact form, evidence keys included, on both paths.
              expect(fast).toEqual(await viaStore.status(k, opts));
            }
            const batch = [...keys, 'not an isrc', '', ...keys.slice(0, 2)];
            const expected = await reg.check(batch, opts);
            expect(expandCheck(await opened.lookup.check(batch, opts))).toEqual(expected);
            expect(expandCheck(await viaStore.check(batch, opts))).toEqual(expected);
            expect(await opened.lookup.verdicts(batch, opts)).toEqual(await viaStore.verdicts(batch, opts));
          }
        } finally {
          opened.close();
          await ctx.close();
        }
      }),
      { numRuns: 25 },
    );
  });

  it('holds an answer until its horizon: the same answer at every instant before it', async () => {
    const instants = DATES.map((d) => Date.parse(`${d}T00:00:00.000Z`));
    await fc.assert(
      fc.asyncProperty(registryArb, fc.constantFrom(...instants), async (r, start) => {
        let clock = start;
        const ctx = await createContext(toConfig({ databaseUrl: join(dir, `horizon-${run++}.db`) }));
        const opened = openStatusLookup(ctx.db, ctx.stores.registry, { now: () => new Date(clock) });
        try {
          const lookup = opened.lookup as ReaderStatusLookup;
          await seed(ctx.services.registry, r);
          for (const k of [...r.recordings.map((_, i) => isrc(i)), isrc(99_999)]) {
            clock = start;
            const held = lookup.statusHolding(k);
            expect(held.version).toBe(lookup.version());
            expect(held.until).toBeGreaterThan(start);
            expect(held.answer).toEqual(lookup.status(k));
            const last = Number.isFinite(held.until) ? held.until - 1 : Date.parse('2100-01-01T00:00:00.000Z');
            const probes = [start + 1, Math.floor((start + last) / 2), last, ...instants.filter((t) => t > start && t < held.until)];
            for (const t of probes) {
              clock = t;
              expect(lookup.status(k), new Date(t).toISOString()).toEqual({ ...held.answer, at: new Date(t).toISOString() });
            }
          }
          // Any write is a new version.
          const before = lookup.version();
          await ctx.services.registry.addPerformer({ displayName: 'Someone new' });
          expect(lookup.version()).not.toBe(before);
        } finally {
          opened.close();
          await ctx.close();
        }
      }),
      { numRuns: 25 },
    );
  });

  it('uses its clock when no instant is given, as the service does', async () => {
    const ctx = await createContext(toConfig({ databaseUrl: join(dir, 'clock.db') }));
    const opened = openStatusLookup(ctx.db, ctx.stores.registry, {
      now: () => new Date('2026-02-01T00:00:00Z'),
    });
    try {
      await ctx.services.registry.addRecording({
        kind: 'sound',
        isrc: isrc(1),
        title: 'T',
        displayArtist: 'A',
      });
      const s = await opened.lookup.status(isrc(1));
      expect(s.at).toBe('2026-02-01T00:00:00.000Z');
      expect(Object.keys(s.uses)).toEqual([...QUERY_USES]);
    } finally {
      opened.close();
      await ctx.close();
    }
  });

  it('rejects what the service rejects, with the same codes', async () => {
    const ctx = await createContext(toConfig({ databaseUrl: join(dir, 'errors.db') }));
    const opened = openStatusLookup(ctx.db, ctx.stores.registry);
    try {
      const lookup = opened.lookup as ReaderStatusLookup;
      expect(() => lookup.status('FRZ03')).toThrow(expect.objectContaining({ code: 'REGISTRY_INVALID_ID' }));
      expect(() => lookup.status('0000000122819550')).toThrow(
        expect.objectContaining({ code: 'REGISTRY_INVALID_ID' }),
      );
      expect(() => lookup.status(isrc(1), { at: '2026-02-30' })).toThrow(
        expect.objectContaining({ code: 'REGISTRY_INVALID_INPUT' }),
      );
      expect(() => lookup.status(isrc(1), { territory: 'France' })).toThrow(
        expect.objectContaining({ code: 'REGISTRY_INVALID_INPUT' }),
      );
      expect(() => lookup.check(new Array<string>(10_001).fill(isrc(1)))).toThrow(
        expect.objectContaining({ code: 'REGISTRY_TOO_MANY_ITEMS' }),
      );
      await expect(ctx.services.registry.status('FRZ03')).rejects.toMatchObject({
        code: 'REGISTRY_INVALID_ID',
      });
    } finally {
      opened.close();
      await ctx.close();
    }
  });

  it('falls back to the store where no snapshot reader applies', async () => {
    const ctx = await createContext(toConfig({ databaseUrl: ':memory:' }));
    const opened = openStatusLookup(ctx.db, ctx.stores.registry);
    expect(opened.path).toBe('store');
    expect(opened.lookup).toBeInstanceOf(StoreStatusLookup);
    opened.close();
    await ctx.close();
  });
});
