/**
 * Status lookups answered synchronously from a `CoverageReader` snapshot (an SQLite file): the same
 * answers as `RegistryService.status` and `.check` (compared after `expandStatus` by the tests), in the
 * compact form, built from facts the reader caches per performer and per declaration.
 */
import { answerHorizon } from './answer-horizon.js';
import { compactStatus, type CompactQuery, type CompactStatus } from './compact.js';
import type { CoverageReader, CoverageSnapshot, RecordingKeyKind } from './coverage-reader.js';
import { coverageVerdict, overallStatus } from './coverage-verdict.js';
import type { CoverageStatus } from './coverage.js';
import { EvidenceCollector, type DeclarationFacts, type EvidenceLists, type PerformerFacts } from './evidence.js';
import { QUERY_USES, type QueryUse } from './model.js';
import { recordingIdentifier, statusQuery, type StatusOptions } from './service.js';
import {
  invalidItem,
  isCanonicalIsrc,
  isrcOf,
  tooMany,
  type CheckAnswer,
  type CheckItem,
  type CheckVerdict,
  type CheckVerdicts,
  type RecordingAnswer,
  type StatusLookup,
} from './status-lookup-model.js';

/** An answer and how long it holds (`ReaderStatusLookup.statusHolding`). */
export interface HeldAnswer {
  answer: RecordingAnswer;
  version: number;
  until: number;
}

/** One item of a batch, with the evidence it names (keys of its own) and how long it holds. */
export interface HeldItem {
  status: CompactStatus;
  evidence: EvidenceLists;
  until: number;
}

/** What `ReaderStatusLookup.heldItems` hands its callback. */
export interface HeldBatch {
  at: string;
  version: number;
  item: (isrc: string) => HeldItem;
}

export class ReaderStatusLookup implements StatusLookup {
  private lastMs = Number.NaN;
  private lastQuestion: CompactQuery | null = null;

