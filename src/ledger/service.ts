/**
 * The log's orchestration: checkpoints (signed on demand, at most every N seconds when the log has
 * grown, and whenever a proof needs a size beyond the latest), entry pages, inclusion and consistency
 * proofs, proofs of reservation and the audit. Gets its store, keys and registry lookup through the
 * constructor.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { LedgerEntry } from './entries.js';
import { auditLog, type AuditOptions } from './audit.js';
import type { AuditReport } from './audit-report.js';
import { encodeBase64 } from './base64.js';
import { signCheckpoint } from './checkpoint.js';
import { entryHead } from './entry-codec.js';
import { LedgerError } from './errors.js';
import type { LogKeys } from './key-file.js';
import { consistencyProofPlan, inclusionProofPlan, planNodeIds, rootPlan, type NodeId } from './plan.js';
import { proofFromPlan, rootAt } from './proof.js';
import { buildReservationProof, type ProofRequest, type RecordingFinder } from './reservation-build.js';
import type { ReservationProof } from './reservation-proof.js';
import type { AppendResult } from './sql-append.js';
import { nodeGetter } from './sql-nodes.js';
import type { LedgerStore, AuditSource, StoredCheckpoint } from './store.js';

export interface LedgerServiceDeps {
  store: LedgerStore;
  audit: AuditSource;
  keys: LogKeys;
  /** Checkpoint origin line. */
  origin: string;
  findRecording: RecordingFinder;
  /** Minimum time between two checkpoints signed because the log grew (ms). */
  checkpointEveryMs: number;
  now?: () => Date;
}

/** A page of entries as served: hashes in base64, bodies as logged. */
export interface EntryPage {
  start: number;
  end: number;
  size: number;
  entries: { index: number; type: string; at: string; leafHash: string; body: string }[];
}

export interface InclusionAnswer {
  index: number;
  treeSize: number;
  leafHash: string;
  proof: string[];
  rootHash: string;
  /** The signed checkpoint of exactly `treeSize`, when there is one. */
  checkpoint: string | null;
}

export interface ConsistencyAnswer {
  from: number;
  to: number;
  proof: string[];
  fromRoot: string;
  toRoot: string;
  checkpoint: string | null;
}

/** Most entries served per page. */
export const MAX_ENTRY_PAGE = 1000;

const b64 = encodeBase64;
const rangeError = (message: string) => new LedgerError('LEDGER_RANGE_INVALID', message);

export class LedgerService {
  readonly #d: LedgerServiceDeps;
  readonly #now: () => Date;

  constructor(deps: LedgerServiceDeps) {
    this.#d = deps;
    this.#now = deps.now ?? (() => new Date());
  }

  get origin(): string {
    return this.#d.origin;
  }

  /** Appends entries in a transaction of their own (tools and tests; services append in theirs). */
  append(entries: Iterable<LedgerEntry> | AsyncIterable<LedgerEntry>): Promise<AppendResult> {
    return this.#d.store.append(entries);
  }

  size(): Promise<number> {
    return this.#d.store.size();
  }

  /** The public key to publish: `<name>+<hash>+<base64 key>`. */
  verifierKey(): string {
    return this.#d.keys.verifierKey();
  }

