/**
 * The status answers under `/v1`: one recording (`GET /v1/recordings/{isrc}`) and a batch check
 * (`POST /v1/check`), in the compact form of schemas/status.ts. Inputs are validated by their schemas
 * before the handlers run; the answers are written by status-json.ts (see there why not by
 * fast-json-stringify) and sent as bytes; error bodies go through the error handler as everywhere.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { QueryUse } from '../../registry/model.js';
import { MAX_CHECK_ITEMS } from '../../registry/service.js';
import type { CheckItem, CheckVerdict, RecordingAnswer, StatusLookup } from '../../registry/status-lookup.js';
import { errorResponses, statusQueryProperties } from '../schemas/common.js';
import { checkResponseBytes, recordingStatusBytes, type CheckResponse } from '../status-json.js';

interface StatusQuerystring {
  at?: string;
  use?: QueryUse;
  territory?: string;
}

/** Longest item accepted in a check (an ISRC with separators and a label is about 20 characters). */
const MAX_ITEM_LENGTH = 64;
/** Room for MAX_CHECK_ITEMS items of the longest length, JSON-quoted, plus the options. */
export const CHECK_BODY_LIMIT = MAX_CHECK_ITEMS * (MAX_ITEM_LENGTH + 4) + 4096;

const JSON_TYPE = 'application/json; charset=utf-8';

function sendAnswer(reply: FastifyReply, a: RecordingAnswer): void {
  void reply.type(JSON_TYPE).send(recordingStatusBytes(a));
}

export function registerStatusRoutes(app: FastifyInstance, deps: { lookup: StatusLookup }): void {
  const { lookup } = deps;

  app.get<{ Params: { isrc: string }; Querystring: StatusQuerystring }>(
    '/v1/recordings/:isrc',
    {
      schema: {
        tags: ['registry'],
        summary: 'Is a recording reserved?',
        description:
          'The reservation status of one recording (by ISRC; an ISAN or EIDR is accepted too) for each text-and-data-mining use, with the reasons: ' +
          'codes naming the declaration in force and the mandates of the line-up, each stated once under `evidence`. `unknown` when the registry does not hold the recording.',
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
    // Not `async`: the snapshot lookup answers synchronously, and the answer goes out without a promise
    // round trip. Through a store (PostgreSQL) the lookup gives a promise, which the handler returns.
    (request, reply) => {
      const a = lookup.status(request.params.isrc, request.query);
      if (a instanceof Promise) return a.then((answer) => sendAnswer(reply, answer));
      sendAnswer(reply, a);
      return undefined;
    },
  );

  app.post<{ Body: StatusQuerystring & { items: string[]; detail: 'full' | 'status' } }>(
    '/v1/check',
    {
      bodyLimit: CHECK_BODY_LIMIT,
      // `detail: "status"` answers are plain data: `JSON.stringify` writes 10,000 of them faster than
      // fast-json-stringify, which on Node 20 escapes short strings character by character.
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        tags: ['registry'],
        summary: 'Check many recordings at once',
        description:
          `Up to ${MAX_CHECK_ITEMS} ISRCs per request, answered against one snapshot of the registry: one outcome per item, in order. ` +
          'An invalid ISRC is an item with `ok: false`, not a failed request. `detail: "full"` (default) gives each item the answer of ' +
          '`GET /v1/recordings/{isrc}` (recording, status and reasons per use), with one `evidence` object for the whole batch; ' +
          '`detail: "status"` gives only the status per use, which is smaller and faster for bulk screening.',
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
    async (request, reply) => {
      const { items, detail, ...opts } = request.body;
      if (detail === 'status') {
        const v = await lookup.verdicts(items, opts);
        const { at, territory } = v;
        return { count: v.items.length, detail, at, territory, summary: summarise(v.items), items: v.items };
      }
      const c = await lookup.check(items, opts);
      const response: CheckResponse = {
        count: c.items.length,
        detail,
        at: c.at,
        territory: c.territory,
        summary: summarise(c.items),
        items: c.items,
        evidence: c.evidence,
      };
      return reply.type(JSON_TYPE).send(checkResponseBytes(response));
    },
  );
}

function summarise(outcomes: readonly (CheckItem | CheckVerdict)[]): CheckResponse['summary'] {
  const s = { reserved: 0, notCovered: 0, unknown: 0, invalid: 0 };
  for (const o of outcomes) {
    if (!o.ok) s.invalid++;
    else if (o.status === 'reserved') s.reserved++;
    else if (o.status === 'unknown') s.unknown++;
    else s.notCovered++;
  }
  return s;
}
