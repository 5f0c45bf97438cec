/**
 * Status lookups for the read-heavy edge (HTTP): the same answers as `RegistryService.status` and
 * `RegistryService.check`, computed synchronously from a `CoverageReader` snapshot when the database
 * offers one (an SQLite file), else by the service itself (PostgreSQL, `:memory:`). Plus `verdicts`:
 * a batch check that gives each item's status without the reasons, for bulk use.
 *
 * @example
 * const { lookup, close } = openStatusLookup(ctx.db, ctx.services.registry);
 * const s = await lookup.status('FRZ032500001', { use: 'ai-training' });
 * close();
 */
import type { DbHandle } from '../db/dialect.js';
import type { CoverageStatus } from './coverage.js';
import type { CoverageReader } from './coverage-reader.js';
import { coverageVerdict, overallStatus } from './coverage-verdict.js';
import { RegistryError } from './errors.js';
import { parseIsrc, type IdParse } from './identifiers.js';
import type { QueryUse } from './model.js';
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

/** One item of a status-only batch check: the verdict per use and overall, without reasons. */
export type CheckVerdict =
  | {
      input: string;
      ok: true;
      identifier: string;
      status: CoverageStatus;
      uses: { use: QueryUse; status: CoverageStatus }[];
    }
  | { input: string; ok: false; error: { code: 'REGISTRY_INVALID_ID'; message: string } };

export interface CheckVerdicts {
  at: string;
  territory: string | null;
  items: CheckVerdict[];
}

/** What the edge needs; `ReaderStatusLookup` answers synchronously, `ServiceStatusLookup` through the service. */
export interface StatusLookup {
  status(identifier: string, opts?: StatusOptions): RecordingStatus | Promise<RecordingStatus>;
  check(inputs: readonly string[], opts?: StatusOptions): CheckOutcome[] | Promise<CheckOutcome[]>;
  verdicts(inputs: readonly string[], opts?: StatusOptions): CheckVerdicts | Promise<CheckVerdicts>;
}

function tooMany(inputs: readonly string[]): void {
  if (inputs.length > MAX_CHECK_ITEMS) {
    throw new RegistryError(
      'REGISTRY_TOO_MANY_ITEMS',
      `at most ${MAX_CHECK_ITEMS} items per request, got ${inputs.length}`,
    );
  }
}

/**
 * A canonical ISRC (12 characters, upper case, no separators) is its own normal form, so the general
 * parsers, which build regular expressions per call, can be skipped for it. Not when it starts with
 * `ISRC`: the parsers read that as a label and reject what follows. Tested against both parsers.
 */
const CANONICAL_ISRC = /^(?!ISRC)[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/;

export function isCanonicalIsrc(s: string): boolean {
  return CANONICAL_ISRC.test(s);
}

const isrcOf = (input: string): IdParse =>
  CANONICAL_ISRC.test(input) ? { ok: true, value: input } : parseIsrc(input);

export class ReaderStatusLookup implements StatusLookup {
  constructor(
    private readonly reader: CoverageReader,
    private readonly now: () => Date = () => new Date(),
  ) {}

  status(identifier: string, opts: StatusOptions = {}): RecordingStatus {
    const q = statusQuery(opts, this.now());
    const id = CANONICAL_ISRC.test(identifier)
      ? { kind: 'isrc' as const, value: identifier }
      : recordingIdentifier(identifier);
    return this.reader.read((s) => ({
      query: identifier,
      ...answer(id.value, s.coverage(id.kind, id.value), s.declarations(), q),
    }));
  }

  check(inputs: readonly string[], opts: StatusOptions = {}): CheckOutcome[] {
    tooMany(inputs);
    const q = statusQuery(opts, this.now());
    // One snapshot for the whole batch: every item is answered against the same state of the registry.
    return this.reader.read((s) => {
      const declarations = s.declarations();
      return inputs.map((input): CheckOutcome => {
        const id = isrcOf(input);
        if (!id.ok) return { input, ok: false, error: { code: 'REGISTRY_INVALID_ID', message: id.reason } };
        return { input, ok: true, ...answer(id.value, s.coverage('isrc', id.value), declarations, q) };
      });
    });
  }

  verdicts(inputs: readonly string[], opts: StatusOptions = {}): CheckVerdicts {
    tooMany(inputs);
    const q = statusQuery(opts, this.now());
    const items = this.reader.read((s) => {
      const declarations = s.declarations();
      return inputs.map((input): CheckVerdict => {
        const id = isrcOf(input);
        if (!id.ok) return { input, ok: false, error: { code: 'REGISTRY_INVALID_ID', message: id.reason } };
        const rows = s.verdictRows('isrc', id.value);
        const v = {
          medium: rows?.medium ?? null,
          performerIds: rows?.performerIds ?? [],
          mandates: rows?.mandates ?? [],
          declarations,
        };
        const uses = q.uses.map((use) => ({
          use,
          status: coverageVerdict(v, { at: q.at, use, territory: q.territory }),
        }));
        return {
          input,
          ok: true,
          identifier: id.value,
          status: overallStatus(uses.map((u) => u.status)),
          uses,
        };
      });
    });
    return { at: q.at, territory: q.territory ?? null, items };
  }
}

/** The same three lookups through the (asynchronous) service, for databases without a snapshot reader. */
export class ServiceStatusLookup implements StatusLookup {
  constructor(private readonly service: RegistryService) {}

  status(identifier: string, opts?: StatusOptions): Promise<RecordingStatus> {
    return this.service.status(identifier, opts);
  }

  check(inputs: readonly string[], opts?: StatusOptions): Promise<CheckOutcome[]> {
    return this.service.check(inputs, opts);
  }

  async verdicts(inputs: readonly string[], opts: StatusOptions = {}): Promise<CheckVerdicts> {
    const outcomes = await this.service.check(inputs, opts);
    const first = outcomes.find((o) => o.ok);
    const q = first?.ok
      ? { at: first.at, territory: first.territory }
      : { at: statusQuery(opts, new Date()).at, territory: null };
    const items = outcomes.map((o): CheckVerdict =>
      o.ok
        ? {
            input: o.input,
            ok: true,
            identifier: o.identifier ?? o.input,
            status: o.status,
            uses: o.uses.map((u) => ({ use: u.use, status: u.status })),
          }
        : o,
    );
    return { ...q, items };
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
  return { lookup: new ServiceStatusLookup(service), path: 'service', close: () => undefined };
}
