/**
 * Usage reports, distribution runs and statements over HTTP. A licensee uploads a period's usage as CSV for
 * its own licence; staff run distributions and read their reconciliation; a performer reads their own
 * statements and a licensee its own. Statements come as JSON, CSV or printable HTML (`format`), in French
 * or English (`lang`, else Accept-Language).
 */
import { Readable } from 'node:stream';
import type {} from '@fastify/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { KeyScope } from '../../licensing/api-keys.js';
import type { DistributionRules } from '../../licensing/distribution.js';
import type { LicensingService } from '../../licensing/service.js';
import { licenseeStatementCsv, licenseeStatementHtml, performerStatementCsv, performerStatementHtml, reconciliationHtml, type Lang } from '../../licensing/statement-render.js';
import type { StatementsService } from '../../licensing/statements-service.js';
import { usageCsvRecords } from '../../licensing/usage-csv.js';
import { errorResponses } from '../schemas/common.js';
import { principalReader } from '../principal.js';

const tags = ['remuneration'];
const err = (description: string) => ({ $ref: 'ErrorBody#', description }) as const;
const authErrors = { ...errorResponses, 401: err('No valid API key with the scope'), 403: err('The role may not do this'), 404: err('No such item (or not yours)') };
const security = [{ apiKey: [] }];
const READ: readonly KeyScope[] = ['licences:read', 'licences:request', 'desk'];
const USAGE: readonly KeyScope[] = ['usage:report'];
const DESK: readonly KeyScope[] = ['desk'];
const idParam = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } } as const;
const FORMATS = ['json', 'csv', 'html'] as const;
type Format = (typeof FORMATS)[number];
const formatQuery = {
  format: { type: 'string', enum: FORMATS, default: 'json', description: 'json, csv, or printable html' },
  lang: { type: 'string', enum: ['fr', 'en'], description: 'Language of the HTML (default: from Accept-Language, else English)' },
} as const;
const textBody = (description: string) => ({ description, content: { 'text/csv': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } } } });
/** A usage report of a million lines is some tens of MB of CSV. */
const USAGE_BODY_LIMIT = 256 * 1024 * 1024;

function langOf(request: FastifyRequest, asked: Lang | undefined): Lang {
  if (asked !== undefined) return asked;
  const l = request.languages(['en', 'fr']);
  return l === 'fr' ? 'fr' : 'en';
}

function send(reply: FastifyReply, format: Format, name: string, json: unknown, csv: () => string, html: () => string) {
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(csv());
  if (format === 'html') return reply.type('text/html; charset=utf-8').send(html());
  return reply.send(json);
}

