/** A licence request as its licensee and the staff see it: terms, offer, history, licence, and the moves the reader may make. */
import type { ComponentChildren } from 'preact';
import type { LicenceRequest } from '../../licensing/parties.js';
import type { StoredLicence } from '../../licensing/store.js';
import type { Terms } from '../../licensing/model.js';
import { actionsFor, type Action, type Role, type TransitionEvent } from '../../licensing/workflow.js';
import { Csrf, Facts, Flash, Table, uses } from '../components.js';
import type { MessageKey } from '../i18n/index.js';
import type { View } from '../view.js';

export function termsFacts(v: View, t: Terms): [string, ComponentChildren][] {
  const rep = t.repertoire;
  return [
    [v.t('dev.product'), t.product],
    [v.t('dev.uses'), uses(v, t.uses)],
    [
      v.t('dev.fRepertoire'),
      rep.kind === 'all'
        ? v.t('dev.fRepertoireAll')
        : rep.kind === 'recordings'
          ? rep.isrcs.slice(0, 20).join(', ') + (rep.isrcs.length > 20 ? ` … (${rep.isrcs.length})` : '')
          : rep.kind,
    ],
    [v.t('mandate.territories'), t.territories.join(', ')],
    [v.t('dev.term'), `${v.f.date(t.from)} – ${v.f.date(t.to)}`],
    [v.t('dev.fVolume'), t.expectedVolume ?? '—'],
  ];
}

export const stateText = (v: View, s: string): string => v.t(`state.${s}` as MessageKey);

export function RequestDetail({
  v,
  request,
  events,
  licence,
  role,
  actionBase,
  offerForm,
  licenceBase,
  error,
  notice,
}: {
  v: View;
  request: LicenceRequest;
  events: TransitionEvent[];
  licence: StoredLicence | null;
  role: Role;
  /** Where the moves are posted: `${actionBase}/${action}`. */
  actionBase: string;
  /** The offer form (staff, under review). */
  offerForm?: ComponentChildren;
  /** Where the licence downloads are, when the reader may download them. */
  licenceBase: string | null;
  error?: string | null;
  notice?: string | null;
}) {
  const actions = actionsFor(request.state, role).filter(
    (a): a is Exclude<Action, 'offer' | 'expire'> => a !== 'offer' && a !== 'expire',
  );
  return (
    <>
      <Flash v={v} error={error} notice={notice} />
      <Facts
        items={[
          [v.t('common.state'), <strong>{stateText(v, request.state)}</strong>],
          [v.t('common.date'), v.f.dateTime(request.createdAt)],
        ]}
      />
      <section aria-labelledby="terms">
        <h2 id="terms">{v.t('queue.terms')}</h2>
        <Facts items={termsFacts(v, request.terms)} />
      </section>
      {request.offer !== null ? (
        <section aria-labelledby="offer">
          <h2 id="offer">{v.t('dev.offer')}</h2>
          <Facts
            items={[
              ...termsFacts(v, request.offer.terms),
              [v.t('dev.tariff'), `${request.offer.tariff.id} v${request.offer.tariff.version}`],
            ]}
          />
        </section>
      ) : null}
      {actions.length > 0 ? (
        <div class="actions">
          {actions.map((a) => (
            <form method="post" action={`${actionBase}/${a}`} class="inline" key={a}>
              <Csrf v={v} />
              <button
                type="submit"
                class={a === 'reject' || a === 'decline' || a === 'terminate' ? 'secondary' : undefined}
              >
                {v.t(`action.${a}`)}
              </button>
            </form>
          ))}
        </div>
      ) : null}
      {actionsFor(request.state, role).includes('offer') ? offerForm : null}
      {licence !== null ? (
        <section aria-labelledby="licence">
          <h2 id="licence">{v.t('dev.licence')}</h2>
          <Facts
            items={[
              ['ID', <code>{licence.id}</code>],
              [v.t('dev.issued'), v.f.dateTime(licence.issuedAt)],
              [v.t('dev.tariff'), `${licence.tariff.id} v${licence.tariff.version}`],
            ]}
          />
          {licenceBase !== null ? (
            <p>
              <a
                class="button"
                href={`${licenceBase}/${licence.id}/licence.jws`}
                download={`licence-${licence.id}.jws`}
              >
                {v.t('dev.licenceJws')}
              </a>{' '}
              <a
                href={`${licenceBase}/${licence.id}/licence.jsonld`}
                download={`licence-${licence.id}.jsonld`}
              >
                {v.t('dev.licenceJson')}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
      <Table
        caption={v.t('dev.history')}
        head={[v.t('common.date'), v.t('common.actions'), v.t('common.state'), v.t('queue.fNote')]}
        rows={events.map((e) => [
          v.f.dateTime(e.at),
          v.t(`action.${e.action}`),
          `${stateText(v, e.from)} → ${stateText(v, e.to)}`,
          e.note ?? '',
        ])}
      />
    </>
  );
}
