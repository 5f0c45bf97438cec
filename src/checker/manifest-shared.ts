/**
 * The snapshot in shared memory, for the fast path's worker threads: the verified file's bytes, its
 * packed ISRCs and its ISRC table live in SharedArrayBuffers, so two workers cost no second copy. A file
 * read with `readSnapshotFile` (snapshot/read-file.ts) is in shared memory already and is used as it is;
 * a version 2 file brings its table, so nothing is built. Keys are decoded by a worker only when a row
 * needs metadata matching.
 */
import { decodeSnapshot, type SnapshotView } from '../snapshot/format.js';
import { IsrcIndex } from '../snapshot/isrc-index.js';
import type { SnapshotData } from './manifest-match.js';

export interface SharedSnapshot {
  bytes: Uint8Array;
  isrcs: Float64Array;
  /** The ISRC hash table (isrc-index.ts): the file's own, or built once for every worker. */
  isrcTable: Int32Array;
  statusOffset: number;
}

const isShared = (a: ArrayBufferView): boolean => a.buffer instanceof SharedArrayBuffer;

/** The view's file bytes, ISRCs and table in shared memory: copied (or built) only when they are not. */
export function shareSnapshot(file: Uint8Array, view: SnapshotView): SharedSnapshot {
  // The view's arrays point into `file` unless decoding had to copy it (an unaligned buffer).
  let bytes = file;
  if (!isShared(file) || view.signed.buffer !== file.buffer) {
    bytes = new Uint8Array(new SharedArrayBuffer(file.length));
    bytes.set(file);
  }
  let isrcs = view.isrcs;
  if (!isShared(isrcs)) {
    isrcs = new Float64Array(new SharedArrayBuffer(view.isrcs.length * 8));
    isrcs.set(view.isrcs);
  }
  const offsetOf = (a: ArrayBufferView): number => a.byteOffset - view.signed.byteOffset;
  const isrcTable =
    view.isrcTable === null
      ? IsrcIndex.table(isrcs, view.statuses, new SharedArrayBuffer(IsrcIndex.tableBytes(isrcs.length)))
      : new Int32Array(bytes.buffer, bytes.byteOffset + offsetOf(view.isrcTable), view.isrcTable.length);
  return { bytes, isrcs, isrcTable, statusOffset: offsetOf(view.statuses) };
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
