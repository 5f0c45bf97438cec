/**
 * What the registry reserves, seen from the web: the declarations in force at an instant, folded into the
 * handful of questions every machine-readable signal answers (is anything reserved; AI training; AI input;
 * search). Every renderer in this folder reads a `Reservation` and nothing else, which is what keeps the
 * artefacts consistent. Pure.
 */
import { inForce, usesCover, type Declaration, type Medium, type Territory, type Use } from '../registry/model.js';
import { SignalsError } from './errors.js';

/** The CMO's public site: where the artefacts live and who answers licence requests. */
export interface PublicationSite {
  /** Absolute base URL without a trailing slash, e.g. `https://tdm.cmo.example`. */
  baseUrl: string;
  /** The issuer named in documents when no declaration is in force (else the declaration's issuer). */
  issuer: string;
  /** `mailto:` target for licence requests; null when the CMO publishes none. */
  contactEmail: string | null;
  /** Page explaining how to obtain a licence (absolute URL). */
  licensingUrl: string;
}

/** The reservation the registry holds at one instant. */
export interface Reservation {
  at: string;
  /** True when at least one declaration is in force. */
  reserved: boolean;
  /** AI model training, generative or not (AIPREF `train-ai`, Content Signals `ai-train`, RSL `ai-train`). */
  trainAi: boolean;
  /** Input to AI models at inference: RAG, grounding, AI answers (Content Signals `ai-input`, RSL `ai-input`). */
  aiInput: boolean;
  /** Search indexing (AIPREF `search`, Content Signals `search`, RSL `search`). */
  search: boolean;
  /** Union of the uses, media and territories of the declarations in force (sorted, unique). */
  uses: Use[];
  media: Medium[];
  territories: Territory[];
  /** The declarations in force, oldest first. */
  declarations: Declaration[];
}

/** Where each artefact is published, relative to the site's base URL. One list for routes and static files. */
export const PATHS = {
  tdmrep: '/.well-known/tdmrep.json',
  policy: '/tdm-policy.jsonld',
  robots: '/robots.txt',
  aiTxt: '/ai.txt',
  rsl: '/license.xml',
  declarationJsonLd: '/declaration.jsonld',
  declarationJws: '/declaration.jws',
  declarationEn: '/declaration.en.html',
  declarationFr: '/declaration.fr.html',
} as const;
export type ArtefactName = keyof typeof PATHS;

const sortedUnion = <T extends string>(lists: readonly (readonly T[])[]): T[] => [...new Set(lists.flat())].sort();

/**
 * The reservation in force at `at`.
 *
 * @example
 * reservationAt(await registry.declarations(), new Date().toISOString()).trainAi; // true
 */
export function reservationAt(declarations: readonly Declaration[], at: string): Reservation {
  const live = declarations
    .filter((d) => inForce(d.effectiveFrom, null, d.withdrawnAt, at))
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : a.id < b.id ? -1 : 1));
  const uses = sortedUnion(live.map((d) => d.uses));
  return {
    at,
    reserved: live.length > 0,
    trainAi: usesCover(uses, 'ai-training') || usesCover(uses, 'genai-training'),
    aiInput: usesCover(uses, 'ai-inference'),
    search: usesCover(uses, 'search'),
    uses,
    media: sortedUnion(live.map((d) => d.media)),
    territories: sortedUnion(live.map((d) => d.territories)),
    declarations: live,
  };
}

/**
 * The instants at which the published artefacts last changed and will next change: the newest creation,
 * start or withdrawal at or before `at`, and the earliest start or withdrawal after it (null: none planned).
 */
export function changeInstants(declarations: readonly Declaration[], at: string): { last: string | null; next: string | null } {
  const past: string[] = [];
  const future: string[] = [];
  for (const d of declarations) {
    for (const t of [d.createdAt, d.effectiveFrom, d.withdrawnAt]) {
      if (t === null) continue;
      if (t <= at) past.push(t);
      // A creation after `at` changes nothing until the declaration's start, which is listed too.
      else if (t !== d.createdAt) future.push(t);
    }
  }
  past.sort();
  future.sort();
  return { last: past[past.length - 1] ?? null, next: future[0] ?? null };
}

/** Validates and normalises a site description; SIGNALS_BAD_SITE when a URL is not absolute http(s). */
export function toSite(input: { baseUrl: string; issuer: string; contactEmail?: string | null; licensingUrl?: string | null }): PublicationSite {
  const baseUrl = input.baseUrl.replace(/\/+$/, '');
  const absolute = (what: string, v: string): string => {
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      throw new SignalsError('SIGNALS_BAD_SITE', `${what} must be an absolute http(s) URL, got ${JSON.stringify(v)}`);
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') {
      throw new SignalsError('SIGNALS_BAD_SITE', `${what} must be an absolute http(s) URL, got ${JSON.stringify(v)}`);
    }
    return v;
  };
  absolute('base URL', baseUrl);
  const email = input.contactEmail?.trim() || null;
  if (email !== null && !/^[^\s@<>"]+@[^\s@<>"]+$/.test(email)) {
    throw new SignalsError('SIGNALS_BAD_SITE', `contact email is not an address: ${JSON.stringify(email)}`);
  }
  return {
    baseUrl,
    issuer: input.issuer.trim(),
    contactEmail: email,
    licensingUrl: absolute('licensing URL', input.licensingUrl?.trim() || `${baseUrl}/licensing`),
  };
}

/** Absolute URL of an artefact on the site. */
export function urlOf(site: PublicationSite, name: ArtefactName): string {
  return `${site.baseUrl}${PATHS[name]}`;
}
