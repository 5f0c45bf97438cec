/**
 * The registry's public read API under `/v1`: status of a recording, batch check, performers, search.
 * Every input is described by a schema (validated before the handler runs) and every response by one
 * (serialised by fast-json-stringify).
 */
import type { FastifyInstance } from 'fastify';
import type { QueryUse } from '../../registry/model.js';
import { MAX_CHECK_ITEMS, type CheckOutcome, type RegistryService } from '../../registry/service.js';
import type { CheckVerdict, StatusLookup } from '../../registry/status-lookup.js';
import { errorResponses, statusQueryProperties } from '../schemas/common.js';

export interface RegistryRoutesDeps {
  registry: RegistryService;
  lookup: StatusLookup;
}

interface StatusQuerystring {
  at?: string;
  use?: QueryUse;
  territory?: string;
}

/** Longest item accepted in a check (an ISRC with separators and a label is about 20 characters). */
const MAX_ITEM_LENGTH = 64;
/** Room for MAX_CHECK_ITEMS items of the longest length, JSON-quoted, plus the options. */
export const CHECK_BODY_LIMIT = MAX_CHECK_ITEMS * (MAX_ITEM_LENGTH + 4) + 4096;

const error404 = { $ref: 'ErrorBody#', description: 'Not in the registry' } as const;

export function registerRegistryRoutes(app: FastifyInstance, deps: RegistryRoutesDeps): void {
  const { registry, lookup } = deps;

  app.get<{ Params: { isrc: string }; Querystring: StatusQuerystring }>(
    '/v1/recordings/:isrc',
    {
      schema: {
        tags: ['registry'],
        summary: 'Is a recording reserved?',
        description:
          'The reservation status of one recording (by ISRC; an ISAN or EIDR is accepted too) for each text-and-data-mining use, with the reasons: the declaration in force and the mandates of the line-up. `unknown` when the registry does not hold the recording.',
        params: {
          type: 'object',
          required: ['isrc'],
          properties: {
            isrc: {
              type: 'string',
              minLength: 1,
              maxLength: MAX_ITEM_LENGTH,
              description: 'ISRC, any usual spelling',
              examples: ['FRZ032500001'],
            },
          },
        },
        querystring: { type: 'object', additionalProperties: false, properties: statusQueryProperties },
        response: { 200: { $ref: 'RecordingStatus#' }, ...errorResponses },
      },
    },
    // Not `async`: the snapshot lookup answers synchronously, and Fastify sends a plain return value
    // without a promise round trip. With the service (PostgreSQL) this returns its promise.
    (request) => lookup.status(request.params.isrc, request.query),
  );

  app.post<{ Body: StatusQuerystring & { items: string[]; detail: 'full' | 'status' } }>(
    '/v1/check',
    {
      bodyLimit: CHECK_BODY_LIMIT,
      // Native JSON.stringify for this one route: on Node 20 fast-json-stringify escapes short strings
      // character by character in JavaScript and writes one huge concatenated string, and measured 3.4
      // times slower on 10,000 full answers (bench/check-batch.js). The schema below still documents the
      // body, and the tests compare it field for field with the service's answers.
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        tags: ['registry'],
        summary: 'Check many recordings at once',
        description:
          `Up to ${MAX_CHECK_ITEMS} ISRCs per request, answered against one snapshot of the registry: one outcome per item, in order. ` +
          'An invalid ISRC is an item with `ok: false`, not a failed request. `detail: "full"` (default) gives each item the answer of ' +
          '`GET /v1/recordings/{isrc}` (recording, status per use, reasons); `detail: "status"` gives only the status per use, which is ' +
          'much smaller and faster for bulk screening.',
        body: {
          type: 'object',
          required: ['items'],
          additionalProperties: false,
          properties: {
            items: {
              type: 'array',
              maxItems: MAX_CHECK_ITEMS,
              items: { type: 'string', maxLength: MAX_ITEM_LENGTH },
              description: 'ISRCs, any usual spelling',
            },
            detail: { type: 'string', enum: ['full', 'status'], default: 'full' },
            ...statusQueryProperties,
          },
        },
        response: {
          200: { $ref: 'CheckResponse#' },
          413: { $ref: 'ErrorBody#', description: 'Body too large' },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { items, detail, ...opts } = request.body;
      if (detail === 'status') {
        const v = await lookup.verdicts(items, opts);
        return {
          count: v.items.length,
          detail,
          at: v.at,
          territory: v.territory,
          summary: summarise(v.items),
          items: v.items,
        };
      }
      const outcomes = await lookup.check(items, opts);
      return { count: outcomes.length, detail, summary: summarise(outcomes), items: outcomes };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { limit: number } }>(
    '/v1/performers/:id',
    {
      schema: {
        tags: ['registry'],
        summary: 'A performer, their mandates and recordings',
        description:
          'By registry id, ISNI, IPN or member number: the performer, every version of every mandate (oldest first) and the first recordings they appear on.',
        params: {
          type: 'object',
          required: ['id'],
          properties: { id: { type: 'string', minLength: 1, maxLength: 100 } },
        },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
              default: 20,
              description: 'How many recordings to list',
            },
          },
        },
        response: { 200: { $ref: 'PerformerPage#' }, 404: error404, ...errorResponses },
      },
    },
    async (request) => {
      const performer = await registry.performer(request.params.id);
      const [mandates, recordings] = await Promise.all([
        registry.mandateHistory(performer.id),
        registry.recordingsOfPerformer(performer.id, { limit: request.query.limit, offset: 0 }),
      ]);
      return { performer, mandates, recordings };
    },
  );

  app.get<{ Querystring: { q: string; limit: number; offset: number } }>(
    '/v1/search',
    {
      schema: {
        tags: ['registry'],
        summary: 'Search recordings and performers',
        description:
          'By artist, performer name or title; accent-, case- and punctuation-insensitive; best matches first.',
        querystring: {
          type: 'object',
          required: ['q'],
          additionalProperties: false,
          properties: {
            q: { type: 'string', minLength: 1, maxLength: 200, examples: ['daft punk'] },
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
            offset: { type: 'integer', minimum: 0, maximum: 10_000, default: 0 },
          },
        },
        response: { 200: { $ref: 'SearchResult#' }, ...errorResponses },
      },
    },
    async (request) => {
      const { q, limit, offset } = request.query;
      return { q, limit, offset, hits: await registry.search(q, { limit, offset }) };
    },
  );
}

function summarise(outcomes: readonly (CheckOutcome | CheckVerdict)[]): {
  reserved: number;
  notCovered: number;
  unknown: number;
  invalid: number;
} {
  const s = { reserved: 0, notCovered: 0, unknown: 0, invalid: 0 };
  for (const o of outcomes) {
    if (!o.ok) s.invalid++;
    else if (o.status === 'reserved') s.reserved++;
    else if (o.status === 'unknown') s.unknown++;
    else s.notCovered++;
  }
  return s;
}
