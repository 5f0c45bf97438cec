/**
 * The declaration as published: one JSON-LD document (texts in English and French side by side, as
 * language maps) and the public HTML page in each language rendered from it. The document depends only
 * on the declarations and the site, never on the instant it is rendered, so its canonical form (RFC 8785)
 * and hash change only when the declaration does. Pure.
 */
import { canonicalJson, type JsonValue } from '../ledger/canonical-json.js';
import { usesCover, type Declaration, type Medium, type Use } from '../registry/model.js';
import { PATHS, urlOf, type PublicationSite, type Reservation } from './model.js';

/** Signs the canonical declaration document; see declaration-sign.ts. */
export interface DeclarationSigner {
  sign(doc: JsonValue): string;
}

export type Lang = 'en' | 'fr';

const USE_LABELS: Record<Use, Record<Lang, string>> = {
  'ai-training': { en: 'training of AI models', fr: 'entraînement de modèles d’IA' },
  'genai-training': { en: 'training of generative AI models', fr: 'entraînement de modèles d’IA générative' },
  'ai-inference': { en: 'use as input to AI models (retrieval, grounding, AI answers)', fr: 'utilisation en entrée de modèles d’IA (recherche augmentée, ancrage, réponses d’IA)' },
  search: { en: 'search indexing', fr: 'indexation par les moteurs de recherche' },
  'all-tdm': { en: 'every text and data mining use', fr: 'toute fouille de textes et de données' },
};
const MEDIUM_LABELS: Record<Medium, Record<Lang, string>> = {
  sound: { en: 'sound recordings', fr: 'phonogrammes' },
  audiovisual: { en: 'audiovisual recordings', fr: 'vidéogrammes' },
};

/** Legal basis, in both languages (the registry stores the English wording of each declaration). */
export const LEGAL_BASIS: Record<Lang, string> = {
  en: 'Article 4(3) of Directive (EU) 2019/790 on copyright and related rights in the Digital Single Market; French Intellectual Property Code (CPI), articles L.122-5-3 and L.211-3 8°',
  fr: 'Article 4, paragraphe 3, de la directive (UE) 2019/790 sur le droit d’auteur et les droits voisins dans le marché unique numérique ; code de la propriété intellectuelle, articles L.122-5-3 et L.211-3 8°',
};
/** ELI of the Directive. */
export const DIRECTIVE_ELI = 'http://data.europa.eu/eli/dir/2019/790/oj';

const list = (items: string[], lang: Lang): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'et'} ${items[items.length - 1]}`;

function statement(d: Declaration, lang: Lang, site: PublicationSite): string {
  const uses = list(d.uses.map((u) => USE_LABELS[u][lang]), lang);
  const media = list(d.media.map((m) => MEDIUM_LABELS[m][lang]), lang);
  const territories = d.territories.includes('WORLD') ? (lang === 'en' ? 'worldwide' : 'dans le monde entier') : d.territories.join(', ');
  const date = d.effectiveFrom.slice(0, 10);
  return lang === 'en'
    ? `${d.issuer}, on behalf of the performers it represents, expressly reserves the rights in their ${media} against ${uses} (${territories}), from ${date}, under ${LEGAL_BASIS.en}. A licence is required for these uses: ${site.licensingUrl}.`
    : `${d.issuer}, au nom des artistes-interprètes qu’elle représente, s’oppose expressément, à compter du ${date}, à la fouille de textes et de données de leurs ${media} pour : ${uses} (${territories}), en application de l’${LEGAL_BASIS.fr}. Ces utilisations exigent une licence : ${site.licensingUrl}.`;
}

/** The declaration document (JSON-LD, inline context so it expands without fetching anything). */
export function declarationDocument(all: readonly Declaration[], r: Reservation, site: PublicationSite): JsonValue {
  const sorted = [...all].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  const live = new Set(r.declarations.map((d) => d.id));
  const issuer = r.declarations[0]?.issuer ?? sorted[sorted.length - 1]?.issuer ?? site.issuer;
  return {
    '@context': {
      schema: 'https://schema.org/',
      tdm: 'http://www.w3.org/ns/tdmrep#',
      tdmr: `${site.baseUrl}/ns#`,
      name: { '@id': 'schema:name', '@container': '@language' },
      text: { '@id': 'schema:text', '@container': '@language' },
      legalBasis: { '@id': 'tdmr:legalBasis', '@container': '@language' },
      publisher: { '@id': 'schema:publisher' },
      url: { '@id': 'schema:url', '@type': '@id' },
      email: { '@id': 'schema:email' },
      citation: { '@id': 'schema:citation', '@type': '@id' },
      usageInfo: { '@id': 'schema:usageInfo', '@type': '@id' },
      hasPart: { '@id': 'schema:hasPart', '@container': '@list' },
      inForce: { '@id': 'tdmr:inForce' },
      uses: { '@id': 'tdmr:uses', '@container': '@set' },
      media: { '@id': 'tdmr:media', '@container': '@set' },
      territories: { '@id': 'tdmr:territories', '@container': '@set' },
      effectiveFrom: { '@id': 'tdmr:effectiveFrom', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' },
      withdrawnAt: { '@id': 'tdmr:withdrawnAt', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' },
      createdAt: { '@id': 'schema:dateCreated', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' },
      reservation: { '@id': 'tdm:reservation' },
      policy: { '@id': 'tdm:policy', '@type': '@id' },
      license: { '@id': 'schema:license', '@type': '@id' },
    },
    '@id': urlOf(site, 'declarationJsonLd'),
    '@type': 'schema:DigitalDocument',
    name: { en: 'Reservation of text and data mining rights', fr: 'Réservation des droits de fouille de textes et de données' },
    publisher: { '@type': 'schema:Organization', 'schema:name': issuer, url: site.baseUrl, ...(site.contactEmail === null ? {} : { email: site.contactEmail }) },
    legalBasis: LEGAL_BASIS,
    citation: DIRECTIVE_ELI,
    usageInfo: site.licensingUrl,
    reservation: r.reserved ? 1 : 0,
    uses: [...r.uses],
    ...(r.reserved ? { policy: urlOf(site, 'policy'), license: urlOf(site, 'rsl') } : {}),
    hasPart: sorted.map((d) => ({
      '@id': `${site.baseUrl}${PATHS.declarationJsonLd}#${d.id}`,
      'schema:identifier': d.id,
      'schema:name': d.issuer,
      inForce: live.has(d.id),
      legalBasis: { en: d.legalBasis },
      uses: [...d.uses],
      media: [...d.media],
      territories: [...d.territories],
      effectiveFrom: d.effectiveFrom,
      ...(d.withdrawnAt === null ? {} : { withdrawnAt: d.withdrawnAt }),
      createdAt: d.createdAt,
      text: { en: statement(d, 'en', site), fr: statement(d, 'fr', site) },
    })),
  };
}

