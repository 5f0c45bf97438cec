/**
 * The default `FingerprintSource` for enrolment, identification and scans: ffmpeg decodes, the
 * TypeScript Chromaprint core fingerprints, in this process (or a scan worker thread). `FpcalcSource`
 * stays available (`TDMR_FINGERPRINTER=fpcalc`, `--fpcalc`) and gives the same items.
 *
 * Calls made close together (a scan keeps `batch` files in flight per worker) are gathered and decoded
 * by one ffmpeg (`fingerprintFiles`): its start-up costs half of what fpcalc spends on a whole file, so
 * paying it once per batch is what brings the end-to-end cost under fpcalc's (BENCHMARKS.md). A call
 * with an AbortSignal runs on its own, so aborting it never kills its neighbours' ffmpeg.
 */
import { DEFAULT_BATCH } from './decode/ffmpeg-batch.js';
import { fingerprintFile } from './fingerprint-file.js';
import { fingerprintFiles } from './fingerprint-files.js';
import type { FileFingerprint, FingerprintSource } from './identify/source.js';

// A lone call waits this long for company before it is decoded alone.
const GATHER_MS = 2;

interface Waiting {
  path: string;
  resolve: (fp: FileFingerprint) => void;
  reject: (e: unknown) => void;
}

export class ChromaprintSource implements FingerprintSource {
  readonly batch: number;
  // Waiting calls by their length limit: only calls with the same limit share an ffmpeg.
  readonly #waiting = new Map<number, Waiting[]>();
  #timer: NodeJS.Timeout | null = null;

  constructor(private readonly commands: { ffmpeg?: string; batch?: number } = {}) {
    this.batch = Math.max(1, Math.floor(commands.batch ?? DEFAULT_BATCH));
  }

  fingerprintFile(
    path: string,
    options: { maxSeconds: number; signal?: AbortSignal },
  ): Promise<FileFingerprint> {
    const length = Math.max(0, Math.floor(options.maxSeconds));
    if (options.signal !== undefined || this.batch === 1) return this.#one(path, length, options.signal);
    return new Promise((resolve, reject) => {
      const queue = this.#waiting.get(length) ?? [];
      this.#waiting.set(length, queue);
      queue.push({ path, resolve, reject });
      if (queue.length >= this.batch) {
        this.#waiting.delete(length);
        void this.#decode(length, queue);
      } else if (this.#timer === null) {
        this.#timer = setTimeout(() => this.#flush(), GATHER_MS);
      }
    });
  }

  async #one(path: string, length: number, signal?: AbortSignal): Promise<FileFingerprint> {
    const r = await fingerprintFile(path, {
      length,
      ...(signal ? { signal } : {}),
      ...(this.commands.ffmpeg ? { ffmpeg: this.commands.ffmpeg } : {}),
    });
    return { duration: r.duration, raw: r.raw };
  }

  #flush(): void {
    this.#timer = null;
    const all = [...this.#waiting];
    this.#waiting.clear();
    for (const [length, queue] of all) void this.#decode(length, queue);
  }

  async #decode(length: number, group: Waiting[]): Promise<void> {
    let k = 0;
    try {
      const files = fingerprintFiles(
        group.map((w) => w.path),
        { length, batch: group.length, ...(this.commands.ffmpeg ? { ffmpeg: this.commands.ffmpeg } : {}) },
      );
      for await (const r of files) {
        const w = group[k++]!;
        if (r.ok) w.resolve({ duration: r.duration, raw: r.raw });
        else w.reject(r.error);
      }
    } catch (e) {
      for (const w of group.slice(k)) w.reject(e);
    }
  }
}
