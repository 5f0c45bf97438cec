import { describe, expect, it } from 'vitest';
import { parseIsrc } from '../registry/identifiers.js';
import { DemoError } from './errors.js';
import { ISRC_FIRST_YEAR, ISRC_LAST_YEAR, IsrcAllocator } from './isrc.js';
import { LABELS } from './labels.js';

describe('labels', () => {
  it('have distinct ISRC registrant prefixes of the right shape', () => {
    const prefixes = LABELS.map((l) => l.country + l.registrant);
    expect(new Set(prefixes).size).toBe(LABELS.length);
    for (const l of LABELS) {
      expect(l.country).toMatch(/^[A-Z]{2}$/);
      expect(l.registrant).toMatch(/^[A-Z0-9]{3}$/);
    }
    expect(LABELS.filter((l) => l.country === 'FR').length).toBeGreaterThan(LABELS.length / 3);
  });
});

describe('IsrcAllocator', () => {
  it('allocates valid ISRCs whose prefix and year are the label and year asked for', () => {
    const a = new IsrcAllocator(1);
    const { isrc, label } = a.allocate(3, 2011);
    expect(label).toBe(3);
    expect(parseIsrc(isrc)).toEqual({ ok: true, value: isrc });
    expect(isrc.slice(0, 5)).toBe(`${LABELS[3]!.country}${LABELS[3]!.registrant}`);
    expect(isrc.slice(5, 7)).toBe('11');
  });

  it('hands out consecutive designation codes per label and year', () => {
    const a = new IsrcAllocator(9);
    const first = Number(a.allocate(0, 2020).isrc.slice(7));
    const second = Number(a.allocate(0, 2020).isrc.slice(7));
    expect(second).toBe((first + 1) % 100_000);
  });

  it('never repeats an ISRC, spilling to the next label when a label-year is full', () => {
    const capacity = 5;
    const a = new IsrcAllocator(2, capacity);
    const seen = new Set<string>();
    const labels = new Set<number>();
    for (let k = 0; k < capacity * LABELS.length; k++) {
      const r = a.allocate(0, 1999);
      seen.add(r.isrc);
      labels.add(r.label);
    }
    expect(seen.size).toBe(capacity * LABELS.length);
    expect(labels.size).toBe(LABELS.length);
    expect(() => a.allocate(0, 1999)).toThrow(DemoError);
    expect(a.allocate(0, 2000).label).toBe(0);
  });

  it('refuses years outside the ISRC era it covers', () => {
    const a = new IsrcAllocator(1);
    expect(() => a.allocate(0, ISRC_FIRST_YEAR - 1)).toThrow(RangeError);
    expect(() => a.allocate(0, ISRC_LAST_YEAR + 1)).toThrow(RangeError);
  });
});
