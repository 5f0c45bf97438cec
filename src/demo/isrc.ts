/**
 * ISRC allocation for the demo recordings, unique by construction: each (label, year of reference) pair hands
 * out designation codes from its own counter, starting at a seeded offset and wrapping within its 100,000 codes,
 * as a label assigns ISRCs in sequence. A full pair spills to the next label. The state is one counter per
 * pair (a few thousand integers), whatever the number of recordings.
 */
import { DemoError } from './errors.js';
import { LABELS } from './labels.js';
import { Rng, STREAM } from './rng.js';

/** ISRC years of reference the allocator covers; older recordings get ISRCs assigned from the first one on. */
export const ISRC_FIRST_YEAR = 1986;
export const ISRC_LAST_YEAR = 2026;
const YEARS = ISRC_LAST_YEAR - ISRC_FIRST_YEAR + 1;

export interface AllocatedIsrc {
  isrc: string;
  /** Index into LABELS of the label that owns it (the one asked for, or the next one after a spill). */
  label: number;
}

export class IsrcAllocator {
  private readonly used: Uint32Array;
  private readonly start: Uint32Array;

  /** `capacity` is 100,000 (five-digit designation codes); tests lower it to exercise spills. */
  constructor(
    seed: number,
    private readonly capacity = 100_000,
  ) {
    this.used = new Uint32Array(LABELS.length * YEARS);
    this.start = new Uint32Array(LABELS.length * YEARS);
    const rng = new Rng(seed);
    for (let k = 0; k < this.start.length; k++) this.start[k] = rng.reseed(STREAM.isrc, k).int(capacity);
  }

  allocate(label: number, year: number): AllocatedIsrc {
    if (!Number.isInteger(year) || year < ISRC_FIRST_YEAR || year > ISRC_LAST_YEAR) {
      throw new RangeError(`ISRC year of reference out of range: ${year}`);
    }
    const y = year - ISRC_FIRST_YEAR;
    for (let step = 0; step < LABELS.length; step++) {
      const l = (label + step) % LABELS.length;
      const k = l * YEARS + y;
      const used = this.used[k] as number;
      if (used < this.capacity) {
        this.used[k] = used + 1;
        const n = ((this.start[k] as number) + used) % this.capacity;
        const { country, registrant } = LABELS[l] as (typeof LABELS)[number];
        const yy = String(year % 100).padStart(2, '0');
        return { isrc: `${country}${registrant}${yy}${String(n).padStart(5, '0')}`, label: l };
      }
    }
    throw new DemoError('DEMO_ISRC_SPACE_EXHAUSTED', `every label's ISRC codes for ${year} are used`);
  }
}
