/**
 * Reading a snapshot file (I/O): its bytes land in a SharedArrayBuffer, so the manifest checker's worker
 * threads use them (and the ISRC table inside them) with no copy; for one thread it is just memory.
 *
 * @example
 * const { view } = verifySnapshot(readSnapshotFile('registry.tdms'), key);
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { SnapshotError } from './errors.js';

/** The file's bytes, in shared memory; SNAPSHOT_INVALID_OPTION naming the file when it cannot be read. */
export function readSnapshotFile(path: string): Uint8Array {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n === 0) throw new Error(`the file ended at ${at} of ${size} bytes while being read`);
      at += n;
    }
    return bytes;
  } catch (cause) {
    throw new SnapshotError(
      'SNAPSHOT_INVALID_OPTION',
      `cannot read the snapshot ${path}: ${(cause as Error).message}`,
      {
        cause,
        details: { file: path },
      },
    );
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
