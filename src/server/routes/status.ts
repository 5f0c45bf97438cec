/**
 * The status answers under `/v1`: one recording (`GET /v1/recordings/{isrc}`) and a batch check
 * (`POST /v1/check`), in the compact form of schemas/status.ts. Inputs are validated by their schemas
 * before the handlers run; the answers are written by status-json.ts (see there why not by
 * fast-json-stringify) and sent as bytes; error bodies go through the error handler as everywhere.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { QueryUse } from '../../registry/model.js';
import { MAX_CHECK_ITEMS, statusQuery } from '../../registry/service.js';
import { isCanonicalIsrc, type StatusLookup } from '../../registry/status-lookup.js';
import { checkAnswerBytes, type CheckRequest } from '../check-answer.js';
import type { KeptItems } from '../check-kept.js';
import type { CheckPool } from '../check-pool.js';
import { errorResponses, statusQueryProperties } from '../schemas/common.js';
import { licensedStatus, type LicenceHolder } from '../licensed-lookup.js';
import { licensedCheckBytes } from '../licensed-check.js';
import { recordingStatusBytes, type StatusAnswerBody } from '../status-json.js';

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

/** The optional `Authorization` header of the lookups: a licensee's key gets `licensed` where its licences cover. */
const authHeaders = {
  type: 'object',
  properties: {
    authorization: {
      type: 'string',
      description: 'Optional. `Bearer <API key>` of a licensee (scope `lookup`): uses its licences cover are answered `licensed`. An invalid key is a 401.',
    },
  },
} as const;

function sendAnswer(reply: FastifyReply, a: StatusAnswerBody): void {
  void reply.type(JSON_TYPE).send(recordingStatusBytes(a));
}

export function registerStatusRoutes(
  app: FastifyInstance,
  deps: {
    lookup: StatusLookup;
    checkPool?: CheckPool | undefined;
    licences?: LicenceHolder | undefined;
    /** The bytes of the default question's answer about a canonical ISRC (app.ts: kept while they hold). */
    answer?: ((isrc: string) => Buffer) | undefined;
    /** Batch items kept while they hold, for batches answered on this thread (check-kept.ts). */
    keptItems?: KeptItems | undefined;
  },
): void {
  const { lookup, checkPool, licences: holder, answer, keptItems } = deps;

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
        headers: authHeaders,
        response: { 200: { $ref: 'RecordingStatus#' }, 401: { $ref: 'ErrorBody#', description: 'The Authorization header holds no valid API key' }, ...errorResponses },
      },
    },
    // Not `async`: the snapshot lookup answers synchronously, and the answer goes out without a promise
    // round trip. Through a store (PostgreSQL) the lookup gives a promise, which the handler returns.
    (request, reply) => {
      const auth = request.headers.authorization;
      if (auth !== undefined && holder !== undefined) {
        return (async () => {
          const licences = await holder.licences(auth);
          sendAnswer(reply, await licensedStatus(await lookup.status(request.params.isrc, request.query), licences, holder));
        })();
      }
      const { isrc } = request.params;
      if (answer !== undefined && isCanonicalIsrc(isrc) && Object.keys(request.query).length === 0) {
        void reply.type(JSON_TYPE).send(answer(isrc));
        return undefined;
      }
      const a = lookup.status(isrc, request.query);
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
        headers: authHeaders,
        response: {
          200: { $ref: 'CheckResponse#' },
          401: { $ref: 'ErrorBody#', description: 'The Authorization header holds no valid API key' },
          413: { $ref: 'ErrorBody#', description: 'Body too large' },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const auth = request.headers.authorization;
      // A licensee's key: its licences go with the batch (to the workers too), the rest is the same path.
      const licences = auth !== undefined && holder !== undefined ? await holder.licences(auth) : undefined;
      let bytes: Buffer;
      if (checkPool === undefined) {
        bytes = licences === undefined || holder === undefined ? await checkAnswerBytes(lookup, body, keptItems) : await licensedCheckBytes(lookup, body, licences, holder);
      } else {
        // Options are checked here, so a bad `at` or `use` is the same 400 on either path.
        statusQuery(body, new Date());
        bytes = await checkPool.run(body, licences);
        // Its memory goes back to the worker once every byte is with the OS (CheckPool.recycle).
        const sent = bytes;
        reply.raw.once('finish', () => checkPool.recycle(sent));
      }
      return reply.type(JSON_TYPE).send(bytes);
    },
  );
}
