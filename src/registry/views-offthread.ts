/**
 * Registry views with the whole-registry aggregates moved off the service's thread (views-worker.ts),
 * for SQLite files; pages of a list stay on the thread (they read a few rows through an index).
 * Without the compiled worker (the TypeScript sources run directly) the aggregates run in the thread,
 * as on PostgreSQL, where the driver is asynchronous anyway.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PerformerPage, RegistryViews } from './views.js';
import type { ViewsJob, ViewsJobResult, ViewsWorkerData } from './views-worker.js';

export interface OffThreadOptions {
  dbPath: string;
  /** The worker module (tests point it at the TypeScript source) and the flags to run it with. */
  workerUrl?: URL;
  execArgv?: string[];
}

export class OffThreadRegistryViews implements RegistryViews {
  #worker: Worker | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly #url: URL;

  constructor(
    private readonly inThread: RegistryViews,
    private readonly options: OffThreadOptions,
  ) {
    this.#url = options.workerUrl ?? new URL('./views-worker.js', import.meta.url);
  }

  /** Whether aggregates run on the worker (its module is there to load). */
  get offThread(): boolean {
    return this.options.workerUrl !== undefined || existsSync(fileURLToPath(this.#url));
  }

  performersPage(opts: { membersOnly: boolean; cursor: string | null; limit: number }): Promise<PerformerPage> {
    return this.inThread.performersPage(opts);
  }

  reservedByMonth(): Promise<{ month: string; recordings: number }[]> {
    if (!this.offThread) return this.inThread.reservedByMonth();
    return this.#run({ id: this.#nextId++, view: 'reservedByMonth' }) as Promise<{ month: string; recordings: number }[]>;
  }

  async close(): Promise<void> {
    const w = this.#worker;
    this.#worker = null;
    if (w !== null) await w.terminate();
  }

  #run(job: ViewsJob): Promise<unknown> {
    const worker = this.#worker ?? this.#spawn();
    return new Promise((resolve, reject) => {
      this.#pending.set(job.id, { resolve, reject });
      worker.postMessage(job);
    });
  }

  #spawn(): Worker {
    const worker = new Worker(this.#url, {
      workerData: { dbPath: this.options.dbPath } satisfies ViewsWorkerData,
      ...(this.options.execArgv === undefined ? {} : { execArgv: this.options.execArgv }),
    });
    // Idle between dashboard refreshes: it must not keep the process alive.
    worker.unref();
    worker.on('message', (r: ViewsJobResult) => {
      const p = this.#pending.get(r.id);
      if (p === undefined) return;
      this.#pending.delete(r.id);
      if (r.ok) p.resolve(r.rows);
      else p.reject(new Error(`registry views worker: ${r.message}`));
    });
    const fail = (e: Error) => {
      if (this.#worker === worker) this.#worker = null;
      for (const p of this.#pending.values()) p.reject(e);
      this.#pending.clear();
    };
    worker.on('error', (e) => fail(new Error(`registry views worker failed: ${e.message || e.name}`, { cause: e })));
    worker.on('exit', (code) => fail(new Error(`registry views worker exited with code ${code}`)));
    this.#worker = worker;
    return worker;
  }
}
