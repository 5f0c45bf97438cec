/** Reading local signal files for the offline testers (`tdmr robots test`, `tdmr tdmrep test`). */
import { closeSync, openSync, readSync } from 'node:fs';
import { CheckerError } from './errors.js';

/** The first `max` bytes of a file (and whether there was more), so a huge file is never read whole. */
export function readFileHead(path: string, max: number): { bytes: Uint8Array; truncated: boolean } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new CheckerError('CHECK_BAD_FILE', `cannot read ${path}: ${(e as Error).message}`, { cause: e, details: { file: path } });
  }
  try {
    const buf = Buffer.alloc(max + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0 || n + got >= buf.length) {
        n += got;
        break;
      }
      n += got;
    }
    return { bytes: buf.subarray(0, Math.min(n, max + 1)), truncated: n > max };
  } catch (e) {
    throw new CheckerError('CHECK_BAD_FILE', `cannot read ${path}: ${(e as Error).message}`, { cause: e, details: { file: path } });
  } finally {
    closeSync(fd);
  }
}
