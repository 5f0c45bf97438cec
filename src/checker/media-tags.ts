/**
 * What a media file's own tags say (pure), from the native tag lists music-metadata gives per tag type
 * (`ID3v2.3`, `vorbis`, `iTunes`, `APEv2`, `matroska`…): the ISRCs (ID3 `TSRC` / `TXXX:ISRC`, Vorbis
 * `ISRC`, MP4 `----:com.apple.iTunes:ISRC` and `xid `), the text fields that carry a reservation
 * (`DATA_MINING`, `TDM_RESERVATION`, `TDM_POLICY`, `TDM_CONSTRAINTS`, `RSL_LICENSE`: what `tdmr stamp`
 * writes as ID3 `TXXX` / `WXXX`, Vorbis comments or MP4 freeform atoms) and the XMP packets carried in
 * ID3 `PRIV` frames owned by `XMP`.
 *
 * @example
 * readMediaTags({ vorbis: [{ id: 'ISRC', value: 'FRZ032500001' }] }).isrcs; // [{ value: 'FRZ032500001', source: 'vorbis ISRC' }]
 */

export interface TagLike {
  id: string;
  value: unknown;
}

/** A value and where it was found (`ID3v2.3 TSRC`, `vorbis DATA_MINING`). */
export interface Located {
  value: string;
  source: string;
}

/** The tag fields that carry a reservation, by the names `tdmr stamp` gives them. */
export const RESERVATION_FIELDS = ['DATA_MINING', 'TDM_RESERVATION', 'TDM_POLICY', 'TDM_CONSTRAINTS', 'RSL_LICENSE'] as const;
export type ReservationField = (typeof RESERVATION_FIELDS)[number];

export interface MediaTags {
  isrcs: Located[];
  fields: Partial<Record<ReservationField, Located[]>>;
  /** XMP packets found in the tags (ID3 `PRIV` owner `XMP`), as bytes. */
  xmp: { source: string; data: Uint8Array }[];
}

const FREEFORM = '----:com.apple.iTunes:';
const MAX_PER_KIND = 50;

export function readMediaTags(native: Readonly<Record<string, readonly TagLike[]>>): MediaTags {
  const out: MediaTags = { isrcs: [], fields: {}, xmp: [] };
  const field = (name: string, value: string, source: string): void => {
    const key = name.toUpperCase() as ReservationField;
    if (!RESERVATION_FIELDS.includes(key)) return;
    const list = (out.fields[key] ??= []);
    if (list.length < MAX_PER_KIND && value.trim() !== '') list.push({ value: value.trim(), source });
  };
  const isrc = (value: string, source: string): void => {
    if (out.isrcs.length < MAX_PER_KIND && value.trim() !== '') out.isrcs.push({ value: value.trim(), source });
  };
  const joined = new Map<string, { name: string; source: string; pieces: string[] }>();
  for (const [type, tags] of Object.entries(native)) {
    for (const tag of tags) {
      const source = `${type} ${tag.id}`;
      const id = tag.id;
      const upper = id.toUpperCase();
      if (type.startsWith('ID3v2')) {
        if (id === 'TSRC' || upper === 'TXXX:ISRC') for (const v of texts(tag.value)) isrc(v, source);
        // ID3v2.3 readers split TXXX text at '/' (its multi-value separator): a URL comes back in pieces,
        // one tag each. A description is unique within a tag, so the pieces are joined back.
        else if (id.startsWith('TXXX:')) {
          const key = `${type}\u0000${id}`;
          if (!joined.has(key)) joined.set(key, { name: id.slice(5), source, pieces: [] });
          joined.get(key)?.pieces.push(...texts(tag.value));
        }
        else if (id === 'WXXX' && isRecord(tag.value)) {
          const { description, url } = tag.value;
          if (typeof description === 'string' && typeof url === 'string') field(description, url, `${type} WXXX:${description}`);
        } else if (id === 'PRIV' && isRecord(tag.value)) {
          const { owner_identifier: owner, data } = tag.value;
          if (owner === 'XMP' && data instanceof Uint8Array && out.xmp.length < MAX_PER_KIND) out.xmp.push({ source: `${type} PRIV:XMP`, data });
        }
      } else if (id.startsWith(FREEFORM)) {
        const name = id.slice(FREEFORM.length);
        for (const v of texts(tag.value)) {
          if (name.toUpperCase() === 'ISRC') isrc(v, source);
          else field(name, v, source);
        }
      } else if (id === 'xid ' || id === 'xid') {
        // Apple's `xid ` atom: `provider:isrc:CODE` (or `:upc:` and others, which are not ISRCs).
        for (const v of texts(tag.value)) {
          const m = /^[^:]*:isrc:(.+)$/i.exec(v.trim());
          if (m?.[1] !== undefined) isrc(m[1], source);
        }
      } else if (upper === 'ISRC') for (const v of texts(tag.value)) isrc(v, source);
      else for (const v of texts(tag.value)) field(id, v, source);
    }
  }
  for (const j of joined.values()) field(j.name, j.pieces.join('/'), j.source);
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function texts(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (typeof v === 'number') return [String(v)];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  // Text of a comment-like frame ({ text }) and data of a freeform atom that music-metadata left as bytes.
  if (isRecord(v) && typeof v.text === 'string') return [v.text];
  return [];
}
