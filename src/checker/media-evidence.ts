/**
 * How what a media file carries, and what the registry says about its ISRC, become evidence (pure).
 *
 * PLUS `DataMining` values read as their vocabulary defines them; the `SEE…` values (prohibited, the
 * details are in a text or a rights expression) and the bare `DMI-PROHIBITED` reserve every use, search
 * indexing included (the vocabulary has a separate value for "except search engine indexing"); a value
 * outside the vocabulary is `unreadable`, never an allow. TDMRep in XMP (or a `TDM_RESERVATION` tag)
 * reads as on the web: 1 reserves every use, 0 allows every use, anything else is ignored.
 */
import type { RecordingAnswer } from '../registry/status-lookup-model.js';
import type { CompactReason, CompactUse, UseReasons } from '../registry/compact.js';
import type { QueryUse } from '../registry/model.js';
import type { MediaTags } from './media-tags.js';
import { AI_USES, CHECK_USES, TRAINING_USES, type CheckUse, type Evidence, type SignalKind } from './model.js';
import type { XmpReading } from './xmp-read.js';

export const PLUS_VOCAB = 'http://ns.useplus.org/ldf/vocab/';

/** The PLUS Data Mining vocabulary: what each value reserves and allows. */
const PLUS: Record<string, { reserve: readonly CheckUse[]; allow: readonly CheckUse[] } | 'silent'> = {
  'DMI-UNSPECIFIED': 'silent',
  'DMI-ALLOWED': { reserve: [], allow: CHECK_USES },
  'DMI-PROHIBITED-AIMLTRAINING': { reserve: TRAINING_USES, allow: [] },
  'DMI-PROHIBITED-GENAIMLTRAINING': { reserve: ['genai-training'], allow: [] },
  'DMI-PROHIBITED-EXCEPTSEARCHENGINEINDEXING': { reserve: AI_USES, allow: ['search'] },
  'DMI-PROHIBITED': { reserve: CHECK_USES, allow: [] },
  'DMI-PROHIBITED-SEECONSTRAINT': { reserve: CHECK_USES, allow: [] },
  'DMI-PROHIBITED-SEEEMBEDDEDRIGHTSEXPR': { reserve: CHECK_USES, allow: [] },
  'DMI-PROHIBITED-SEELINKEDRIGHTSEXPR': { reserve: CHECK_USES, allow: [] },
};

/** The vocabulary code of a value (`DMI-PROHIBITED`), from the full URI or the bare code; null if not one. */
export function plusCode(value: string): string | null {
  const v = value.trim().replace(/^https?:\/\/ns\.useplus\.org\/ldf\/vocab\//i, '').toUpperCase();
  return v in PLUS ? v : null;
}

/** The first http(s) URL in a text (the licence a `plus:OtherConstraints` text names). */
export function firstUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return /https?:\/\/[^\s"<>]+[^\s"<>.,;:)]/i.exec(text)?.[0];
}

export function plusEvidence(signal: SignalKind, source: string, value: string, licence: string | undefined): Evidence[] {
  const code = plusCode(value);
  const rule = 'plus-data-mining-vocabulary' as const;
  const raw = value;
  if (code === null) return [{ signal, source, raw, says: 'unreadable', uses: CHECK_USES, rule, reason: 'not a value of the PLUS Data Mining vocabulary' }];
  const m = PLUS[code] as (typeof PLUS)[string];
  if (m === 'silent') return [{ signal, source, raw, says: 'silent', uses: CHECK_USES, rule }];
  const out: Evidence[] = [];
  if (m.reserve.length > 0) out.push({ signal, source, raw, says: 'reserve', uses: m.reserve, rule, ...(licence !== undefined ? { licence } : {}) });
  if (m.allow.length > 0) out.push({ signal, source, raw, says: 'allow', uses: m.allow, rule });
  return out;
}

function tdmrepEvidence(signal: SignalKind, source: string, reservation: string, policy: string | undefined): Evidence[] {
  const raw = `tdm:reservation ${reservation}${policy !== undefined ? `, tdm:policy ${policy}` : ''}`;
  if (reservation === '1') return [{ signal, source, raw, says: 'reserve', uses: CHECK_USES, rule: 'tdmrep-embedded', ...(policy !== undefined ? { licence: policy } : {}) }];
  if (reservation === '0') return [{ signal, source, raw, says: 'allow', uses: CHECK_USES, rule: 'tdmrep-embedded' }];
  return [];
}

const offer = (signal: SignalKind, source: string, raw: string, licence: string): Evidence => ({ signal, source, raw, says: 'offer-licence', uses: AI_USES, rule: 'embedded-licence-discovery', licence });