/** RFC 8785 canonical text of the document: what is signed and hashed. */
export function canonicalDeclaration(doc: JsonValue): string {
  return canonicalJson(doc);
}

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

interface DocView {
  publisher: { 'schema:name': string };
  reservation: number;
  /** Uses reserved by the declarations in force. */
  uses: Use[];
  policy?: string;
  license?: string;
  usageInfo: string;
  hasPart: { 'schema:identifier': string; inForce: boolean; effectiveFrom: string; withdrawnAt?: string; text: Record<Lang, string> }[];
}

const UI: Record<Lang, Record<string, string>> = {
  en: { title: 'Reservation of text and data mining rights', none: 'No declaration is in force.', inForce: 'In force since', withdrawn: 'Withdrawn on', from: 'Effective from', licence: 'How to obtain a licence', basis: 'Legal basis', other: 'Version française', machine: 'Machine-readable forms' },
  fr: { title: 'Réservation des droits de fouille de textes et de données', none: 'Aucune déclaration n’est en vigueur.', inForce: 'En vigueur depuis le', withdrawn: 'Retirée le', from: 'Effective à compter du', licence: 'Obtenir une licence', basis: 'Fondement juridique', other: 'English version', machine: 'Formes lisibles par machine' },
};

/** The public page in one language, from the document (so page and document cannot disagree). */
export function declarationHtml(doc: JsonValue, lang: Lang): string {
  const d = doc as unknown as DocView;
  const t = UI[lang];
  const other = lang === 'en' ? PATHS.declarationFr : PATHS.declarationEn;
  // Same rule as the X-Robots-Tag header: `noai` speaks of training datasets.
  const trainAi = usesCover(d.uses, 'ai-training') || usesCover(d.uses, 'genai-training');
  const items = d.hasPart.map((p) => {
    const when = p.inForce ? `${t.inForce} ${p.effectiveFrom.slice(0, 10)}` : p.withdrawnAt !== undefined ? `${t.withdrawn} ${p.withdrawnAt.slice(0, 10)}` : `${t.from} ${p.effectiveFrom.slice(0, 10)}`;
    return `<li id="${esc(p['schema:identifier'])}"><p>${esc(p.text[lang])}</p><p><small>${esc(when)}</small></p></li>`;
  });
  const meta = d.reservation === 1
    ? `<meta name="tdm-reservation" content="1">\n<meta name="tdm-policy" content="${esc(d.policy ?? '')}">\n${trainAi ? '<meta name="robots" content="noai, noimageai">\n' : ''}<link rel="license" type="application/rsl+xml" href="${esc(d.license ?? '')}">\n`
    : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${esc(t.title ?? '')} — ${esc(d.publisher['schema:name'])}</title>
${meta}<link rel="alternate" type="application/ld+json" href="${PATHS.declarationJsonLd}">
<link rel="alternate" hreflang="${lang === 'en' ? 'fr' : 'en'}" href="${other}">
</head>
<body>
<h1>${esc(t.title ?? '')}</h1>
<p><strong>${esc(d.publisher['schema:name'])}</strong></p>
${d.reservation === 1 ? '' : `<p>${esc(t.none ?? '')}</p>\n`}<ol>
${items.join('\n')}
</ol>
<h2>${esc(t.basis ?? '')}</h2>
<p>${esc(LEGAL_BASIS[lang])}</p>
<h2>${esc(t.licence ?? '')}</h2>
<p><a href="${esc(d.usageInfo)}">${esc(d.usageInfo)}</a></p>
<h2>${esc(t.machine ?? '')}</h2>
<ul><li><a href="${PATHS.declarationJsonLd}">JSON-LD</a></li><li><a href="${PATHS.declarationJws}">JWS</a></li><li><a href="${PATHS.tdmrep}">TDMRep</a></li><li><a href="${PATHS.rsl}">RSL</a></li><li><a href="${PATHS.robots}">robots.txt</a></li></ul>
<p><a href="${other}" hreflang="${lang === 'en' ? 'fr' : 'en'}">${esc(t.other ?? '')}</a></p>
</body>
</html>
`;
}
