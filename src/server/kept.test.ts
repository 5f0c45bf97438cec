import { describe, expect, it } from 'vitest';
import { Kept } from './kept.js';

describe('Kept', () => {
  it('hands a value out for its version until its horizon, and counts its bytes', () => {
    const kept = new Kept<string>(100);
    kept.set('a', 1, 50, 'A', 10);
    expect(kept.get('a', 1, 49)).toBe('A');
    expect(kept.get('a', 1, 50)).toBeNull();
    expect(kept.stats).toEqual({ values: 0, bytes: 0 });
    kept.set('b', 1, 50, 'B', 10);
    expect(kept.get('b', 2, 0)).toBeNull();
    expect(kept.stats.values).toBe(0);
  });

  it('drops the value kept longest ago to make room, and never keeps one larger than its room', () => {
    const kept = new Kept<string>(25);
    kept.set('a', 1, 9, 'A', 10);
    kept.set('b', 1, 9, 'B', 10);
    kept.set('a', 1, 9, 'A2', 10);
    kept.set('c', 1, 9, 'C', 10);
    expect([kept.get('a', 1, 0), kept.get('b', 1, 0), kept.get('c', 1, 0)]).toEqual(['A2', null, 'C']);
    kept.set('d', 1, 9, 'D', 26);
    expect(kept.get('d', 1, 0)).toBeNull();
    expect(kept.stats).toEqual({ values: 2, bytes: 20 });
  });
});
