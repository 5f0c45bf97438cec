import { describe, expect, it } from 'vitest';
import { DIVERGENCE_LIMIT, DivergenceLog, formatDivergence } from './audit-report.js';

describe('DivergenceLog', () => {
  it('lists by entry index, rows without an entry last, in the order found', () => {
    const log = new DivergenceLog();
    log.add({ index: null, table: 'mandates', key: 'a', problem: 'x' });
    log.add({ index: 7, table: 'ledger_nodes', key: '1/3', problem: 'y' });
    log.add({ index: 2, table: 'mandates', key: 'b', problem: 'z' });
    log.add({ index: null, table: 'lineups', key: 'c', problem: 'w' });
    expect(log.list().divergences.map((d) => d.key)).toEqual(['b', '1/3', 'a', 'c']);
    expect(log.list().truncated).toBe(false);
  });

  it('keeps the lowest indices when there are too many, and says so', () => {
    const log = new DivergenceLog();
    for (let i = 5 * DIVERGENCE_LIMIT; i > 0; i--) log.add({ index: i, table: 't', key: String(i), problem: 'p' });
    const { divergences, truncated } = log.list();
    expect(truncated).toBe(true);
    expect(log.count).toBe(5 * DIVERGENCE_LIMIT);
    expect(divergences).toHaveLength(DIVERGENCE_LIMIT);
    expect(divergences[0]!.index).toBe(1);
    expect(divergences.at(-1)!.index).toBe(DIVERGENCE_LIMIT);
  });

  it('formats one line for people', () => {
    expect(formatDivergence({ index: 4, table: 'mandates', key: 'm', problem: 'uses differ' })).toBe('entry 4, mandates m: uses differ');
    expect(formatDivergence({ index: null, table: 'lineups', key: 'r', problem: 'no entry' })).toBe('no entry, lineups r: no entry');
  });
});
