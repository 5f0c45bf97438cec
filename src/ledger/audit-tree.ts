/**
 * The tree half of the audit: recomputes every leaf hash from its stored body, rebuilds the tree with
 * a CompactRange, and compares each completed node above the leaves with the stored one (leaves are not
 * stored: sql-nodes.ts) and each checkpoint's root and signature with the recomputed root at its size.
 * A changed body therefore shows as the stored parent of its leaf differing, and as every later
 * checkpoint's root. Fed one page of entries at a time, in index order.
 */
import type { DivergenceLog } from './audit-report.js';
import { verifyCheckpoint } from './checkpoint.js';
import { CompactRange, type StoredNode } from './compact-range.js';
import { bytesEqual, leafHash } from './hash.js';
import type { NoteVerifier } from './note-keys.js';
import type { LedgerStore, NodeRange, StoredBody, StoredCheckpoint } from './store.js';
import { encodeBase64 } from './base64.js';
import { nodeRowId } from './node-layout.js';

const CHECKPOINT_PAGE = 1000;

/** Ranges of stored nodes (levels 1 and up) completed by appending leaves [from, to): node (L, i) completes at leaf (i + 1) * 2^L - 1. */
export function completedRanges(from: number, to: number): NodeRange[] {
  const out: NodeRange[] = [];
  for (let level = 1, span = 2; span <= to; level++, span *= 2) {
    const first = Math.ceil((from + 1) / span) - 1;
    const last = Math.floor(to / span) - 1;
    if (first <= last) out.push({ level, from: first, to: last });
  }
  return out;
}

export class TreeAudit {
  readonly #range = CompactRange.empty();
  readonly #store: LedgerStore;
  readonly #verifier: NoteVerifier | null;
  readonly #log: DivergenceLog;
  #broken = false;
  #pending: StoredCheckpoint[] = [];
  #checkpointCursor = -1;
  #checkpointsDone = false;
  #started = false;
  checkpoints = 0;

  constructor(store: LedgerStore, verifier: NoteVerifier | null, log: DivergenceLog) {
    this.#store = store;
    this.#verifier = verifier;
    this.#log = log;
  }

  /** Leaves recomputed so far (stops growing at the first gap). */
  get size(): number {
    return this.#range.size;
  }

  get rootHash(): string {
    return encodeBase64(this.#range.root());
  }

  /** Checks one page of entries, in index order. */
  async page(rows: readonly StoredBody[]): Promise<void> {
    if (!this.#started) {
      this.#started = true;
      await this.#checkpointsUpTo(0);
    }
    if (this.#broken || rows.length === 0) return;
    const start = this.#range.size;
    const completed: StoredNode[] = [];
    for (const row of rows) {
      if (row.index !== this.#range.size) {
        this.#log.add({
          index: this.#range.size,
          table: 'ledger_entries',
          key: String(this.#range.size),
          problem: `entry missing: the next stored index is ${row.index}`,
        });
        this.#broken = true;
        break;
      }
      const made = this.#range.append(leafHash(Buffer.from(row.body, 'utf8')));
      for (let k = 1; k < made.length; k++) completed.push(made[k]!);
      // Checked synchronously while the loaded page of checkpoints lasts: no await per entry.
      const size = this.#range.size;
      while (this.#pending.length > 0 && this.#pending[0]!.size <= size) this.#checkCheckpoint(this.#pending.shift()!);
      if (this.#pending.length === 0 && !this.#checkpointsDone) await this.#checkpointsUpTo(size);
    }
    await this.#compareNodes(start, this.#range.size, completed);
  }

  /** After the last page: stored nodes beyond the recomputed ones, checkpoints beyond the log. */
  async finish(): Promise<void> {
    if (!this.#broken) {
      const size = this.#range.size;
      let want = 0;
      for (let span = 2; span <= size; span *= 2) want += Math.floor(size / span);
      const have = await this.#store.countNodes();
      if (have !== want) {
        this.#log.add({ index: size, table: 'ledger_nodes', key: '*', problem: `${have} nodes stored, ${want} expected for ${size} entries` });
      }
    }
    await this.#checkpointsUpTo(Number.MAX_SAFE_INTEGER);
  }

  /** Each completed node above the leaves against the stored one. */
  async #compareNodes(from: number, to: number, completed: readonly StoredNode[]): Promise<void> {
    const stored = await this.#store.nodesInRanges(completedRanges(from, to));
    for (const n of completed) {
      const h = stored.get(nodeRowId(n.level, n.index));
      if (h !== undefined && bytesEqual(h, n.hash)) continue;
      const leafEnd = (n.index + 1) * 2 ** n.level - 1;
      this.#log.add({
        index: leafEnd,
        table: 'ledger_nodes',
        key: `${n.level}/${n.index}`,
        // A body of these entries was changed, or the node itself: the replay of the registry tells which.
        problem: `${h === undefined ? 'node missing' : 'stored node hash differs from the one recomputed'} over entries ${n.index * 2 ** n.level} to ${leafEnd}`,
      });
    }
  }

  /** Checks every stored checkpoint of size <= `size` against the tree as recomputed so far. */
  async #checkpointsUpTo(size: number): Promise<void> {
    for (;;) {
      if (this.#pending.length === 0) {
        if (this.#checkpointsDone) return;
        this.#pending = await this.#store.checkpoints(this.#checkpointCursor, CHECKPOINT_PAGE);
        if (this.#pending.length === 0) {
          this.#checkpointsDone = true;
          return;
        }
        this.#checkpointCursor = this.#pending[this.#pending.length - 1]!.size;
      }
      const cp = this.#pending[0]!;
      if (cp.size > size) return;
      this.#pending.shift();
      this.#checkCheckpoint(cp);
    }
  }

  #checkCheckpoint(cp: StoredCheckpoint): void {
    this.checkpoints += 1;
    const key = String(cp.size);
    const index = Math.max(0, cp.size - 1);
    if (cp.size !== this.#range.size || this.#broken) {
      this.#log.add({ index, table: 'ledger_checkpoints', key, problem: `checkpoint of size ${cp.size} but the log has ${this.#range.size} verifiable entries` });
      return;
    }
    const root = this.#range.root();
    if (!bytesEqual(root, cp.rootHash)) {
      this.#log.add({ index, table: 'ledger_checkpoints', key, problem: 'stored root differs from the recomputed root' });
    }
    if (this.#verifier === null) return;
    const check = verifyCheckpoint(cp.note, [this.#verifier]);
    if (!check.ok) {
      this.#log.add({ index, table: 'ledger_checkpoints', key, problem: `signed note rejected: ${check.reason}: ${check.detail}` });
    } else if (check.checkpoint.size !== cp.size || !bytesEqual(check.checkpoint.rootHash, root)) {
      this.#log.add({ index, table: 'ledger_checkpoints', key, problem: 'the signed note names another size or root' });
    }
  }
}