  constructor(
    private readonly reader: CoverageReader,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * `statusQuery`, with the default question (now, every use, any territory) made once per millisecond:
   * most lookups ask it, and formatting the instant is a good part of a lookup's own work.
   */
  private question(opts: StatusOptions): CompactQuery {
    if (opts.at !== undefined || opts.use !== undefined || opts.territory !== undefined) {
      return statusQuery(opts, this.now());
    }
    const now = this.now();
    if (this.lastQuestion === null || now.getTime() !== this.lastMs) {
      this.lastMs = now.getTime();
      this.lastQuestion = { at: now.toISOString(), uses: QUERY_USES, territory: undefined };
    }
    return this.lastQuestion;
  }

  status(identifier: string, opts: StatusOptions = {}): RecordingAnswer {
    const q = this.question(opts);
    const id = isCanonicalIsrc(identifier)
      ? { kind: 'isrc' as const, value: identifier }
      : recordingIdentifier(identifier);
    return this.reader.read((s) => {
      const evidence = new EvidenceCollector();
      const c = lookUpFacts(s, id.kind, id.value, s.declarationFacts(), q, evidence).status;
      return answerOf(identifier, c, q.at, q.territory ?? null, evidence.lists);
    });
  }

  /**
   * The answer to the default question (now, every use, any territory) about a canonical ISRC, with
   * how long it holds: while the registry's version is `version` and the clock is before `until`
   * (epoch milliseconds; answer-horizon.ts). An answer cache keys on both.
   */
  statusHolding(isrc: string): HeldAnswer {
    return this.heldItems((batch) => {
      const { status: c, evidence, until } = batch.item(isrc);
      return { answer: answerOf(isrc, c, batch.at, null, evidence), version: batch.version, until };
    });
  }

  /**
   * Runs `fn` inside one snapshot with what a batch of the default question needs: its instant, the
   * registry's version, and `item`, which answers about one canonical ISRC with the evidence of that
   * answer alone and its horizon (answer-horizon.ts), for a caller that keeps items (server/check-kept.ts).
   */
  heldItems<T>(fn: (batch: HeldBatch) => T): T {
    const q = this.question({});
    const atMs = Date.parse(q.at);
    return this.reader.read((s) => {
      const declarations = s.declarationFacts();
      return fn({
        at: q.at,
        version: s.version(),
        item: (isrc) => {
          const evidence = new EvidenceCollector();
          const { status, performers } = lookUpFacts(s, 'isrc', isrc, declarations, q, evidence);
          return { status, evidence: evidence.lists, until: answerHorizon(atMs, performers, declarations) };
        },
      });
    });
  }

  /** The registry's version as a read now would see it (`CoverageSnapshot.version`). */
  version(): number {
    return this.reader.read((s) => s.version());
  }

  /** The lookup's clock. */
  clock(): Date {
    return this.now();
  }

  check(inputs: readonly string[], opts: StatusOptions = {}): CheckAnswer {
    tooMany(inputs);
    const q = statusQuery(opts, this.now());
    const ids = inputs.map(isrcOf);
    // Looked up in key order, each ISRC once: neighbouring keys share index pages, which makes a batch
    // about a third faster than in the order given (bench/check-batch.js).
    const keys = [...new Set(ids.flatMap((id) => (id.ok ? [id.value] : [])))].sort();
    // One snapshot for the whole batch: every item is answered against the same state of the registry,
    // and one evidence object serves every item.
    const evidence = new EvidenceCollector();
    const answers = this.reader.read((s) => {
      const declarations = s.declarationFacts();
      const found = new Map<string, CompactStatus>();
      for (const k of keys) found.set(k, lookUpFacts(s, 'isrc', k, declarations, q, evidence).status);
      return found;
    });
    const items = inputs.map((input, i): CheckItem => {
      const id = ids[i] as (typeof ids)[number];
      if (!id.ok) return invalidItem(input, id.reason);
      const c = answers.get(id.value) as CompactStatus;
      return {
        input,
        ok: true,
        identifier: c.identifier,
        status: c.status,
        recording: c.recording,
        uses: c.uses,
      };
    });
    return { at: q.at, territory: q.territory ?? null, items, evidence: evidence.lists };
  }

  verdicts(inputs: readonly string[], opts: StatusOptions = {}): CheckVerdicts {
    tooMany(inputs);
    const q = statusQuery(opts, this.now());
    const items = this.reader.read((s) => {
      const declarations = s.declarations();
      return inputs.map((input): CheckVerdict => {
        const id = isrcOf(input);
        if (!id.ok) return invalidItem(input, id.reason);
        const rows = s.verdictRows('isrc', id.value);
        const v = {
          medium: rows?.medium ?? null,
          performerIds: rows?.performerIds ?? [],
          mandates: rows?.mandates ?? [],
          declarations,
        };
        const uses: Partial<Record<QueryUse, { status: CoverageStatus }>> = {};
        const statuses: CoverageStatus[] = [];
        for (const use of q.uses) {
          const status = coverageVerdict(v, { at: q.at, use, territory: q.territory });
          uses[use] = { status };
          statuses.push(status);
        }
        return { input, ok: true, identifier: id.value, status: overallStatus(statuses), uses };
      });
    });
    return { at: q.at, territory: q.territory ?? null, items };
  }
}

function lookUpFacts(
  s: CoverageSnapshot,
  kind: RecordingKeyKind,
  value: string,
  declarations: readonly DeclarationFacts[],
  q: CompactQuery,
  evidence: EvidenceCollector,
): { status: CompactStatus; performers: readonly PerformerFacts[] } {
  const f = s.facts(kind, value);
  return f === null
    ? { status: compactStatus(value, null, [], false, declarations, q, evidence), performers: [] }
    : { status: compactStatus(value, f.recording, f.performers, f.lineupKnown, declarations, q, evidence), performers: f.performers };
}

/** `GET /v1/recordings/{id}`'s answer. */
function answerOf(query: string, c: CompactStatus, at: string, territory: string | null, evidence: EvidenceLists): RecordingAnswer {
  return { query, identifier: c.identifier, at, territory, status: c.status, recording: c.recording, uses: c.uses, evidence };
}
