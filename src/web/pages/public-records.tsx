/** The public pages of one recording (its status per use, with the reasons) and of one performer. */
import type { LineupEntry, Performer, Recording } from '../../registry/model.js';
import type { RecordingStatus } from '../../registry/service.js';
import type { Reason } from '../../registry/coverage.js';
import { Facts, Pager, Status, Table } from '../components.js';
import type { MessageKey } from '../i18n/index.js';
import type { View } from '../view.js';

export function reasonText(v: View, r: Reason): string {
  return v.t(`reason.${r.code}` as MessageKey, { name: r.performerName ?? '' });
}

export function RecordingPage({
  v,
  recording,
  lineup,
  performers,
  status,
}: {
  v: View;
  recording: Recording;
  lineup: LineupEntry[];
  performers: Performer[];
  status: RecordingStatus;
}) {
  const byId = new Map(performers.map((p) => [p.id, p]));
  return (
    <>
      <p class="lead">{v.t('recording.by', { artist: recording.displayArtist })}</p>
      <Facts
        items={[
          [v.t('recording.isrc'), recording.isrc ?? '—'],
          [v.t('recording.kind'), v.t(`medium.${recording.kind}`)],
          [v.t('recording.year'), recording.year === null ? '—' : String(recording.year)],
          [v.t('recording.label'), recording.label ?? '—'],
        ]}
      />
      <Table
        caption={v.t('recording.status')}
        head={[v.t('recording.use'), v.t('search.col.status'), v.t('recording.why')]}
        rows={status.uses.map((u) => [
          v.t(`use.${u.use}`),
          <Status v={v} status={u.status} />,
          <ul class="reasons">
            {u.reasons.map((r, i) => (
              <li key={i}>{reasonText(v, r)}</li>
            ))}
          </ul>,
        ])}
      />
      <Table
        caption={v.t('recording.lineup')}
        head={[
          v.t('members.col.name'),
          v.t('recording.role'),
          v.t('recording.featured'),
          v.t('recording.member'),
        ]}
        rows={lineup.map((e) => {
          const p = byId.get(e.performerId);
          return [
            p === undefined ? (
              e.performerId
            ) : (
              <a href={`/performers/${encodeURIComponent(p.id)}`}>{p.displayName}</a>
            ),
            e.role + (e.instrument ? ` (${e.instrument})` : ''),
            v.t(e.featured ? 'common.yes' : 'common.no'),
            v.t(p?.member ? 'common.yes' : 'common.no'),
          ];
        })}
      />
      {recording.isrc !== null ? (
        <section aria-labelledby="proof">
          <h2 id="proof">{v.t('recording.proof')}</h2>
          <p>{v.t('recording.proofText')}</p>
          <p>
            <a
              class="button"
              href={`/v1/recordings/${recording.isrc}/proof`}
              download={`proof-${recording.isrc}.json`}
            >
              {v.t('recording.proofDownload')}
            </a>
          </p>
          <p>
            {v.t('recording.proofVerify')} (
            <a href="/.well-known/tdm-reserve/log-key">{v.t('recording.proofKey')}</a>)
          </p>
          <pre>
            <code>{`curl -s ${v.base}/.well-known/tdm-reserve/log-key > log-key\ntdmr verify-proof proof-${recording.isrc}.json --key log-key`}</code>
          </pre>
        </section>
      ) : null}
    </>
  );
}

export function PerformerPage({
  v,
  performer,
  recordings,
  page,
  more,
}: {
  v: View;
  performer: Performer;
  recordings: Recording[];
  page: number;
  more: boolean;
}) {
  return (
    <>
      <Facts
        items={[
          [
            v.t('performer.memberNo'),
            performer.member ? (performer.memberNo ?? '—') : v.t('performer.nonMember'),
          ],
          ['ISNI', performer.isni ?? '—'],
        ]}
      />
      <Table
        caption={v.t('performer.recordings')}
        head={[v.t('search.col.name'), v.t('recording.isrc'), v.t('recording.year')]}
        rows={recordings.map((r) => [
          <a href={`/recordings/${encodeURIComponent(r.isrc ?? r.id)}`}>{r.title}</a>,
          r.isrc ?? '—',
          r.year === null ? '—' : String(r.year),
        ])}
      />
      <Pager
        v={v}
        prev={page > 1 ? { page: page === 2 ? '' : String(page - 1) } : null}
        next={more ? { page: String(page + 1) } : null}
      />
    </>
  );
}
