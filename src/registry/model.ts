/**
 * The registry's domain types. Rows become these inside the store; services and routes only see these.
 * Times are ISO-8601 UTC strings (`2026-01-31T00:00:00.000Z`), which sort as text in both databases.
 */

/** Uses a mandate or declaration may cover. `all-tdm` covers every text-and-data-mining use. */
export const USES = ['ai-training', 'genai-training', 'ai-inference', 'search', 'all-tdm'] as const;
export type Use = (typeof USES)[number];

/** Uses a status query asks about (a concrete use, never the `all-tdm` umbrella). */
export const QUERY_USES = ['ai-training', 'genai-training', 'ai-inference', 'search'] as const;
export type QueryUse = (typeof QUERY_USES)[number];

/** Default scope of a mandate or declaration: every kind of AI, whatever it is. */
export const AI_USES: readonly Use[] = ['ai-training', 'genai-training', 'ai-inference'];

export const MEDIA = ['sound', 'audiovisual'] as const;
export type Medium = (typeof MEDIA)[number];

export const LEGAL_BASES = ['statutory', 'express'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** ISO 3166-1 alpha-2 codes, or `WORLD`. */
export type Territory = string;
export const WORLD = 'WORLD';

export interface Performer {
  id: string;
  displayName: string;
  sortName: string;
  aliases: string[];
  memberNo: string | null;
  isni: string | null;
  ipn: string | null;
  ipi: string | null;
  /** True when the performer is a member of (or has mandated) the CMO. Non-members appear in line-ups only. */
  member: boolean;
}

/**
 * One version of a mandate. Versions are never overwritten: a correction or a withdrawal appends a new
 * version with the same `mandateId` and `version + 1`. The version that applies is the newest one
 * recorded at or before the instant the question is asked about (`recordedAt`).
 */
export interface MandateVersion {
  id: string;
  mandateId: string;
  version: number;
  performerId: string;
  legalBasis: LegalBasis;
  uses: Use[];
  media: Medium[];
  territories: Territory[];
  validFrom: string;
  validTo: string | null;
  withdrawnAt: string | null;
  sourceRef: string | null;
  /** Why this version exists: `initial`, `correction` or `withdrawal`. */
  change: MandateChange;
  recordedAt: string;
}
export const MANDATE_CHANGES = ['initial', 'correction', 'withdrawal'] as const;
export type MandateChange = (typeof MANDATE_CHANGES)[number];

export interface Recording {
  id: string;
  kind: Medium;
  isrc: string | null;
  isan: string | null;
  eidr: string | null;
  iswc: string | null;
  title: string;
  versionTitle: string | null;
  displayArtist: string;
  durationMs: number | null;
  year: number | null;
  label: string | null;
}

export interface LineupEntry {
  recordingId: string;
  performerId: string;
  role: string;
  instrument: string | null;
  featured: boolean;
  position: number;
}

/** The CMO's reservation of TDM rights (Art. 4(3) Directive (EU) 2019/790; CPI L.122-5-3, L.211-3 8°). */
export interface Declaration {
  id: string;
  issuer: string;
  legalBasis: string;
  uses: Use[];
  media: Medium[];
  territories: Territory[];
  effectiveFrom: string;
  withdrawnAt: string | null;
  createdAt: string;
}

export const DEFAULT_LEGAL_BASIS =
  'Article 4(3) of Directive (EU) 2019/790; French Intellectual Property Code, articles L.122-5-3 and L.211-3 8°';

/** Does a scope of uses cover a concrete use? `all-tdm` covers all; `ai-training` covers generative training too. */
export function usesCover(scope: readonly Use[], use: QueryUse): boolean {
  for (const u of scope) {
    if (u === 'all-tdm' || u === use) return true;
    if (u === 'ai-training' && use === 'genai-training') return true;
  }
  return false;
}

export function territoriesCover(scope: readonly Territory[], territory: Territory | undefined): boolean {
  if (territory === undefined) return scope.length > 0;
  return scope.includes(WORLD) || scope.includes(territory.toUpperCase());
}

/** Is an interval [from, to) with an optional withdrawal in force at `at`? */
export function inForce(from: string, to: string | null, withdrawnAt: string | null, at: string): boolean {
  if (at < from) return false;
  if (to !== null && at >= to) return false;
  if (withdrawnAt !== null && at >= withdrawnAt) return false;
  return true;
}

/** Normalises an instant (date or date-time) to the canonical ISO-8601 UTC form, or null if it is not one. */
export function toInstant(value: string): string | null {
  const v = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v.replace(' ', 'T'));
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString();
  // Reject dates that Date silently rolled over (2026-02-30 -> 2026-03-02).
  if (iso.slice(0, 10) !== v.slice(0, 10) && /^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  return iso;
}

const FOLD: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', þ: 'th' };

/** Accent-, case- and punctuation-insensitive form used for search and metadata matching. */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    // Letters that Unicode does not decompose but that people type without the ligature or stroke.
    .replace(/[œæßøłđþ]/g, (c) => FOLD[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
