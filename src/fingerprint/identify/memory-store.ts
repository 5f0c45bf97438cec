/** An in-memory `FingerprintStore` for tests of the service and of code built on it (no database). */
import type { LedgerEntry } from '../../ledger/entries.js';
import type { IndexHit } from './index-keys.js';
import type { FingerprintStore, NewFingerprint, RecordingRef, StoredFingerprint } from './store.js';

export class MemoryFingerprintStore implements FingerprintStore {
  readonly recordings = new Map<string, RecordingRef>();
  readonly log: LedgerEntry[] = [];
  readonly #byRecording = new Map<string, StoredFingerprint>();
  readonly #index = new Map<number, IndexHit[]>();
  #next = 1;

  transaction<T>(fn: (store: FingerprintStore) => Promise<T>): Promise<T> {
    return fn(this);
  }

  appendLog(entries: readonly LedgerEntry[]): Promise<void> {
    this.log.push(...entries);
    return Promise.resolve();
  }

  findRecording(by: { isrc: string } | { id: string }): Promise<RecordingRef | null> {
    const r =
      'id' in by ? this.recordings.get(by.id) : [...this.recordings.values()].find((x) => x.isrc === by.isrc);
    return Promise.resolve(r ?? null);
  }

  putFingerprint(f: NewFingerprint): Promise<{ fp: number; replaced: boolean }> {
    const old = this.#byRecording.get(f.recordingId);
    const fp = old?.fp ?? this.#next++;
    if (old !== undefined)
      for (const [k, hits] of this.#index)
        this.#index.set(
          k,
          hits.filter((h) => h.fp !== fp),
        );
    const recording = this.recordings.get(f.recordingId) ?? {
      id: f.recordingId,
      isrc: null,
      title: '',
      artist: '',
    };
    this.#byRecording.set(f.recordingId, {
      fp,
      recording,
      raw: f.raw,
      durationMs: f.durationMs,
      enrolledAt: f.enrolledAt,
    });
    for (const p of f.postings) {
      const list = this.#index.get(p.key) ?? [];
      list.push({ key: p.key, fp, position: p.position });
      this.#index.set(p.key, list);
    }
    return Promise.resolve({ fp, replaced: old !== undefined });
  }

  lookup(keys: readonly number[]): Promise<IndexHit[]> {
    return Promise.resolve(keys.flatMap((k) => this.#index.get(k) ?? []));
  }

  fingerprints(fps: readonly number[]): Promise<StoredFingerprint[]> {
    const want = new Set(fps);
    return Promise.resolve([...this.#byRecording.values()].filter((f) => want.has(f.fp)));
  }

  fingerprintOf(recordingId: string): Promise<StoredFingerprint | null> {
    return Promise.resolve(this.#byRecording.get(recordingId) ?? null);
  }

  count(): Promise<{ fingerprints: number; postings: number }> {
    let postings = 0;
    for (const hits of this.#index.values()) postings += hits.length;
    return Promise.resolve({ fingerprints: this.#byRecording.size, postings });
  }
}
