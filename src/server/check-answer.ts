/**
 * The body of a `POST /v1/check` answer, as UTF-8 bytes, from a status lookup: shared by the route
 * (inline, or through the store on PostgreSQL) and by the check workers (check-worker.ts), so that both
 * paths answer byte for byte alike.
 */
import type { CoverageStatus } from '../registry/coverage.js';
import type { QueryUse } from '../registry/model.js';
import { ReaderStatusLookup, type CheckItem, type CheckVerdict, type StatusLookup } from '../registry/status-lookup.js';
import { keptCheckBytes, type KeptItems } from './check-kept.js';
import { checkResponseBytes, summarise } from './status-json.js';

/** A validated check request body. */
export interface CheckRequest {
  items: string[];
  detail: 'full' | 'status';
  at?: string;
  use?: QueryUse;
  territory?: string;
}

const statusOf = (o: CheckItem | CheckVerdict): CoverageStatus | null => (o.ok ? o.status : null);

/**
 * Answers a check: synchronously when the lookup does (the SQLite snapshot reader), else a promise;
 * with `kept`, the default question from kept items (check-kept.ts), written into `alloc`'s buffer if given.
 * `detail: "status"` answers are plain data: `JSON.stringify` writes 10,000 of them faster than
 * fast-json-stringify, which on Node 20 escapes short strings character by character.
 */
export function checkAnswerBytes(
  lookup: StatusLookup,
  request: CheckRequest,
  kept?: KeptItems,
  alloc?: (size: number) => Buffer,
): Buffer | Promise<Buffer> {
  const { items, detail, ...opts } = request;
  // The default question over the snapshot reader: from the items kept while they hold (check-kept.ts).
  if (kept !== undefined && lookup instanceof ReaderStatusLookup && opts.at === undefined && opts.use === undefined && opts.territory === undefined)
    return keptCheckBytes(lookup, kept, items, detail, alloc);
  if (detail === 'status') {
    const v = lookup.verdicts(items, opts);
    const write = (r: Awaited<typeof v>): Buffer =>
      Buffer.from(
        JSON.stringify({
          count: r.items.length,
          detail,
          at: r.at,
          territory: r.territory,
          summary: summarise(r.items.map(statusOf)),
          items: r.items,
        }),
      );
    return v instanceof Promise ? v.then(write) : write(v);
  }
  const c = lookup.check(items, opts);
  const write = (r: Awaited<typeof c>): Buffer =>
    checkResponseBytes({
      count: r.items.length,
      detail,
      at: r.at,
      territory: r.territory,
      summary: summarise(r.items.map(statusOf)),
      items: r.items,
      evidence: r.evidence,
    });
  return c instanceof Promise ? c.then(write) : write(c);
}
