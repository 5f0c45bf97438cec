/**
 * W3C TDMRep (Community Group Final Report, 2024 revision): the origin-wide `/.well-known/tdmrep.json`
 * rule list and the TDM policy it points to, an ODRL 2.2 Offer under the `http://www.w3.org/ns/tdmrep`
 * profile (docs/publication.md, "TDMRep"). Pure.
 */
import { urlOf, type PublicationSite, type Reservation } from './model.js';

export interface TdmRepRule {
  location: string;
  'tdm-reservation': 0 | 1;
  'tdm-policy'?: string;
}

/**
 * The rule list: one rule for the whole origin while a declaration is in force, none otherwise (no rule
 * leaves the reservation unset; `0` would state that mining is allowed without asking, which the CMO
 * does not say by withdrawing).
 */
export function tdmRepRules(r: Reservation, site: PublicationSite): TdmRepRule[] {
  if (!r.reserved) return [];
  return [{ location: '/', 'tdm-reservation': 1, 'tdm-policy': urlOf(site, 'policy') }];
}

/** The collection the policy's permission covers (agents quote it when they ask for a licence). */
export function repertoireUri(site: PublicationSite): string {
  return `${site.baseUrl}/repertoire`;
}

/** The TDM policy (ODRL Offer, JSON-LD) while a declaration is in force; null otherwise. */
export function tdmPolicy(r: Reservation, site: PublicationSite): Record<string, unknown> | null {
  if (!r.reserved) return null;
  const issuer = r.declarations[0]?.issuer ?? site.issuer;
  return {
    '@context': ['http://www.w3.org/ns/odrl.jsonld', 'http://www.w3.org/ns/tdmrep.jsonld'],
    '@type': 'Offer',
    uid: urlOf(site, 'policy'),
    profile: 'http://www.w3.org/ns/tdmrep',
    assigner: {
      uid: site.baseUrl,
      'vcard:fn': issuer,
      ...(site.contactEmail === null ? {} : { 'vcard:hasEmail': `mailto:${site.contactEmail}` }),
      'vcard:hasURL': site.licensingUrl,
    },
    permission: [
      {
        action: 'tdm:mine',
        target: repertoireUri(site),
        // "Contact us for a licence" and "the licence is paid" in the TDMRep profile's words.
        duty: [{ action: 'obtainConsent' }, { action: 'compensate' }],
      },
    ],
  };
}
