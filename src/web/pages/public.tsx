/** The public pages' bodies: home, search results, licensing, the artefacts (a recording and a performer: public-records.tsx). */
import type { Declaration } from '../../registry/model.js';
import type { SearchHit } from '../../registry/store.js';
import type { Tariff } from '../../licensing/tariffs.js';
import { Pager, Status, Table, uses } from '../components.js';
import type { MessageKey } from '../i18n/index.js';
import type { View } from '../view.js';

export function SearchForm({ v, q }: { v: View; q: string }) {
  return (
    <form method="get" action="/search" role="search" class="search">
      <label for="q">{v.t('search.label')}</label>
      <input id="q" name="q" type="search" value={q} required maxLength={200} autocomplete="off" />
      <button type="submit">{v.t('search.button')}</button>
    </form>
  );
}

export function Home({
  v,
  counts,
  declarations,
  api,
}: {
  v: View;
  counts: { recordings: number; performers: number; members: number };
  declarations: Declaration[];
  api: { docs: string | null; openapi: string };
}) {
  return (
    <>
      <p class="lead">{v.t('home.intro')}</p>
      <SearchForm v={v} q="" />
      <p>{v.t('home.counts', counts)}</p>
      <section aria-labelledby="decl">
        <h2 id="decl">{v.t('home.declaration')}</h2>
        {declarations.length === 0 ? (
          <p>{v.t('home.declarationNone')}</p>
        ) : (
          declarations.map((d) => (
            <p key={d.id}>
              {v.t('home.declarationText', {
                issuer: d.issuer,
                from: v.f.date(d.effectiveFrom),
                uses: uses(v, d.uses),
                territories: d.territories.join(', '),
              })}
            </p>
          ))
        )}
        <p>
          <a href={`/declaration.${v.locale}.html`}>{v.t('home.readDeclaration')}</a> ·{' '}
          <a href="/artefacts">{v.t('nav.artefacts')}</a>
        </p>
      </section>
      <div class="cards">
        <section aria-labelledby="dev">
          <h2 id="dev">{v.t('home.forDevelopers')}</h2>
          <p>{v.t('home.forDevelopersText')}</p>
          <p>
            <a href="/licensing">{v.t('nav.licensing')}</a>
            {api.docs !== null ? (
              <>
                {' · '}
                <a href={api.docs}>{v.t('footer.api')}</a>
              </>
            ) : null}
            {' · '}
            <a href={api.openapi}>OpenAPI</a>
          </p>
        </section>
        <section aria-labelledby="perf">
          <h2 id="perf">{v.t('home.forPerformers')}</h2>
          <p>{v.t('home.forPerformersText')}</p>
          <p>
            <a href="/login">{v.t('nav.login')}</a>
          </p>
        </section>
      </div>
    </>
  );
}

export function SearchResults({
  v,
  q,
  hits,
  statuses,
  page,
  more,
}: {
  v: View;
  q: string;
  hits: SearchHit[];
  statuses: Map<string, string>;
  page: number;
  more: boolean;
}) {
  return (
    <>
      <SearchForm v={v} q={q} />
      {q === '' ? null : hits.length === 0 ? (
        <p role="status">{v.t('search.none', { q })}</p>
      ) : (
        <>
          <Table
            caption={v.t('search.results', { q })}
            head={[
              v.t('search.col.what'),
              v.t('search.col.name'),
              v.t('search.col.detail'),
              v.t('search.col.identifier'),
              v.t('search.col.status'),
            ]}
            rows={hits.map((h) => [
              v.t(`search.type.${h.type}`),
              <a
                href={
                  h.type === 'recording'
                    ? `/recordings/${encodeURIComponent(h.identifier ?? h.id)}`
                    : `/performers/${encodeURIComponent(h.id)}`
                }
              >
                {h.label}
              </a>,
              h.detail,
              h.identifier === null ? '—' : <code>{h.identifier}</code>,
              h.type === 'recording' && h.identifier !== null && statuses.has(h.identifier) ? (
                <Status v={v} status={statuses.get(h.identifier) as string} />
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
        </>
      )}
    </>
  );
}

export function tariffSummary(v: View, t: Tariff): string {
  const m = t.model;
  const price =
    m.kind === 'flat'
      ? v.f.money(m.amountCents, t.currency)
      : m.kind === 'per-recording-use'
        ? `${v.f.money(m.centsPerRecordingPerUse, t.currency)} / rec. / use`
        : m.kind === 'revenue-share'
          ? `${v.f.number(m.basisPoints / 100)} % (min. ${v.f.money(m.minimumCents, t.currency)})`
          : `${v.f.money(m.centsPerHour, t.currency)} / h`;
  return `${m.kind}: ${price}`;
}

export function Licensing({ v, tariffs, email }: { v: View; tariffs: Tariff[]; email: string }) {
  return (
    <>
      <p class="lead">{v.t('licensing.intro')}</p>
      <ol class="steps">
        <li>{v.t('licensing.step1', { email })}</li>
        <li>{v.t('licensing.step2')}</li>
        <li>{v.t('licensing.step3')}</li>
        <li>{v.t('licensing.step4')}</li>
        <li>{v.t('licensing.step5')}</li>
      </ol>
      {tariffs.length === 0 ? (
        <p>{v.t('licensing.tariffNone')}</p>
      ) : (
        <Table
          caption={v.t('licensing.tariffs')}
          head={[v.t('search.col.name'), v.t('tariffs.version'), v.t('dev.uses'), v.t('tariffs.model')]}
          rows={tariffs.map((t) => [t.name, String(t.version), uses(v, t.uses), tariffSummary(v, t)])}
        />
      )}
    </>
  );
}

export function Artefacts({ v, files }: { v: View; files: [string, MessageKey][] }) {
  return (
    <>
      <p class="lead">{v.t('artefacts.intro')}</p>
      <Table
        caption={v.t('artefacts.title')}
        hideCaption
        head={[v.t('artefacts.col.file'), v.t('artefacts.col.what')]}
        rows={files.map(([path, key]) => [
          <a href={path}>
            <code>{`${v.base}${path}`}</code>
          </a>,
          v.t(key),
        ])}
      />
    </>
  );
}
