import { describe, expect, it } from 'vitest';
import { inclusionProofPlan, planNodeIds } from './plan.js';
import { toDollarPlaceholders } from './sql-conn.js';
import { hashFromBytes, hashFromHex, selectNodesSql, toHex } from './sql-nodes.js';

describe('selectNodesSql', () => {
  it('reads leaves from entries and interior nodes per level, each id once, in one statement', () => {
    const q = selectNodesSql([
      { level: 0, index: 5 },
      { level: 2, index: 1 },
      { level: 0, index: 5 },
      { level: 1, index: 3 },
      { level: 2, index: 0 },
    ])!;
    expect(q.sql).toBe(
      'SELECT 0 AS level, idx, leaf_hash AS leaf, NULL AS hash FROM ledger_entries WHERE idx IN (?) UNION ALL ' +
        'SELECT level, idx, NULL AS leaf, hash FROM ledger_nodes WHERE (level = ? AND idx IN (?)) OR (level = ? AND idx IN (?, ?))',
    );
    expect(q.params).toEqual([5, 1, 3, 2, 1, 0]);
    expect(selectNodesSql([])).toBeNull();
  });

  it('keeps the expression shallow however many nodes a batch of proofs names', () => {
    const ids = Array.from({ length: 300 }, (_, i) => planNodeIds(inclusionProofPlan(i * 1000, 10_000_000))).flat();
    const q = selectNodesSql(ids)!;
    expect(q.sql.split(' OR ').length).toBeLessThanOrEqual(24);
    expect(q.params.length).toBeLessThan(ids.length + 30);
  });
});

describe('placeholders and hashes', () => {
  it('numbers ? placeholders for PostgreSQL', () => {
    expect(toDollarPlaceholders('SELECT ? + ?, ?')).toBe('SELECT $1 + $2, $3');
    expect(toDollarPlaceholders('SELECT 1')).toBe('SELECT 1');
  });

  it('round-trips hex and refuses what is not 32 bytes', () => {
    const h = Uint8Array.from({ length: 32 }, (_, i) => i);
    expect(hashFromHex(toHex(h))).toEqual(h);
    expect(() => hashFromHex('abc')).toThrow(expect.objectContaining({ code: 'LEDGER_BAD_HASH' }));
    expect(() => hashFromHex('zz'.repeat(32))).toThrow(expect.objectContaining({ code: 'LEDGER_BAD_HASH' }));
    expect(() => hashFromBytes(new Uint8Array(31))).toThrow(expect.objectContaining({ code: 'LEDGER_BAD_HASH' }));
  });
});
