/**
 * Where fingerprints of audio files come from. `FpcalcSource` runs Debian's `fpcalc` (libchromaprint-tools
 * 1.5.1); the default is `ChromaprintSource` (src/fingerprint/chromaprint-source.ts: ffmpeg and the
 * TypeScript core), bit-identical to it, behind the same interface (src/fingerprint/sources.ts picks one).
 */
import { spawn } from 'node:child_process';
import { FingerprintError } from './errors.js';

export interface FileFingerprint {
  /** Seconds, as the container states it. */
  duration: number;
  raw: Uint32Array;
}

export interface FingerprintSource {
  /** How many calls in flight it decodes together (default 1): a caller keeps that many going. */
  readonly batch?: number;
  /** `maxSeconds` 0 fingerprints the whole file (enrolment); a positive value stops there. */
  fingerprintFile(
    path: string,
    options: { maxSeconds: number; signal?: AbortSignal },
  ): Promise<FileFingerprint>;
}

export class FpcalcSource implements FingerprintSource {
  constructor(private readonly command = 'fpcalc') {}

  fingerprintFile(
    path: string,
    options: { maxSeconds: number; signal?: AbortSignal },
  ): Promise<FileFingerprint> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        this.command,
        ['-raw', '-json', '-length', String(Math.max(0, Math.floor(options.maxSeconds))), path],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
          ...(options.signal ? { signal: options.signal } : {}),
        },
      );
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
      child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
      child.on('error', (e) =>
        reject(
          new FingerprintError('FINGERPRINT_TOOL_FAILED', `cannot run ${this.command}: ${e.message}`, {
            cause: e,
            details: { file: path },
          }),
        ),
      );
      child.on('close', (code) => {
        // Debian's fpcalc 1.5.1 with FFmpeg 5 prints the full fingerprint, then "Error decoding audio frame
        // (End of file)" and exits 3 for any file shorter than -length: the output is what counts.
        const parsed = parseFpcalc(out);
        if (parsed !== null && parsed.raw.length > 0 && (code === 0 || code === 3)) return resolve(parsed);
        const why =
          err
            .trim()
            .split('\n')
            .filter((l) => !/End of file/.test(l))[0] ??
          (parsed?.raw.length === 0 ? 'too short to fingerprint' : `exit code ${code}`);
        reject(
          new FingerprintError(
            'FINGERPRINT_BAD_AUDIO',
            `cannot fingerprint ${path}: ${why.replace(/^ERROR: /, '')}`,
            { details: { file: path } },
          ),
        );
      });
    });
  }
}

/** `fpcalc -raw -json` output -> duration and items; null when it is not that JSON. */
export function parseFpcalc(text: string): FileFingerprint | null {
  try {
    const j = JSON.parse(text) as { duration?: unknown; fingerprint?: unknown };
    if (typeof j.duration !== 'number' || !Array.isArray(j.fingerprint)) return null;
    const raw = Uint32Array.from(j.fingerprint as number[]);
    return { duration: j.duration, raw };
  } catch {
    return null;
  }
}
