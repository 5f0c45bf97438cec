/**
 * A log held in memory with a signing key: for pure tests of proofs of reservation, with no database.
 * Proof documents are assembled exactly as the service does (selection, checkpoint, inclusion proofs).
 */
import { signCheckpoint } from '../../src/ledger/checkpoint.js';
import type { LedgerEntry } from '../../src/ledger/entries.js';
import { encodeEntry, parseEntry } from '../../src/ledger/entry-codec.js';
import { leafHash } from '../../src/ledger/hash.js';
import { generateNoteKey, parseSignerKey } from '../../src/ledger/note-keys.js';
import { inclusionProofFromLeaves, rootFromLeafHashes } from '../../src/ledger/proof.js';
import { PROOF_FORMAT, selectProofEntries, type ProofQuery, type ReservationProof } from '../../src/ledger/reservation-proof.js';

export const LOG_ORIGIN = 'memory.example/log';

export class MemoryLog {
  readonly bodies: string[] = [];
  readonly leaves: Uint8Array[] = [];
  readonly key = generateNoteKey(LOG_ORIGIN);

  append(...entries: LedgerEntry[]): this {
    for (const e of entries) this.appendBody(encodeEntry(e).body);
    return this;
  }

  /** Appends a body as is (even one the encoder would never write). */
  appendBody(body: string): this {
    this.bodies.push(body);
    this.leaves.push(leafHash(Buffer.from(body, 'utf8')));
    return this;
  }

  checkpoint(size = this.leaves.length, signerKey = this.key.signerKey): string {
    const rootHash = rootFromLeafHashes(this.leaves.slice(0, size));
    return signCheckpoint({ origin: LOG_ORIGIN, size, rootHash }, [parseSignerKey(signerKey)]);
  }

  /** The proof the service would serve, or null when not reserved. */
  proof(q: ProofQuery): ReservationProof | null {
    const candidates = this.bodies.map((body, index) => ({ index, entry: parseEntry(body) }));
    const picked = selectProofEntries(candidates, q);
    if (picked === null) return null;
    const size = this.leaves.length;
    return {
      format: PROOF_FORMAT,
      recording: { isrc: q.isrc, id: q.recordingId },
      at: q.at,
      territory: q.territory,
      status: 'reserved',
      uses: picked.verdicts,
      checkpoint: this.checkpoint(size),
      entries: picked.entries.map((e) => ({
        index: e.index,
        body: this.bodies[e.index]!,
        proof: inclusionProofFromLeaves(e.index, this.leaves).map((h) => Buffer.from(h).toString('base64')),
      })),
    };
  }
}
