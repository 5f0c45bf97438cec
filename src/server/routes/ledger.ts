/**
 * The transparency log's public API: the signed checkpoint, entry pages, inclusion and consistency
 * proofs, proofs of reservation and the verifier key at a well-known URL. Every input and response
 * has a schema (validated, serialised, and listed in the OpenAPI document). Errors are thrown as
 * coded errors for the app's error handler to answer `{ statusCode, code, message }`.
 *
 * @example
 * registerLedgerRoutes(app, { ledger: ctx.services.ledger });
 */
// For the OpenAPI keywords (tags, summary) @fastify/swagger adds to route schemas.
import type {} from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import type { LedgerService } from '../../ledger/service.js';
import type { QueryUse } from '../../registry/model.js';
import {
  consistencyAnswer,
  consistencyQuery,
  entriesQuery,
  entryPage,
  errors,
  inclusionAnswer,
  inclusionQuery,
  logKeyJson,
  notFound,
  proofQuery,
  reservationProof,
  textResponse,
} from '../schemas/ledger.js';

export interface LedgerRoutesDeps {
  ledger: LedgerService;
}

const TEXT = 'text/plain; charset=utf-8';
const tags = ['transparency log'];

export function registerLedgerRoutes(app: FastifyInstance, deps: LedgerRoutesDeps): void {
  const { ledger } = deps;

  app.get(
    '/v1/log/checkpoint',
    {
      schema: {
        tags,
        summary: "The log's latest signed checkpoint",
        description: 'A C2SP tlog-checkpoint signed note (origin, size, base64 root, signatures). A new one is signed when the log has grown and the latest is older than the configured interval.',
        response: { 200: textResponse('Signed checkpoint note'), ...errors },
      },
    },
    async (_request, reply) => {
      const cp = await ledger.currentCheckpoint();
      return reply.type(TEXT).header('cache-control', 'no-cache').send(cp.note);
    },
  );

  app.get<{ Querystring: { start: number; end?: number } }>(
    '/v1/log/entries',
    {
      schema: {
        tags,
        summary: 'A page of log entries',
        description: 'Entries [start, end) with their canonical bodies and leaf hashes, at most 1000 per page.',
        querystring: entriesQuery,
        response: { 200: entryPage, ...errors },
      },
    },
    (request) => ledger.entries(request.query.start, request.query.end),
  );

  app.get<{ Querystring: { index: number; size?: number } }>(
    '/v1/log/proof/inclusion',
    {
      schema: {
        tags,
        summary: 'Inclusion proof of an entry',
        description: 'RFC 9162 inclusion proof of the entry at `index` in the tree of `size` entries (default: the latest checkpoint, signing one when the entry is beyond it).',
        querystring: inclusionQuery,
        response: { 200: inclusionAnswer, ...errors },
      },
    },
    (request) => ledger.inclusionProof(request.query),
  );

  app.get<{ Querystring: { from: number; to?: number } }>(
    '/v1/log/proof/consistency',
    {
      schema: {
        tags,
        summary: 'Consistency proof between two tree sizes',
        description: 'RFC 9162 consistency proof that the tree of `to` entries (default: the latest checkpoint) extends the tree of `from` entries: the history was not rewritten.',
        querystring: consistencyQuery,
        response: { 200: consistencyAnswer, ...errors },
      },
    },
    (request) => ledger.consistencyProof(request.query.from, request.query.to),
  );

  app.get<{ Params: { isrc: string }; Querystring: { at?: string; use?: QueryUse; territory?: string } }>(
    '/v1/recordings/:isrc/proof',
    {
      schema: {
        tags,
        summary: 'Proof of reservation of a recording',
        description:
          'The log entries that made the recording reserved at the instant (line-up, declaration in force, covering mandate versions known then), each with its inclusion proof, and the signed checkpoint. 404 when the log does not show it reserved then.',
        params: { type: 'object', required: ['isrc'], properties: { isrc: { type: 'string', minLength: 1, maxLength: 64 } } },
        querystring: proofQuery,
        response: { 200: reservationProof, ...errors, ...notFound },
      },
    },
    (request) => ledger.reservationProof(request.params.isrc, request.query),
  );

  app.get(
    '/.well-known/tdm-reserve/log-key',
    {
      schema: {
        tags,
        summary: "The log's public verifier key",
        description: 'C2SP signed-note verifier key (Ed25519) that checks every checkpoint and proof of reservation.',
        response: { 200: textResponse('Verifier key, one line'), ...errors },
      },
    },
    (_request, reply) => reply.type(TEXT).header('cache-control', 'public, max-age=3600').send(`${ledger.verifierKey()}\n`),
  );

  app.get(
    '/.well-known/tdm-reserve/log-key.json',
    {
      schema: {
        tags,
        summary: "The log's public verifier key, as JSON",
        response: { 200: logKeyJson, ...errors },
      },
    },
    (_request, reply) =>
      reply.header('cache-control', 'public, max-age=3600').send({ origin: ledger.origin, verifierKey: ledger.verifierKey(), algorithm: 'Ed25519', checkpoint: '/v1/log/checkpoint' }),
  );
}
