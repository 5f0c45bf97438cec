/**
 * The status answers under `/v1`: one recording (`GET /v1/recordings/{isrc}`) and a batch check
 * (`POST /v1/check`), in the compact form of schemas/status.ts. Inputs are validated by their schemas
 * before the handlers run; the answers are written by status-json.ts (see there why not by
 * fast-json-stringify) and sent as bytes; error bodies go through the error handler as everywhere.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { QueryUse } from '../../registry/model.js';
import { MAX_CHECK_ITEMS, statusQuery } from '../../registry/service.js';
import type { RecordingAnswer, StatusLookup } from '../../registry/status-lookup.js';
import { checkAnswerBytes, type CheckRequest } from '../check-answer.js';
import type { CheckPool } from '../check-pool.js';
import { errorResponses, statusQueryProperties } from '../schemas/common.js';
import { recordingStatusBytes } from '../status-json.js';

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

export function registerStatusRoutes(
  app: FastifyInstance,
  deps: { lookup: StatusLookup; checkPool?: CheckPool | undefined },
): void {
  const { lookup, checkPool } = deps;

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

  app.post<{ Body: CheckRequest }>(
    '/v1/check',
    {
      bodyLimit: CHECK_BODY_LIMIT,
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
      const body = request.body;
      let bytes: Buffer;
      if (checkPool === undefined) bytes = await checkAnswerBytes(lookup, body);
      else {
        // Options are checked here, so a bad `at` or `use` is the same 400 on either path.
        statusQuery(body, new Date());
        bytes = await checkPool.run(body);
      }
      return reply.type(JSON_TYPE).send(bytes);
    },
  );
}
