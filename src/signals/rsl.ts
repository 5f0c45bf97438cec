/**
 * RSL 1.0 licence document (`application/rsl+xml`, namespace `https://rslstandard.org/rsl`). Two
 * alternative licences for the whole site: the free one prohibits the reserved uses; the other permits
 * them against payment, arranged through the CMO's licensing desk (`<custom>`). Element order follows the
 * specification's content model (license, copyright, terms; permits, prohibits, payment, legal). Pure.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { urlOf, type PublicationSite, type Reservation } from './model.js';

export const RSL_NAMESPACE = 'https://rslstandard.org/rsl';

/** RSL usage tokens (§3.4.1) for the reserved uses, space-separated as RSL 1.0 lists are. */
export function rslUsageTokens(r: Reservation): string[] {
  const t: string[] = [];
  if (r.trainAi) t.push('ai-train');
  if (r.aiInput) t.push('ai-input');
  if (r.search) t.push('search');
  return t;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

/** The RSL document while a declaration in force reserves a use RSL names; null otherwise. */
export function rslDocument(r: Reservation, site: PublicationSite, lastModified: string | null): string | null {
  const tokens = rslUsageTokens(r).join(' ');
  if (!r.reserved || tokens === '') return null;
  const issuer = r.declarations[0]?.issuer ?? site.issuer;
  const contact = site.contactEmail ?? site.licensingUrl;
  const doc = {
    rsl: {
      '@xmlns': RSL_NAMESPACE,
      content: {
        '@url': '/',
        ...(lastModified === null ? {} : { '@lastmod': lastModified }),
        license: [
          { prohibits: { '@type': 'usage', '#text': tokens } },
          {
            permits: { '@type': 'usage', '#text': tokens },
            payment: { custom: site.licensingUrl },
            legal: { '@type': 'contact', '#text': contact },
          },
        ],
        copyright: {
          '@type': 'organization',
          ...(site.contactEmail === null ? {} : { '@contactEmail': site.contactEmail }),
          '@contactUrl': site.licensingUrl,
          '#text': issuer,
        },
        terms: urlOf(site, 'declarationEn'),
      },
    },
  };
  // The builder escapes text and attribute values (& < > " ').
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(doc)}`;
}
