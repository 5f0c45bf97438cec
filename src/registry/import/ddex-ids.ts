/**
 * Name-based UUIDs (RFC 9562 version 5, SHA-1) for performers created from DDEX parties: the same party
 * key always gives the same id, so importing a message again finds the performers it created, also for
 * parties that have no ISNI or IPN.
 */
import { createHash } from 'node:crypto';

/** Namespace of TDM Reserve's DDEX party ids (itself a v5 UUID of "tdm-reserve:ddex-party" in the URL namespace). */
const NAMESPACE = Buffer.from('caf0668e1dac5d63a75de7e0e231cd4a', 'hex');

export function nameUuid(name: string): string {
  const h = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
