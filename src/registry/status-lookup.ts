/**
 * Status lookups for the read-heavy edge (HTTP): the answers of `RegistryService.status` and
 * `RegistryService.check` in the compact form of compact.ts, computed synchronously from a
 * `CoverageReader` snapshot when the database offers one (an SQLite file), else through the store
 * (PostgreSQL, `:memory:`). Plus `verdicts`: a batch check without reasons, for bulk screening.
 *
 * @example
 * const { lookup, close } = openStatusLookup(ctx.db, ctx.stores.registry);
 * const s = await lookup.status('FRZ032500001', { use: 'ai-training' });
 * close();
 */
import type { DbHandle } from '../db/dialect.js';
import { SqliteCoverageReader, supportsSnapshotReader, type SqliteReaderOptions } from './reader-sqlite.js';
import type { StatusLookup } from './status-lookup-model.js';
import { ReaderStatusLookup } from './status-lookup-reader.js';
import { StoreStatusLookup } from './status-lookup-store.js';
import type { RegistryStore } from './store.js';

export type {
  CheckAnswer,
  CheckItem,
  CheckVerdict,
  CheckVerdicts,
  RecordingAnswer,
  StatusLookup,
} from './status-lookup-model.js';
export { isCanonicalIsrc } from './status-lookup-model.js';
export { ReaderStatusLookup } from './status-lookup-reader.js';
export { StoreStatusLookup } from './status-lookup-store.js';

export interface OpenedLookup {
  lookup: StatusLookup;
  /** `snapshot` when lookups run on the synchronous SQLite reader, `store` otherwise. */
  path: 'snapshot' | 'store';
  close(): void;
}

/** Picks the fastest lookup the database allows. Close it before closing the database. */
export function openStatusLookup(
  db: DbHandle,
  store: RegistryStore,
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
  return { lookup: new StoreStatusLookup(store, options.now), path: 'store', close: () => undefined };
}
