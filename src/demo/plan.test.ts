import { describe, expect, it } from 'vitest';
import { DemoError } from './errors.js';
import { DEFAULT_SCALE, DEFAULT_SEED, demoPlan, MAX_SCALE, MIN_PERFORMERS } from './plan.js';

describe('demoPlan', () => {
  it('defaults to 200k recordings and 10k performers', () => {
    expect(demoPlan()).toMatchObject({ scale: DEFAULT_SCALE, seed: DEFAULT_SEED, performers: 10_000 });
  });

  it('keeps one performer per 20 recordings, never fewer than a full line-up allows', () => {
    expect(demoPlan({ scale: MAX_SCALE }).performers).toBe(500_000);
    expect(demoPlan({ scale: 1 }).performers).toBe(MIN_PERFORMERS);
    expect(demoPlan({ scale: 1001 }).performers).toBe(51);
  });

  it('takes a numeric seed as its text', () => {
    expect(demoPlan({ seed: 42 }).seed).toBe('42');
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_SCALE + 1])('rejects scale %s', (scale) => {
    expect(() => demoPlan({ scale })).toThrow(
      expect.objectContaining({ code: 'DEMO_INVALID_OPTIONS' }) as DemoError,
    );
  });

  it.each(['', 'x'.repeat(201)])('rejects seed %j', (seed) => {
    expect(() => demoPlan({ seed })).toThrow(DemoError);
  });
});
