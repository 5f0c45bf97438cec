/**
 * A recording's statuses for the four query uses in one byte (pure): two bits per use, in `QUERY_USES`
 * order (docs/snapshot.md, "Status byte"). The snapshot stores one per ISRC; the checker tallies by it.
 */
import { QUERY_USES, type QueryUse } from '../registry/model.js';

/** A use's status in the snapshot (the registry's coverage statuses). */
export type SnapshotStatus = 'not-covered' | 'reserved' | 'unknown';
const STATUS_CODES: readonly SnapshotStatus[] = ['not-covered', 'reserved', 'unknown'];

/** One status byte: 2 bits per use in `QUERY_USES` order (0 not-covered, 1 reserved, 2 unknown). */
export function statusByte(uses: Record<QueryUse, SnapshotStatus>): number {
  let b = 0;
  QUERY_USES.forEach((u, i) => (b |= STATUS_CODES.indexOf(uses[u]) << (2 * i)));
  return b;
}

export function statusOf(byte: number, use: QueryUse): SnapshotStatus {
  return STATUS_CODES[(byte >> (2 * QUERY_USES.indexOf(use))) & 3] as SnapshotStatus;
}

/** True when some use is reserved (bit pattern 01 in some pair). */
export function anyReserved(byte: number): boolean {
  return (byte & 0x55 & ~(byte >> 1) & 0x55) !== 0;
}
