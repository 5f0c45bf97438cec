/**
 * Reading the rights statements of an XMP packet (pure): IPTC/PLUS `plus:DataMining` with its
 * `plus:OtherConstraints` and `plus:LicensorURL`, TDMRep `tdm:reservation` / `tdm:policy` (the PDF and
 * EPUB namespaces), `xmpRights:WebStatement`, `dc:identifier` values `ISRC …`, and an embedded RSL
 * `<rsl:content>`. Namespaces are resolved by URI (saxes, `xmlns: true`), so any prefix works; a prefix
 * left unbound is read by its usual name. Values are read in the three RDF forms: an attribute of
 * `rdf:Description`, an `rdf:resource` attribute, element text (also each `rdf:li` of an `rdf:Alt`,
 * `rdf:Bag` or `rdf:Seq`). Hostile input never throws: what cannot be parsed is reported in `problems`.
 *
 * @example
 * const x = readXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/">…</x:xmpmeta>');
 * x.dataMining; // ['http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED']
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

export const PLUS_XMP_NS = 'http://ns.useplus.org/ldf/xmp/1.0/';
export const TDMREP_XMP_NS = ['http://www.w3.org/ns/tdmrep/', 'http://www.w3.org/ns/tdmrep#'] as const;
export const XMP_RIGHTS_NS = 'http://ns.adobe.com/xap/1.0/rights/';
export const DC_NS = 'http://purl.org/dc/elements/1.1/';
export const RSL_NS = 'https://rslstandard.org/rsl';
const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** Most bytes of XMP read (packets are a few KiB; the largest seen in the wild are under 1 MiB). */
export const XMP_MAX_CHARS = 4 * 1024 * 1024;
const MAX_PROBLEMS = 10;
const MAX_VALUES = 100;
const MAX_VALUE_CHARS = 8192;
/** Deeper nesting is not XMP (a few levels of struct in a property) and makes namespace lookups quadratic. */
const MAX_DEPTH = 64;

/** Thrown from a handler to stop the parser. */
class StopReading extends Error {}

export interface XmpReading {
  /** `plus:DataMining` values as written (a PLUS vocabulary URI, or whatever else was there). */
  dataMining: string[];
  /** `plus:OtherConstraints` texts (every language). */
  otherConstraints: string[];
  /** `plus:LicensorURL` values (inside `plus:Licensor`). */
  licensorUrls: string[];
  /** `tdm:reservation` / `tdm:policy` values as written. */
  tdmReservation: string[];
  tdmPolicy: string[];
  /** `xmpRights:WebStatement` values. */
  webStatements: string[];
  /** ISRCs named by `dc:identifier` values of the form `ISRC CODE` (as written, not validated). */
  isrcs: string[];
  /** Embedded RSL: each `<rsl:content>` with its `url` and `server` attributes. */
  rsl: { url: string; server: string | null }[];
  /** Why (part of) the packet could not be read: malformed XML, no `x:xmpmeta` / `rdf:RDF`. */
  problems: string[];
}

type Field = 'dataMining' | 'otherConstraints' | 'licensorUrls' | 'tdmReservation' | 'tdmPolicy' | 'webStatements' | 'dcIdentifier';

// Properties by namespace URI, then by the prefix they usually have (for prefixes left unbound).
const BY_URI: Record<string, Partial<Record<string, Field>>> = {
  [PLUS_XMP_NS]: { DataMining: 'dataMining', OtherConstraints: 'otherConstraints', LicensorURL: 'licensorUrls' },
  [TDMREP_XMP_NS[0]]: { reservation: 'tdmReservation', policy: 'tdmPolicy' },
  [TDMREP_XMP_NS[1]]: { reservation: 'tdmReservation', policy: 'tdmPolicy' },
  [XMP_RIGHTS_NS]: { WebStatement: 'webStatements' },
  [DC_NS]: { identifier: 'dcIdentifier' },
};
const BY_PREFIX: Record<string, string> = { plus: PLUS_XMP_NS, tdm: TDMREP_XMP_NS[0], xmpRights: XMP_RIGHTS_NS, dc: DC_NS, rsl: RSL_NS, rdf: RDF_NS };

interface Open {
  field: Field | null;
  /** The property this element's items belong to (found once, when it opens: deep input stays linear). */
  owner: Open | undefined;
  rdf: string | null;
  text: string;
  items: string[];
  resource: string | null;
}

export function emptyXmpReading(): XmpReading {
  return { dataMining: [], otherConstraints: [], licensorUrls: [], tdmReservation: [], tdmPolicy: [], webStatements: [], isrcs: [], rsl: [], problems: [] };
}

