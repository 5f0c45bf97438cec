import { describe, expect, it } from 'vitest';
import type { HeldAnswer } from '../registry/status-lookup-reader.js';
import type { RecordingAnswer } from '../registry/status-lookup.js';
import { AnswerCache, answerBytes, type HoldingLookup } from './answer-cache.js';
import { recordingStatusBytes } from './status-json.js';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();

function answer(isrc: string, atMs: number, status: RecordingAnswer['status'] = 'reserved'): RecordingAnswer {
  return {
    query: isrc,
    identifier: isrc,
    at: iso(atMs),
    territory: null,
    status,
    recording: null,
    uses: {},
    evidence: { declarations: [], mandates: [], performers: [] },
  };
}
const bytes = (isrc: string, atMs: number): Buffer => recordingStatusBytes(answer(isrc, atMs));

describe('AnswerCache', () => {
  it('hands back the kept bytes with the instant of the hit written in', () => {
    const cache = new AnswerCache(1 << 20);
    cache.set('FRZ032500001', 7, T0 + 60_000, iso(T0), bytes('FRZ032500001', T0));
    const hit = cache.get('FRZ032500001', 7, T0 + 1234);
    expect(hit?.toString()).toBe(bytes('FRZ032500001', T0 + 1234).toString());
    // The kept bytes are not the ones handed out: a second hit at another instant is right too.
    expect(cache.get('FRZ032500001', 7, T0 + 5)?.toString()).toBe(bytes('FRZ032500001', T0 + 5).toString());
  });

  it('forgets everything when the registry version changes', () => {
    const cache = new AnswerCache(1 << 20);
    cache.set('FRZ032500001', 7, T0 + 60_000, iso(T0), bytes('FRZ032500001', T0));
    cache.set('FRZ032500002', 7, T0 + 60_000, iso(T0), bytes('FRZ032500002', T0));
    expect(cache.get('FRZ032500001', 8, T0 + 1)).toBeNull();
    expect(cache.stats.answers).toBe(0);
    // Back to the old number: still nothing (a version is never trusted twice).
    expect(cache.get('FRZ032500002', 7, T0 + 1)).toBeNull();
  });

  it('does not hand an answer out at or past its horizon', () => {
    const cache = new AnswerCache(1 << 20);
    cache.set('FRZ032500001', 1, T0 + 1000, iso(T0), bytes('FRZ032500001', T0));
    expect(cache.get('FRZ032500001', 1, T0 + 999)).not.toBeNull();
    expect(cache.get('FRZ032500001', 1, T0 + 1000)).toBeNull();
    expect(cache.stats).toEqual({ answers: 0, bytes: 0 });
  });

  it('keeps no answer that does not hold past its own instant, or whose instant it cannot find', () => {
    const cache = new AnswerCache(1 << 20);
    cache.set('FRZ032500001', 1, T0, iso(T0), bytes('FRZ032500001', T0));
    cache.set('FRZ032500002', 1, T0 + 10, iso(T0 + 1), bytes('FRZ032500002', T0));
    cache.set('FRZ032500003', 1, T0 + 10, '2026-03-01', bytes('FRZ032500003', T0));
    expect(cache.stats.answers).toBe(0);
  });

  it('stays within its bytes, dropping the answer kept longest ago', () => {
    const one = bytes('FRZ032500001', T0).length;
    const cache = new AnswerCache(one * 2 + 1);
    for (const n of [1, 2, 3]) {
      const isrc = `FRZ03250000${n}`;
      cache.set(isrc, 1, T0 + 1000, iso(T0), bytes(isrc, T0));
    }
    expect(cache.stats).toEqual({ answers: 2, bytes: one * 2 });
    expect(cache.get('FRZ032500001', 1, T0)).toBeNull();
    expect(cache.get('FRZ032500003', 1, T0)).not.toBeNull();
    const none = new AnswerCache(0);
    none.set('FRZ032500001', 1, T0 + 1000, iso(T0), bytes('FRZ032500001', T0));
    expect(none.stats.answers).toBe(0);
  });
});

describe('answerBytes', () => {
  /** A lookup whose clock, version and horizon the test sets, counting the lookups made. */
  function fake(): HoldingLookup & { now: number; v: number; until: number; lookups: number } {
    const f = {
      now: T0,
      v: 1,
      until: T0 + 1000,
      lookups: 0,
      status: (isrc: string) => {
        f.lookups++;
        return answer(isrc, f.now, f.v % 2 === 0 ? 'not-covered' : 'reserved');
      },
      statusHolding: (isrc: string): HeldAnswer => ({ answer: f.status(isrc), version: f.v, until: f.until }),
      version: () => f.v,
      clock: () => new Date(f.now),
    };
    return f;
  }

  it('looks up once while an answer holds, again past its horizon or after a change', () => {
    const f = fake();
    const get = answerBytes(f, new AnswerCache(1 << 20));
    const fresh = (isrc: string): string => recordingStatusBytes(f.status(isrc)).toString();
    expect(get('FRZ032500001').toString()).toContain('"reserved"');
    f.now += 500;
    const reused = get('FRZ032500001').toString();
    expect(f.lookups).toBe(1);
    expect(reused).toBe(fresh('FRZ032500001'));
    f.lookups = 0;
    f.now = f.until;
    get('FRZ032500001');
    expect(f.lookups).toBe(1);
    f.until = f.now + 1000;
    f.v = 2;
    expect(get('FRZ032500001').toString()).toContain('"not-covered"');
    expect(f.lookups).toBe(2);
  });

  it('without a cache, looks every answer up', () => {
    const f = fake();
    const get = answerBytes(f, null);
    get('FRZ032500001');
    get('FRZ032500001');
    expect(f.lookups).toBe(2);
  });
});
