import { describe, expect, it } from 'vitest';
import { HostGate } from './http-fetch.js';
import { MAX_CACHE_MS, OriginCache } from './origin-cache.js';

describe('HostGate', () => {
  it('keeps at most `limit` requests in flight per host, other hosts unaffected', async () => {
    const gate = new HostGate();
    let active = 0;
    let peak = 0;
    const job = () =>
      gate.run('a.example', 2, 0, async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 10));
        active--;
      });
    let other = false;
    await Promise.all([job(), job(), job(), job(), job(), gate.run('b.example', 2, 0, () => Promise.resolve((other = true)))]);
    expect(peak).toBe(2);
    expect(other).toBe(true);
  });

  it('spaces the starts of requests to one host by the delay', async () => {
    // The gate's own clock, so the test measures what the gate promises, not how two clocks drift under load.
    const clock = () => performance.now();
    const gate = new HostGate(clock);
    const starts: number[] = [];
    await Promise.all([0, 1, 2].map(() => gate.run('a.example', 3, 40, () => Promise.resolve(starts.push(clock())))));
    starts.sort((a, b) => a - b);
    // The k-th start is scheduled k delays after the first (which starts at once); timers never fire early,
    // though under load one may fire late, so each is measured from the first, not from the one before it.
    expect((starts[1] as number) - (starts[0] as number)).toBeGreaterThanOrEqual(39);
    expect((starts[2] as number) - (starts[0] as number)).toBeGreaterThanOrEqual(79);
  });
});

describe('OriginCache', () => {
  it('reuses a value within its lifetime, reloads after, and never keeps one over 24 h', async () => {
    let now = 0;
    let loads = 0;
    const cache = new OriginCache<number>(48 * 3600_000, () => now);
    const load = () => Promise.resolve(++loads);
    expect(await cache.get('o', load)).toBe(1);
    now = MAX_CACHE_MS - 1;
    expect(await cache.get('o', load)).toBe(1);
    now = MAX_CACHE_MS;
    expect(await cache.get('o', load)).toBe(2);
  });
});
