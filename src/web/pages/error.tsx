import type { FastifyReply } from 'fastify';
import { sendPage } from '../guard.js';
import type { View } from '../view.js';

export function errorPage(
  reply: FastifyReply,
  v: View,
  status: number,
  message: string | null,
): FastifyReply {
  const generic =
    status === 403
      ? v.t('error.403')
      : status === 404
        ? v.t('error.404')
        : status === 429
          ? v.t('error.429')
          : status >= 500
            ? v.t('error.500')
            : null;
  return sendPage(
    reply,
    v,
    v.t('error.title'),
    <>
      {generic !== null ? <p>{generic}</p> : null}
      {message !== null && message !== generic ? <p role="alert">{message}</p> : null}
      <p>
        <a href="/">{v.t('error.back')}</a>
      </p>
    </>,
    status,
  );
}