/** Reads one XMP packet (the text from `<x:xmpmeta` or `<rdf:RDF` on; a packet wrapper is fine). */
export function readXmp(packet: string): XmpReading {
  const out = emptyXmpReading();
  const problem = (p: string): void => {
    if (out.problems.length < MAX_PROBLEMS) out.problems.push(p);
  };
  const text = packet.length > XMP_MAX_CHARS ? packet.slice(0, XMP_MAX_CHARS) : packet;
  if (packet.length > XMP_MAX_CHARS) problem(`packet over ${XMP_MAX_CHARS} characters: the rest is not read`);
  const values: Record<Field, string[]> = { dataMining: out.dataMining, otherConstraints: out.otherConstraints, licensorUrls: out.licensorUrls, tdmReservation: out.tdmReservation, tdmPolicy: out.tdmPolicy, webStatements: out.webStatements, dcIdentifier: [] };
  const push = (f: Field, v: string): void => {
    const t = v.trim();
    if (t !== '' && values[f].length < MAX_VALUES) values[f].push(t.length > MAX_VALUE_CHARS ? t.slice(0, MAX_VALUE_CHARS) : t);
  };
  const stack: Open[] = [];
  let sawRdf = false;
  const parser = new SaxesParser({ xmlns: true, position: true });
  let errors = 0;
  parser.on('error', (e) => {
    problem(`not well-formed XML: ${e.message}`);
    // Past a few errors the text is not XMP: stop rather than report every character.
    if (++errors >= MAX_PROBLEMS) throw new StopReading('too many XML errors: the rest is not read');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stack.length >= MAX_DEPTH) throw new StopReading(`elements nested over ${MAX_DEPTH} deep: the rest is not read`);
    const uri = uriOf(tag.uri, tag.prefix);
    if (uri === RDF_NS && tag.local === 'RDF') sawRdf = true;
    const field = BY_URI[uri]?.[tag.local] ?? null;
    let resource: string | null = null;
    for (const a of Object.values(tag.attributes)) {
      const aUri = uriOf(a.uri, a.prefix);
      if (aUri === RDF_NS && a.local === 'resource') resource = a.value;
      // Simple properties written as attributes of rdf:Description (or of a struct's rdf:li).
      const aField = a.prefix === '' ? undefined : BY_URI[aUri]?.[a.local];
      if (aField !== undefined) push(aField, a.value);
    }
    if (uri === RSL_NS && tag.local === 'content' && out.rsl.length < MAX_VALUES) {
      const attr = (n: string): string | null => Object.values(tag.attributes).find((a) => a.local === n && (a.prefix === '' || uriOf(a.uri, a.prefix) === RSL_NS))?.value ?? null;
      const url = attr('url');
      if (url !== null && url.trim() !== '') out.rsl.push({ url: url.trim(), server: attr('server') });
    }
    const parent = stack[stack.length - 1];
    const owner = parent === undefined || parent.rdf === 'Description' || parent.rdf === 'RDF' ? undefined : parent.field !== null ? parent : parent.owner;
    stack.push({ field, owner, rdf: uri === RDF_NS ? tag.local : null, text: '', items: [], resource });
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top !== undefined && top.text.length < MAX_VALUE_CHARS) top.text += t;
  });
  parser.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (top !== undefined && top.text.length < MAX_VALUE_CHARS) top.text += t;
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    if (el === undefined) return;
    const owner = el.owner;
    if (el.rdf === 'li' && owner !== undefined) owner.items.push(el.resource ?? el.text);
    if (el.field !== null) {
      const found = el.items.length > 0 ? el.items : [el.resource ?? el.text];
      for (const v of found) push(el.field, v);
    } else if (owner !== undefined && el.rdf !== 'li' && el.rdf !== null && el.items.length > 0) {
      // rdf:Alt / rdf:Bag / rdf:Seq: their items belong to the property around them.
      owner.items.push(...el.items);
    }
  });
  try {
    parser.write(text).close();
  } catch (e) {
    problem(e instanceof StopReading ? e.message : `not well-formed XML: ${(e as Error).message}`);
  }
  if (!sawRdf) problem('no rdf:RDF element: not an XMP packet');
  for (const id of values.dcIdentifier) {
    const m = /^ISRC[\s:]+(\S+)$/i.exec(id);
    if (m?.[1] !== undefined && out.isrcs.length < MAX_VALUES) out.isrcs.push(m[1]);
  }
  return out;
}

// saxes gives an unbound prefix as its own URI (after reporting the error).
function uriOf(uri: string | undefined, prefix: string): string {
  return uri === undefined || uri === '' || uri === prefix ? (BY_PREFIX[prefix] ?? '') : uri;
}

const OPEN = ['<x:xmpmeta', '<rdf:RDF'].map((s) => Buffer.from(s, 'latin1'));
const CLOSE = ['</x:xmpmeta>', '</rdf:RDF>'].map((s) => Buffer.from(s, 'latin1'));

/**
 * Every XMP packet in a stretch of bytes, decoded as UTF-8: from each `<x:xmpmeta` (or a bare
 * `<rdf:RDF`) to its closing tag, or to the end when it is cut off.
 */
export function findXmpPackets(bytes: Uint8Array, max = 8): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: string[] = [];
  let from = 0;
  while (found.length < max) {
    let start = -1;
    let which = 0;
    OPEN.forEach((o, k) => {
      const i = buf.indexOf(o, from);
      if (i !== -1 && (start === -1 || i < start)) {
        start = i;
        which = k;
      }
    });
    if (start === -1) break;
    const close = CLOSE[which] as Buffer;
    const end = buf.indexOf(close, start);
    const stop = end === -1 ? buf.length : end + close.length;
    found.push(buf.subarray(start, stop).toString('utf8'));
    from = stop;
  }
  return found;
}
