/**
 * The licence queue for staff (the distributions: routes-staff-distributions.tsx). Every move is the
 * licensing desk's (`act`), which checks the role again: an auditor sees the queue but has no buttons, and
 * a forged POST from one is refused by the workflow.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LicensingError } from '../licensing/errors.js';
import type { Principal } from '../licensing/service.js';
import { ACTIONS, REQUEST_STATES, type Action, type RequestState } from '../licensing/workflow.js';
import { Csrf, labelled, Table, uses } from './components.js';
import type { WebDeps } from './deps.js';
import { WebError } from './errors.js';
import { ALL_STAFF, field, LICENSING_WRITERS, requireRole, sendPage } from './guard.js';
import { RequestDetail, stateText } from './pages/licence-request.js';
import { tariffSummary } from './pages/public.js';
import { viewOf } from './view.js';

const hide = { schema: { hide: true } } as const;
/** A refusal of the desk shown on the page (the form again, with the reason), not an error page. */
export const moveError = (e: unknown): e is LicensingError =>
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
}
