/**
 * Many files' fingerprints, in order, each a result or its own FingerprintError. One ffmpeg decodes
 * `batch` files at once (default 8; ffmpeg-args.ts says how), which pays ffmpeg's start-up once per
 * batch: about a third less CPU a file than one ffmpeg each. A batch that fails (one unreadable file
 * stops ffmpeg) is redone one file at a time, so the bad file is named.
 *
 * @example
 * for await (const r of fingerprintFiles(['a.mp3', 'b.flac'])) console.log(r.path, r.ok ? r.raw.length : r.error.code);
 */
import { Fingerprinter } from './core/fingerprinter.js';
import { DEFAULT_BATCH, decodeBatch } from './decode/ffmpeg-batch.js';
import { FingerprintError } from './errors.js';
import {
  fingerprintFile,
  type FileFingerprintResult,
  type FingerprintFileOptions,
} from './fingerprint-file.js';

export type FilesResult =
  ({ path: string; ok: true } & FileFingerprintResult) | { path: string; ok: false; error: FingerprintError };

export interface FingerprintFilesOptions extends Omit<FingerprintFileOptions, 'exactDuration' | 'ffprobe'> {
  /** Files per ffmpeg process (default 8; 1: one process per file). */
  batch?: number;
}

export async function* fingerprintFiles(
  paths: readonly string[],
  options: FingerprintFilesOptions = {},
): AsyncGenerator<FilesResult> {
  const length = options.length ?? 120;
  const size = Math.max(1, Math.floor(options.batch ?? DEFAULT_BATCH));
  for (let at = 0; at < paths.length; at += size) {
    const group = paths.slice(at, at + size);
    const fps = group.map(() => new Fingerprinter());
    const decoded =
      group.length > 1
        ? await decodeBatch(group, (k, pcm) => fps[k]!.feed(pcm), {
            maxSeconds: length,
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.ffmpeg ? { command: options.ffmpeg } : {}),
          })
        : null;
    for (const [k, path] of group.entries()) {
      const d = decoded?.[k];
      const fp = fps[k]!;
      if (d !== undefined && fp.length > 0) {
        yield { path, ok: true, duration: d.loggedDuration ?? 0, raw: fp.items(), samples: d.samples };
        continue;
      }
      try {
        yield { path, ok: true, ...(await fingerprintFile(path, { ...options, length })) };
      } catch (e) {
        if (!(e instanceof FingerprintError)) throw e;
        yield { path, ok: false, error: e };
      }
    }
  }
}
