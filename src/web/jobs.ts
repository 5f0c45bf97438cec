/**
 * Long work started from a page (an import, a manifest check): run in the background of the server,
 * followed by its owner through a progress endpoint, kept in memory (the last 200) since what it produces
 * is stored by the service that did it. A restart forgets running jobs; their owner starts them again.
 */
import { randomUUID } from 'node:crypto';

export interface Job<R = unknown> {
  id: string;
  kind: 'import' | 'manifest';
  /** The account that started it: only it (and staff, for imports) may follow it. */
  owner: string;
  file: string;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  result: R | null;
  error: string | null;
  startedAt: string;
}

const KEEP = 200;

export class Jobs {
  readonly #jobs = new Map<string, Job>();

  /** Starts `work`, which reports progress through `progress(done, total)`. */
  start<R>(
    kind: Job['kind'],
    owner: string,
    file: string,
    work: (progress: (done: number, total: number) => void) => Promise<R>,
    onEnd?: () => void,
  ): Job<R> {
    const job: Job<R> = {
      id: randomUUID(),
      kind,
      owner,
      file,
      state: 'running',
      done: 0,
      total: 0,
      result: null,
      error: null,
      startedAt: new Date().toISOString(),
    };
    this.#jobs.set(job.id, job);
    for (const id of this.#jobs.keys()) {
      if (this.#jobs.size <= KEEP) break;
      if (this.#jobs.get(id)?.state !== 'running') this.#jobs.delete(id);
    }
    work((done, total) => {
      job.done = done;
      job.total = total;
    }).then(
      (r) => {
        job.result = r;
        job.state = 'done';
        job.done = job.total;
        onEnd?.();
      },
      (e: unknown) => {
        job.error = e instanceof Error ? e.message : String(e);
        job.state = 'failed';
        onEnd?.();
      },
    );
    return job;
  }

  get(id: string): Job | null {
    return this.#jobs.get(id) ?? null;
  }

  /** Newest first. */
  list(kind: Job['kind'], owner: string | null): Job[] {
    return [...this.#jobs.values()]
      .filter((j) => j.kind === kind && (owner === null || j.owner === owner))
      .reverse();
  }

  /** Resolves once no job is running (tests, shutdown). */
  async idle(pollMs = 20): Promise<void> {
    while ([...this.#jobs.values()].some((j) => j.state === 'running'))
      await new Promise((r) => setTimeout(r, pollMs));
  }
}
