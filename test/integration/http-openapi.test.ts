/** The OpenAPI document lists every public route, with its request and response schemas. */
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toConfig } from '../../src/config/config.js';
import { createContext, type Context } from '../../src/context.js';
import { buildApp } from '../../src/server/app.js';

interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  tags?: string[];
  summary?: string;
}
interface Doc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

let ctx: Context;
let doc: Doc;
const routes: { method: string; url: string; hidden: boolean }[] = [];

beforeAll(async () => {
  ctx = await createContext(toConfig({ databaseUrl: ':memory:' }));
  const app = buildApp(ctx, { publicUrl: 'https://registry.example.org' });
  app.addHook('onRoute', (r: RouteOptions) => {
    for (const method of [r.method].flat()) {
      const schema: { hide?: boolean } | undefined = r.schema;
      routes.push({
        method: method.toLowerCase(),
        url: r.url ?? '',
        hidden: schema?.hide === true || method === 'HEAD',
      });
    }
  });
  const res = await app.inject({ url: '/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json<Doc>();
  await app.close();
});
afterAll(async () => ctx.close());

const openapiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document naming its server', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect((doc as unknown as { servers: { url: string }[] }).servers).toEqual([
      { url: 'https://registry.example.org' },
    ]);
  });

  it('lists every public route, and only those', () => {
    const visible = routes.filter((r) => !r.hidden);
    expect(visible.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'get /',
      'get /.well-known/tdm-reserve/log-key',
      'get /.well-known/tdm-reserve/log-key.json',
      'get /.well-known/tdmrep.json',
      'get /ai.txt',
      'get /declaration.en.html',
      'get /declaration.fr.html',
      'get /declaration.jsonld',
      'get /declaration.jws',
      'get /healthz',
      'get /license.xml',
      'get /openapi.json',
      'get /robots.txt',
      'get /tdm-policy.jsonld',
      'get /v1/licence-requests',
      'get /v1/licence-requests/:id',
      'get /v1/licences/:id',
      'get /v1/distribution-runs',
      'get /v1/distribution-runs/:id',
      'get /v1/distribution-runs/:id/statements/:performer',
      'get /v1/organisations/:id/statement',
      'get /v1/log/checkpoint',
      'get /v1/log/entries',
      'get /v1/log/proof/consistency',
      'get /v1/log/proof/inclusion',
      'get /v1/performers/:id',
      'get /v1/recordings/:isrc',
      'get /v1/recordings/:isrc/proof',
      'get /v1/search',
      'get /v1/tariffs/:id/:version',
      'post /v1/check',
      'post /v1/identify',
      'post /v1/licence-requests',
      'post /v1/licence-requests/:id/actions',
      'post /v1/licences/:id/usage-reports',
      'post /v1/distribution-runs',
      'post /v1/organisations',
      'post /v1/accounts',
      'post /v1/accounts/:id/keys',
      'delete /v1/keys/:id',
      'put /v1/tariffs',
    ].sort());
    for (const r of visible) {
      const op = doc.paths[openapiPath(r.url)]?.[r.method];
      expect(op, `${r.method} ${r.url}`).toBeDefined();
      expect(op?.summary).toBeTruthy();
      expect(op?.tags?.length).toBeGreaterThan(0);
      const content = (op?.responses['200'] ?? op?.responses['201'])?.content;
      if (op?.responses['204'] !== undefined) continue;
      expect(
        Object.values(content ?? {})[0]?.schema,
        `${r.method} ${r.url} 200 schema`,
      ).toBeDefined();
    }
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(documented.sort()).toEqual(visible.map((r) => `${r.method} ${openapiPath(r.url)}`).sort());
  });

  it('describes parameters, bodies and error responses', () => {
    const status = doc.paths['/v1/recordings/{isrc}']?.get;
    expect(status?.parameters?.map((p) => `${p.in}:${p.name}`).sort()).toEqual([
      'header:authorization',
      'path:isrc',
      'query:at',
      'query:territory',
      'query:use',
    ]);
    expect(status?.responses['400']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/ErrorBody',
    });
    expect(status?.responses['200']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/RecordingStatus',
    });
    const check = doc.paths['/v1/check']?.post;
    expect(check?.requestBody?.content['application/json']?.schema).toMatchObject({
      required: ['items'],
      properties: { items: { maxItems: 10_000 } },
    });
    expect(check?.responses['413']).toBeDefined();
    expect(doc.paths['/v1/search']?.get?.parameters?.find((p) => p.name === 'q')?.required).toBe(true);
    expect(doc.paths['/v1/performers/{id}']?.get?.responses['404']).toBeDefined();
  });

  it('resolves every $ref to a component it defines', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of new Set(refs)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
    for (const name of [
      'RecordingStatus',
      'UseAnswers',
      'UseAnswer',
      'Reason',
      'Evidence',
      'DeclarationEvidence',
      'MandateEvidence',
      'PerformerEvidence',
      'Recording',
      'CheckResponse',
      'CheckItem',
      'CheckVerdict',
      'Performer',
      'MandateVersion',
      'ErrorBody',
    ]) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
  });
});
