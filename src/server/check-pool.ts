/**
 * Check workers: `POST /v1/check` batches answered on worker threads, each with its own read-only
 * SQLite connection, while the main thread keeps serving requests.
 *
 * Why: a 10,000-item batch is about a third of a second of CPU. Inline, it stalls every other request
 * for that long (the p99 of single lookups becomes the batch time) and leaves the other cores idle.
 * On threads, batches run beside the event loop and beside each other, one snapshot per batch, and
 * the answer comes back as bytes (transferred, not copied). The main thread only parses and validates
 * the body and sends the bytes.
 *
 * @example
 * const pool = CheckPool.start({ dbPath: 'data/reserve.db', size: 2 });
 * const bytes = await pool.run({ items: ['FRZ032500001'], detail: 'full' });
 * await pool.close();
 */
import { Worker } from 'node:worker_threads';
import { RegistryError } from '../registry/errors.js';
import type { RegistryErrorCode } from '../registry/errors.js';
import type { CheckRequest } from './check-answer.js';
import type { CheckJob, CheckJobResult, CheckWorkerData, RecycledAnswer } from './check-worker.js';
import type { Licence } from '../licensing/model.js';

export interface CheckPoolOptions {
  /** The SQLite file (WAL mode) the workers read. */
  dbPath: string;
  /** Worker threads. */
  size: number;
  /** Room (bytes) each worker has for the items it keeps (check-kept.ts); default 0, none kept. */
  keptBytes?: number;
  /** The worker module; default the built `check-worker.js` beside this file. */
  workerUrl?: URL;
  /** Node options of the workers (e.g. a loader for running from sources). */
  execArgv?: string[];
}

interface Pending {
  resolve(bytes: Buffer): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** The worker exited; the next job starts a new one (not at once: one that cannot start would loop). */
  dead: boolean;
}

/** Answers smaller than this are not given back: fresh memory costs little at that size. */
const RECYCLE_MIN = 1 << 16;

export class CheckPool {
  readonly #options: CheckPoolOptions;
  readonly #slots: Slot[] = [];
  readonly #running = new Set<Promise<Buffer>>();
  /** The worker that wrote each answer's memory (answers of 64 KiB and more: see `recycle`). */
  readonly #writers = new WeakMap<ArrayBuffer, Slot>();
  #nextId = 1;
  #closing = false;

  private constructor(options: CheckPoolOptions) {
    this.#options = options;
    for (let i = 0; i < options.size; i++) this.#slots.push(this.#spawn());
  }

  /** Starts `size` workers (at least one). */
  static start(options: CheckPoolOptions): CheckPool {
    return new CheckPool({ ...options, size: Math.max(1, Math.floor(options.size)) });
  }

  get size(): number {
    return this.#slots.length;
  }

  /** Answers a validated check body on the least busy worker; with `licences`, as their holder sees it. */
  run(request: CheckRequest, licences?: readonly Licence[]): Promise<Buffer> {
    if (this.#closing) return Promise.reject(new Error('the check pool is closed'));
    let i = 0;
    for (let j = 1; j < this.#slots.length; j++) {
      if ((this.#slots[j] as Slot).pending.size < (this.#slots[i] as Slot).pending.size) i = j;
    }
    if ((this.#slots[i] as Slot).dead) this.#slots[i] = this.#spawn();
    const slot = this.#slots[i] as Slot;
    const id = this.#nextId++;
    const job = new Promise<Buffer>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, request, ...(licences === undefined ? {} : { licences }) } satisfies CheckJob);
    });
    this.#running.add(job);
    const done = () => void this.#running.delete(job);
    job.then(done, done);
    return job;
  }

  /**
   * Gives an answer's memory back to the worker that wrote it, for its next answers (check-worker.ts
   * `rent`); only once the answer has been sent, since `bytes` is empty from then on. Small answers and
   * buffers from elsewhere are left alone.
   */
  recycle(bytes: Buffer): void {
    const ab = bytes.buffer as ArrayBuffer;
    const slot = this.#writers.get(ab);
    if (slot === undefined || slot.dead || this.#closing) return;
    this.#writers.delete(ab);
    slot.worker.postMessage({ recycle: ab } satisfies RecycledAnswer, [ab]);
  }

  /**
   * Takes no new jobs, lets the running ones finish (a request in flight when the service stops still gets
   * its answer), then stops the workers; jobs still running after `graceMs` are rejected.
   */
  async close(graceMs = 10_000): Promise<void> {
    this.#closing = true;
    const running = [...this.#running];
    if (running.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([Promise.allSettled(running), late]);
      clearTimeout(timer);
    }
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }

  #spawn(): Slot {
    const url = this.#options.workerUrl ?? new URL('./check-worker.js', import.meta.url);
    const worker = new Worker(url, {
      workerData: { dbPath: this.#options.dbPath, keptBytes: this.#options.keptBytes ?? 0 } satisfies CheckWorkerData,
      ...(this.#options.execArgv === undefined ? {} : { execArgv: this.#options.execArgv }),
    });
    // A worker idle between batches must not keep the process alive.
    worker.unref();
    const slot: Slot = { worker, pending: new Map(), dead: false };
    worker.on('message', (r: CheckJobResult) => {
      const p = slot.pending.get(r.id);
      if (p === undefined) return;
      slot.pending.delete(r.id);
      if (r.ok) {
        const ab = r.bytes.buffer as ArrayBuffer;
        if (ab.byteLength >= RECYCLE_MIN) this.#writers.set(ab, slot);
        p.resolve(Buffer.from(ab, r.bytes.byteOffset, r.bytes.byteLength));
      }
      else if (r.code?.startsWith('REGISTRY_'))
        p.reject(new RegistryError(r.code as RegistryErrorCode, r.message));
      else p.reject(new Error(`check worker: ${r.message}`));
    });
    const fail = (e: Error) => {
      for (const p of slot.pending.values()) p.reject(e);
      slot.pending.clear();
    };
    // An uncaught error in the worker (it cannot open the database, a bug): its jobs fail, it exits.
    worker.on('error', (e) => fail(new Error(`check worker failed: ${e.message || e.name}`, { cause: e })));
    worker.on('exit', (code) => {
      slot.dead = true;
      fail(new Error(`check worker exited with code ${code}`));
    });
    return slot;
  }
}
