/**
 * What every page is rendered with: the language and its formats, who is signed in, the CSRF token for
 * its forms, and where it is (for the language switch and the current-page mark in the navigation).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../licensing/service.js';
import {
  chooseLocale,
  formats,
  translator,
  type Formats,
  type Locale,
  type Translate,
} from './i18n/index.js';

export interface View {
  locale: Locale;
  t: Translate;
  f: Formats;
  principal: Principal | null;
  /** The CSRF token to put in every form this page holds. */
  csrf: string;
  /** The path of the page, without its query. */
  path: string;
  query: URLSearchParams;
  version: string;
  /** The service's base URL as the reader reached it (for commands shown on pages). */
  base: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account of a web request, or null (set by the web plugin's session hook). */
    principal: Principal | null;
    /** The session token the request came with (to log it out). */
    sessionToken: string | null;
  }
}

export function localeOf(request: FastifyRequest): Locale {
  const q = request.query as Record<string, unknown> | undefined;
  return chooseLocale(q?.lang, request.cookies.lang, request.accepts().language(['fr', 'en']));
}

export function viewOf(
  request: FastifyRequest,
  reply: FastifyReply,
  site: { version: string; publicUrl: string | null },
): View {
  const locale = localeOf(request);
  const url = new URL(request.url, 'http://x');
  return {
    locale,
    t: translator(locale),
    f: formats(locale),
    principal: request.principal,
    csrf: reply.generateCsrf(),
    path: url.pathname,
    query: url.searchParams,
    version: site.version,
    base: site.publicUrl ?? `${request.protocol}://${request.host}`,
  };
}
