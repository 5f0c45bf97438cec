import { describe, expect, it } from 'vitest';
import { inclusionProofPlan, planNodeIds } from './plan.js';
import { toDollarPlaceholders } from './sql-conn.js';
import { nodeRowId } from './node-layout.js';
import { hashFromBytes, hashFromHex, selectNodesSql, toHex } from './sql-nodes.js';

describe('selectNodesSql', () => {
  it('reads inner nodes by key and leaves as the bodies they hash, each id once, in one statement', () => {
    const q = selectNodesSql([
      { level: 0, index: 5 },
      { level: 2, index: 1 },
      { level: 0, index: 5 },
      { level: 1, index: 3 },
      { level: 2, index: 0 },
    ])!;
    expect(q.sql).toBe(
      'SELECT 1 AS leaf, idx AS id, NULL AS hash, body FROM ledger_entries WHERE idx IN (?) UNION ALL SELECT 0 AS leaf, id, hash, NULL AS body FROM ledger_nodes WHERE id IN (?, ?, ?)',
    );
    expect(q.params).toEqual([5, nodeRowId(2, 1), nodeRowId(1, 3), nodeRowId(2, 0)]);
    expect(selectNodesSql([{ level: 3, index: 1 }])!.sql).not.toContain('ledger_entries');
    expect(selectNodesSql([{ level: 0, index: 1 }])!.sql).not.toContain('ledger_nodes');
    expect(selectNodesSql([])).toBeNull();
  });

  it('reads the nodes of many proofs with one flat list', () => {
    const ids = Array.from({ length: 300 }, (_, i) => planNodeIds(inclusionProofPlan(i * 1000, 10_000_000))).flat();
    const q = selectNodesSql(ids)!;
    expect(q.sql.split('IN (').length).toBe(3); // one list of leaves, one of inner nodes
    expect(q.params.length).toBe(new Set(ids.map((id) => `${id.level}/${id.index}`)).size);
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
