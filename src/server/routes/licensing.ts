/**
 * The licensing desk over HTTP: licensees submit and follow their requests and fetch their signed
 * licences; staff review, offer, activate, terminate. Every route but the tariff one needs
 * `Authorization: Bearer <API key>`; the key's account and role decide (workflow.ts), and a licensee sees
 * only its own requests and licences (another's are 404, so their existence is not disclosed).
 */
import type {} from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import type { KeyScope } from '../../licensing/api-keys.js';
import type { LicensingService } from '../../licensing/service.js';
import { principalReader } from '../principal.js';
import type { StoredLicence } from '../../licensing/store.js';
import { ACTIONS, REQUEST_STATES, type Action, type RequestState } from '../../licensing/workflow.js';
import { errorResponses } from '../schemas/common.js';

const tags = ['licensing'];
const err = (description: string) => ({ $ref: 'ErrorBody#', description }) as const;
const authErrors = { ...errorResponses, 401: err('No valid API key with the scope'), 403: err('The role may not do this'), 404: err('No such item (or not yours)') };
const security = [{ apiKey: [] }];
const READ: readonly KeyScope[] = ['licences:read', 'licences:request'];
const WRITE: readonly KeyScope[] = ['licences:request'];

const licenceBody = (l: StoredLicence) => ({ id: l.id, licensee: l.licensee, request: l.request, terms: l.terms, tariff: l.tariff, issuedAt: l.issuedAt, terminatedAt: l.terminatedAt, jws: l.signature });

export function registerLicensingRoutes(app: FastifyInstance, deps: { licensing: LicensingService }): void {
  const { licensing } = deps;

  const principal = principalReader(licensing);

  app.get<{ Params: { id: string; version: number } }>(
    '/v1/tariffs/:id/:version',
    {
      schema: {
        tags,
        summary: 'A tariff version (public: signed licences name it)',
        params: { type: 'object', required: ['id', 'version'], properties: { id: { type: 'string', maxLength: 64 }, version: { type: 'integer', minimum: 1 } } },
        response: { 200: { $ref: 'Tariff#' }, 404: err('No such tariff version'), ...errorResponses },
      },
    },
    async (request) => licensing.tariff(request.params.id, request.params.version),
  );

  app.post<{ Body: Record<string, unknown> }>(
    '/v1/licence-requests',
    {
      schema: {
        tags,
        security,
        summary: 'Ask for a licence (licensee)',
        description: 'Body: the terms asked for (uses, repertoire, media, territories, from, to, product, expectedVolume); validated with every bad field named.',
        body: { type: 'object' },
        response: { 201: { $ref: 'LicenceRequest#' }, ...authErrors },
      },
    },
    async (request, reply) => {
      const p = await principal(request, WRITE);
      return reply.code(201).send(await licensing.submitRequest(p.actor, request.body));
    },
  );

  app.get<{ Querystring: { state?: RequestState } }>(
    '/v1/licence-requests',
    {
      schema: {
        tags,
        security,
        summary: 'Licence requests: a licensee’s own, or all for staff',
        querystring: { type: 'object', additionalProperties: false, properties: { state: { type: 'string', enum: REQUEST_STATES } } },
        response: { 200: { type: 'array', items: { $ref: 'LicenceRequest#' } }, ...authErrors },
      },
    },
    async (request) => licensing.requests((await principal(request, READ)).actor, request.query.state),
  );

  app.get<{ Params: { id: string } }>(
    '/v1/licence-requests/:id',
    {
      schema: {
        tags,
        security,
        summary: 'A licence request with every move it made and its licence',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } },
        response: { 200: { $ref: 'LicenceRequestDetail#' }, ...authErrors },
      },
    },
    async (request) => {
      const r = await licensing.request(request.params.id, (await principal(request, READ)).actor);
      return { ...r, licence: r.licence === null ? null : licenceBody(r.licence) };
    },
  );

  app.post<{ Params: { id: string }; Body: { action: Action; note?: string; offer?: unknown } }>(
    '/v1/licence-requests/:id/actions',
    {
      schema: {
        tags,
        security,
        summary: 'Move a licence request: review, offer, reject, accept, decline, activate, terminate',
        description: 'Who may make which move is in docs/licensing.md; `offer` needs `offer: { terms, tariff: { id, version } }`. `activate` issues the signed licence.',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } },
        body: {
          type: 'object',
          required: ['action'],
          additionalProperties: false,
          properties: { action: { type: 'string', enum: ACTIONS.filter((a) => a !== 'expire') }, note: { type: 'string', maxLength: 2000 }, offer: { type: 'object' } },
        },
        response: { 200: { $ref: 'LicenceRequestDetail#' }, 409: err('Not in the state this move starts from'), ...authErrors },
      },
    },
    async (request) => {
      const p = await principal(request, WRITE);
      const { action, note, offer } = request.body;
      await licensing.act(request.params.id, action, p.actor, { note: note ?? null, offer });
      const r = await licensing.request(request.params.id, p.actor);
      return { ...r, licence: r.licence === null ? null : licenceBody(r.licence) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/v1/licences/:id',
    {
      schema: {
        tags,
        security,
        summary: 'A licence with its signed agreement',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } },
        response: { 200: { $ref: 'Licence#' }, ...authErrors },
      },
    },
    async (request) => licenceBody(await licensing.licence(request.params.id, (await principal(request, READ)).actor)),
  );
}
