/**
 * Dataset manifests uploaded by an AI developer: checked in the background by the checker library
 * (checkManifest over the registry), followed with a progress bar, summarised, with the checker's own
 * HTML report to open. A job is its owner's only.
 */
import { stat } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { checkManifest } from '../checker/manifest-check.js';
import { renderReport } from '../checker/manifest-report.js';
import type { ManifestSummary } from '../checker/manifest-summary.js';
import { Flash, Table } from './components.js';
import type { WebDeps } from './deps.js';
import { WebError } from './errors.js';
import { requireRole, sendPage } from './guard.js';
import type { Job } from './jobs.js';
import { readUpload } from './upload.js';
import { viewOf, type View } from './view.js';
import { RegistryMatcher } from './manifest-matcher.js';

const hide = { schema: { hide: true } } as const;

interface ManifestResult {
  summary: ManifestSummary;
  report: string;
}

export function JobProgress({ v, job, running, url }: { v: View; job: Job; running: string; url: string }) {
  const pct = job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <div class="job" data-job={url} data-state={job.state}>
      <p role="status" class="job-state">
        {job.state === 'running' ? running : null}
      </p>
      {job.state === 'running' ? (
        <>
          <progress max={100} value={pct} aria-label={v.t('common.progress')} class="job-progress" />
          <p>
            <a href="">{v.t('common.refresh')}</a>
          </p>
        </>
      ) : null}
    </div>
  );
}

function ManifestsPage({ v, jobs, error }: { v: View; jobs: Job[]; error: string | null }) {
  return (
    <>
      <p class="lead">{v.t('manifest.intro')}</p>
      <Flash v={v} error={error} />
      <form
        method="post"
        action={`/developer/manifests?_csrf=${encodeURIComponent(v.csrf)}`}
        enctype="multipart/form-data"
        class="stack narrow"
        data-progress=""
      >
        <label for="mf-file">{v.t('manifest.fFile')}</label>
        <input id="mf-file" name="file" type="file" accept=".csv,.jsonl,.ndjson,.parquet" required />
        <progress class="upload-progress" max={100} value={0} hidden aria-label={v.t('common.progress')} />
        <button type="submit">{v.t('manifest.upload')}</button>
      </form>
      {jobs.length > 0 ? (
        <Table
          caption={v.t('manifest.title')}
          head={[v.t('manifest.fFile'), v.t('common.date'), v.t('common.state')]}
          rows={jobs.map((j) => [
            <a href={`/developer/manifests/${j.id}`}>{j.file}</a>,
            v.f.dateTime(j.startedAt),
            j.state,
          ])}
        />
      ) : null}
    </>
  );
}

function ManifestJob({ v, job }: { v: View; job: Job<ManifestResult> }) {
  const s = job.result?.summary;
  return (
    <>
      <JobProgress
        v={v}
        job={job}
        running={v.t('manifest.running')}
        url={`/developer/manifests/${job.id}/progress.json`}
      />
      {job.state === 'failed' ? (
        <p role="alert">{v.t('manifest.failed', { message: job.error ?? '' })}</p>
      ) : null}
      {s !== undefined ? (
        <>
          <p role="status">{v.t('manifest.done', { rows: s.rows, reserved: s.reserved, licensed: s.licensed })}</p>
          <p>
            <a class="button" href={`/developer/manifests/${job.id}/report.html`}>
              {v.t('manifest.report')}
            </a>
          </p>
        </>
      ) : null}
    </>
  );
}

export function registerManifestRoutes(app: FastifyInstance, deps: WebDeps): void {
  const own = (request: FastifyRequest<{ Params: { id: string } }>): Job<ManifestResult> => {
    const p = requireRole(request, ['licensee']);
    const job = deps.jobs.get(request.params.id);
    if (job === null || job.kind !== 'manifest' || job.owner !== p.account.id)
      throw new WebError('WEB_NOT_FOUND', `no check ${request.params.id}`);
    return job as Job<ManifestResult>;
  };

  app.get('/developer/manifests', hide, async (request, reply) => {
    const p = requireRole(request, ['licensee']);
    const v = viewOf(request, reply, deps);
    return sendPage(
      reply,
      v,
      v.t('manifest.title'),
      <ManifestsPage v={v} jobs={deps.jobs.list('manifest', p.account.id)} error={null} />,
    );
  });

  app.post('/developer/manifests', hide, async (request, reply) => {
    const p = requireRole(request, ['licensee']);
    const up = await readUpload(request);
    if (up.file === null) {
      await up.dispose();
      const v = viewOf(request, reply, deps);
      return sendPage(
        reply,
        v,
        v.t('manifest.title'),
        <ManifestsPage v={v} jobs={deps.jobs.list('manifest', p.account.id)} error="choose a file" />,
        400,
      );
    }
    const file = up.file;
    const at = new Date().toISOString();
    const organisationId = p.account.organisationId;
    const licences = organisationId === null ? [] : await deps.licensing.licencesOf(organisationId);
    const job = deps.jobs.start<ManifestResult>(
      'manifest',
      p.account.id,
      file.name,
      async (progress) => {
        const size = (await stat(file.path)).size;
        let read = 0;
        const summary = await checkManifest(file.path, {
          matcher: new RegistryMatcher(deps.registry, at, {
            licences,
            scopes: (isrcs) => deps.licensing.recordingScopes(isrcs),
          }),
          onBytes: (n) => progress((read += n), size),
        });
        const report = renderReport(summary, {
          manifest: file.name,
          source: 'registry service (in-process)',
          at,
          threshold: 0,
          generatedAt: new Date().toISOString(),
        });
        return { summary, report };
      },
      () => void up.dispose(),
    );
    return reply.redirect(`/developer/manifests/${job.id}`, 303);
  });

  app.get<{ Params: { id: string } }>('/developer/manifests/:id', hide, async (request, reply) => {
    const job = own(request);
    const v = viewOf(request, reply, deps);
    return sendPage(reply, v, v.t('manifest.check', { file: job.file }), <ManifestJob v={v} job={job} />);
  });

  app.get<{ Params: { id: string } }>('/developer/manifests/:id/progress.json', hide, (request, reply) => {
    const j = own(request);
    return reply.send({ state: j.state, done: j.done, total: j.total });
  });

  app.get<{ Params: { id: string } }>(
    '/developer/manifests/:id/report.html',
    hide,
    async (request, reply) => {
      const job = own(request);
      if (job.result === null) throw new WebError('WEB_NOT_FOUND', 'the check has not finished');
      // The checker's report is self-contained with inline CSS: it gets a CSP of its own allowing that, and nothing else.
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        .send(job.result.report);
    },
  );
}