/** Evidence from one XMP packet; `where` names the file and the carrier (`a.mp3 ID3v2.3 PRIV:XMP`). */
export function xmpEvidence(where: string, x: XmpReading): Evidence[] {
  const out: Evidence[] = [];
  if (x.problems.length > 0 && x.dataMining.length + x.tdmReservation.length === 0) {
    out.push({ signal: 'xmp-data-mining', source: `${where} (XMP)`, raw: '', says: 'unreadable', uses: CHECK_USES, rule: 'unreadable-source-blocks-allow', reason: x.problems.join('; ') });
  }
  const licence = x.otherConstraints.map(firstUrl).find((u) => u !== undefined);
  for (const v of x.dataMining) out.push(...plusEvidence('xmp-data-mining', `${where} plus:DataMining`, v, licence));
  for (const v of x.tdmReservation) out.push(...tdmrepEvidence('xmp-tdmrep', `${where} tdm:reservation`, v, x.tdmPolicy[0]));
  for (const u of x.webStatements) if (/^https?:\/\//i.test(u)) out.push(offer('xmp-licence', `${where} xmpRights:WebStatement`, u, u));
  for (const u of x.licensorUrls) if (/^https?:\/\//i.test(u)) out.push(offer('xmp-licence', `${where} plus:LicensorURL`, u, u));
  for (const r of x.rsl) {
    out.push({ ...offer('xmp-licence', `${where} rsl:content`, `<rsl:content url="${r.url}"${r.server !== null ? ` server="${r.server}"` : ''}>`, r.server ?? r.url), rule: 'rsl-license-discovery' });
  }
  return out;
}

/** Evidence from the reservation fields of the tags (`tdmr stamp`'s TXXX / WXXX / Vorbis / freeform names). */
export function tagEvidence(file: string, t: MediaTags): Evidence[] {
  const out: Evidence[] = [];
  const f = t.fields;
  const licence = firstUrl(f.TDM_CONSTRAINTS?.[0]?.value);
  for (const v of f.DATA_MINING ?? []) out.push(...plusEvidence('media-tag', `${file} ${v.source}`, v.value, licence));
  const policy = f.TDM_POLICY?.[0]?.value;
  for (const v of f.TDM_RESERVATION ?? []) out.push(...tdmrepEvidence('media-tag', `${file} ${v.source}`, v.value, policy));
  for (const v of f.RSL_LICENSE ?? []) if (/^https?:\/\//i.test(v.value)) out.push({ ...offer('media-tag', `${file} ${v.source}`, v.value, v.value), rule: 'rsl-license-discovery' });
  return out;
}

/** The file names no ISRC: the registry cannot be asked about it by identifier (`tdmr scan` identifies audio by fingerprint). */
export function noIsrcEvidence(file: string, invalid: readonly { value: string; source: string }[]): Evidence {
  const reason = invalid.length === 0 ? 'no ISRC in the file’s tags or XMP' : `no valid ISRC: ${invalid.map((i) => `${JSON.stringify(i.value)} (${i.source})`).join(', ')}`;
  return { signal: 'registry', source: `${file} (tags)`, raw: invalid.map((i) => i.value).join(', '), says: 'silent', uses: CHECK_USES, rule: 'no-identifier', reason };
}

/** The registry's answer about one ISRC, per use: reserved, not covered, or unknown to the registry. */
export function registryEvidence(isrc: string, registry: string, a: RecordingAnswer, licence?: string): Evidence[] {
  const out: Evidence[] = [];
  const source = `ISRC ${isrc} in the registry ${registry}`;
  for (const use of CHECK_USES) {
    const u = resolveUse(a.uses, use);
    if (u === undefined) continue;
    const raw = `${u.status}${u.reasons.length > 0 ? `: ${u.reasons.map(reasonText).join(', ')}` : ''}`;
    const base = { signal: 'registry' as const, source, raw, uses: [use], rule: 'registry-coverage' as const };
    if (u.status === 'reserved') out.push({ ...base, says: 'reserve', ...(licence !== undefined ? { licence } : {}) });
    else if (u.status === 'not-covered') out.push({ ...base, says: 'silent' });
    else out.push({ ...base, says: 'unreadable', reason: `the registry cannot tell whether ${isrc} is covered (${u.reasons.map((r) => r.code).join(', ') || 'unknown'})` });
  }
  return out;
}

function resolveUse(uses: Partial<Record<QueryUse, CompactUse>>, use: QueryUse): UseReasons | undefined {
  let u = uses[use];
  for (let hops = 0; u !== undefined && 'sameAs' in u && hops < 4; hops++) u = uses[u.sameAs];
  return u === undefined || 'sameAs' in u ? undefined : u;
}

function reasonText(r: CompactReason): string {
  if ('declaration' in r) return `${r.code} ${r.declaration}`;
  if ('mandate' in r) return `${r.code} ${r.mandate}`;
  if ('performer' in r) return `${r.code} ${r.performer}`;
  return r.code;
}
