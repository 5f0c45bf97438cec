/** The AI developer's area: requests and licences, the request form, API keys, usage reports. */
import type { LicenceRequest } from '../../licensing/parties.js';
import type { StoredLicence, UsageReport } from '../../licensing/store.js';
import { LICENCE_USES } from '../../licensing/tariffs.js';
import type { KeyInfo } from '../../licensing/views.js';
import { Csrf, Flash, Table, uses } from '../components.js';
import type { View } from '../view.js';
import { stateText } from './licence-request.js';

export function DeveloperHome({
  v,
  requests,
  licences,
}: {
  v: View;
  requests: LicenceRequest[];
  licences: StoredLicence[];
}) {
  return (
    <>
      <p>
        <a class="button" href="/developer/requests/new">
          {v.t('dev.new')}
        </a>
      </p>
      {requests.length === 0 ? (
        <p>{v.t('dev.none')}</p>
      ) : (
        <Table
          caption={v.t('dev.requests')}
          head={[v.t('dev.product'), v.t('dev.uses'), v.t('dev.term'), v.t('common.state')]}
          rows={requests.map((r) => [
            <a href={`/developer/requests/${r.id}`}>{r.terms.product}</a>,
            uses(v, r.terms.uses),
            `${v.f.date(r.terms.from)} – ${v.f.date(r.terms.to)}`,
            stateText(v, r.state),
          ])}
        />
      )}
      {licences.length > 0 ? (
        <Table
          caption={v.t('dev.licences')}
          head={['ID', v.t('dev.uses'), v.t('dev.term'), v.t('common.download')]}
          rows={licences.map((l) => [
            <code>{l.id.slice(0, 8)}</code>,
            uses(v, l.terms.uses),
            `${v.f.date(l.terms.from)} – ${v.f.date(l.terms.to)}`,
            <a href={`/developer/licences/${l.id}/licence.jws`} download={`licence-${l.id}.jws`}>
              JWS
            </a>,
          ])}
        />
      ) : null}
    </>
  );
}

