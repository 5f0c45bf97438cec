/**
 * Reading node hashes back: level 0 is the leaf hash stored with each entry (hex), levels above are
 * the interior nodes of complete subtrees (bytes). Whatever a proof plan names is fetched in ONE
 * query (a UNION ALL of both tables), so a proof costs one round trip and no rehashing of the log.
 */
import { LedgerError } from './errors.js';
import { HASH_SIZE } from './hash.js';
import type { NodeId } from './plan.js';
import { chain, type LedgerConn } from './sql-conn.js';

/** Key of a node in the maps below. */
export const nodeKey = (level: number, index: number): string => `${level}/${index}`;

/** Lower-case hex of a hash. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** A 32-byte hash from hex, or LEDGER_BAD_HASH. */
export function hashFromHex(hex: string): Uint8Array {
  const b = Buffer.from(hex, 'hex');
  if (b.length !== HASH_SIZE || hex.length !== 2 * HASH_SIZE) throw new LedgerError('LEDGER_BAD_HASH', `not a 32-byte hex hash: ${hex.slice(0, 80)}`);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** A 32-byte hash from a driver's bytes (Buffer), or LEDGER_BAD_HASH. */
export function hashFromBytes(bytes: Uint8Array): Uint8Array {
  if (!(bytes instanceof Uint8Array) || bytes.length !== HASH_SIZE) throw new LedgerError('LEDGER_BAD_HASH', 'a stored node hash is not 32 bytes');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The statement that reads exactly `ids` (duplicates read once); null when there is nothing to read.
 * Interior nodes are grouped per level (`level = ? AND idx IN (...)`): an OR per node would nest one
 * expression level per node and hit SQLite's expression depth limit on large batches.
 */
export function selectNodesSql(ids: readonly NodeId[]): { sql: string; params: number[] } | null {
  const byLevel = new Map<number, Set<number>>();
  for (const id of ids) {
    let set = byLevel.get(id.level);
    if (set === undefined) byLevel.set(id.level, (set = new Set()));
    set.add(id.index);
  }
  const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  const parts: string[] = [];
  const params: number[] = [];
  const leaves = byLevel.get(0);
  if (leaves !== undefined) {
    parts.push(`SELECT 0 AS level, idx, leaf_hash AS leaf, NULL AS hash FROM ledger_entries WHERE idx IN (${marks(leaves.size)})`);
    params.push(...leaves);
    byLevel.delete(0);
  }
  if (byLevel.size > 0) {
    const terms: string[] = [];
    for (const [level, set] of [...byLevel].sort((a, b) => a[0] - b[0])) {
      terms.push(`(level = ? AND idx IN (${marks(set.size)}))`);
      params.push(level, ...set);
    }
    parts.push(`SELECT level, idx, NULL AS leaf, hash FROM ledger_nodes WHERE ${terms.join(' OR ')}`);
  }
  if (parts.length === 0) return null;
  return { sql: parts.join(' UNION ALL '), params };
}

interface NodeRow {
  level: number | string;
  idx: number | string;
  leaf: string | null;
  hash: Uint8Array | null;
}

/**
 * The hashes of `ids`, keyed by `nodeKey`. Ids absent from the store are absent from the map (the
 * caller decides whether that is an error); at most a few hundred ids per call.
 */
export function selectNodes(conn: LedgerConn, ids: readonly NodeId[]): Map<string, Uint8Array> | Promise<Map<string, Uint8Array>> {
  const q = selectNodesSql(ids);
  if (q === null) return new Map();
  return chain(conn.all<NodeRow>(q.sql, q.params), (rows) => {
    const out = new Map<string, Uint8Array>();
    for (const r of rows) {
      const hash = r.leaf !== null ? hashFromHex(r.leaf) : hashFromBytes(r.hash as Uint8Array);
      out.set(nodeKey(Number(r.level), Number(r.idx)), hash);
    }
    return out;
  });
}

/** A `GetNode` over a fetched map that throws LEDGER_NODE_MISSING for a node the store lacks. */
export function nodeGetter(nodes: ReadonlyMap<string, Uint8Array>): (level: number, index: number) => Uint8Array {
  return (level, index) => {
    const h = nodes.get(nodeKey(level, index));
    if (h === undefined) throw new LedgerError('LEDGER_NODE_MISSING', `the store has no node at level ${level}, index ${index}`);
    return h;
  };
}
