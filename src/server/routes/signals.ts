/**
 * The published artefacts (docs/publication.md): robots.txt, ai.txt, TDMRep, the TDM policy, the RSL
 * licence and the declaration, each served from the precomputed publication with a strong ETag and
 * Last-Modified, answering conditional GETs with 304. Also adds the reservation header fields to every
 * response of the service, from the same precomputed object.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SignalsError } from '../../signals/errors.js';
import { PATHS, type ArtefactName } from '../../signals/model.js';
import type { Artefact } from '../../signals/publication.js';
import type { PublicationService } from '../../signals/service.js';

const SUMMARIES: Record<ArtefactName, string> = {
  tdmrep: 'TDMRep rules for this origin (W3C TDM Reservation Protocol)',
  policy: 'TDM policy: an ODRL Offer under the TDMRep profile (JSON-LD)',
  robots: 'robots.txt: AI crawlers, Content-Usage, Content-Signal and the RSL licence',
  aiTxt: 'ai.txt (Spawning): media file types datasets must not use',
  rsl: 'RSL 1.0 licence document',
  declarationJsonLd: 'The declaration, JSON-LD, English and French',
  declarationJws: 'The declaration document signed (JWS compact, EdDSA)',
  declarationEn: 'The declaration, public page in English',
  declarationFr: 'La déclaration, page publique en français',
};

/** Media type of each artefact in the OpenAPI document (the body is sent with `; charset=utf-8`). */
const MEDIA_TYPES: Record<ArtefactName, string> = {
  tdmrep: 'application/json',
  policy: 'application/ld+json',
  robots: 'text/plain',
  aiTxt: 'text/plain',
  rsl: 'application/rsl+xml',
  declarationJsonLd: 'application/ld+json',
  declarationJws: 'application/jose',
  declarationEn: 'text/html',
  declarationFr: 'text/html',
};

const httpDate = (iso: string): string => new Date(iso).toUTCString();

/**
 * RFC 9110 §13.1: If-None-Match (weak comparison) wins over If-Modified-Since. Written here because the
 * ETag is precomputed per artefact; @fastify/etag would hash every response body again.
 */
export function notModified(req: FastifyRequest, etag: string, lastModified: string): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    const weakless = (t: string) => t.trim().replace(/^W\//, '');
    return inm.trim() === '*' || inm.split(',').some((t) => weakless(t) === etag);
  }
  const ims = req.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  // HTTP dates have whole seconds: compare at that resolution.
  return !Number.isNaN(since) && Math.floor(Date.parse(lastModified) / 1000) * 1000 <= since;
}

function send(req: FastifyRequest, reply: FastifyReply, a: Artefact, lastModified: string): FastifyReply {
  void reply.header('etag', a.etag).header('last-modified', httpDate(lastModified)).header('cache-control', 'public, max-age=300');
  if (notModified(req, a.etag, lastModified)) return reply.code(304).send();
  return reply.type(a.contentType).send(a.body);
}

export function registerSignalRoutes(app: FastifyInstance, deps: { publication: PublicationService }): void {
  const { publication } = deps;
  // Every response carries the reservation (the headers object is swapped whole on refresh, never built here).
  app.addHook('onRequest', (_req, reply, done) => {
    void reply.headers(publication.current().headers);
    done();
  });
  for (const name of Object.keys(PATHS) as ArtefactName[]) {
    app.get(
      PATHS[name],
      {
        schema: {
          tags: ['publication'],
          summary: SUMMARIES[name],
          description: 'Served with ETag and Last-Modified; a matching If-None-Match or If-Modified-Since is answered 304. 404 `SIGNALS_NOT_PUBLISHED` while no declaration in force calls for it.',
          response: {
            200: { description: SUMMARIES[name], content: { [MEDIA_TYPES[name]]: { schema: { type: 'string' } } } },
            304: { type: 'null', description: 'Not modified' },
            404: { $ref: 'ErrorBody#' },
          },
        },
      },
      (req, reply) => {
        const pub = publication.current();
        const a = pub.artefacts[name];
        if (a === undefined) throw new SignalsError('SIGNALS_NOT_PUBLISHED', `${PATHS[name]} is not published: no declaration in force calls for it`);
        return send(req, reply, a, pub.lastModified);
      },
    );
  }
}