  /** Signs a checkpoint of the whole log now, unless the latest one already covers it. */
  async checkpoint(): Promise<StoredCheckpoint> {
    const [latest, size] = await Promise.all([this.#d.store.latestCheckpoint(), this.#d.store.size()]);
    if (latest !== null && latest.size >= size) return latest;
    return this.#sign(size);
  }

  /** The checkpoint to publish: the latest, or a new one when the log grew and the latest is N seconds old. */
  async currentCheckpoint(): Promise<StoredCheckpoint> {
    const [latest, size] = await Promise.all([this.#d.store.latestCheckpoint(), this.#d.store.size()]);
    if (latest !== null && (latest.size >= size || this.#now().getTime() - Date.parse(latest.createdAt) < this.#d.checkpointEveryMs)) {
      return latest;
    }
    return this.#sign(size);
  }

  /** A checkpoint of at least `size` entries, signing one when the latest is smaller. */
  async checkpointCovering(size: number): Promise<StoredCheckpoint> {
    const latest = await this.#d.store.latestCheckpoint();
    return latest !== null && latest.size >= size ? latest : this.checkpoint();
  }

  async #sign(size: number): Promise<StoredCheckpoint> {
    const ids = planNodeIds(rootPlan(size));
    const rootHash = rootAt(size, nodeGetter(await this.#d.store.nodes(ids)));
    const note = signCheckpoint({ origin: this.#d.origin, size, rootHash }, [this.#d.keys.signer()]);
    return this.#d.store.saveCheckpoint({ size, rootHash, note, createdAt: this.#now().toISOString() });
  }

  /** Signs whenever due until `signal` aborts; failures go to `onError` and the loop goes on. */
  async runCheckpointer(signal: AbortSignal, onError: (e: unknown) => void = () => undefined): Promise<void> {
    while (!signal.aborted) {
      try {
        await sleep(this.#d.checkpointEveryMs, undefined, { signal });
        await this.currentCheckpoint();
      } catch (e) {
        if (signal.aborted) return;
        onError(e);
      }
    }
  }

  /** Entries [start, end), at most MAX_ENTRY_PAGE, end clipped to the log size. */
  async entries(start: number, end?: number): Promise<EntryPage> {
    const size = await this.#d.store.size();
    if (start > size) throw rangeError(`start ${start} is beyond the log size ${size}`);
    const stop = Math.min(end ?? start + 100, start + MAX_ENTRY_PAGE, size);
    if (stop < start) throw rangeError(`end ${String(end)} is before start ${start}`);
    const rows = await this.#d.store.entries(start, stop);
    return { start, end: stop, size, entries: rows.map((r) => ({ index: r.index, ...entryHead(r.body), leafHash: b64(r.leafHash), body: r.body })) };
  }

  /**
   * Inclusion proof of the entry at `index` in the tree of `size` entries; by default the latest
   * checkpoint's size, signing one if the entry is beyond it.
   */
  async inclusionProof(q: { index: number; size?: number }): Promise<InclusionAnswer> {
    const { index } = q;
    const treeSize = await this.#proofSize(q.size, index + 1);
    if (index >= treeSize) throw rangeError(`entry ${index} is not in the tree of size ${treeSize}`);
    const plan = inclusionProofPlan(index, treeSize);
    const get = await this.#nodes([...planNodeIds(plan), { level: 0, index }, ...planNodeIds(rootPlan(treeSize))]);
    return {
      index,
      treeSize,
      leafHash: b64(get(0, index)),
      proof: proofFromPlan(plan, get).map(b64),
      rootHash: b64(rootAt(treeSize, get)),
      checkpoint: (await this.#d.store.checkpointAt(treeSize))?.note ?? null,
    };
  }

  /** Consistency proof from `from` entries to `to` (default: the latest checkpoint's size). */
  async consistencyProof(from: number, to?: number): Promise<ConsistencyAnswer> {
    if (from < 1) throw rangeError('a consistency proof starts from a tree of at least 1 entry');
    const size = await this.#proofSize(to, from);
    if (from > size) throw rangeError(`size ${from} is beyond ${size}`);
    const plan = consistencyProofPlan(from, size);
    const get = await this.#nodes([...planNodeIds(plan), ...planNodeIds(rootPlan(from)), ...planNodeIds(rootPlan(size))]);
    return {
      from,
      to: size,
      proof: proofFromPlan(plan, get).map(b64),
      fromRoot: b64(rootAt(from, get)),
      toRoot: b64(rootAt(size, get)),
      checkpoint: (await this.#d.store.checkpointAt(size))?.note ?? null,
    };
  }

  /** The tree size a proof is given in: `asked` (within the log) or the latest checkpoint covering `atLeast`. */
  async #proofSize(asked: number | undefined, atLeast: number): Promise<number> {
    if (asked === undefined) return (await this.checkpointCovering(atLeast)).size;
    const size = await this.#d.store.size();
    if (asked > size) throw rangeError(`size ${asked} is beyond the log size ${size}`);
    await this.checkpointCovering(asked);
    return asked;
  }

  async #nodes(ids: readonly NodeId[]) {
    return nodeGetter(await this.#d.store.nodes(ids));
  }

  /** A proof of reservation of a recording (by ISRC) at an instant (default now). */
  reservationProof(isrc: string, q: ProofRequest = {}): Promise<ReservationProof> {
    return buildReservationProof(
      { store: this.#d.store, findRecording: this.#d.findRecording, checkpointCovering: (n) => this.checkpointCovering(n), now: this.#now },
      isrc,
      q,
    );
  }

  /** Recomputes the log and compares it with every stored node, checkpoint and registry row. */
  audit(options: Omit<AuditOptions, 'verifier'> & { checkSignatures?: boolean } = {}): Promise<AuditReport> {
    const verifier = options.checkSignatures === false ? null : this.#d.keys.verifier();
    return auditLog(this.#d.store, this.#d.audit, { ...options, verifier });
  }
}
