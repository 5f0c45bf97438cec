/**
 * The desk's own administration over HTTP: organisations and accounts (administrators), API keys (an
 * administrator for anyone; any account for itself), tariff versions (administrators and licensing
 * officers). Keys are shown once, in the answer that creates them.
 */
import type {} from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { KEY_SCOPES, type KeyScope } from '../../licensing/api-keys.js';
import { LicensingError } from '../../licensing/errors.js';
import type { AccountRole } from '../../licensing/parties.js';
import type { LicensingService, Principal } from '../../licensing/service.js';
import { ROLES } from '../../licensing/workflow.js';
import { errorResponses } from '../schemas/common.js';
import { principalReader } from '../principal.js';

const tags = ['licensing'];
const err = (description: string) => ({ $ref: 'ErrorBody#', description }) as const;
const authErrors = { ...errorResponses, 401: err('No valid API key with the scope'), 403: err('The role may not do this'), 404: err('No such item (or not yours)') };
const security = [{ apiKey: [] }];
const DESK: readonly KeyScope[] = ['desk'];
const SELF: readonly KeyScope[] = ['desk', 'licences:request'];
const idParam = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } } as const;

function only(p: Principal, roles: readonly AccountRole[], what: string): void {
  if (!roles.includes(p.account.role)) throw new LicensingError('LICENSING_FORBIDDEN', `a ${p.account.role} may not ${what}`);
}

export function registerDeskRoutes(app: FastifyInstance, deps: { licensing: LicensingService }): void {
  const { licensing } = deps;
  const principal = principalReader(licensing);

  app.post<{ Body: { name: string } }>(
    '/v1/organisations',
    {
      schema: {
        tags,
        security,
        summary: 'Register a licensee organisation (administrator)',
        body: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string', minLength: 1, maxLength: 200 } } },
        response: { 201: { $ref: 'Organisation#' }, ...authErrors },
      },
    },
    async (request, reply) => {
      only(await principal(request, DESK), ['administrator'], 'register organisations');
      return reply.code(201).send(await licensing.createOrganisation(request.body.name));
    },
  );

  app.post<{ Body: { name: string; email?: string; role: AccountRole; organisationId?: string; performerId?: string } }>(
    '/v1/accounts',
    {
      schema: {
        tags,
        security,
        summary: 'Create an account with one role (administrator)',
        description: 'A licensee account names its organisation, a performer account its performer of the registry.',
        body: {
          type: 'object',
          required: ['name', 'role'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 200 },
            email: { type: 'string', maxLength: 320 },
            role: { type: 'string', enum: ROLES.filter((r) => r !== 'system') },
            organisationId: { type: 'string', maxLength: 100 },
            performerId: { type: 'string', maxLength: 100 },
          },
        },
        response: { 201: { $ref: 'Account#' }, ...authErrors },
      },
    },
    async (request, reply) => {
      only(await principal(request, DESK), ['administrator'], 'create accounts');
      return reply.code(201).send(await licensing.createAccount(request.body));
    },
  );

  app.post<{ Params: { id: string }; Body: { scopes?: KeyScope[]; expiresAt?: string } }>(
    '/v1/accounts/:id/keys',
    {
      schema: {
        tags,
        security,
        summary: 'Issue an API key for an account (an administrator, or the account itself); the key is shown once',
        params: idParam,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { scopes: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: KEY_SCOPES } }, expiresAt: { type: 'string', format: 'date-time' } },
        },
        response: { 201: { $ref: 'IssuedKey#' }, ...authErrors },
      },
    },
    async (request, reply) => {
      const p = await principal(request, SELF);
      // Someone else's account is "not found" to a non-administrator: its existence is not disclosed.
      if (p.account.role !== 'administrator' && p.account.id !== request.params.id) throw new LicensingError('LICENSING_NOT_FOUND', `no account ${request.params.id}`);
      const body = request.body ?? {};
      return reply.code(201).send(await licensing.issueKey(request.params.id, body.scopes, body.expiresAt ?? null));
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/v1/keys/:id',
    {
      schema: { tags, security, summary: 'Revoke an API key (an administrator, or the key’s own account)', params: idParam, response: { 204: { type: 'null', description: 'Revoked' }, ...authErrors } },
    },
    async (request, reply) => {
      await licensing.revokeKey(request.params.id, await principal(request, SELF));
      return reply.code(204).send();
    },
  );

  app.put<{ Body: Record<string, unknown> }>(
    '/v1/tariffs',
    {
      schema: {
        tags,
        security,
        summary: 'Publish a tariff version (administrator, licensing officer); versions are immutable',
        description: 'Body: { id, version, name, currency?, uses, validFrom, model } (docs/licensing.md); 201 when new, 200 when the same version was already published, 409 when it exists with other terms.',
        body: { type: 'object' },
        response: { 200: { $ref: 'Tariff#' }, 201: { $ref: 'Tariff#' }, 409: err('The version exists with other terms'), ...authErrors },
      },
    },
    async (request, reply) => {
      only(await principal(request, DESK), ['administrator', 'licensing-officer'], 'publish tariffs');
      const r = await licensing.putTariff(request.body, 'request body');
      return reply.code(r.outcome === 'inserted' ? 201 : 200).send(r.tariff);
    },
  );
}
