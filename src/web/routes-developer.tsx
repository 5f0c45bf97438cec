/**
 * The AI developer's pages. Every read and move goes through the licensing desk with the account's
 * actor (its organisation), so a licensee only ever reaches its own requests, licences and keys: another's
 * are "not found" there, exactly as over the API.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LicensingError } from '../licensing/errors.js';
import type { Principal } from '../licensing/service.js';
import { labelled } from './components.js';
import type { WebDeps } from './deps.js';
import { WebError } from './errors.js';
import { field, fields, requireRole, sendPage } from './guard.js';
import { DeveloperHome, Keys, RequestForm, Usage } from './pages/developer.js';
import { RequestDetail } from './pages/licence-request.js';
import { csvRecords, readUpload } from './upload.js';
import { viewOf } from './view.js';

const hide = { schema: { hide: true } } as const;
const licensee = (request: FastifyRequest): Principal => requireRole(request, ['licensee']);
const badInput = (e: unknown): e is LicensingError =>
  e instanceof LicensingError &&
  (e.code === 'LICENSING_BAD_USAGE' ||
    e.code === 'LICENSING_CONFLICT' ||
    e.code === 'LICENSING_BAD_TRANSITION' ||
    e.code === 'LICENSING_CURRENCY_MISMATCH');

/** The terms of the request form, as the desk reads them (it validates them, every field named). */
export function termsFromForm(body: unknown): Record<string, unknown> {
  const list = (s: string) =>
    s
      .split(/[\s,;]+/)
      .map((x) => x.trim().toUpperCase())
      .filter((x) => x !== '');
  const volume = field(body, 'expectedVolume');
  return {
    uses: fields(body, 'uses'),
    repertoire:
      field(body, 'repertoire') === 'recordings'
        ? { kind: 'recordings', isrcs: list(field(body, 'isrcs')).map((i) => i.replace(/-/g, '')) }
        : { kind: 'all' },
    territories: list(field(body, 'territories')),
    from: field(body, 'from'),
    to: field(body, 'to'),
    product: field(body, 'product'),
    ...(volume === '' ? {} : { expectedVolume: volume }),
  };
}

