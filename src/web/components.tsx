/** Small pieces shared by the pages: form token, notices, pagination, status badges, definition lists. */
import type { ComponentChildren } from 'preact';
import type { MessageKey } from './i18n/index.js';
import type { View } from './view.js';

export function Csrf({ v }: { v: View }) {
  return <input type="hidden" name="_csrf" value={v.csrf} />;
}

/** An error (announced at once by screen readers) or a confirmation. */
export function Notice({ kind, children }: { kind: 'error' | 'ok'; children: ComponentChildren }) {
  return kind === 'error' ? (
    <p class="notice notice-error" role="alert">
      {children}
    </p>
  ) : (
    <p class="notice notice-ok" role="status">
      {children}
    </p>
  );
}

export function Flash({
  v,
  error,
  notice,
}: {
  v: View;
  error?: string | null | undefined;
  notice?: string | null | undefined;
}) {
  return (
    <>
      {error ? <Notice kind="error">{v.t('form.problem', { message: error })}</Notice> : null}
      {notice ? <Notice kind="ok">{notice}</Notice> : null}
    </>
  );
}

const STATUS_CLASS: Record<string, string> = {
  reserved: 'badge-reserved',
  'not-covered': 'badge-free',
  unknown: 'badge-unknown',
  licensed: 'badge-licensed',
};

export function Status({ v, status }: { v: View; status: string }) {
  return (
    <span class={`badge ${STATUS_CLASS[status] ?? 'badge-unknown'}`}>
      {v.t(`status.${status}` as MessageKey)}
    </span>
  );
}

/** Previous / next links that keep the page's other query parameters. */
export function Pager({
  v,
  prev,
  next,
}: {
  v: View;
  prev: Record<string, string> | null;
  next: Record<string, string> | null;
}) {
  if (prev === null && next === null) return null;
  const href = (over: Record<string, string>) => {
    const q = new URLSearchParams(v.query);
    for (const [k, val] of Object.entries(over)) {
      if (val === '') q.delete(k);
      else q.set(k, val);
    }
    const s = q.toString();
    return s === '' ? v.path : `${v.path}?${s}`;
  };
  return (
    <nav class="pager" aria-label={v.t('common.pagination')}>
      {prev !== null ? (
        <a href={href(prev)} rel="prev">
          {v.t('common.previous')}
        </a>
      ) : null}
      {next !== null ? (
        <a href={href(next)} rel="next">
          {v.t('common.next')}
        </a>
      ) : null}
    </nav>
  );
}

export function Facts({ items }: { items: [string, ComponentChildren][] }) {
  return (
    <dl class="facts">
      {items.map(([k, val]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{val}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A `<table>` with a caption (screen readers announce it) and header cells with scope. */
export function Table({
  caption,
  head,
  rows,
  hideCaption,
}: {
  caption: string;
  head: string[];
  rows: ComponentChildren[][];
  hideCaption?: boolean;
}) {
  return (
    <div class="table-wrap">
      <table>
        <caption class={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const uses = (v: View, list: readonly string[]): string =>
  list.map((u) => v.t(`use.${u}` as MessageKey)).join(', ');

/** "Label: value", with the space French typography puts before the colon. */
export const labelled = (v: View, label: string, value: string): string =>
  v.locale === 'fr' ? `${label}\u00a0: ${value}` : `${label}: ${value}`;
