/**
 * The frame of every page: skip link, header with the site name, the main navigation, the area of the
 * signed-in role, the language switch, and the footer. One `<main>` with one `<h1>` per page.
 */
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import type { Role } from '../licensing/workflow.js';
import { Csrf } from './components.js';
import type { MessageKey } from './i18n/index.js';
import type { View } from './view.js';

type Link = [href: string, label: MessageKey];

const PUBLIC: Link[] = [
  ['/', 'nav.home'],
  ['/search', 'nav.search'],
  ['/licensing', 'nav.licensing'],
  ['/artefacts', 'nav.artefacts'],
];

const PERFORMER: Link[] = [
  ['/performer', 'nav.performer.recordings'],
  ['/performer/mandates', 'nav.performer.mandates'],
  ['/performer/statements', 'nav.performer.statements'],
  ['/performer/missing', 'nav.performer.missing'],
];

const DEVELOPER: Link[] = [
  ['/developer', 'nav.developer.requests'],
  ['/developer/requests/new', 'nav.developer.new'],
  ['/developer/keys', 'nav.developer.keys'],
  ['/developer/usage', 'nav.developer.usage'],
  ['/developer/manifests', 'nav.developer.manifests'],
];

const STAFF: Link[] = [
  ['/staff', 'nav.staff.dashboard'],
  ['/staff/members', 'nav.staff.members'],
  ['/staff/imports', 'nav.staff.imports'],
  ['/staff/licences', 'nav.staff.licences'],
  ['/staff/distributions', 'nav.staff.distributions'],
  ['/staff/log', 'nav.staff.log'],
  ['/staff/missing', 'nav.staff.missing'],
];

/** The links of a role's own area. */
export function areaLinks(role: Role): Link[] {
  if (role === 'performer') return PERFORMER;
  if (role === 'licensee') return DEVELOPER;
  if (role === 'system') return [];
  return STAFF;
}

/** The area a role lands in after logging in. */
export function homeOf(role: Role): string {
  return areaLinks(role)[0]?.[0] ?? '/';
}

function NavList({ v, links, label }: { v: View; links: Link[]; label: string }) {
  // The current page is the longest link that prefixes the path (so /staff/members/x marks "Members").
  const current = links
    .map(([href]) => href)
    .filter((h) => v.path === h || (h !== '/' && v.path.startsWith(`${h}/`)))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label={label}>
      <ul>
        {links.map(([href, key]) => (
          <li key={href}>
            <a href={href} aria-current={href === current ? 'page' : undefined}>
              {v.t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LangSwitch({ v }: { v: View }) {
  const other = v.locale === 'fr' ? 'en' : 'fr';
  const q = new URLSearchParams(v.query);
  q.set('lang', other);
  return (
    <a class="lang" href={`${v.path}?${q.toString()}`} hrefLang={other} lang={other}>
      {other === 'fr' ? 'Français' : 'English'}
    </a>
  );
}

export function Layout({ v, title, children }: { v: View; title: string; children: ComponentChildren }) {
  const p = v.principal;
  return (
    <html lang={v.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${v.t('site.name')}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <script src="/assets/app.js" defer />
      </head>
      <body>
        <a class="skip" href="#main">
          {v.t('skip.main')}
        </a>
        <header class="site-header">
          <div class="brand">
            <a href="/" class="brand-name">
              {v.t('site.name')}
            </a>
            <span class="brand-tagline">{v.t('site.tagline')}</span>
          </div>
          <div class="session">
            <LangSwitch v={v} />
            {p === null ? (
              <a href="/login">{v.t('nav.login')}</a>
            ) : (
              <form method="post" action="/logout" class="inline">
                <span>
                  {v.t('signed.in', {
                    name: p.account.name,
                    role: v.t(`role.${p.account.role}` as MessageKey),
                  })}
                </span>{' '}
                <Csrf v={v} />
                <button type="submit" class="link-button">
                  {v.t('nav.logout')}
                </button>
              </form>
            )}
          </div>
          <NavList v={v} links={PUBLIC} label={v.t('nav.main')} />
          {p !== null && areaLinks(p.account.role).length > 0 ? (
            <NavList v={v} links={areaLinks(p.account.role)} label={v.t('nav.area')} />
          ) : null}
        </header>
        <main id="main" tabIndex={-1}>
          <h1>{title}</h1>
          {children}
        </main>
        <footer class="site-footer">
          <a href="/docs">{v.t('footer.api')}</a> · <a href="/v1/log/checkpoint">{v.t('footer.log')}</a> ·{' '}
          {v.t('footer.version', { version: v.version })}
        </footer>
      </body>
    </html>
  );
}

/** The page as an HTML document. */
export function renderPage(v: View, title: string, body: ComponentChildren): string {
  return `<!doctype html>${render(
    <Layout v={v} title={title}>
      {body}
    </Layout>,
  )}`;
}
