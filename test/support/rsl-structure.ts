/**
 * A structural check of RSL 1.0 documents, written from the element model described in
 * /work/shared/reference/signals.md §3.2 (partly from secondary implementer notes: the Relax NG schema of
 * the specification's Appendix A was not available here). It checks the namespace, which elements may
 * appear where and how often, the attribute names and enumerated values, and the usage vocabulary.
 * Returns the problems found (empty: conforms to this reading of the model).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

type Node = Record<string, unknown>;
/** Attribute and text values as text (the parser gives strings, numbers or booleans). */
const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
const USAGE = new Set(['all', 'ai-all', 'ai-train', 'ai-input', 'ai-index', 'search']);
const USER = new Set(['commercial', 'non-commercial', 'education', 'government', 'personal']);
const PAYMENT = new Set(['purchase', 'subscription', 'training', 'crawl', 'use', 'contribution', 'attribution', 'free']);
const LEGAL = new Set(['warranty', 'disclaimer', 'attestation', 'contact', 'proof']);

export function rslProblems(xml: string): string[] {
  const problems: string[] = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed: ${valid.err.msg}`];
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => !n.startsWith('@') && n !== '#text' && n !== '?xml' }).parse(xml) as Node;
  const only = (node: Node, where: string, children: Record<string, [number, number]>, attrs: string[]): void => {
    for (const k of Object.keys(node)) {
      if (k.startsWith('@')) {
        if (!attrs.includes(k.slice(1))) problems.push(`${where}: unexpected attribute ${k.slice(1)}`);
      } else if (k !== '#text' && !(k in children)) problems.push(`${where}: unexpected element <${k}>`);
    }
    for (const [name, [min, max]] of Object.entries(children)) {
      const n = ((node[name] as unknown[] | undefined) ?? []).length;
      if (n < min || n > max) problems.push(`${where}: <${name}> ${n} times, expected ${min}..${max === Infinity ? 'n' : max}`);
    }
  };
  const roots = (doc.rsl as Node[] | undefined) ?? [];
  if (roots.length !== 1) return ['root element must be <rsl>'];
  const rsl = roots[0]!;
  if (rsl['@xmlns'] !== 'https://rslstandard.org/rsl') problems.push('default namespace must be https://rslstandard.org/rsl');
  only(rsl, 'rsl', { content: [1, Infinity] }, ['xmlns', 'max-age']);
  for (const [i, content] of ((rsl.content as Node[] | undefined) ?? []).entries()) {
    const w = `content[${i}]`;
    only(content, w, { license: [1, Infinity], alternate: [0, Infinity], schema: [0, 1], copyright: [0, 1], terms: [0, 1] }, ['url', 'server', 'encrypted', 'lastmod']);
    if (typeof content['@url'] !== 'string') problems.push(`${w}: url is required`);
    const lastmod = content['@lastmod'];
    if (lastmod !== undefined && Number.isNaN(Date.parse(str(lastmod)))) problems.push(`${w}: lastmod is not RFC 3339`);
    for (const c of (content.copyright as Node[] | undefined) ?? []) {
      only(c, `${w}/copyright`, {}, ['type', 'contactEmail', 'contactUrl']);
      if (c['@type'] !== undefined && !['person', 'organization'].includes(str(c['@type']))) problems.push(`${w}/copyright: bad type`);
    }
    for (const [j, license] of ((content.license as Node[] | undefined) ?? []).entries()) {
      const lw = `${w}/license[${j}]`;
      only(license, lw, { permits: [0, 3], prohibits: [0, 3], payment: [0, 1], reporting: [0, Infinity], legal: [0, Infinity] }, []);
      for (const kind of ['permits', 'prohibits']) {
        const seen = new Set<string>();
        for (const p of (license[kind] as Node[] | undefined) ?? []) {
          const type = str(p['@type']);
          if (seen.has(type)) problems.push(`${lw}: two <${kind} type="${type}">`);
          seen.add(type);
          only(p, `${lw}/${kind}`, {}, ['type']);
          const vocab = type === 'usage' ? USAGE : type === 'user' ? USER : type === 'geo' ? null : undefined;
          if (vocab === undefined) problems.push(`${lw}/${kind}: bad type ${type}`);
          for (const t of str(p['#text']).split(' ')) {
            if (t.includes(',')) problems.push(`${lw}/${kind}: comma in a space-separated list`);
            else if (vocab === null ? !/^([A-Z]{2}|EU)$/.test(t) : vocab !== undefined && !vocab.has(t) && !t.includes(':')) problems.push(`${lw}/${kind}: unknown token ${t}`);
          }
        }
      }
      for (const p of (license.payment as Node[] | undefined) ?? []) {
        only(p, `${lw}/payment`, { standard: [0, 1], custom: [0, 1], amount: [0, 1], accepts: [0, 1] }, ['type']);
        if (p['@type'] !== undefined && !PAYMENT.has(str(p['@type']))) problems.push(`${lw}/payment: bad type`);
      }
      for (const l of (license.legal as Node[] | undefined) ?? []) {
        only(l, `${lw}/legal`, {}, ['type']);
        if (!LEGAL.has(str(l['@type']))) problems.push(`${lw}/legal: bad type`);
      }
    }
  }
  return problems;
}
