/**
 * Reading node hashes back. The node table holds every complete subtree, leaves included (level 0),
 * keyed by `nodeRowId` (node-layout.ts): whatever a proof plan names is fetched in ONE query on one compact table, so a
 * proof costs one round trip, never touches the (large) entry bodies and never rehashes the log. The
 * entry rows keep their leaf hash too (hex), which the audit checks against both.
 */
import { LedgerError } from './errors.js';
import { HASH_SIZE } from './hash.js';
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

/** The statement that reads exactly `ids` (duplicates read once); null when there is nothing to read. */
export function selectNodesSql(ids: readonly NodeId[]): { sql: string; params: number[] } | null {
  const keys = [...new Set(ids.map((id) => nodeRowId(id.level, id.index)))];
  if (keys.length === 0) return null;
  return { sql: `SELECT id, hash FROM ledger_nodes WHERE id IN (${keys.map(() => '?').join(', ')})`, params: keys };
}

interface NodeRow {
  id: number | string;
  hash: Uint8Array;
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
    for (const r of rows) out.set(Number(r.id), hashFromBytes(r.hash));
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
