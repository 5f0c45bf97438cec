/**
 * What enrolment writes to the transparency log, in the transaction that stores the fingerprint: the
 * recording, how many items, the duration and the SHA-256 of the raw fingerprint, and whether it
 * replaced an earlier one. The topic is `fingerprint:<recording id>` (`data.id`), so a proof gathers
 * every enrolment of one recording; a re-enrolment is a new entry, the old one stays in the log.
 */
import type { LedgerEntry } from '../../ledger/entries.js';
import { rawSha256 } from './raw-codec.js';

export interface EnrolledFacts {
  recordingId: string;
  isrc: string | null;
  raw: Uint32Array;
  durationSeconds: number;
  replaced: boolean;
  at: string;
}

export function enrolledEntry(f: EnrolledFacts): LedgerEntry {
  return {
    type: 'fingerprint.enrolled',
    at: f.at,
    data: {
      algorithm: 'chromaprint-2',
      durationSeconds: Math.round(f.durationSeconds * 1000) / 1000,
      id: f.recordingId,
      isrc: f.isrc,
      items: f.raw.length,
      rawSha256: rawSha256(f.raw),
      replaced: f.replaced,
    },
  };
}
