/**
 * The registry's public read API under `/v1` besides the status answers (routes/status.ts): performers
 * and search. Every input is described by a schema (validated before the handler runs) and every
 * response by one (serialised by fast-json-stringify).
 */
import type { FastifyInstance } from 'fastify';
import type { RegistryService } from '../../registry/service.js';
import { errorResponses } from '../schemas/common.js';

export interface RegistryRoutesDeps {
  registry: RegistryService;
}

const error404 = { $ref: 'ErrorBody#', description: 'Not in the registry' } as const;

export function registerRegistryRoutes(app: FastifyInstance, deps: RegistryRoutesDeps): void {
  const { registry } = deps;

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