export function RequestForm({
  v,
  error,
  values,
}: {
  v: View;
  error: string | null;
  values: Record<string, string | string[]>;
}) {
  const val = (k: string) => (typeof values[k] === 'string' ? values[k] : '');
  const chosen = Array.isArray(values.uses) ? values.uses : ['ai-training'];
  const rep = val('repertoire') || 'all';
  return (
    <>
      <Flash v={v} error={error} />
      <form method="post" action="/developer/requests" class="stack">
        <Csrf v={v} />
        <fieldset>
          <legend>{v.t('dev.fUses')}</legend>
          {LICENCE_USES.map((u) => (
            <label class="check" key={u}>
              <input type="checkbox" name="uses" value={u} checked={chosen.includes(u)} /> {v.t(`use.${u}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{v.t('dev.fRepertoire')}</legend>
          <label class="check">
            <input type="radio" name="repertoire" value="all" checked={rep === 'all'} />{' '}
            {v.t('dev.fRepertoireAll')}
          </label>
          <label class="check">
            <input type="radio" name="repertoire" value="recordings" checked={rep === 'recordings'} />{' '}
            {v.t('dev.fRepertoireList')}
          </label>
          <label for="r-isrcs">{v.t('dev.fIsrcs')}</label>
          <textarea id="r-isrcs" name="isrcs" rows={3}>
            {val('isrcs')}
          </textarea>
        </fieldset>
        <label for="r-territories">{v.t('dev.fTerritories')}</label>
        <input id="r-territories" name="territories" value={val('territories') || 'WORLD'} required />
        <label for="r-from">{v.t('dev.fFrom')}</label>
        <input id="r-from" name="from" type="date" value={val('from')} required />
        <label for="r-to">{v.t('dev.fTo')}</label>
        <input id="r-to" name="to" type="date" value={val('to')} required />
        <label for="r-product">{v.t('dev.fProduct')}</label>
        <input id="r-product" name="product" value={val('product')} required maxLength={500} />
        <label for="r-volume">{`${v.t('dev.fVolume')} ${v.t('common.optional')}`}</label>
        <input id="r-volume" name="expectedVolume" value={val('expectedVolume')} maxLength={500} />
        <button type="submit">{v.t('common.submit')}</button>
      </form>
    </>
  );
}

export function Keys({
  v,
  keys,
  fresh,
  error,
}: {
  v: View;
  keys: KeyInfo[];
  fresh: string | null;
  error?: string | null;
}) {
  return (
    <>
      <p class="lead">{v.t('keys.intro')}</p>
      <Flash v={v} error={error} />
      {fresh !== null ? (
        <div class="notice notice-ok" role="status">
          <p>{v.t('keys.new')}</p>
          <p>
            <code class="secret" data-testid="new-key">
              {fresh}
            </code>
          </p>
        </div>
      ) : null}
      <form method="post" action="/developer/keys" class="inline">
        <Csrf v={v} />
        <button type="submit">{v.t('keys.create')}</button>
      </form>
      {keys.length === 0 ? (
        <p>{v.t('keys.none')}</p>
      ) : (
        <Table
          caption={v.t('keys.title')}
          hideCaption
          head={['ID', v.t('keys.scopes'), v.t('keys.created'), v.t('keys.revoked'), v.t('common.actions')]}
          rows={keys.map((k) => [
            <code>{k.id}</code>,
            k.scopes.join(', '),
            v.f.dateTime(k.createdAt),
            v.f.dateTime(k.revokedAt),
            k.revokedAt === null ? (
              <form method="post" action={`/developer/keys/${k.id}/revoke`} class="inline">
                <Csrf v={v} />
                <button type="submit" class="secondary" aria-label={`${v.t('keys.revoke')} ${k.id}`}>
                  {v.t('keys.revoke')}
                </button>
              </form>
            ) : (
              '—'
            ),
          ])}
        />
      )}
    </>
  );
}

export function Usage({
  v,
  licences,
  reports,
  error,
  notice,
}: {
  v: View;
  licences: StoredLicence[];
  reports: UsageReport[];
  error: string | null;
  notice: string | null;
}) {
  return (
    <>
      <p class="lead">{v.t('usage.intro')}</p>
      <Flash v={v} error={error} notice={notice} />
      {licences.length === 0 ? (
        <p>{v.t('usage.noLicence')}</p>
      ) : (
        <form
          method="post"
          action={`/developer/usage?_csrf=${encodeURIComponent(v.csrf)}`}
          enctype="multipart/form-data"
          class="stack narrow"
          data-progress=""
        >
          <label for="u-licence">{v.t('usage.fLicence')}</label>
          <select id="u-licence" name="licence" required>
            {licences.map((l) => (
              <option value={l.id} key={l.id}>
                {`${l.id.slice(0, 8)} — ${l.terms.product} (${v.f.date(l.terms.from)} – ${v.f.date(l.terms.to)})`}
              </option>
            ))}
          </select>
          <label for="u-from">{v.t('common.from')}</label>
          <input id="u-from" name="from" type="date" required />
          <label for="u-to">{v.t('common.to')}</label>
          <input id="u-to" name="to" type="date" required />
          <label for="u-revenue">{`${v.t('usage.fRevenue')} ${v.t('common.optional')}`}</label>
          <input id="u-revenue" name="revenue" inputMode="decimal" />
          <label for="u-file">{v.t('usage.fFile')}</label>
          <input id="u-file" name="file" type="file" accept=".csv,text/csv" required />
          <progress class="upload-progress" max={100} value={0} hidden aria-label={v.t('common.progress')} />
          <button type="submit">{v.t('usage.upload')}</button>
        </form>
      )}
      {reports.length > 0 ? (
        <Table
          caption={v.t('usage.title')}
          head={[
            v.t('stmt.period'),
            v.t('usage.lines'),
            v.t('usage.flagged'),
            v.t('usage.total'),
            v.t('common.date'),
          ]}
          rows={reports.map((r) => [
            `${v.f.date(r.period.from)} – ${v.f.date(r.period.to)}`,
            v.f.number(r.lines),
            v.f.number(r.flagged),
            v.f.money(r.totalCents, r.currency),
            v.f.dateTime(r.submittedAt),
          ])}
        />
      ) : null}
    </>
  );
}
