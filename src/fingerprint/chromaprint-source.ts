/**
 * The default `FingerprintSource` for enrolment, identification and scans: ffmpeg decodes, the
 * TypeScript Chromaprint core fingerprints, in this process (or a scan worker thread). `FpcalcSource`
 * stays available (`TDMR_FINGERPRINTER=fpcalc`, `--fpcalc`) and gives the same items.
 */
import { fingerprintFile } from './fingerprint-file.js';
import type { FileFingerprint, FingerprintSource } from './identify/source.js';

export class ChromaprintSource implements FingerprintSource {
  constructor(private readonly commands: { ffmpeg?: string } = {}) {}

  async fingerprintFile(
    path: string,
    options: { maxSeconds: number; signal?: AbortSignal },
  ): Promise<FileFingerprint> {
    const r = await fingerprintFile(path, {
      length: Math.max(0, Math.floor(options.maxSeconds)),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(this.commands.ffmpeg ? { ffmpeg: this.commands.ffmpeg } : {}),
    });
    return { duration: r.duration, raw: r.raw };
  }
}
