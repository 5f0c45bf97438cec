/**
 * The status answers under `/v1`: one recording (`GET /v1/recordings/{isrc}`) and a batch check
 * (`POST /v1/check`), in the compact form of schemas/status.ts. Inputs are validated by their schemas
 * before the handlers run; the answers are written by status-json.ts (see there why not by
 * fast-json-stringify) and sent as bytes; error bodies go through the error handler as everywhere.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { QueryUse } from '../../registry/model.js';
import { MAX_CHECK_ITEMS, statusQuery } from '../../registry/service.js';
import type { StatusLookup } from '../../registry/status-lookup.js';
import { checkAnswerBytes, type CheckRequest } from '../check-answer.js';
import type { CheckPool } from '../check-pool.js';
import { errorResponses, statusQueryProperties } from '../schemas/common.js';
import { licensedCheck, licensedStatus, type LicenceHolder } from '../licensed-lookup.js';
import { checkResponseBytes, recordingStatusBytes, type StatusAnswerBody } from '../status-json.js';

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
  deps: { lookup: StatusLookup; checkPool?: CheckPool | undefined; licences?: LicenceHolder | undefined },
): void {
  const { lookup, checkPool, licences: holder } = deps;

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
      if (auth !== undefined && holder !== undefined) return reply.type(JSON_TYPE).send(await licensedCheckBytes(lookup, body, await holder.licences(auth), holder));
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

/** A batch answered to a licensee (inline: licences are per caller, the workers answer the public form). */
async function licensedCheckBytes(lookup: StatusLookup, body: CheckRequest, licences: Awaited<ReturnType<LicenceHolder['licences']>>, holder: LicenceHolder): Promise<Buffer> {
  const { items, detail, ...opts } = body;
  const r = await licensedCheck(await lookup.check(items, opts), licences, holder);
  if (detail === 'full') return checkResponseBytes({ count: r.items.length, detail, ...r });
  const verdicts = r.items.map((i) => {
    if (!i.ok) return i;
    const uses: Record<string, { status: string }> = {};
    for (const [use, u] of Object.entries(i.uses)) uses[use] = { status: u.status };
    return { input: i.input, ok: true, identifier: i.identifier ?? i.input, status: i.status, uses };
  });
  return Buffer.from(JSON.stringify({ count: verdicts.length, detail, at: r.at, territory: r.territory, summary: r.summary, items: verdicts }));
}
