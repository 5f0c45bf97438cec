/** Role guards and the page reply: every page of an area names the roles that may open it. */
import type { ComponentChildren } from 'preact';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../licensing/service.js';
import type { Role } from '../licensing/workflow.js';
import { WebError } from './errors.js';
import { renderPage } from './layout.js';
import type { View } from './view.js';

export const ALL_STAFF: readonly Role[] = ['administrator', 'rights-manager', 'licensing-officer', 'auditor'];
/** Who changes the registry (imports). */
export const REGISTRY_WRITERS: readonly Role[] = ['administrator', 'rights-manager'];
/** Who moves licence requests and runs distributions (the workflow checks again). */
export const LICENSING_WRITERS: readonly Role[] = ['administrator', 'licensing-officer'];

/** The principal of the request if its role is among `roles`; else login (401) or WEB_FORBIDDEN (403). */
export function requireRole(request: FastifyRequest, roles: readonly Role[]): Principal {
  const p = request.principal;
  if (p === null) throw new WebError('WEB_LOGIN_REQUIRED', 'log in to see this page');
  if (!roles.includes(p.account.role))
    throw new WebError('WEB_FORBIDDEN', `a ${p.account.role} may not open this page`);
  return p;
}

export function sendPage(
  reply: FastifyReply,
  v: View,
  title: string,
  body: ComponentChildren,
  status = 200,
): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderPage(v, title, body));
}

/** A form field of an urlencoded body, as one trimmed string ('' when absent). */
export function field(body: unknown, name: string): string {
  const v = (body as Record<string, unknown> | null | undefined)?.[name];
  const s: unknown = Array.isArray(v) ? (v as unknown[])[0] : v;
  return typeof s === 'string' ? s.trim() : '';
}

/** Every value of a repeated form field (checkboxes). */
export function fields(body: unknown, name: string): string[] {
  const v = (body as Record<string, unknown> | null | undefined)?.[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((s): s is string => typeof s === 'string');
}

/** A relative path to go back to after login: only our own paths (no `//host`, no scheme). */
export function safeNext(next: string): string | null {
  return /^\/(?![/\\])[^\s]*$/.test(next) ? next : null;
}
