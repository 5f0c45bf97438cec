/**
 * `GET /`: what this service is and where everything is, as an HTML page for people or JSON for
 * programs (by the Accept header); `GET /healthz` for load balancers and supervisors.
 */
import type { FastifyInstance } from 'fastify';
import { DOCS_PATH, OPENAPI_PATH } from '../openapi.js';

export interface ServiceInfo {
  name: string;
  description: string;
  version: string;
  links: {
    docs: string | null;
    openapi: string;
    status: string;
    check: string;
    performer: string;
    search: string;
    health: string;
  };
}

export function serviceInfo(version: string, baseUrl: string, docs: boolean): ServiceInfo {
  return {
    name: 'TDM Reserve registry',
    description:
      'The text-and-data-mining rights reservation registry of a performers’ collective management organisation: whether a recording is reserved against text and data mining and AI uses (Art. 4(3) Directive (EU) 2019/790), and why.',
    version,
    links: {
      docs: docs ? `${baseUrl}${DOCS_PATH}` : null,
      openapi: `${baseUrl}${OPENAPI_PATH}`,
      status: `${baseUrl}/v1/recordings/{isrc}`,
      check: `${baseUrl}/v1/check`,
      performer: `${baseUrl}/v1/performers/{id}`,
      search: `${baseUrl}/v1/search?q={text}`,
      health: `${baseUrl}/healthz`,
    },
  };
}

export const serviceInfoSchema = {
  type: 'object',
  required: ['name', 'description', 'version', 'links'],
  properties: {
    name: { type: 'string' },
    description: { type: 'string' },
    version: { type: 'string' },
    links: {
      type: 'object',
      properties: Object.fromEntries(
        ['docs', 'openapi', 'status', 'check', 'performer', 'search', 'health'].map((k) => [
          k,
          { type: ['string', 'null'] },
        ]),
      ),
    },
  },
} as const;

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function homePage(info: ServiceInfo): string {
  const l = info.links;
  const item = (href: string | null, label: string, what: string) =>
    href === null ? '' : `<li><a href="${esc(href)}">${esc(label)}</a>: ${esc(what)}</li>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.name)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}code{background:#f3f3f3;padding:0 .2em}</style>
</head><body>
<h1>${esc(info.name)}</h1>
<p>${esc(info.description)}</p>
<ul>
${item(l.docs, 'API reference', 'try every endpoint in the browser')}
${item(l.openapi, 'OpenAPI document', 'the machine-readable description of this API')}
<li><code>GET ${esc(l.status)}</code>: is a recording reserved, for which uses, and why (<code>?at=</code>, <code>?use=</code>, <code>?territory=</code>)</li>
<li><code>POST ${esc(l.check)}</code>: up to 10,000 ISRCs at once, <code>{"items": ["FRZ032500001", …]}</code></li>
<li><code>GET ${esc(l.performer)}</code>: a performer (id, ISNI, IPN or member number), mandates and recordings</li>
<li><code>GET ${esc(l.search)}</code>: search by artist or title</li>
${item(l.health, 'Health', 'is the service up')}
</ul>
<p>Version ${esc(info.version)}.</p>
</body></html>`;
}

export function registerHomeRoutes(
  app: FastifyInstance,
  options: { version: string; publicUrl: string | null; docs: boolean; root?: boolean },
): void {
  // With the web application, `/` is its portal (it answers JSON with `serviceInfo` too).
  if (options.root !== false) app.get(
    '/',
    {
      schema: {
        tags: ['service'],
        summary: 'What this service is, with links',
        description: 'An HTML page, or JSON when the Accept header prefers `application/json`.',
        produces: ['text/html', 'application/json'],
        response: { 200: { ...serviceInfoSchema, description: 'Service description (JSON variant)' } },
      },
    },
    async (request, reply) => {
      const base = options.publicUrl ?? `${request.protocol}://${request.host}`;
      const info = serviceInfo(options.version, base, options.docs);
      if (request.accepts().type(['html', 'json']) === 'json') return info;
      return reply.type('text/html; charset=utf-8').send(homePage(info));
    },
  );

  app.get(
    '/healthz',
    { schema: { tags: ['service'], summary: 'Liveness', response: { 200: { $ref: 'Health#' } } } },
    () => ({ status: 'ok' as const }),
  );
}
