/**
 * Distribution runs for staff: the list, a new run (the licensing desk's `distribute`, which checks the
 * role again: an auditor sees the runs but has no form, and a forged POST from one is refused), one run.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BarChart } from './charts.js';
import { Csrf, Facts, Flash, labelled, Table } from './components.js';
import type { WebDeps } from './deps.js';
import { WebError } from './errors.js';
import { ALL_STAFF, field, LICENSING_WRITERS, requireRole, sendPage } from './guard.js';
import type { MessageKey } from './i18n/index.js';
import { moveError } from './routes-staff-licensing.js';
import { viewOf, type View } from './view.js';

const hide = { schema: { hide: true } } as const;

export function registerStaffDistributionRoutes(app: FastifyInstance, deps: WebDeps): void {
  const { licensing } = deps;
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
