/**
 * Proof of reservation: a self-contained JSON document showing that, as the log recorded it at an
 * instant, a recording was reserved. It carries the entries that made it so (the line-up, the
 * declaration(s) in force, every version known at that instant of the covering mandate(s)), each with
 * its inclusion proof, and a signed checkpoint whose root they lead to. `verifyReservationProof`
 * checks it offline with the log's public key and the registry's own coverage rule.
 *
 * The entries count as known at the instant when their `at` is at or before it: a reservation
 * recorded later, even if effective earlier, does not make an earlier use reserved.
 */
import { coverageStatus, type CoverageStatus, type Reason } from '../registry/coverage.js';
import type { QueryUse } from '../registry/model.js';
import { coverageInputFromLog, type IndexedEntry } from './replay.js';

export const PROOF_FORMAT = 'tdm-reserve/reservation-proof/v1';

/** One use's verdict as the proof claims it (reasons are for people; the verifier recomputes them). */
export interface ProofVerdict {
  use: QueryUse;
  status: CoverageStatus;
  reasons: Reason[];
}

/** A logged entry with its RFC 9162 inclusion proof (base64 hashes, leaf first) in the checkpoint's tree. */
export interface ProvenEntry {
  index: number;
  /** The entry's canonical JSON, exactly as hashed. */
  body: string;
  proof: string[];
}

export interface ReservationProof {
  format: typeof PROOF_FORMAT;
  recording: { isrc: string; id: string };
  /** The instant the proof is about (ISO-8601 UTC). */
  at: string;
  territory: string | null;
  status: 'reserved';
  uses: ProofVerdict[];
  /** Signed checkpoint (C2SP tlog-checkpoint note) covering every entry. */
  checkpoint: string;
  entries: ProvenEntry[];
}

export interface ProofQuery {
  recordingId: string;
  isrc: string;
  at: string;
  uses: readonly QueryUse[];
  territory: string | null;
}

/** Verdicts over `entries` for the recording, as of `q.at` (only entries logged by then count). */
export function verdictsFromLog(entries: readonly IndexedEntry[], q: ProofQuery): ProofVerdict[] {
  const known = entries.filter((e) => e.entry.at <= q.at);
  const input = coverageInputFromLog(known, (r) => r.id === q.recordingId && r.isrc === q.isrc);
  return q.uses.map((use) => {
    const a = coverageStatus(input, { at: q.at, use, territory: q.territory ?? undefined, knownAt: q.at });
    return { use, status: a.status, reasons: a.reasons };
  });
}

/**
 * From every candidate entry (the recording's line-ups, its performers' mandate versions, all
 * declaration entries), the ones a proof must carry: the latest line-up known at the instant, the
 * declarations in force with their withdrawals, and every known version of each covering mandate.
 * Null when no asked use is reserved. The verdicts returned are recomputed on that selection, so they
 * are exactly what a verifier will find.
 *
 * @example
 * const picked = selectProofEntries(candidates, { recordingId, isrc, at, uses: ['ai-training'], territory: null });
 */
export function selectProofEntries(candidates: readonly IndexedEntry[], q: ProofQuery): { entries: IndexedEntry[]; verdicts: ProofVerdict[] } | null {
  const known = candidates.filter((e) => e.entry.at <= q.at).sort((a, b) => a.index - b.index);
  const full = verdictsFromLog(known, q);
  const reserved = full.filter((v) => v.status === 'reserved');
  if (reserved.length === 0) return null;
  const declarations = new Set<string>();
  const mandates = new Set<string>();
  for (const v of reserved) {
    for (const r of v.reasons) {
      if (r.code === 'DECLARATION_IN_FORCE' && r.declarationId !== undefined) declarations.add(r.declarationId);
      if (r.code === 'MANDATE_IN_FORCE' && r.mandateId !== undefined) mandates.add(r.mandateId);
    }
  }
  const lineup = known.filter((e) => e.entry.type === 'lineup.set' && e.entry.data.recording.id === q.recordingId).pop();
  const picked = known.filter(({ entry: e }) => {
    if (e.type === 'declaration.created' || e.type === 'declaration.withdrawn') return declarations.has(e.data.id);
    if (e.type === 'mandate.version') return mandates.has(e.data.mandateId);
    return false;
  });
  const entries = [...(lineup === undefined ? [] : [lineup]), ...picked].sort((a, b) => a.index - b.index);
  return { entries, verdicts: verdictsFromLog(entries, q) };
}
