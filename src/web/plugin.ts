/**
 * The web application: server-rendered pages for the public, performers, AI developers and the
 * collective's staff, in French and English, mounted on the service's Fastify app in a scope of its own
 * (its security headers, cookies, forms and CSRF checks apply to the pages only, not to the API).
 *
 * Security: sessions in the database (only the token's SHA-256 stored) in a Secure, HttpOnly,
 * SameSite=Lax cookie; a CSRF token on every form (@fastify/csrf-protection, double submit with a
 * signed secret cookie); login attempts limited per address (@fastify/rate-limit); helmet's headers
 * with a CSP that allows nothing but this origin (no inline script or style anywhere).
 */
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { errorBody } from '../server/error-handler.js';
import { COOKIE, SESSION_COOKIE } from './cookies.js';
import type { WebDeps, WebOptions } from './deps.js';
import { registerAuthRoutes } from './routes-auth.js';
import { registerDeveloperRoutes } from './routes-developer.js';
import { registerManifestRoutes } from './routes-manifests.js';
import { registerPerformerRoutes } from './routes-performer.js';
import { registerPublicRoutes } from './routes-public.js';
import { registerStaffRoutes } from './routes-staff.js';
import { registerStaffDistributionRoutes } from './routes-staff-distributions.js';
import { registerStaffLicensingRoutes } from './routes-staff-licensing.js';
import { errorPage } from './pages/error.js';
import { viewOf } from './view.js';

const ASSETS = fileURLToPath(new URL('../../web/', import.meta.url));

export async function registerWeb(
  app: FastifyInstance,
  deps: WebDeps,
  options: WebOptions = {},
): Promise<void> {
  const secret = await deps.accounts.secret('cookie-signing');
  await app.register(cookie, { secret });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(formbody);
  await app.register(multipart, {
    limits: { fileSize: options.uploadLimit ?? 256 * 1024 * 1024, files: 1, fields: 20 },
  });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { ...COOKIE, signed: true },
    // Multipart forms carry the token in their action URL: their body is read by the handler, after this check.
    getToken: (req) => {
      const b = req.body as Record<string, unknown> | undefined;
      const q = req.query as Record<string, unknown> | undefined;
      const h = req.headers['x-csrf-token'];
      const t = b?._csrf ?? h ?? q?._csrf;
      return typeof t === 'string' ? t : undefined;
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(fastifyStatic, { root: ASSETS, prefix: '/assets/', maxAge: '1h', index: false });

  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request, reply) => {
    const lang = (request.query as Record<string, unknown> | undefined)?.lang;
    if (lang === 'fr' || lang === 'en')
      void reply.setCookie('lang', lang, { ...COOKIE, maxAge: 365 * 24 * 3600 });
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined || token === '') return;
    const session = await deps.accounts.session(token);
    if (session === null) {
      void reply.clearCookie(SESSION_COOKIE, COOKIE);
      return;
    }
    request.principal = session.principal;
    request.sessionToken = token;
  });
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'POST') app.csrfProtection(request, reply, done);
    else done();
  });
  app.setErrorHandler((error, request, reply) => pageError(deps, error, request, reply));

  registerPublicRoutes(app, deps);
  registerAuthRoutes(app, deps, options);
  registerPerformerRoutes(app, deps);
  registerDeveloperRoutes(app, deps);
  registerManifestRoutes(app, deps);
  registerStaffRoutes(app, deps);
  registerStaffLicensingRoutes(app, deps);
  registerStaffDistributionRoutes(app, deps);
}

/** Errors of a page, as a page: a redirect to the login form, or the status with a message in the reader's language. */
function pageError(
  deps: WebDeps,
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error instanceof AppError && error.code === 'WEB_LOGIN_REQUIRED' && request.method === 'GET') {
    return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
  }
  const fastifyStatus = (error as { statusCode?: unknown }).statusCode;
  const code = (error as { code?: unknown }).code;
  const status =
    !(error instanceof AppError) &&
    typeof fastifyStatus === 'number' &&
    fastifyStatus >= 400 &&
    fastifyStatus < 500
      ? fastifyStatus
      : errorBody(error).statusCode;
  if (status >= 500) request.log.error({ err: error }, 'page failed');
  const v = viewOf(request, reply, deps);
  const message =
    status === 403 && typeof code === 'string' && code.startsWith('FST_CSRF')
      ? v.t('error.csrf')
      : status >= 500
        ? v.t('error.500')
        : error instanceof AppError
          ? error.message
          : null;
  return errorPage(reply, v, status, message);
}
