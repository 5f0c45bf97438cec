/**
 * The licence queue and distributions for staff. Every move is the licensing desk's (`act`, `distribute`),
 * which checks the role again: an auditor sees the queue and the runs but has no buttons, and a forged
 * POST from one is refused by the workflow.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LicensingError } from '../licensing/errors.js';
import type { Principal } from '../licensing/service.js';
import { ACTIONS, REQUEST_STATES, type Action, type RequestState } from '../licensing/workflow.js';
import { BarChart } from './charts.js';
import { Csrf, Facts, Flash, labelled, Table, uses } from './components.js';
import type { WebDeps } from './deps.js';
import { WebError } from './errors.js';
import { ALL_STAFF, field, LICENSING_WRITERS, requireRole, sendPage } from './guard.js';
import { RequestDetail, stateText } from './pages/licence-request.js';
import { tariffSummary } from './pages/public.js';
import type { MessageKey } from './i18n/index.js';
import { viewOf, type View } from './view.js';

const hide = { schema: { hide: true } } as const;
const moveError = (e: unknown): e is LicensingError =>
  e instanceof LicensingError &&
  [
    'LICENSING_BAD_USAGE',
    'LICENSING_BAD_TRANSITION',
    'LICENSING_CONFLICT',
    'LICENSING_FORBIDDEN',
    'LICENSING_NOT_FOUND',
    'LICENSING_BAD_WEIGHTS',
  ].includes(e.code);

export function registerStaffLicensingRoutes(app: FastifyInstance, deps: WebDeps): void {
  const { licensing } = deps;

  app.get('/staff/licences', hide, async (request, reply) => {
    const p = requireRole(request, ALL_STAFF);
    const v = viewOf(request, reply, deps);
    const asked = (request.query as Record<string, unknown>).state;
    const state = (REQUEST_STATES as readonly string[]).includes(asked as string)
      ? (asked as RequestState)
      : undefined;
    const [requests, tariffs] = await Promise.all([
      licensing.requests(p.actor, state),
      deps.views.licensing.tariffs(),
    ]);
    const names = new Map<string, string>();
    for (const r of requests)
      if (!names.has(r.organisationId))
        names.set(
          r.organisationId,
          (await deps.views.licensing.organisationName(r.organisationId)) ?? r.organisationId,
        );
    return sendPage(
      reply,
      v,
      v.t('queue.title'),
      <>
        <nav aria-label={v.t('common.state')} class="filters">
          <a href="/staff/licences" aria-current={state === undefined ? 'page' : undefined}>
            {v.t('common.all')}
          </a>
          {REQUEST_STATES.map((s) => (
            <a key={s} href={`/staff/licences?state=${s}`} aria-current={state === s ? 'page' : undefined}>
              {stateText(v, s)}
            </a>
          ))}
        </nav>
        <Table
          caption={v.t('queue.title')}
          hideCaption
          head={[
            v.t('queue.licensee'),
            v.t('dev.product'),
            v.t('dev.uses'),
            v.t('common.state'),
            v.t('common.date'),
          ]}
          rows={requests.map((r) => [
            names.get(r.organisationId) ?? '',
            <a href={`/staff/licences/${r.id}`}>{r.terms.product}</a>,
            uses(v, r.terms.uses),
            stateText(v, r.state),
            v.f.dateTime(r.updatedAt),
          ])}
        />
        <Table
          caption={v.t('tariffs.title')}
          head={['ID', v.t('tariffs.version'), v.t('search.col.name'), v.t('tariffs.model')]}
          rows={tariffs.map((t) => [<code>{t.id}</code>, String(t.version), t.name, tariffSummary(v, t)])}
        />
      </>,
    );
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
    const tariffs = await deps.views.licensing.tariffs();
    const offerForm = (
      <form method="post" action={`/staff/licences/${r.request.id}/offer`} class="stack narrow">
        <Csrf v={v} />
        <label for="o-tariff">{v.t('queue.fTariff')}</label>
        <select id="o-tariff" name="tariff" required>
          {tariffs.map((t) => (
            <option
              key={`${t.id}:${t.version}`}
              value={`${t.id}:${t.version}`}
            >{`${t.name} (${t.id} v${t.version})`}</option>
          ))}
        </select>
        <label for="o-note">{`${v.t('queue.fNote')} ${v.t('common.optional')}`}</label>
        <textarea id="o-note" name="note" rows={2} maxLength={2000} />
        <button type="submit">{v.t('action.offer')}</button>
      </form>
    );
    const org =
      (await deps.views.licensing.organisationName(r.request.organisationId)) ?? r.request.organisationId;
    return sendPage(
      reply,
      v,
      labelled(v, v.t('dev.request'), r.request.terms.product),
      <>
        <p class="lead">
          {v.t('queue.licensee')}: {org}
        </p>
        <RequestDetail
          v={v}
          request={r.request}
          events={r.events}
          licence={r.licence}
          role={p.account.role}
          actionBase={`/staff/licences/${r.request.id}`}
          offerForm={offerForm}
          licenceBase={null}
          error={error}
        />
      </>,
      status,
    );
  };

  app.get<{ Params: { id: string } }>('/staff/licences/:id', hide, async (request, reply) =>
    detail(request, reply, requireRole(request, ALL_STAFF)),
  );

  app.post<{ Params: { id: string; action: string } }>(
    '/staff/licences/:id/:action',
    hide,
    async (request, reply) => {
      const p = requireRole(request, LICENSING_WRITERS);
      const action = request.params.action;
      if (
        !(ACTIONS as readonly string[]).includes(action) ||
        action === 'expire' ||
        action === 'accept' ||
        action === 'decline'
      )
        throw new WebError('WEB_NOT_FOUND', `no move ${action}`);
      const note = field(request.body, 'note') || null;
      try {
        if (action === 'offer') {
          const [id = '', version = ''] = field(request.body, 'tariff').split(':');
          const current = await licensing.request(request.params.id, p.actor);
          await licensing.act(request.params.id, 'offer', p.actor, {
            note,
            offer: { terms: current.request.terms, tariff: { id, version: Number(version) } },
          });
        } else {
          await licensing.act(request.params.id, action as Action, p.actor, { note });
        }
      } catch (e) {
        if (moveError(e)) return detail(request, reply, p, e.message, 409);
        throw e;
      }
      return reply.redirect(`/staff/licences/${request.params.id}`, 303);
    },
  );

  const runsPage = async (request: FastifyRequest, reply: FastifyReply, error: string | null) => {
    const p = requireRole(request, ALL_STAFF);
    const v = viewOf(request, reply, deps);
    const runs = await deps.views.licensing.runs({ limit: 50, offset: 0 });
    return sendPage(
      reply,
      v,
      v.t('dist.title'),
      <>
        <Flash v={v} error={error} />
        {runs.length === 0 ? (
          <p>{v.t('dist.none')}</p>
        ) : (
          <Table
            caption={v.t('dist.title')}
            hideCaption
            head={[
              v.t('stmt.period'),
              v.t('dist.collected'),
              v.t('dist.distributed'),
              v.t('dist.suspense'),
              v.t('common.date'),
            ]}
            rows={runs.map((r) => [
              <a
                href={`/staff/distributions/${r.id}`}
              >{`${v.f.date(r.period.from)} – ${v.f.date(r.period.to)}`}</a>,
              v.f.money(r.collectedCents),
              v.f.money(r.distributedCents),
              v.f.money(r.suspenseCents),
              v.f.dateTime(r.createdAt),
            ])}
          />
        )}
        {LICENSING_WRITERS.includes(p.account.role) ? <RunForm v={v} /> : null}
      </>,
      error === null ? 200 : 400,
    );
  };

  app.get('/staff/distributions', hide, async (request, reply) => runsPage(request, reply, null));

  app.post('/staff/distributions', hide, async (request, reply) => {
    const p = requireRole(request, LICENSING_WRITERS);
    const weight = (k: string) =>
      /^\d{1,4}$/.test(field(request.body, k)) ? Number(field(request.body, k)) : NaN;
    try {
      const r = await licensing.distribute(p.actor, {
        from: field(request.body, 'from'),
        to: field(request.body, 'to'),
        rules: { featured: weight('featured'), nonFeatured: weight('nonFeatured') },
      });
      return await reply.redirect(`/staff/distributions/${r.run.id}`, 303);
    } catch (e) {
      if (moveError(e)) return runsPage(request, reply, e.message);
      throw e;
    }
  });

  app.get<{ Params: { id: string } }>('/staff/distributions/:id', hide, async (request, reply) => {
    requireRole(request, ALL_STAFF);
    const v = viewOf(request, reply, deps);
    const run = await deps.views.licensing.getRun(request.params.id);
    if (run === null) throw new WebError('WEB_NOT_FOUND', `no distribution run ${request.params.id}`);
    const b = await deps.views.licensing.runBreakdown(run.id);
    const money = (n: number) => v.f.money(n);
    return sendPage(
      reply,
      v,
      labelled(v, v.t('dist.title'), `${v.f.date(run.period.from)} – ${v.f.date(run.period.to)}`),
      <>
        <Facts
          items={[
            [v.t('dist.collected'), money(run.collectedCents)],
            [v.t('dist.distributed'), money(run.distributedCents)],
            [v.t('dist.suspense'), money(run.suspenseCents)],
            [v.t('usage.title'), String(run.reports.length)],
          ]}
        />
        <div class="charts">
          <BarChart
            v={v}
            title={v.t('dist.title')}
            data={[
              { label: v.t('dist.collected'), value: run.collectedCents },
              { label: v.t('dist.distributed'), value: run.distributedCents },
              { label: v.t('dist.suspense'), value: run.suspenseCents },
            ]}
            format={money}
          />
          <BarChart
            v={v}
            title={v.t('dist.byClass')}
            data={[
              { label: v.t('dist.featured'), value: b.featuredCents },
              { label: v.t('dist.nonFeatured'), value: b.nonFeaturedCents },
            ]}
            format={money}
          />
          <BarChart
            v={v}
            title={v.t('dist.suspenseReasons')}
            data={b.suspense.map((s) => ({
              label: v.t(`suspense.${s.reason}` as MessageKey),
              value: s.cents,
            }))}
            format={money}
          />
        </div>
      </>,
    );
  });
}

function RunForm({ v }: { v: View }) {
  return (
    <form method="post" action="/staff/distributions" class="stack narrow">
      <h2>{v.t('dist.run')}</h2>
      <Csrf v={v} />
      <label for="d-from">{v.t('common.from')}</label>
      <input id="d-from" name="from" type="date" required />
      <label for="d-to">{v.t('common.to')}</label>
      <input id="d-to" name="to" type="date" required />
      <label for="d-featured">{v.t('dist.fFeatured')}</label>
      <input id="d-featured" name="featured" inputMode="numeric" value="65" required />
      <label for="d-nonfeatured">{v.t('dist.fNonFeatured')}</label>
      <input id="d-nonfeatured" name="nonFeatured" inputMode="numeric" value="35" required />
      <button type="submit">{v.t('dist.run')}</button>
    </form>
  );
}
