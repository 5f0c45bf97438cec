/** The staff pages' bodies: dashboard, members, a member's mandates, imports, the log, reported recordings. */
import type { MissingRecordingReport } from '../../accounts/model.js';
import type { ImportResult } from '../../registry/import/index.js';
import type { Performer } from '../../registry/model.js';
import type { RegistryCounts } from '../../registry/store.js';
import type { EntryPage } from '../../ledger/service.js';
import type { StoredCheckpoint } from '../../ledger/store.js';
import { BarChart, LineChart } from '../charts.js';
import { Csrf, Facts, Flash, Pager, Table } from '../components.js';
import type { Job } from '../jobs.js';
import { JobProgress } from '../routes-manifests.js';
import type { View } from '../view.js';
import { stateText } from './licence-request.js';

export function Dashboard({
  v,
  counts,
  reserved,
  requests,
  revenue,
}: {
  v: View;
  counts: RegistryCounts;
  reserved: { month: string; recordings: number }[];
  requests: Record<string, number>;
  revenue: { month: string; cents: number }[];
}) {
  let sum = 0;
  const cumulative = reserved.map((r) => ({ label: v.f.month(r.month), value: (sum += r.recordings) }));
  return (
    <>
      <Facts
        items={[
          [v.t('staff.recordings'), v.f.number(counts.recordings)],
          [
            v.t('staff.membersOfPerformers'),
            `${v.f.number(counts.members)} / ${v.f.number(counts.performers)}`,
          ],
          [v.t('staff.mandates'), v.f.number(counts.mandates)],
        ]}
      />
      <div class="charts">
        <LineChart
          v={v}
          title={v.t('staff.reservedOverTime')}
          points={cumulative}
          format={(n) => v.f.number(n)}
        />
        <BarChart
          v={v}
          title={v.t('staff.requests')}
          data={Object.entries(requests).map(([s, n]) => ({ label: stateText(v, s), value: n }))}
          format={(n) => v.f.number(n)}
        />
        <BarChart
          v={v}
          title={v.t('staff.revenue')}
          data={revenue.map((r) => ({ label: v.f.month(r.month), value: r.cents }))}
          format={(n) => v.f.money(n)}
        />
      </div>
    </>
  );
}

export function Members({
  v,
  q,
  performers,
  next,
  cursor,
}: {
  v: View;
  q: string;
  performers: Performer[];
  next: string | null;
  cursor: string | null;
}) {
  return (
    <>
      <form method="get" action="/staff/members" role="search" class="search">
        <label for="mq">{v.t('members.filter')}</label>
        <input id="mq" name="q" type="search" value={q} maxLength={200} />
        <button type="submit">{v.t('search.button')}</button>
      </form>
      <Table
        caption={v.t('members.title')}
        hideCaption
        head={[v.t('members.col.name'), v.t('members.col.memberNo'), v.t('members.col.isni')]}
        rows={performers.map((p) => [
          <a href={`/staff/members/${encodeURIComponent(p.id)}`}>{p.displayName}</a>,
          p.memberNo ?? '—',
          p.isni ?? '—',
        ])}
      />
      <Pager
        v={v}
        prev={cursor !== null ? { after: '' } : null}
        next={next !== null ? { after: next } : null}
      />
    </>
  );
}

export function Imports({ v, jobs, error }: { v: View; jobs: Job[]; error: string | null }) {
  return (
    <>
      <p class="lead">{v.t('imports.intro')}</p>
      <Flash v={v} error={error} />
      <form
        method="post"
        action={`/staff/imports?_csrf=${encodeURIComponent(v.csrf)}`}
        enctype="multipart/form-data"
        class="stack narrow"
        data-progress=""
      >
        <label for="imp-file">{v.t('imports.fFile')}</label>
        <input id="imp-file" name="file" type="file" accept=".csv,.xml" required />
        <progress class="upload-progress" max={100} value={0} hidden aria-label={v.t('common.progress')} />
        <button type="submit">{v.t('imports.upload')}</button>
      </form>
      {jobs.length > 0 ? (
        <Table
          caption={v.t('imports.recent')}
          head={[v.t('imports.fFile'), v.t('common.date'), v.t('common.state')]}
          rows={jobs.map((j) => [
            <a href={`/staff/imports/${j.id}`}>{j.file}</a>,
            v.f.dateTime(j.startedAt),
            j.state,
          ])}
        />
      ) : null}
    </>
  );
}

