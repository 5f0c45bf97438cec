/** The performer's area: recordings with their status, coverage over time, mandates, statements, missing recordings. */
import type { MissingRecordingReport } from '../../accounts/model.js';
import type { StatementLine } from '../../licensing/views.js';
import type { MandateVersion, Recording } from '../../registry/model.js';
import { Timeline } from '../charts.js';
import { Csrf, Flash, Pager, Status, Table, uses } from '../components.js';
import type { MessageKey } from '../i18n/index.js';
import type { View } from '../view.js';

export function MyRecordings({
  v,
  recordings,
  statuses,
  mandates,
  page,
  more,
}: {
  v: View;
  recordings: Recording[];
  statuses: Map<string, string>;
  mandates: MandateVersion[];
  page: number;
  more: boolean;
}) {
  // The version of each mandate that applies now: the newest one.
  const latest = [...new Map(mandates.map((m) => [m.mandateId, m])).values()];
  const starts = latest.map((m) => m.validFrom).sort();
  const now = new Date().toISOString();
  return (
    <>
      <p class="lead">{v.t('perf.intro')}</p>
      <Table
        caption={v.t('perf.title')}
        hideCaption
        head={[
          v.t('search.col.name'),
          v.t('recording.isrc'),
          v.t('recording.year'),
          v.t('search.col.status'),
        ]}
        rows={recordings.map((r) => [
          <a href={`/recordings/${encodeURIComponent(r.isrc ?? r.id)}`}>{r.title}</a>,
          r.isrc ?? '—',
          r.year === null ? '—' : String(r.year),
          r.isrc !== null && statuses.has(r.isrc) ? (
            <Status v={v} status={statuses.get(r.isrc) as string} />
          ) : (
            '—'
          ),
        ])}
      />
      <Pager
        v={v}
        prev={page > 1 ? { page: page === 2 ? '' : String(page - 1) } : null}
        next={more ? { page: String(page + 1) } : null}
      />
      <section aria-labelledby="coverage">
        <h2 id="coverage">{v.t('perf.coverage')}</h2>
        <p>{v.t('perf.coverageText')}</p>
        {latest.length === 0 ? (
          <p>{v.t('common.empty')}</p>
        ) : (
          <Timeline
            v={v}
            title={v.t('perf.coverage')}
            start={starts[0] ?? now}
            end={now}
            rows={latest.map((m) => ({
              label: uses(v, m.uses).slice(0, 28),
              from: m.validFrom,
              to: m.withdrawnAt ?? m.validTo,
              note: `${m.territories.join(', ')}; v${m.version}`,
            }))}
          />
        )}
      </section>
    </>
  );
}

export function MandateHistory({ v, mandates }: { v: View; mandates: MandateVersion[] }) {
  return mandates.length === 0 ? (
    <p>{v.t('common.empty')}</p>
  ) : (
    <Table
      caption={v.t('members.history')}
      head={[
        v.t('mandate.version'),
        v.t('mandate.change'),
        v.t('mandate.basis'),
        v.t('mandate.uses'),
        v.t('mandate.media'),
        v.t('mandate.territories'),
        v.t('mandate.validFrom'),
        v.t('mandate.validTo'),
        v.t('mandate.withdrawn'),
        v.t('mandate.recorded'),
      ]}
      rows={mandates.map((m) => [
        `${m.mandateId.slice(0, 8)} v${m.version}`,
        v.t(`mandate.change.${m.change}` as MessageKey),
        m.legalBasis,
        uses(v, m.uses),
        m.media.map((x) => v.t(`medium.${x}`)).join(', '),
        m.territories.join(', '),
        v.f.date(m.validFrom),
        m.validTo === null ? v.t('mandate.open') : v.f.date(m.validTo),
        v.f.date(m.withdrawnAt),
        v.f.dateTime(m.recordedAt),
      ])}
    />
  );
}

export function Statements({
  v,
  lines,
  page,
  more,
}: {
  v: View;
  lines: StatementLine[];
  page: number;
  more: boolean;
}) {
  const total = lines.reduce((n, l) => n + l.cents, 0);
  return (
    <>
      <p class="lead">{v.t('stmt.intro')}</p>
      {lines.length === 0 ? (
        <p>{v.t('common.empty')}</p>
      ) : (
        <>
          <p>
            <strong>{v.t('stmt.total', { amount: v.f.money(total) })}</strong>
          </p>
          <Table
            caption={v.t('stmt.title')}
            hideCaption
            head={[
              v.t('stmt.period'),
              v.t('stmt.recording'),
              v.t('recording.role'),
              v.t('recording.featured'),
              v.t('common.amount'),
            ]}
            rows={lines.map((l) => [
              `${v.f.date(l.periodFrom)} – ${v.f.date(l.periodTo)}`,
              l.recording,
              l.role,
              v.t(l.featured ? 'common.yes' : 'common.no'),
              v.f.money(l.cents),
            ])}
          />
        </>
      )}
      <Pager
        v={v}
        prev={page > 1 ? { page: page === 2 ? '' : String(page - 1) } : null}
        next={more ? { page: String(page + 1) } : null}
      />
    </>
  );
}

export function MissingForm({
  v,
  reports,
  error,
  notice,
  values,
}: {
  v: View;
  reports: MissingRecordingReport[];
  error: string | null;
  notice: string | null;
  values: Record<string, string>;
}) {
  const input = (name: string, label: string, attrs: Record<string, unknown> = {}) => (
    <>
      <label for={`m-${name}`}>{label}</label>
      <input id={`m-${name}`} name={name} value={values[name] ?? ''} {...attrs} />
    </>
  );
  return (
    <>
      <p class="lead">{v.t('missing.intro')}</p>
      <Flash v={v} error={error} notice={notice} />
      <form method="post" action="/performer/missing" class="stack narrow">
        <Csrf v={v} />
        {input('title', v.t('missing.fTitle'), { required: true, maxLength: 300 })}
        {input('artist', v.t('missing.fArtist'), { required: true, maxLength: 300 })}
        {input('isrc', `${v.t('missing.fIsrc')} ${v.t('common.optional')}`, { maxLength: 20 })}
        {input('year', `${v.t('missing.fYear')} ${v.t('common.optional')}`, {
          inputMode: 'numeric',
          maxLength: 4,
        })}
        <label for="m-note">{`${v.t('missing.fNote')} ${v.t('common.optional')}`}</label>
        <textarea id="m-note" name="note" rows={3} maxLength={2000}>
          {values.note ?? ''}
        </textarea>
        <button type="submit">{v.t('common.submit')}</button>
      </form>
      {reports.length > 0 ? (
        <Table
          caption={v.t('missing.yours')}
          head={[v.t('common.date'), v.t('missing.fTitle'), v.t('missing.fArtist'), v.t('missing.fIsrc')]}
          rows={reports.map((r) => [v.f.date(r.createdAt), r.title, r.artist, r.isrc ?? '—'])}
        />
      ) : null}
    </>
  );
}
