/**
 * The OpenAPI document, generated from the route schemas by @fastify/swagger, served at
 * `/openapi.json`, and the interactive reference (@fastify/swagger-ui) at `/docs`.
 * Register this before the routes: @fastify/swagger collects routes as they are added.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

export const DOCS_PATH = '/docs';
export const OPENAPI_PATH = '/openapi.json';

export interface OpenApiOptions {
  version: string;
  /** Public base URL, listed as the server in the document. */
  publicUrl: string | null;
  /** Serve the interactive reference page. */
  docs: boolean;
}

/** Registers the plugins on the root instance (they must see every route registered after them). */
export function registerOpenApi(app: FastifyInstance, options: OpenApiOptions): void {
  void app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'TDM Reserve registry',
        version: options.version,
        description:
          'The text-and-data-mining rights reservation registry of a performers’ collective management organisation (Art. 4(3) Directive (EU) 2019/790). ' +
          'Ask whether a recording is reserved, check many recordings at once, look up performers and search. Errors are `{ statusCode, code, message }` (codes in docs/errors.md).',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      ...(options.publicUrl ? { servers: [{ url: options.publicUrl }] } : {}),
      tags: [
        { name: 'registry', description: 'Reservation status, batch check, performers and search' },
        { name: 'service', description: 'What this service is and whether it is up' },
        { name: 'licensing', description: 'Licence requests, their workflow, signed licences and tariffs' },
        { name: 'remuneration', description: 'Usage reports, distribution runs, their reconciliation and statements' },
      ],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key `tdmr_<id>_<secret>` (tdmr licence key issue); scopes decide what it may do' },
        },
      },
    },
    // Shared schemas become `#/components/schemas/<$id>`.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
  if (options.docs) {
    void app.register(swaggerUi, {
      routePrefix: DOCS_PATH,
      uiConfig: { deepLinking: true },
      staticCSP: true,
    });
  }
  void app.register(async (instance) => {
    instance.get(
      OPENAPI_PATH,
      {
        schema: {
          tags: ['service'],
          summary: 'This OpenAPI document',
          response: {
            200: { type: 'object', additionalProperties: true, description: 'OpenAPI 3.1 document' },
          },
        },
      },
      () => instance.swagger(),
    );
    return Promise.resolve();
  });
}
