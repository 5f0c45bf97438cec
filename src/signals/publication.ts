/**
 * THE derivation: every published artefact from the registry's declarations at one instant. Routes,
 * `tdmr publish` and the tests all go through `derivePublication`, so no artefact can say something the
 * others do not. Pure (hashing aside).
 *
 * @example
 * const pub = derivePublication({ declarations, at: new Date().toISOString(), site, crawlers: BUNDLED_CRAWLERS });
 * pub.artefacts.robots?.body; // the robots.txt text
 */
import { createHash } from 'node:crypto';
import type { Declaration } from '../registry/model.js';
import type { CrawlerList } from './crawlers.js';
import { declarationDocument, declarationHtml, type DeclarationSigner } from './declaration-doc.js';
import { responseHeaders, RSL_TYPE } from './headers.js';
import { changeInstants, PATHS, reservationAt, type ArtefactName, type PublicationSite, type Reservation } from './model.js';
import { aiTxt, robotsTxt } from './robots.js';
import { rslDocument } from './rsl.js';
import { tdmPolicy, tdmRepRules } from './tdmrep.js';

export interface Artefact {
  name: ArtefactName;
  /** Path on the site, from `PATHS`. */
  path: string;
  contentType: string;
  body: string;
  /** Strong validator: a quoted prefix of the body's SHA-256 (base64url). */
  etag: string;
}

export interface Publication {
  reservation: Reservation;
  /** Newest change at or before `at` that the artefacts reflect (ISO-8601; the epoch when none). */
  lastModified: string;
  /** Next planned change (a declaration starting or withdrawn later), or null. */
  nextChange: string | null;
  /** Header fields for every content response. */
  headers: Record<string, string>;
  /** Published artefacts; an absent one is not published under this reservation (answered 404). */
  artefacts: Partial<Record<ArtefactName, Artefact>>;
}

export interface PublicationInput {
  declarations: readonly Declaration[];
  at: string;
  site: PublicationSite;
  crawlers: CrawlerList;
  /** Signs the declaration document (JWS); without it no `declaration.jws` is published. */
  signer?: DeclarationSigner | undefined;
}

export const EPOCH = '1970-01-01T00:00:00.000Z';

export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('base64url').slice(0, 27)}"`;
}

const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

export function derivePublication(input: PublicationInput): Publication {
  const { site, at } = input;
  const r = reservationAt(input.declarations, at);
  const { last, next } = changeInstants(input.declarations, at);
  const artefacts: Partial<Record<ArtefactName, Artefact>> = {};
  const put = (name: ArtefactName, contentType: string, body: string | null): void => {
    if (body !== null) artefacts[name] = { name, path: PATHS[name], contentType, body, etag: etagOf(body) };
  };
  put('tdmrep', 'application/json; charset=utf-8', json(tdmRepRules(r, site)));
  const policy = tdmPolicy(r, site);
  put('policy', 'application/ld+json; charset=utf-8', policy === null ? null : json(policy));
  put('robots', 'text/plain; charset=utf-8', robotsTxt(r, site, input.crawlers));
  put('aiTxt', 'text/plain; charset=utf-8', aiTxt(r, site));
  put('rsl', `${RSL_TYPE}; charset=utf-8`, rslDocument(r, site, last));
  const doc = declarationDocument(input.declarations, r, site);
  const docText = json(doc);
  put('declarationJsonLd', 'application/ld+json; charset=utf-8', docText);
  put('declarationEn', 'text/html; charset=utf-8', declarationHtml(doc, 'en'));
  put('declarationFr', 'text/html; charset=utf-8', declarationHtml(doc, 'fr'));
  if (input.signer !== undefined) put('declarationJws', 'application/jose; charset=utf-8', `${input.signer.sign(doc)}\n`);
  return { reservation: r, lastModified: last ?? EPOCH, nextChange: next, headers: responseHeaders(r, site), artefacts };
}
