/** The performer's pages: everything is read for the performer the account names, never another. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccountsError } from '../accounts/errors.js';
import type { WebDeps } from './deps.js';
import { field, requireRole, sendPage } from './guard.js';
import { MandateHistory, MissingForm, MyRecordings, Statements } from './pages/performer.js';
import { pageOf } from './routes-public.js';
import { viewOf } from './view.js';

const PAGE = 25;
const hide = { schema: { hide: true } } as const;

function performerOf(request: FastifyRequest): { performerId: string } {
  const p = requireRole(request, ['performer']);
  return { performerId: p.account.performerId as string };
}

export function registerPerformerRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get('/performer', hide, async (request, reply) => {
    const { performerId } = performerOf(request);
    const v = viewOf(request, reply, deps);
    const page = pageOf(request.query);
    const recs = await deps.registry.recordingsOfPerformer(performerId, {
      limit: PAGE + 1,
      offset: (page - 1) * PAGE,
    });
    const shown = recs.slice(0, PAGE);
    const isrcs = shown.flatMap((r) => (r.isrc === null ? [] : [r.isrc]));
    const statuses = new Map<string, string>();
    for (const o of isrcs.length === 0 ? [] : await deps.registry.check(isrcs))
      if (o.ok) statuses.set(o.input, o.status);
    const mandates = await deps.registry.mandateHistory(performerId);
    return sendPage(
      reply,
      v,
      v.t('perf.title'),
      <MyRecordings
        v={v}
        recordings={shown}
        statuses={statuses}
        mandates={mandates}
        page={page}
        more={recs.length > PAGE}
      />,
    );
  });

  app.get('/performer/mandates', hide, async (request, reply) => {
    const { performerId } = performerOf(request);
    const v = viewOf(request, reply, deps);
    return sendPage(
      reply,
      v,
      v.t('perf.mandates'),
      <MandateHistory v={v} mandates={await deps.registry.mandateHistory(performerId)} />,
    );
  });

  app.get('/performer/statements', hide, async (request, reply) => {
    const { performerId } = performerOf(request);
    const v = viewOf(request, reply, deps);
    const page = pageOf(request.query);
    const lines = await deps.views.licensing.statement(performerId, {
      limit: 100 + 1,
      offset: (page - 1) * 100,
    });
    return sendPage(
      reply,
      v,
      v.t('stmt.title'),
      <Statements v={v} lines={lines.slice(0, 100)} page={page} more={lines.length > 100} />,
    );
  });

  const missing = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { error?: string; notice?: string; values?: Record<string, string>; status?: number } = {},
  ) => {
    const { performerId } = performerOf(request);
    const v = viewOf(request, reply, deps);
    const reports = await deps.accounts.missingReports(performerId, { limit: 50, offset: 0 });
    return sendPage(
      reply,
      v,
      v.t('missing.title'),
      <MissingForm
        v={v}
        reports={reports}
        error={extra.error ?? null}
        notice={extra.notice ?? null}
        values={extra.values ?? {}}
      />,
      extra.status,
    );
  };

  app.get('/performer/missing', hide, (request, reply) => missing(request, reply));

  app.post('/performer/missing', hide, async (request, reply) => {
    const p = requireRole(request, ['performer']);
    const values = Object.fromEntries(
      ['title', 'artist', 'isrc', 'year', 'note'].map((k) => [k, field(request.body, k)]),
    );
    try {
      await deps.accounts.reportMissing(p, values as { title: string; artist: string });
    } catch (e) {
      if (e instanceof AccountsError && e.code === 'ACCOUNTS_BAD_INPUT')
        return missing(request, reply, { error: e.message, values, status: 400 });
      throw e;
    }
    return missing(request, reply, { notice: viewOf(request, reply, deps).t('missing.sent') });
  });
}
