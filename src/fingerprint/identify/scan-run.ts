/**
 * `runScan`: every file fingerprinted (files in flight = the fingerprinter's width), identified against
 * the index, given its registry verdict, and journalled as it finishes, so an interrupted scan resumes
 * where it stopped (scan-journal.ts). Outcomes are written in the order files finish.
 */
import type { CallerLicences } from '../../checker/model.js';
import type { RecordingAnswer } from '../../registry/status-lookup-model.js';
import type { Thresholds } from './model.js';
import type { Fingerprinter } from './scan-pool.js';
import type { ScanJournal } from './scan-journal.js';
import { scanOutcome, unreadableOutcome, type LookedUp, type ScanOutcome } from './scan-verdict.js';
import type { FingerprintService } from './service.js';

export interface ScanOptions extends CallerLicences {
  paths: readonly string[];
  journal: ScanJournal;
  fingerprinter: Fingerprinter;
  service: Pick<FingerprintService, 'identify'>;
  /** The registry's answer for a recording's identifier (ISRC); without it matches are `unknown`. */
  lookup?: (identifier: string) => RecordingAnswer | Promise<RecordingAnswer>;
  registry: string;
  registryLicence?: string;
  thresholds?: Partial<Thresholds>;
  /** Seconds of each file to fingerprint (0: all). */
  maxSeconds: number;
  onFile?: (o: ScanOutcome | null, path: string) => void;
  signal?: AbortSignal;
}

export interface ScanRun {
  scanned: number;
  skipped: number;
}

export async function runScan(o: ScanOptions): Promise<ScanRun> {
  const todo = o.paths.filter((p) => !o.journal.done.has(p));
  for (const p of o.paths) if (o.journal.done.has(p)) o.onFile?.(null, p);
  let next = 0;
  let scanned = 0;
  const one = async (path: string): Promise<void> => {
    const fp = await o.fingerprinter.fingerprint(path, o.maxSeconds);
    let outcome: ScanOutcome;
    if (!fp.ok) outcome = unreadableOutcome(path, fp.code, fp.reason);
    else {
      const matches = await o.service.identify(fp.raw, o.thresholds ? { thresholds: o.thresholds } : {});
      const found: LookedUp[] = [];
      for (const match of matches) {
        if (match.isrc === null || o.lookup === undefined) {
          found.push({
            match,
            answer: {
              error:
                match.isrc === null
                  ? 'the recording has no ISRC to ask the registry about'
                  : 'no registry lookup was given',
            },
          });
          continue;
        }
        try {
          found.push({ match, answer: await o.lookup(match.isrc) });
        } catch (e) {
          found.push({ match, answer: { error: `the lookup failed: ${(e as Error).message}` } });
        }
      }
      outcome = scanOutcome(path, fp.duration, found, o.registry, {
        ...(o.licences ? { licences: o.licences } : {}),
        ...(o.registryLicence !== undefined ? { registryLicence: o.registryLicence } : {}),
      });
    }
    o.journal.record(outcome);
    scanned++;
    o.onFile?.(outcome, path);
  };
  const lane = async (): Promise<void> => {
    while (next < todo.length) {
      o.signal?.throwIfAborted();
      await one(todo[next++]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.fingerprinter.width) }, lane));
  return { scanned, skipped: o.paths.length - todo.length };
}
