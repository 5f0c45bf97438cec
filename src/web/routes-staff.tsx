/** The collective's pages: dashboard, members and mandates, imports, the transparency log, reported recordings. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { importFiles, type ImportResult } from '../registry/import/index.js';
import { cached } from './cache.js';
import type { WebDeps } from './deps.js';
import { WebError } from './errors.js';
import { ALL_STAFF, LICENSING_WRITERS, REGISTRY_WRITERS, requireRole, sendPage } from './guard.js';
import type { Job } from './jobs.js';
import { MandateHistory } from './pages/performer.js';
import { Dashboard, ImportJob, Imports, LogPage, Members, MissingList } from './pages/staff.js';
import { readUpload } from './upload.js';
import { viewOf } from './view.js';

const hide = { schema: { hide: true } } as const;
const PAGE = 50;

export function registerStaffRoutes(app: FastifyInstance, deps: WebDeps): void {
  // Whole-registry aggregates: seconds on millions of line-up rows (bench/web-pages.js), so computed in the
  // background every few minutes, the last value answered meanwhile.
  const reservedByMonth = cached(10 * 60_000, () => deps.views.registry.reservedByMonth());
  const counts = cached(60_000, () => deps.registry.counts());
  // One import at a time: on SQLite an import holds the write transaction of the service's connection.
  let importing = false;

  app.get('/staff', hide, async (request, reply) => {
    requireRole(request, ALL_STAFF);
    const v = viewOf(request, reply, deps);
    const [c, reserved, requests, revenue] = await Promise.all([
      counts(),
      reservedByMonth(),
      deps.views.licensing.requestCounts(),
      deps.views.licensing.revenueByMonth(),
    ]);
    return sendPage(
      reply,
      v,
      v.t('staff.dashboard'),
      <Dashboard v={v} counts={c} reserved={reserved} requests={requests} revenue={revenue} />,
    );
  });

  app.get('/staff/members', hide, async (request, reply) => {
    requireRole(request, ALL_STAFF);
    const v = viewOf(request, reply, deps);
    const query = request.query as Record<string, unknown>;
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '';
    const cursor = typeof query.after === 'string' && query.after !== '' ? query.after : null;
    if (q !== '') {
      const hits = (await deps.registry.search(q, { limit: PAGE, offset: 0 })).filter(
        (h) => h.type === 'performer',
      );
      const performers = await Promise.all(hits.map((h) => deps.registry.performer(h.id)));
      return sendPage(
        reply,
        v,
        v.t('members.title'),
        <Members v={v} q={q} performers={performers} next={null} cursor={null} />,
      );
    }
    const page = await deps.views.registry.performersPage({ membersOnly: true, cursor, limit: PAGE });
    return sendPage(
      reply,
      v,
      v.t('members.title'),
      <Members v={v} q="" performers={page.performers} next={page.next} cursor={cursor} />,
    );
  });

  app.get<{ Params: { id: string } }>('/staff/members/:id', hide, async (request, reply) => {
    requireRole(request, ALL_STAFF);
    const v = viewOf(request, reply, deps);
    const p = await deps.registry.performer(request.params.id);
    return sendPage(
      reply,
      v,
      p.displayName,
      <>
        <p>
          <a href={`/performers/${encodeURIComponent(p.id)}`}>{v.t('performer.recordings')}</a>
        </p>
        <MandateHistory v={v} mandates={await deps.registry.mandateHistory(p.id)} />
      </>,
    );
  });

  app.get('/staff/imports', hide, async (request, reply) => {
    requireRole(request, ALL_STAFF);
    const v = viewOf(request, reply, deps);
    return sendPage(
      reply,
      v,
      v.t('imports.title'),
      <Imports v={v} jobs={deps.jobs.list('import', null)} error={null} />,
    );
  });

  app.post('/staff/imports', hide, async (request, reply) => {
    const p = requireRole(request, REGISTRY_WRITERS);
    const up = await readUpload(request);
    const v = viewOf(request, reply, deps);
    if (up.file === null || importing) {
      await up.dispose();
      return sendPage(
        reply,
        v,
        v.t('imports.title'),
        <Imports
          v={v}
          jobs={deps.jobs.list('import', null)}
          error={up.file === null ? 'choose a file' : 'an import is running: wait for it to end'}
        />,
        up.file === null ? 400 : 409,
      );
    }
    const file = up.file;
    importing = true;
    const job = deps.jobs.start<ImportResult>(
      'import',
      p.account.id,
      file.name,
      (progress) =>
        importFiles(deps.db, [file.path], {
          skipBadRows: true,
          onProgress: (x) => progress(x.bytes, x.totalBytes),
        }),
      () => {
        importing = false;
        void up.dispose();
      },
    );
    return reply.redirect(`/staff/imports/${job.id}`, 303);
  });

  const importJob = (request: FastifyRequest<{ Params: { id: string } }>): Job<ImportResult> => {
    requireRole(request, ALL_STAFF);
    const job = deps.jobs.get(request.params.id);
    if (job === null || job.kind !== 'import')
      throw new WebError('WEB_NOT_FOUND', `no import ${request.params.id}`);
    return job as Job<ImportResult>;
  };

  app.get<{ Params: { id: string } }>('/staff/imports/:id', hide, async (request, reply) => {
    const job = importJob(request);
    const v = viewOf(request, reply, deps);
    return sendPage(reply, v, v.t('imports.job', { file: job.file }), <ImportJob v={v} job={job} />);
  });

  app.get<{ Params: { id: string } }>('/staff/imports/:id/progress.json', hide, (request, reply) => {
    const j = importJob(request);
    return reply.send({ state: j.state, done: j.done, total: j.total });
  });

  const logPage = async (
    request: FastifyRequest,
    reply: Parameters<typeof viewOf>[1],
    notice: string | null,
  ) => {
    const p = requireRole(request, ALL_STAFF);
    const v = viewOf(request, reply, deps);
    const size = await deps.ledger.size();
    const asked = Number((request.query as Record<string, unknown>).start);
    // Newest first by default: the last page of the log.
    const start = Number.isInteger(asked) && asked >= 0 && asked <= size ? asked : Math.max(0, size - 50);
    const [page, checkpoint] = await Promise.all([
      deps.ledger.entries(start, start + 50),
      size === 0 ? null : deps.ledger.currentCheckpoint(),
    ]);
    return sendPage(
      reply,
      v,
      v.t('log.title'),
      <LogPage
        v={v}
        checkpoint={checkpoint}
        page={page}
        canSign={LICENSING_WRITERS.includes(p.account.role) || REGISTRY_WRITERS.includes(p.account.role)}
        notice={notice}
      />,
    );
  };

  app.get('/staff/log', hide, async (request, reply) => logPage(request, reply, null));

  app.post('/staff/log/checkpoint', hide, async (request, reply) => {
    requireRole(request, ['administrator', 'rights-manager', 'licensing-officer']);
    const cp = await deps.ledger.checkpoint();
    return logPage(request, reply, `${viewOf(request, reply, deps).t('form.done')} (${cp.size})`);
  });

  app.get('/staff/missing', hide, async (request, reply) => {
    requireRole(request, ALL_STAFF);
    const v = viewOf(request, reply, deps);
    return sendPage(
      reply,
      v,
      v.t('missingStaff.title'),
      <MissingList v={v} reports={await deps.accounts.missingReports(null, { limit: 200, offset: 0 })} />,
    );
  });
}
