/** Log in and out: the password checked by the accounts service, a session cookie, attempts limited. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccountsError } from '../accounts/errors.js';
import { Csrf, Notice } from './components.js';
import type { WebDeps, WebOptions } from './deps.js';
import { field, safeNext, sendPage } from './guard.js';
import { homeOf } from './layout.js';
import { COOKIE, SESSION_COOKIE } from './cookies.js';
import { viewOf, type View } from './view.js';

function LoginForm({
  v,
  next,
  error,
  login,
}: {
  v: View;
  next: string;
  error: string | null;
  login: string;
}) {
  return (
    <>
      {error !== null ? <Notice kind="error">{error}</Notice> : null}
      <form method="post" action="/login" class="stack narrow">
        <Csrf v={v} />
        <input type="hidden" name="next" value={next} />
        <label for="email">{v.t('login.email')}</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={login} />
        <label for="password">{v.t('login.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">{v.t('login.button')}</button>
      </form>
      <p class="hint">{v.t('login.demo')}</p>
    </>
  );
}

export function registerAuthRoutes(app: FastifyInstance, deps: WebDeps, options: WebOptions): void {
  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    error: string | null,
    status = 200,
    login = '',
  ) => {
    const v = viewOf(request, reply, deps);
    const q = request.query as Record<string, unknown>;
    const next = safeNext(typeof q.next === 'string' ? q.next : field(request.body, 'next')) ?? '';
    return sendPage(
      reply,
      v,
      v.t('login.title'),
      <LoginForm v={v} next={next} error={error} login={login} />,
      status,
    );
  };

  app.get('/login', { schema: { hide: true } }, async (request, reply) => page(request, reply, null));

  app.post(
    '/login',
    {
      schema: { hide: true },
      config: {
        rateLimit: {
          max: options.loginMax ?? 10,
          timeWindow: options.loginWindowMs ?? 15 * 60 * 1000,
          // The page in the reader's language rather than the plugin's JSON.
          errorResponseBuilder: (_req, ctx) =>
            Object.assign(new Error(`too many login attempts: try again in ${ctx.after}`), {
              statusCode: 429,
            }),
        },
      },
    },
    async (request, reply) => {
      const email = field(request.body, 'email');
      const password = (request.body as Record<string, unknown> | undefined)?.password;
      const v = viewOf(request, reply, deps);
      try {
        const { token, session } = await deps.accounts.login(
          email,
          typeof password === 'string' ? password : '',
        );
        void reply.setCookie(SESSION_COOKIE, token, COOKIE);
        const next = safeNext(field(request.body, 'next'));
        return await reply.redirect(
          next !== null && next !== '' ? next : homeOf(session.principal.account.role),
          303,
        );
      } catch (e) {
        if (e instanceof AccountsError && e.code === 'ACCOUNTS_BAD_CREDENTIALS')
          return page(request, reply, v.t('login.failed'), 401, email);
        throw e;
      }
    },
  );

  app.post('/logout', { schema: { hide: true } }, async (request, reply) => {
    if (request.sessionToken !== null) await deps.accounts.logout(request.sessionToken);
    void reply.clearCookie(SESSION_COOKIE, COOKIE);
    return reply.redirect('/', 303);
  });
}
