/**
 * The snapshot in shared memory, for the fast path's worker threads: the verified file's bytes and its
 * packed ISRCs live in SharedArrayBuffers, so two workers cost no second copy. Keys are decoded by a
 * worker only when a row needs metadata matching.
 */
import { decodeSnapshot, type SnapshotView } from '../snapshot/format.js';
import { IsrcIndex } from '../snapshot/isrc-index.js';
import type { SnapshotData } from './manifest-match.js';

export interface SharedSnapshot {
  bytes: Uint8Array;
  isrcs: Float64Array;
  /** The ISRC hash table (isrc-index.ts), built once for every worker. */
  isrcTable: Int32Array;
  statusOffset: number;
}

/** Copies a verified view's file bytes and ISRCs into shared memory. */
export function shareSnapshot(file: Uint8Array, view: SnapshotView): SharedSnapshot {
  const bytes = new Uint8Array(new SharedArrayBuffer(file.length));
  bytes.set(file);
  const isrcs = new Float64Array(new SharedArrayBuffer(view.isrcs.length * 8));
  isrcs.set(view.isrcs);
  const isrcTable = IsrcIndex.table(isrcs, view.statuses, new SharedArrayBuffer(IsrcIndex.tableBytes(isrcs.length)));
  return { bytes, isrcs, isrcTable, statusOffset: view.statuses.byteOffset - view.signed.byteOffset };
}

export function sharedSnapshotData(s: SharedSnapshot): SnapshotData {
  const statuses = s.bytes.subarray(s.statusOffset, s.statusOffset + s.isrcs.length);
  let keys: SnapshotView | null = null;
  const view = (): SnapshotView => (keys ??= decodeSnapshot(s.bytes));
  return {
    isrcs: s.isrcs,
    isrcTable: s.isrcTable,
    statuses,
    get keyCount() {
      return view().keyCount;
    },
    keyAt: (i) => view().keyAt(i),
    get keyIndex() {
      return view().keyIndex;
    },
  };
}
