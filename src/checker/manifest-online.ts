/**
 * Online mode: rows checked by the service's `POST /v1/check` (docs/http.md), 10,000 ISRCs per request,
 * over undici. Only rows with an ISRC can be asked: the service has no artist + title lookup, so rows
 * without one come back `none` with a note (match them offline against a snapshot). With the caller's
 * API key (`apiKey`) the service takes its licences into account and answers `licensed` where they cover
 * (docs/licensing.md, "Licensed answers").
 *
 * @example
 * const matcher = new ServiceMatcher({ url: 'https://reserve.example', at });
 */
import { request } from 'undici';
import { z } from 'zod';
import { QUERY_USES, type QueryUse } from '../registry/model.js';
import { CheckerError } from './errors.js';
import type { RowMatcher } from './manifest-check.js';
import {
  errorOutcome,
  inputOf,
  noneOutcome,
  type ManifestRow,
  type RowOutcome,
  type RowStatus,
} from './manifest-model.js';

const STATUS = z.enum(['reserved', 'licensed', 'not-covered', 'unknown']);
const ANSWER = z.object({
  at: z.string(),
  items: z.array(
    z.union([
      z.object({
        input: z.string(),
        ok: z.literal(true),
        identifier: z.string().nullable(),
        recording: z.object({}).passthrough().nullable(),
        uses: z.record(z.string(), z.object({ status: STATUS }).passthrough()),
      }),
      z.object({
        input: z.string(),
        ok: z.literal(false),
        error: z.object({ code: z.string(), message: z.string() }),
      }),
    ]),
  ),
});

export interface ServiceOptions {
  /** Base URL of the service, e.g. `https://reserve.example`. */
  url: string;
  at?: string;
  territory?: string;
  timeoutMs?: number;
  /** A licensee's API key (`tdmr_...`), sent as a Bearer token: the answers then honour its licences. */
  apiKey?: string;
}

export class ServiceMatcher implements RowMatcher {
  readonly source = 'registry-service' as const;
  readonly #endpoint: string;

  constructor(private readonly opts: ServiceOptions) {
    let u: URL;
    try {
      u = new URL('/v1/check', opts.url);
    } catch {
      throw new CheckerError('CHECK_INVALID_URL', `--service is not an absolute URL: ${opts.url}`, {
        details: { field: 'service' },
      });
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      throw new CheckerError('CHECK_INVALID_URL', `--service must be http(s): ${opts.url}`, {
        details: { field: 'service' },
      });
    this.#endpoint = u.href;
  }

  async matchBatch(rows: readonly ManifestRow[]): Promise<RowOutcome[]> {
    const asked = rows.filter((r) => (r.isrc?.trim() ?? '') !== '');
    const answers = asked.length === 0 ? [] : await this.#post(asked.map((r) => (r.isrc as string).trim()));
    let j = 0;
    return rows.map((row): RowOutcome => {
      if ((row.isrc?.trim() ?? '') === '') {
        return noneOutcome(row, {
          source: this.source,
          note: 'no ISRC: artist and title are matched offline only (--snapshot)',
        });
      }
      const a = answers[j++];
      if (a === undefined)
        throw new CheckerError('CHECK_SERVICE_FAILED', `${this.#endpoint} answered fewer items than asked`);
      if (!a.ok)
        return errorOutcome({ line: row.line, field: 'isrc', reason: a.error.message }, this.source, row);
      const uses = {} as Record<QueryUse, RowStatus>;
      for (const u of QUERY_USES) uses[u] = a.uses[u]?.status ?? 'unknown';
      const known = a.recording !== null;
      return {
        line: row.line,
        method: known ? 'isrc' : 'none',
        score: known ? 1 : 0,
        isrc: known ? a.identifier : null,
        uses,
        reserved: QUERY_USES.some((u) => uses[u] === 'reserved'),
        input: inputOf(row),
        evidence: { source: this.source, ...(a.identifier ? { key: a.identifier } : {}) },
      };
    });
  }

  async #post(items: string[]) {
    const body = JSON.stringify({
      items,
      detail: 'full',
      ...(this.opts.at ? { at: this.opts.at } : {}),
      ...(this.opts.territory ? { territory: this.opts.territory } : {}),
    });
    let res;
    try {
      res = await request(this.#endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(this.opts.apiKey === undefined ? {} : { authorization: `Bearer ${this.opts.apiKey}` }),
        },
        body,
        headersTimeout: this.opts.timeoutMs ?? 60_000,
        bodyTimeout: this.opts.timeoutMs ?? 60_000,
      });
    } catch (cause) {
      throw new CheckerError('CHECK_SERVICE_FAILED', `${this.#endpoint}: ${(cause as Error).message}`, {
        cause,
      });
    }
    const text = await res.body.text();
    if (res.statusCode !== 200)
      throw new CheckerError(
        'CHECK_SERVICE_FAILED',
        `${this.#endpoint} answered ${res.statusCode}: ${text.slice(0, 200)}`,
        { details: { status: res.statusCode } },
      );
    let parsed;
    try {
      parsed = ANSWER.parse(JSON.parse(text));
    } catch (cause) {
      throw new CheckerError(
        'CHECK_SERVICE_FAILED',
        `${this.#endpoint} answered something that is not a check answer`,
        { cause },
      );
    }
    if (parsed.items.length !== items.length)
      throw new CheckerError(
        'CHECK_SERVICE_FAILED',
        `${this.#endpoint} answered ${parsed.items.length} items for ${items.length}`,
      );
    return parsed.items;
  }
}
