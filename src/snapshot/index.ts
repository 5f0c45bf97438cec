/**
 * The signed registry snapshot's public API (`tdm-reserve/snapshot`, docs/snapshot.md): the format, ISRC
 * packing and lookup, metadata keys and matching, verification, and the export from a registry.
 */
export { SnapshotError, type SnapshotErrorCode } from './errors.js';
export {
  decodeSnapshot,
  encodeSnapshot,
  sortKeys,
  statusByte,
  statusOf,
  anyReserved,
  MAGIC,
  FORMAT_VERSION,
  type SnapshotContents,
  type SnapshotHeader,
  type SnapshotStatus,
  type SnapshotView,
} from './format.js';
export { packIsrc, unpackIsrc, PACKED_ISRC_LIMIT } from './isrc-pack.js';
export { IsrcIndex } from './isrc-index.js';
export { metadataKey, normaliseArtist, normaliseTitle } from './metadata-key.js';
export { MetadataIndex, similarity, PART_FLOOR, type MetadataMatch } from './metadata-index.js';
export { readSnapshotFile } from './read-file.js';
export { verifySnapshot, snapshotSigner, type VerifiedSnapshot } from './verify.js';
export { exportSnapshot, type ExportDeps, type ExportOptions, type ExportResult } from './export.js';
