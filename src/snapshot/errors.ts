import { AppError } from '../errors.js';

/**
 * - `SNAPSHOT_BAD_FILE`: the file is not a snapshot of this format (details: `offset`, `field`).
 * - `SNAPSHOT_BAD_SIGNATURE`: the Ed25519 signature does not verify with the given key.
 * - `SNAPSHOT_BAD_CHECKPOINT`: the embedded checkpoint is not signed by the key, or is malformed.
 * - `SNAPSHOT_INVALID_OPTION`: a command option (key text, instant, path) is not usable.
 * - `SNAPSHOT_STALE`: the registry changed while the snapshot was read, three times in a row.
 */
export type SnapshotErrorCode =
  | 'SNAPSHOT_BAD_FILE'
  | 'SNAPSHOT_BAD_SIGNATURE'
  | 'SNAPSHOT_BAD_CHECKPOINT'
  | 'SNAPSHOT_INVALID_OPTION'
  | 'SNAPSHOT_STALE';

export class SnapshotError extends AppError<SnapshotErrorCode> {}

/** A format error naming the byte offset and the field being read. */
export function badFile(offset: number, field: string, why: string): SnapshotError {
  return new SnapshotError('SNAPSHOT_BAD_FILE', `bad snapshot at byte ${offset} (${field}): ${why}`, {
    details: { offset, field },
  });
}