export function registerDeveloperRoutes(app: FastifyInstance, deps: WebDeps): void {
  const { licensing } = deps;

  app.get('/developer', hide, async (request, reply) => {
    const p = licensee(request);
    const v = viewOf(request, reply, deps);
    const [requests, licences] = await Promise.all([
      licensing.requests(p.actor),
      licensing.licencesOf(p.actor.id),
    ]);
    return sendPage(
      reply,
      v,
      v.t('dev.title'),
      <DeveloperHome v={v} requests={requests} licences={licences} />,
    );
  });

  app.get('/developer/requests/new', hide, async (request, reply) => {
    licensee(request);
    const v = viewOf(request, reply, deps);
    return sendPage(reply, v, v.t('dev.new'), <RequestForm v={v} error={null} values={{}} />);
  });

  app.post('/developer/requests', hide, async (request, reply) => {
    const p = licensee(request);
    try {
      const r = await licensing.submitRequest(p.actor, termsFromForm(request.body));
      return await reply.redirect(`/developer/requests/${r.id}`, 303);
    } catch (e) {
      if (!badInput(e)) throw e;
      const v = viewOf(request, reply, deps);
      const values = { ...(request.body as Record<string, string>), uses: fields(request.body, 'uses') };
      return sendPage(reply, v, v.t('dev.new'), <RequestForm v={v} error={e.message} values={values} />, 400);
    }
  });

  const detail = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    p: Principal,
    error: string | null = null,
    status = 200,
  ) => {
    const v = viewOf(request, reply, deps);
    const r = await licensing.request(request.params.id, p.actor);
    return sendPage(
      reply,
      v,
      labelled(v, v.t('dev.request'), r.request.terms.product),
      <RequestDetail
        v={v}
        request={r.request}
        events={r.events}
        licence={r.licence}
        role="licensee"
        actionBase={`/developer/requests/${r.request.id}`}
        licenceBase="/developer/licences"
        error={error}
      />,
      status,
    );
  };

  app.get<{ Params: { id: string } }>('/developer/requests/:id', hide, async (request, reply) =>
    detail(request, reply, licensee(request)),
  );

  app.post<{ Params: { id: string; action: string } }>(
    '/developer/requests/:id/:action',
    hide,
    async (request, reply) => {
      const p = licensee(request);
      const action = request.params.action;
      if (action !== 'accept' && action !== 'decline')
        throw new WebError('WEB_NOT_FOUND', `no move ${action}`);
      try {
        await licensing.act(request.params.id, action, p.actor, {
          note: field(request.body, 'note') || null,
        });
      } catch (e) {
        if (badInput(e)) return detail(request, reply, p, e.message, 409);
        throw e;
      }
      return reply.redirect(`/developer/requests/${request.params.id}`, 303);
    },
  );

  app.get<{ Params: { id: string; file: string } }>(
    '/developer/licences/:id/:file',
    hide,
    async (request, reply) => {
      const p = licensee(request);
      const l = await licensing.licence(request.params.id, p.actor);
      const name = `licence-${l.id}`;
      if (request.params.file === 'licence.jws')
        return reply
          .type('application/jose')
          .header('content-disposition', `attachment; filename="${name}.jws"`)
          .send(l.signature);
      if (request.params.file === 'licence.jsonld')
        return reply
          .type('application/ld+json')
          .header('content-disposition', `attachment; filename="${name}.jsonld"`)
          .send(l.document);
      throw new WebError('WEB_NOT_FOUND', `no file ${request.params.file}`);
    },
  );

  const keysPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    p: Principal,
    fresh: string | null,
  ) => {
    const v = viewOf(request, reply, deps);
    return sendPage(
      reply,
      v,
      v.t('keys.title'),
      <Keys v={v} keys={await deps.views.licensing.keysOf(p.account.id)} fresh={fresh} />,
    );
  };

  app.get('/developer/keys', hide, async (request, reply) =>
    keysPage(request, reply, licensee(request), null),
  );

  app.post('/developer/keys', hide, async (request, reply) => {
    const p = licensee(request);
    // The key is shown in this answer only (not after a redirect): it is never stored.
    return keysPage(request, reply, p, (await licensing.issueKey(p.account.id)).key);
  });

  app.post<{ Params: { id: string } }>('/developer/keys/:id/revoke', hide, async (request, reply) => {
    const p = licensee(request);
    const mine = await deps.views.licensing.keysOf(p.account.id);
    if (!mine.some((k) => k.id === request.params.id))
      throw new WebError('WEB_NOT_FOUND', `no key ${request.params.id}`);
    await licensing.revokeKey(request.params.id);
    return reply.redirect('/developer/keys', 303);
  });

  const usagePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    p: Principal,
    error: string | null,
    notice: string | null,
    status = 200,
  ) => {
    const v = viewOf(request, reply, deps);
    const now = new Date().toISOString();
    const licences = (await licensing.licencesOf(p.actor.id)).filter(
      (l) => l.terminatedAt === null && l.terms.from <= now,
    );
    const reports = await deps.views.licensing.usageReports(p.actor.id, { limit: 50, offset: 0 });
    return sendPage(
      reply,
      v,
      v.t('usage.title'),
      <Usage v={v} licences={licences} reports={reports} error={error} notice={notice} />,
      status,
    );
  };

  app.get('/developer/usage', hide, async (request, reply) =>
    usagePage(request, reply, licensee(request), null, null),
  );

  app.post('/developer/usage', hide, async (request, reply) => {
    const p = licensee(request);
    const up = await readUpload(request);
    try {
      if (up.file === null) throw new WebError('WEB_BAD_FORM', 'choose a CSV file');
      const revenue = up.fields.revenue ?? '';
      if (revenue !== '' && !/^\d+([.,]\d{1,2})?$/.test(revenue))
        throw new WebError('WEB_BAD_FORM', `revenue: an amount in euros, got ${JSON.stringify(revenue)}`);
      const { report } = await licensing.submitUsage(p.actor, {
        licence: up.fields.licence ?? '',
        from: up.fields.from ?? '',
        to: up.fields.to ?? '',
        ...(revenue === '' ? {} : { revenueCents: Math.round(Number(revenue.replace(',', '.')) * 100) }),
        records: csvRecords(up.file.path, up.file.name),
        source: up.file.name,
      });
      const v = viewOf(request, reply, deps);
      return await usagePage(
        request,
        reply,
        p,
        null,
        v.t('usage.sent', {
          lines: report.lines,
          flagged: report.flagged,
          amount: v.f.money(report.totalCents, report.currency),
        }),
      );
    } catch (e) {
      if (badInput(e) || (e instanceof WebError && e.code === 'WEB_BAD_FORM'))
        return usagePage(request, reply, p, e.message, null, 400);
      throw e;
    } finally {
      await up.dispose();
    }
  });
}