export function registerRemunerationRoutes(app: FastifyInstance, deps: { licensing: LicensingService; statements: StatementsService }): void {
  const { licensing, statements } = deps;
  const principal = principalReader(licensing);
  // CSV bodies in this plugin only: the rest of the API takes JSON alone.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: USAGE_BODY_LIMIT }, (_req, body, done) => done(null, body));

  app.post<{ Params: { id: string }; Querystring: { from: string; to: string; revenueCents?: number; currency?: string }; Body: string }>(
    '/v1/licences/:id/usage-reports',
    {
      bodyLimit: USAGE_BODY_LIMIT,
      schema: {
        tags,
        security,
        summary: 'Report the usage of a period under a licence (the licensee), as CSV',
        description:
          'Body `text/csv` with a header: `isrc`, `uses` (`;`-separated), `units` (default 1), `seconds` (default 0). One bad cell rejects the report, every problem named by line and field; lines outside the licence are kept and flagged, priced 0.',
        params: idParam,
        querystring: {
          type: 'object',
          required: ['from', 'to'],
          additionalProperties: false,
          properties: { from: { type: 'string', maxLength: 40 }, to: { type: 'string', maxLength: 40 }, revenueCents: { type: 'integer', minimum: 0 }, currency: { type: 'string', pattern: '^[A-Z]{3}$' } },
        },
        consumes: ['text/csv'],
        response: {
          201: { type: 'object', required: ['report', 'lines'], additionalProperties: false, properties: { report: { $ref: 'UsageReport#' }, lines: { type: 'array', items: { $ref: 'UsageLine#' } } } },
          409: err('A report for this licence and period exists'),
          ...authErrors,
        },
      },
    },
    async (request, reply) => {
      const p = await principal(request, USAGE);
      const q = request.query;
      const source = `usage report for ${request.params.id}`;
      const r = await licensing.submitUsage(p.actor, {
        licence: request.params.id,
        from: q.from,
        to: q.to,
        source,
        records: usageCsvRecords(Readable.from([typeof request.body === 'string' ? request.body : '']), source),
        ...(q.revenueCents === undefined ? {} : { revenueCents: q.revenueCents }),
        ...(q.currency === undefined ? {} : { currency: q.currency }),
      });
      return reply.code(201).send(r);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { from?: string; to?: string; format: Format; lang?: Lang } }>(
    '/v1/organisations/:id/statement',
    {
      schema: {
        tags,
        security,
        summary: 'A licensee’s statement: its usage reports, what each cost and the run that distributed it (the licensee, staff)',
        params: idParam,
        querystring: { type: 'object', additionalProperties: false, properties: { from: { type: 'string', maxLength: 40 }, to: { type: 'string', maxLength: 40 }, ...formatQuery } },
        response: { 200: { type: 'object', additionalProperties: true, ...textBody('The statement') }, ...authErrors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const st = await statements.licenseeStatement(await principal(request, READ), request.params.id, { ...(q.from === undefined ? {} : { from: q.from }), ...(q.to === undefined ? {} : { to: q.to }) });
      const lang = langOf(request, q.lang);
      return send(reply, q.format, `statement-${st.organisation.id}`, st, () => licenseeStatementCsv(st), () => licenseeStatementHtml(st, lang));
    },
  );

  app.post<{ Body: { from: string; to: string; rules?: DistributionRules } }>(
    '/v1/distribution-runs',
    {
      schema: {
        tags,
        security,
        summary: 'Distribute the usage reports of a period to the line-ups (administrator, licensing officer); idempotent',
        description: '201 with a new run; 200 with the run made before when the period, rules and reports are the same.',
        body: {
          type: 'object',
          required: ['from', 'to'],
          additionalProperties: false,
          properties: {
            from: { type: 'string', maxLength: 40 },
            to: { type: 'string', maxLength: 40 },
            rules: {
              type: 'object',
              required: ['featured', 'nonFeatured'],
              additionalProperties: false,
              properties: { featured: { type: 'integer', minimum: 0 }, nonFeatured: { type: 'integer', minimum: 0 }, roleWeights: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } }, defaultRoleWeight: { type: 'integer', minimum: 0 } },
            },
          },
        },
        response: {
          200: { type: 'object', required: ['run', 'rerun'], additionalProperties: false, properties: { run: { $ref: 'DistributionRun#' }, rerun: { type: 'boolean' }, performers: { type: 'integer' }, suspenseLines: { type: 'integer' } } },
          201: { type: 'object', required: ['run', 'rerun'], additionalProperties: false, properties: { run: { $ref: 'DistributionRun#' }, rerun: { type: 'boolean' }, performers: { type: 'integer' }, suspenseLines: { type: 'integer' } } },
          409: err('Another run or report changed the period meanwhile'),
          ...authErrors,
        },
      },
    },
    async (request, reply) => {
      const p = await principal(request, DESK);
      const { from, to, rules } = request.body;
      const r = await licensing.distribute(p.actor, { from, to, rules: rules ?? { featured: 65, nonFeatured: 35 } });
      const body = { run: r.run, rerun: r.rerun, performers: new Set(r.shares.map((s) => s.performerId)).size, suspenseLines: r.suspense.length };
      return reply.code(r.rerun ? 200 : 201).send(body);
    },
  );

  app.get(
    '/v1/distribution-runs',
    { schema: { tags, security, summary: 'Every distribution run, newest first (staff)', response: { 200: { type: 'array', items: { $ref: 'DistributionRun#' } }, ...authErrors } } },
    async (request) => statements.runs(await principal(request, READ)),
  );

  app.get<{ Params: { id: string }; Querystring: { format: Format; lang?: Lang } }>(
    '/v1/distribution-runs/:id',
    {
      schema: {
        tags,
        security,
        summary: 'A run’s reconciliation report: collected by report, distributed by class, suspense by reason, every check (staff)',
        params: idParam,
        querystring: { type: 'object', additionalProperties: false, properties: { format: { type: 'string', enum: ['json', 'html'], default: 'json' }, lang: formatQuery.lang } },
        response: { 200: { $ref: 'Reconciliation#' }, ...authErrors },
      },
    },
    async (request, reply) => {
      const rec = await statements.reconciliation(await principal(request, READ), request.params.id);
      if (request.query.format === 'html') return reply.type('text/html; charset=utf-8').send(reconciliationHtml(rec, langOf(request, request.query.lang)));
      return rec;
    },
  );

  app.get<{ Params: { id: string; performer: string }; Querystring: { format: Format; lang?: Lang } }>(
    '/v1/distribution-runs/:id/statements/:performer',
    {
      schema: {
        tags,
        security,
        summary: 'A performer’s statement for a run (the performer themself, staff)',
        params: { type: 'object', required: ['id', 'performer'], properties: { id: { type: 'string', maxLength: 100 }, performer: { type: 'string', maxLength: 100 } } },
        querystring: { type: 'object', additionalProperties: false, properties: formatQuery },
        response: { 200: { type: 'object', additionalProperties: true, ...textBody('The statement') }, ...authErrors },
      },
    },
    async (request, reply) => {
      const st = await statements.performerStatement(await principal(request, READ), request.params.id, request.params.performer);
      const lang = langOf(request, request.query.lang);
      return send(reply, request.query.format, `statement-${st.run.id}-${st.performer.id}`, st, () => performerStatementCsv(st), () => performerStatementHtml(st, lang));
    },
  );
}
