/**
 * The reservation as HTTP response header fields, added to every content response, and the two
 * preference lines robots.txt shares with them. Pure.
 */
import { serializeDictionary, Token, type Item, type Parameters } from 'structured-headers';
import { urlOf, type PublicationSite, type Reservation } from './model.js';

/** RSL's media type (RSL 1.0 §4): the `type` of its `Link` and the content type of the document. */
export const RSL_TYPE = 'application/rsl+xml';

/**
 * IETF AI-preferences (draft-ietf-aipref-vocab-07) as a Structured Fields Dictionary: `train-ai=n` and
 * `search=n` for what is reserved. Nothing is said of what is not reserved (the CMO states reservations,
 * not permissions), and `ai-inference` has no label in -07. Null when nothing is to be said.
 */
export function contentUsageValue(r: Reservation): string | null {
  // Items with no parameters: the library's types only admit a bare Token in its object form.
  const prefs = new Map<string, Item>();
  const none: Parameters = new Map();
  if (r.trainAi) prefs.set('train-ai', [new Token('n'), none]);
  if (r.search) prefs.set('search', [new Token('n'), none]);
  // Serialised by the RFC 9651 library so the value is exactly what a Structured Fields parser reads.
  return prefs.size === 0 ? null : serializeDictionary(prefs);
}

/** Cloudflare Content Signals (`yes`/`no`, comma-separated), for what is reserved; null when nothing is. */
export function contentSignalValue(r: Reservation): string | null {
  const parts: string[] = [];
  if (r.search) parts.push('search=no');
  if (r.aiInput) parts.push('ai-input=no');
  if (r.trainAi) parts.push('ai-train=no');
  return parts.length === 0 ? null : parts.join(', ');
}

/**
 * Header fields for every content response (lower-case names, as Node sends them). TDMRep's
 * `tdm-reservation`/`tdm-policy`, AIPREF's `content-usage`, DeviantArt's `noai, noimageai` (which speak of
 * training datasets, so only when training is reserved), and RSL's licence link.
 */
export function responseHeaders(r: Reservation, site: PublicationSite): Record<string, string> {
  const h: Record<string, string> = {};
  if (r.reserved) {
    h['tdm-reservation'] = '1';
    h['tdm-policy'] = urlOf(site, 'policy');
  }
  const usage = contentUsageValue(r);
  if (usage !== null) h['content-usage'] = usage;
  if (r.trainAi) h['x-robots-tag'] = 'noai, noimageai';
  if (r.reserved) h.link = `<${urlOf(site, 'rsl')}>; rel="license"; type="${RSL_TYPE}"`;
  return h;
}
