/** Public pages: the portal, search, recordings with their status and proof, performers, licensing, artefacts. */
import type { FastifyInstance } from 'fastify';
import { RegistryError } from '../registry/errors.js';
import { PATHS } from '../signals/model.js';
import { cached } from './cache.js';
import type { WebDeps } from './deps.js';
import { sendPage } from './guard.js';
import type { MessageKey } from './i18n/index.js';
import { Artefacts, Home, Licensing, SearchResults } from './pages/public.js';
import { PerformerPage, RecordingPage } from './pages/public-records.js';
import { viewOf } from './view.js';

const PAGE = 20;
const hide = { schema: { hide: true } } as const;

/** `?page=N` as a whole number from 1 (anything else is page 1). */
export function pageOf(query: unknown): number {
  const p = Number((query as Record<string, unknown> | undefined)?.page);
  return Number.isInteger(p) && p >= 1 && p <= 10_000 ? p : 1;
}

const ARTEFACTS: [string, MessageKey][] = [
  [PATHS.tdmrep, 'artefacts.tdmrep'],
  [PATHS.policy, 'artefacts.policy'],
  [PATHS.robots, 'artefacts.robots'],
  [PATHS.aiTxt, 'artefacts.aiTxt'],
  [PATHS.rsl, 'artefacts.rsl'],
  [PATHS.declarationJsonLd, 'artefacts.declarationJsonLd'],
  [PATHS.declarationJws, 'artefacts.declarationJws'],
  [PATHS.declarationEn, 'artefacts.declarationEn'],
  [PATHS.declarationFr, 'artefacts.declarationFr'],
  ['/.well-known/tdm-reserve/log-key', 'artefacts.logKey'],
  ['/v1/log/checkpoint', 'artefacts.checkpoint'],
  ['/openapi.json', 'artefacts.openapi'],
];

export function registerPublicRoutes(app: FastifyInstance, deps: WebDeps): void {
  const counts = cached(60_000, () => deps.registry.counts());

  app.get(
    '/',
    {
      schema: {
        tags: ['service'],
        summary: 'The public portal (HTML), or what this service is, with links (JSON)',
        description: 'HTML for people; JSON when the Accept header prefers `application/json`.',
        produces: ['text/html', 'application/json'],
        response: { 200: { ...deps.serviceInfoSchema, description: 'Service description (JSON variant)' } },
      },
    },
    async (request, reply) => {
      const info = deps.serviceInfo(deps.publicUrl ?? `${request.protocol}://${request.host}`);
      if (request.accepts().type(['html', 'json']) === 'json') return reply.send(info);
      const v = viewOf(request, reply, deps);
      const c = await counts();
      const declarations =
        deps.publication?.current().reservation.declarations ??
        (await deps.registry.declarations()).filter((d) => d.withdrawnAt === null);
      return sendPage(
        reply,
        v,
        v.t('home.title'),
        <Home v={v} counts={c} declarations={declarations} api={info.links} />,
      );
    },
  );

  app.get('/search', hide, async (request, reply) => {
    const v = viewOf(request, reply, deps);
    const asked = (request.query as Record<string, unknown>).q;
    const q = (typeof asked === 'string' ? asked : '').trim().slice(0, 200);
    const page = pageOf(request.query);
    const found =
      q === '' ? [] : await deps.registry.search(q, { limit: PAGE + 1, offset: (page - 1) * PAGE });
    const hits = found.slice(0, PAGE);
    const isrcs = hits.flatMap((h) =>
      h.type === 'recording' && h.identifier !== null ? [h.identifier] : [],
    );
    const statuses = new Map<string, string>();
    for (const o of isrcs.length === 0 ? [] : await deps.registry.check(isrcs))
      if (o.ok) statuses.set(o.input, o.status);
    return sendPage(
      reply,
      v,
      v.t('search.title'),
      <SearchResults v={v} q={q} hits={hits} statuses={statuses} page={page} more={found.length > PAGE} />,
    );
  });

  app.get<{ Params: { id: string } }>('/recordings/:id', hide, async (request, reply) => {
    const v = viewOf(request, reply, deps);
    let found;
    try {
      found = await deps.registry.recording(request.params.id);
    } catch (e) {
      if (
        e instanceof RegistryError &&
        (e.code === 'REGISTRY_NOT_FOUND' || e.code === 'REGISTRY_INVALID_ID')
      ) {
        return sendPage(
          reply,
          v,
          v.t('error.title'),
          <p role="alert">{v.t('recording.notFound', { id: request.params.id })}</p>,
          404,
        );
      }
      throw e;
    }
    const r = found.recording;
    const status = await deps.registry.status(r.isrc ?? r.isan ?? (r.eidr as string));
    return sendPage(
      reply,
      v,
      r.title,
      <RecordingPage
        v={v}
        recording={r}
        lineup={found.lineup}
        performers={found.performers}
        status={status}
      />,
    );
  });

  app.get<{ Params: { id: string } }>('/performers/:id', hide, async (request, reply) => {
    const v = viewOf(request, reply, deps);
    const performer = await deps.registry.performer(request.params.id);
    const page = pageOf(request.query);
    const recs = await deps.registry.recordingsOfPerformer(performer.id, {
      limit: PAGE + 1,
      offset: (page - 1) * PAGE,
    });
    return sendPage(
      reply,
      v,
      performer.displayName,
      <PerformerPage
        v={v}
        performer={performer}
        recordings={recs.slice(0, PAGE)}
        page={page}
        more={recs.length > PAGE}
      />,
    );
  });

  app.get('/licensing', hide, async (request, reply) => {
    const v = viewOf(request, reply, deps);
    return sendPage(
      reply,
      v,
      v.t('licensing.title'),
      <Licensing v={v} tariffs={await deps.views.licensing.tariffs()} email={deps.contactEmail} />,
    );
  });

  app.get('/artefacts', hide, async (request, reply) => {
    const v = viewOf(request, reply, deps);
    return sendPage(reply, v, v.t('artefacts.title'), <Artefacts v={v} files={ARTEFACTS} />);
  });
}
