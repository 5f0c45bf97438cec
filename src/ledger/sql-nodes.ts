/**
 * Reading node hashes back. The node table holds every complete subtree above the leaves (levels 1 and
 * up), keyed by `nodeRowId` (node-layout.ts); a leaf (level 0) is the hash of its entry's body, read
 * from the entry table and hashed here. Whatever a proof plan names comes in ONE query, so a proof
 * costs one round trip and at most a few hashes, and never rehashes the log.
 *
 * Why leaves are not stored: they are half the tree's nodes and nothing but a function of the body
 * beside them; writing them cost a third of what the log writes per entry, while a proof needs at most
 * two of them (BENCHMARKS.md, append).
 */
import { LedgerError } from './errors.js';
import { HASH_SIZE, leafHash } from './hash.js';
import { nodeRowId } from './node-layout.js';
import type { NodeId } from './plan.js';
import { chain, type LedgerConn } from './sql-conn.js';

/** Node hashes keyed by `nodeRowId(level, index)`. */
export type NodeHashes = Map<number, Uint8Array>;

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
 * The statement that reads exactly `ids` (duplicates read once): stored nodes by key and, for leaves,
 * the bodies they hash; null when there is nothing to read. Rows say which they are (`leaf` 1 or 0).
 */
export function selectNodesSql(ids: readonly NodeId[]): { sql: string; params: number[] } | null {
  const leaves = new Set<number>();
  const keys = new Set<number>();
  for (const id of ids) {
    const key = nodeRowId(id.level, id.index); // validates the id
    if (id.level === 0) leaves.add(id.index);
    else keys.add(key);
  }
  const parts: string[] = [];
  const params: number[] = [];
  if (leaves.size > 0) {
    parts.push(`SELECT 1 AS leaf, idx AS id, NULL AS hash, body FROM ledger_entries WHERE idx IN (${placeholders(leaves.size)})`);
    params.push(...leaves);
  }
  if (keys.size > 0) {
    parts.push(`SELECT 0 AS leaf, id, hash, NULL AS body FROM ledger_nodes WHERE id IN (${placeholders(keys.size)})`);
    params.push(...keys);
  }
  if (parts.length === 0) return null;
  return { sql: parts.join(' UNION ALL '), params };
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

interface NodeRow {
  leaf: number | string;
  id: number | string;
  hash: Uint8Array | null;
  body: string | null;
}

/**
 * The hashes of `ids`, keyed by `nodeRowId`. Ids absent from the store are absent from the map (the
 * caller decides whether that is an error); at most a few hundred ids per call.
 */
export function selectNodes(conn: LedgerConn, ids: readonly NodeId[]): NodeHashes | Promise<NodeHashes> {
  const q = selectNodesSql(ids);
  if (q === null) return new Map();
  return chain(conn.all<NodeRow>(q.sql, q.params), (rows) => {
    const out: NodeHashes = new Map();
    for (const r of rows) {
      if (Number(r.leaf) === 1) out.set(nodeRowId(0, Number(r.id)), leafHash(Buffer.from(r.body ?? '', 'utf8')));
      else out.set(Number(r.id), hashFromBytes(r.hash ?? new Uint8Array(0)));
    }
    return out;
  });
}

/** A `GetNode` over fetched hashes that throws LEDGER_NODE_MISSING for a node the store lacks. */
export function nodeGetter(nodes: ReadonlyMap<number, Uint8Array>): (level: number, index: number) => Uint8Array {
  return (level, index) => {
    const h = nodes.get(nodeRowId(level, index));
    if (h === undefined) throw new LedgerError('LEDGER_NODE_MISSING', `the store has no node at level ${level}, index ${index}`);
    return h;
  };
}