export function ImportJob({ v, job }: { v: View; job: Job<ImportResult> }) {
  const r = job.result;
  return (
    <>
      <JobProgress
        v={v}
        job={job}
        running={v.t('imports.running')}
        url={`/staff/imports/${job.id}/progress.json`}
      />
      {job.state === 'failed' ? (
        <p role="alert">{v.t('imports.failed', { message: job.error ?? '' })}</p>
      ) : null}
      {r !== null ? (
        <>
          {r.error !== null ? (
            <p role="alert">{v.t('imports.failed', { message: r.error.message })}</p>
          ) : (
            <p role="status">{v.t('imports.done', { rows: r.rows, rejected: r.rejected })}</p>
          )}
          {r.errors.length > 0 ? (
            <Table
              caption={v.t('imports.rejected')}
              head={[v.t('imports.line'), v.t('imports.field'), v.t('imports.reason')]}
              rows={r.errors.map((e) => [String(e.line), e.field, e.reason])}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}

export function LogPage({
  v,
  checkpoint,
  page,
  canSign,
  notice,
}: {
  v: View;
  checkpoint: StoredCheckpoint | null;
  page: EntryPage;
  canSign: boolean;
  notice: string | null;
}) {
  const start = page.start;
  return (
    <>
      <p class="lead">{v.t('log.intro')}</p>
      <Flash v={v} notice={notice} />
      <p>{v.t('log.size', { size: page.size })}</p>
      <section aria-labelledby="cp">
        <h2 id="cp">{v.t('log.checkpoint')}</h2>
        {checkpoint === null ? <p>{v.t('common.empty')}</p> : <pre class="note">{checkpoint.note}</pre>}
        {canSign ? (
          <form method="post" action="/staff/log/checkpoint" class="inline">
            <Csrf v={v} />
            <button type="submit">{v.t('log.sign')}</button>
          </form>
        ) : null}
      </section>
      <Table
        caption={v.t('log.entries')}
        head={[v.t('log.index'), v.t('log.type'), v.t('log.at'), v.t('log.hash')]}
        rows={page.entries.map((e) => [
          String(e.index),
          e.type,
          v.f.dateTime(e.at),
          <code>{e.leafHash.slice(0, 16)}…</code>,
        ])}
      />
      <Pager
        v={v}
        prev={start > 0 ? { start: String(Math.max(0, start - 50)) } : null}
        next={page.end < page.size ? { start: String(page.end) } : null}
      />
    </>
  );
}

export function MissingList({ v, reports }: { v: View; reports: MissingRecordingReport[] }) {
  return reports.length === 0 ? (
    <p>{v.t('common.empty')}</p>
  ) : (
    <Table
      caption={v.t('missingStaff.title')}
      hideCaption
      head={[
        v.t('common.date'),
        v.t('missingStaff.performer'),
        v.t('missing.fTitle'),
        v.t('missing.fArtist'),
        v.t('missing.fIsrc'),
        v.t('missing.fYear'),
        v.t('queue.fNote'),
      ]}
      rows={reports.map((r) => [
        v.f.date(r.createdAt),
        <a href={`/staff/members/${encodeURIComponent(r.performerId)}`}>{r.performerId.slice(0, 8)}</a>,
        r.title,
        r.artist,
        r.isrc ?? '—',
        r.year === null ? '—' : String(r.year),
        r.note ?? '',
      ])}
    />
  );
}
