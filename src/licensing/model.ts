/**
 * Licences and what they cover (pure). A licence is the accepted offer of a request: uses, a
 * repertoire, media, territories and a term, granted to one licensee (an organisation). While it is in
 * force, the lookups answer `licensed` to that licensee, and only to it, for what it covers.
 */
import { z } from 'zod';
import { MEDIA, WORLD, inForce, toInstant, usesCover, type Medium, type QueryUse } from '../registry/model.js';
import { parseWith } from './parse.js';
import { LICENCE_USES } from './tariffs.js';

const isrc = z.string().regex(/^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/, 'a canonical ISRC (12 characters, no separators)');
const instant = z.string().transform((v, ctx) => {
  const i = toInstant(v);
  if (i === null) {
    ctx.addIssue({ code: 'custom', message: 'an ISO-8601 date or instant' });
    return z.NEVER;
  }
  return i;
});

export const repertoireSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('recordings'), isrcs: z.array(isrc).min(1).max(1_000_000) }).strict(),
  z.object({ kind: z.literal('performers'), performerIds: z.array(z.string().min(1).max(100)).min(1).max(100_000) }).strict(),
  z
    .object({
      kind: z.literal('filter'),
      yearFrom: z.number().int().min(1800).max(2200).optional(),
      yearTo: z.number().int().min(1800).max(2200).optional(),
      labels: z.array(z.string().min(1).max(200)).min(1).optional(),
    })
    .strict(),
]);
export type Repertoire = z.infer<typeof repertoireSchema>;

/** What a licence request asks for, and what an offer (and so a licence) grants. */
export const termsSchema = z
  .object({
    uses: z.array(z.enum(LICENCE_USES)).min(1),
    repertoire: repertoireSchema,
    media: z.array(z.enum(MEDIA)).min(1).default([...MEDIA]),
    /** ISO 3166-1 alpha-2 codes, or WORLD. */
    territories: z
      .array(z.string().regex(/^([A-Z]{2}|WORLD)$/, 'an ISO 3166-1 alpha-2 code or WORLD'))
      .min(1)
      .default([WORLD]),
    from: instant,
    to: instant,
    /** The model or product the licence is for. */
    product: z.string().min(1).max(500),
    expectedVolume: z.string().max(500).optional(),
  })
  .strict()
  .refine((t) => t.from < t.to, { message: 'the term must end after it starts', path: ['to'] });
export type Terms = z.infer<typeof termsSchema>;

/** Terms from untrusted input, or LICENSING_BAD_USAGE naming every bad field. */
export function parseTerms(value: unknown, source: string): Terms {
  return parseWith(termsSchema, value, source, 'LICENSING_BAD_USAGE');
}

export interface Licence {
  id: string;
  /** The organisation it is granted to. */
  licensee: string;
  request: string;
  terms: Terms;
  tariff: { id: string; version: number };
  issuedAt: string;
  terminatedAt: string | null;
}

/** What a lookup knows of a recording, enough to decide whether a licence covers it. */
export interface RecordingScope {
  isrc: string | null;
  medium: Medium;
  year: number | null;
  label: string | null;
  performerIds: readonly string[];
}

export function repertoireCovers(r: Repertoire, rec: RecordingScope): boolean {
  switch (r.kind) {
    case 'all':
      return true;
    case 'recordings':
      return rec.isrc !== null && r.isrcs.includes(rec.isrc);
    case 'performers':
      return rec.performerIds.some((p) => r.performerIds.includes(p));
    case 'filter':
      if (r.yearFrom !== undefined && (rec.year === null || rec.year < r.yearFrom)) return false;
      if (r.yearTo !== undefined && (rec.year === null || rec.year > r.yearTo)) return false;
      if (r.labels !== undefined && (rec.label === null || !r.labels.includes(rec.label))) return false;
      return true;
  }
}

/**
 * Does `licence` cover `use` of `rec` at `at` in `territory`? In force at `at` (term, termination),
 * the use (a licence for `ai-training` covers generative training too, as a mandate does), the medium,
 * the repertoire, and the territory: a question without one is covered only by a worldwide licence,
 * since the answer must hold wherever the licensee works.
 */
export function licenceCovers(licence: Licence, rec: RecordingScope, use: QueryUse, at: string, territory?: string): boolean {
  const t = licence.terms;
  if (!inForce(t.from, t.to, licence.terminatedAt, at)) return false;
  if (!usesCover(t.uses, use)) return false;
  if (!t.media.includes(rec.medium)) return false;
  const place = territory === undefined ? t.territories.includes(WORLD) : t.territories.includes(WORLD) || t.territories.includes(territory.toUpperCase());
  if (!place) return false;
  return repertoireCovers(t.repertoire, rec);
}

/** The licences among `licences` that cover the question (first-issued first), for the evidence. */
export function coveringLicences(licences: readonly Licence[], rec: RecordingScope, use: QueryUse, at: string, territory?: string): Licence[] {
  return licences.filter((l) => licenceCovers(l, rec, use, at, territory)).sort((a, b) => (a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : a.id < b.id ? -1 : 1));
}
