/**
 * What `tdmr stamp` writes into a media file, and how what it reads back is understood. Pure.
 *
 * The IPTC/PLUS `plus:DataMining` XMP property is the standard embedded signal for images, audio and
 * video (IPTC Photo Metadata 2023.1, Video Metadata Hub); there is no TDMRep technique for audio files,
 * so `tdm:` properties are not used. Containers without XMP get the same facts as text fields (ID3
 * `TXXX`, Vorbis comments) — informative only, nobody standardises their keys.
 */
import type { QueryUse } from '../registry/model.js';
import { urlOf, type PublicationSite } from './model.js';

export const PLUS_NS = 'http://ns.useplus.org/ldf/xmp/1.0/';
export const DMI = 'http://ns.useplus.org/ldf/vocab/';

export interface StampPlan {
  isrc: string;
  /** Full PLUS vocabulary URI. */
  dataMining: string;
  /** `plus:OtherConstraints` text: the reservation, its legal basis and where licences are obtained. */
  constraints: string;
  /** `xmpRights:WebStatement`: the declaration page. */
  webStatement: string;
  /** Text fields for containers without XMP (ID3 TXXX descriptions / Vorbis comment names). */
  fields: Record<string, string>;
  /** URL fields (ID3 WXXX descriptions / Vorbis comment names). */
  links: Record<string, string>;
}

const LABELS: Record<QueryUse, string> = {
  'ai-training': 'AI training',
  'genai-training': 'generative AI training',
  'ai-inference': 'AI inference (retrieval, grounding)',
  search: 'search indexing',
};

/** The PLUS value for a set of reserved uses (non-empty). */
export function dataMiningValue(reserved: readonly QueryUse[]): string {
  const r = new Set(reserved);
  if (r.size === 4) return `${DMI}DMI-PROHIBITED`;
  if (r.size === 1 && r.has('genai-training')) return `${DMI}DMI-PROHIBITED-GENAIMLTRAINING`;
  if (r.has('ai-training') && [...r].every((u) => u === 'ai-training' || u === 'genai-training')) return `${DMI}DMI-PROHIBITED-AIMLTRAINING`;
  // Any other combination (e.g. training and inference) is not one PLUS value: point to the text.
  return `${DMI}DMI-PROHIBITED-SEECONSTRAINT`;
}

/** Null when nothing is reserved (nothing to stamp). */
export function stampPlan(isrc: string, reserved: readonly QueryUse[], site: PublicationSite): StampPlan | null {
  if (reserved.length === 0) return null;
  const dataMining = dataMiningValue(reserved);
  const uses = reserved.map((u) => LABELS[u]).join(', ');
  const constraints = `Text and data mining reserved (${uses}) under Art. 4(3) Directive (EU) 2019/790 and CPI L.122-5-3, L.211-3 8°. Licences: ${site.licensingUrl}`;
  return {
    isrc,
    dataMining,
    constraints,
    webStatement: urlOf(site, 'declarationEn'),
    fields: { TDM_RESERVATION: '1', DATA_MINING: dataMining, TDM_CONSTRAINTS: constraints },
    links: { TDM_POLICY: urlOf(site, 'policy'), RSL_LICENSE: urlOf(site, 'rsl') },
  };
}

const esc = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/**
 * The XMP packet. Written as a template rather than through an XML builder because the RDF/XML form
 * XMP readers expect (packet wrapper, `rdf:about=""`, `rdf:Alt` with `x-default`) is fixed; every value
 * is escaped.
 */
export function xmpPacket(plan: StampPlan): string {
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:plus="${PLUS_NS}"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">
   <plus:DataMining rdf:resource="${esc(plan.dataMining)}"/>
   <plus:OtherConstraints><rdf:Alt><rdf:li xml:lang="x-default">${esc(plan.constraints)}</rdf:li></rdf:Alt></plus:OtherConstraints>
   <dc:identifier>ISRC ${esc(plan.isrc)}</dc:identifier>
   <xmpRights:Marked>True</xmpRights:Marked>
   <xmpRights:WebStatement>${esc(plan.webStatement)}</xmpRights:WebStatement>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** What a file says, from exiftool's JSON (`-j -G1 -a`). */
export interface StampReading {
  /** PLUS value found (XMP or a text field), or null. */
  dataMining: string | null;
  reserved: boolean;
  isrc: string | null;
  /** Where the reservation was found. */
  sources: ('xmp' | 'id3' | 'vorbis')[];
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v));
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(text) : v === undefined || v === null ? [] : [text(v)]);

export function readStamp(tags: Record<string, unknown>): StampReading {
  const sources: StampReading['sources'] = [];
  let dataMining: string | null = null;
  let isrc: string | null = null;
  for (const [key, value] of Object.entries(tags)) {
    const [group = '', name = ''] = key.split(':');
    if (name === 'DataMining') {
      dataMining ??= text(value);
      if (group.startsWith('XMP')) sources.push('xmp');
      else if (group === 'Vorbis') sources.push('vorbis');
    }
    if (group.startsWith('ID3') && name === 'UserDefinedText') {
      for (const t of asList(value)) {
        const m = /^\(DATA_MINING\) (.+)$/.exec(t);
        if (m?.[1] !== undefined) {
          dataMining ??= m[1];
          sources.push('id3');
        }
      }
    }
    if ((group.startsWith('ID3') && name === 'ISRC') || (group === 'Vorbis' && name === 'ISRCNumber')) isrc ??= text(value);
    if (group === 'XMP-dc' && name === 'Identifier') {
      const m = /^ISRC (\S+)$/.exec(text(value));
      if (m?.[1] !== undefined) isrc ??= m[1];
    }
  }
  const reserved = dataMining !== null && dataMining.replace(DMI, '').startsWith('DMI-PROHIBITED');
  return { dataMining, reserved, isrc, sources: [...new Set(sources)].sort() };
}
