/**
 * Where each node hash lives in the node table: one integer key per (level, index), laid out so that
 * a proof's reads are close together. Levels 0 to 7 are clustered in tiles of 256 leaves (every node of
 * a tile's bottom eight levels in 512 consecutive keys), so the eight lowest siblings of an inclusion
 * proof sit in a few adjacent pages instead of eight scattered ones; levels 8 and up, which every
 * proof shares and the store keeps in memory, follow level by level. The idea is C2SP tlog-tiles'.
 * Keys stay below 2^53 (exact in a double) for trees of up to 2^40 leaves.
 */
import { LedgerError } from './errors.js';
import type { NodeId } from './plan.js';

/** Levels clustered per tile. */
export const TILE_HEIGHT = 8;
const TILE_SLOTS = 512;
/** First slot of each level inside a tile: 256 leaves, then 128 level-1 nodes, ... 2 level-7 nodes. */
const LEVEL_SLOT = [0, 256, 384, 448, 480, 496, 504, 508] as const;
/** Largest tree the layout addresses. */
export const MAX_LEVEL = 40;
const UPPER_BASE = 2 ** 46;
const UPPER_SPAN = 2 ** 33;

const outOfRange = (level: number, index: number) => new LedgerError('LEDGER_OUT_OF_RANGE', `no stored node at level ${level}, index ${index}`);

/**
 * The key of node (level, index).
 *
 * @example
 * nodeRowId(0, 5); // 5: leaf 5, in the first tile
 * nodeRowId(1, 0); // 256
 */
export function nodeRowId(level: number, index: number): number {
  if (!Number.isInteger(level) || level < 0 || level > MAX_LEVEL || !Number.isInteger(index) || index < 0 || index >= 2 ** (MAX_LEVEL - level)) {
    throw outOfRange(level, index);
  }
  if (level >= TILE_HEIGHT) return UPPER_BASE + (level - TILE_HEIGHT) * UPPER_SPAN + index;
  const perTile = 2 ** (TILE_HEIGHT - level);
  const tile = Math.floor(index / perTile);
  return tile * TILE_SLOTS + LEVEL_SLOT[level]! + (index - tile * perTile);
}

/** The (level, index) of a key (inverse of `nodeRowId`); LEDGER_OUT_OF_RANGE for a key no node has. */
export function nodeOfRowId(id: number): NodeId {
  if (id >= UPPER_BASE) {
    const up = Math.floor((id - UPPER_BASE) / UPPER_SPAN);
    return { level: TILE_HEIGHT + up, index: id - UPPER_BASE - up * UPPER_SPAN };
  }
  const tile = Math.floor(id / TILE_SLOTS);
  const slot = id - tile * TILE_SLOTS;
  let level = 0;
  while (level < TILE_HEIGHT - 1 && slot >= LEVEL_SLOT[level + 1]!) level++;
  const perTile = 2 ** (TILE_HEIGHT - level);
  const offset = slot - LEVEL_SLOT[level]!;
  if (offset >= perTile) throw new LedgerError('LEDGER_OUT_OF_RANGE', `no node has key ${id}`);
  return { level, index: tile * perTile + offset };
}

/** Keys of every node of levels >= `level` (>= TILE_HEIGHT): one range, since upper levels follow each other. */
export function upperLevelsFrom(level: number): number {
  if (level < TILE_HEIGHT) throw outOfRange(level, 0);
  return nodeRowId(level, 0);
}
