/**
 * Status lookups for the read-heavy edge (HTTP): the same answers as `RegistryService.status` and
 * `RegistryService.check`, computed synchronously from a `CoverageReader` snapshot when the database
 * offers one (an SQLite file), else by the service itself (PostgreSQL, `:memory:`).
 *
 * @example
 * const { lookup, close } = openStatusLookup(ctx.db, ctx.services.registry);
 * const s = await lookup.status('FRZ032500001', { use: 'ai-training' });
 * close();
 */
import type { DbHandle } from '../db/dialect.js';
import type { CoverageReader } from './coverage-reader.js';
import { RegistryError } from './errors.js';
import { parseIsrc } from './identifiers.js';
import { SqliteCoverageReader, supportsSnapshotReader, type SqliteReaderOptions } from './reader-sqlite.js';
import {
  answer,
  MAX_CHECK_ITEMS,
  recordingIdentifier,
  statusQuery,
  type CheckOutcome,
  type RecordingStatus,
  type RegistryService,
  type StatusOptions,
} from './service.js';

/** What the edge needs; `RegistryService` satisfies it asynchronously, `ReaderStatusLookup` synchronously. */
export interface StatusLookup {
  status(identifier: string, opts?: StatusOptions): RecordingStatus | Promise<RecordingStatus>;
  check(inputs: readonly string[], opts?: StatusOptions): CheckOutcome[] | Promise<CheckOutcome[]>;
}

export class ReaderStatusLookup implements StatusLookup {
  constructor(
    private readonly reader: CoverageReader,
    private readonly now: () => Date = () => new Date(),
  ) {}

  status(identifier: string, opts: StatusOptions = {}): RecordingStatus {
    const q = statusQuery(opts, this.now());
    const id = recordingIdentifier(identifier);
    return this.reader.read((s) => ({
      query: identifier,
      ...answer(id.value, s.coverage(id.kind, id.value), s.declarations(), q),
    }));
  }

  check(inputs: readonly string[], opts: StatusOptions = {}): CheckOutcome[] {
    if (inputs.length > MAX_CHECK_ITEMS) {
      throw new RegistryError(
        'REGISTRY_TOO_MANY_ITEMS',
        `at most ${MAX_CHECK_ITEMS} items per request, got ${inputs.length}`,
      );
    }
    const q = statusQuery(opts, this.now());
    // One snapshot for the whole batch: every item is answered against the same state of the registry.
    return this.reader.read((s) => {
      const declarations = s.declarations();
      return inputs.map((input): CheckOutcome => {
        const id = parseIsrc(input);
        if (!id.ok) return { input, ok: false, error: { code: 'REGISTRY_INVALID_ID', message: id.reason } };
        return { input, ok: true, ...answer(id.value, s.coverage('isrc', id.value), declarations, q) };
      });
    });
  }
}

export interface OpenedLookup {
  lookup: StatusLookup;
  /** `snapshot` when lookups run on the synchronous SQLite reader, `service` otherwise. */
  path: 'snapshot' | 'service';
  close(): void;
}

/** Picks the fastest lookup the database allows. Close it before closing the database. */
export function openStatusLookup(
  db: DbHandle,
  service: RegistryService,
  options: SqliteReaderOptions & { now?: () => Date } = {},
): OpenedLookup {
  if (db.kind === 'sqlite' && supportsSnapshotReader(db.raw, db.path)) {
    const reader = new SqliteCoverageReader(db.path, db.raw, options);
    return {
      lookup: new ReaderStatusLookup(reader, options.now),
      path: 'snapshot',
      close: () => reader.close(),
    };
  }
  return { lookup: service, path: 'service', close: () => undefined };
}
