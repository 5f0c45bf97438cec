/**
 * Entries to and from their logged form. Encoding checks what a writer hands in and produces the
 * canonical body and its leaf hash; parsing treats a body as hostile (it may come from a proof file)
 * and accepts only the exact shapes the builders in `entries.ts` write.
 */
import { z } from 'zod';
import { LEGAL_BASES, MANDATE_CHANGES, MEDIA, USES, type Declaration, type MandateVersion } from '../registry/model.js';
import { canonicalJson } from './canonical-json.js';
import { entryTopic, type DeclarationWithdrawal, type LedgerEntry, type LineupSet } from './entries.js';
import { LedgerError } from './errors.js';
import { leafHash } from './hash.js';

/** An entry ready to store: the canonical body, its RFC 9162 leaf hash and its lookup key. */
export interface EncodedEntry {
  readonly type: string;
  readonly at: string;
  /** What the entry is about (`entryTopic`). */
  readonly topic: string | null;
  /** The indexed form of the topic (`topicKey`). */
  readonly topicKey: number | null;
  readonly body: string;
  readonly leafHash: Uint8Array;
}

/** Dotted lower-case names: `mandate.version`, `licence.granted`. */
const TYPE = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
/** The one instant form the registry writes (`Date#toISOString`, `YYYY-MM-DDTHH:MM:SS.mmmZ`) sorts as text. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MAX_TYPE_LENGTH = 64;

const invalid = (why: string): LedgerError => new LedgerError('LEDGER_ENTRY_INVALID', why);

/**
 * The indexed form of a topic: its 32-bit FNV-1a hash. Topics arrive in random order, so their index
 * is the costliest part of an append; an integer key keeps it a third the size of an index on the text
 * and appends markedly cheaper. FNV-1a is written out here because it is a few lines and a tenth of the
 * cost of a call into node:crypto; it need not resist attack: readers compare the topic text too, so a
 * collision costs a wasted row read, never a wrong answer.
 */
export function topicKey(topic: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < topic.length; i++) {
    h ^= topic.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** True for an instant in the form `2026-01-31T00:00:00.000Z` that names a real moment. */
export function isInstant(value: unknown): value is string {
  // Read character by character: an audit checks millions (four or five per entry), and a regular
  // expression with its match array and the numbers made from it cost several times more.
  if (typeof value !== 'string' || value.length !== 24) return false;
  const s = value;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return false;
  if (s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 46 || s.charCodeAt(23) !== 90) return false;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if ((year | month | day | hour | minute | second | digits(s, 20, 3)) < 0) return false;
  // Checked field by field: what Date would roll over (Feb 30, hour 24) is refused.
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!);
}

/** The decimal number of the `n` ASCII digits of `s` from `at`, or -1 when one is not a digit. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Checks an entry and encodes it: canonical JSON of `{ type, at, data }` and its leaf hash. Throws
 * LEDGER_ENTRY_INVALID for a bad type or instant, LEDGER_NOT_JSON for data JSON cannot hold.
 *
 * @example
 * const { body, leafHash } = encodeEntry(mandateEntry(version));
 */
export function encodeEntry(entry: LedgerEntry): EncodedEntry {
  const { type, at, data } = entry;
  if (typeof type !== 'string' || type.length > MAX_TYPE_LENGTH || !TYPE.test(type)) {
    throw invalid(`bad entry type ${JSON.stringify(type)}`);
  }
  if (!isInstant(at)) throw invalid(`entry ${type}: at must be an ISO-8601 UTC instant, got ${JSON.stringify(at)}`);
  const body = canonicalJson({ at, data, type });
  const topic = entryTopic(entry);
  return { type, at, topic, topicKey: topic === null ? null : topicKey(topic), body, leafHash: leafHash(Buffer.from(body, 'utf8')) };
}

/**
 * The type and instant a stored body names, for listings (`GET /v1/log/entries`); both empty when the
 * body is not a JSON object with string `type` and `at` (the audit reports such a body).
 *
 * @example
 * entryHead(row.body); // { type: 'mandate.version', at: '2026-01-31T00:00:00.000Z' }
 */
export function entryHead(body: string): { type: string; at: string } {
  try {
    const v = JSON.parse(body) as { type?: unknown; at?: unknown } | null;
    if (v !== null && typeof v.type === 'string' && typeof v.at === 'string') return { type: v.type, at: v.at };
  } catch {
    // not JSON: empty
  }
  return { type: '', at: '' };
}

const instant = z.string().refine(isInstant, 'an ISO-8601 UTC instant');
const id = z.string().min(1).max(200);

const mandateData = z.strictObject({
  id,
  mandateId: id,
  version: z.number().int().min(1),
  performerId: id,
  legalBasis: z.enum(LEGAL_BASES),
  uses: z.array(z.enum(USES)),
  media: z.array(z.enum(MEDIA)),
  territories: z.array(z.string().regex(/^([A-Z]{2}|WORLD)$/)),
  validFrom: instant,
  validTo: instant.nullable(),
  withdrawnAt: instant.nullable(),
  sourceRef: z.string().nullable(),
  change: z.enum(MANDATE_CHANGES),
  recordedAt: instant,
});

const declarationData = z.strictObject({
  id,
  issuer: z.string(),
  legalBasis: z.string(),
  uses: z.array(z.enum(USES)),
  media: z.array(z.enum(MEDIA)),
  territories: z.array(z.string().regex(/^([A-Z]{2}|WORLD)$/)),
  effectiveFrom: instant,
  withdrawnAt: instant.nullable(),
  createdAt: z.string(),
});

const withdrawalData = z.strictObject({ id, withdrawnAt: instant });

const lineupData = z.strictObject({
  recording: z.strictObject({
    id,
    kind: z.enum(MEDIA),
    isrc: z.string().nullable(),
    isan: z.string().nullable(),
    eidr: z.string().nullable(),
    title: z.string(),
  }),
  lineup: z.array(
    z.strictObject({
      position: z.number().int(),
      performerId: id,
      isni: z.string().nullable(),
      ipn: z.string().nullable(),
      role: z.string(),
      instrument: z.string().nullable(),
      featured: z.boolean(),
    }),
  ),
});

const envelope = z.strictObject({ type: z.string().regex(TYPE), at: instant, data: z.unknown() });

/** An entry read back, with `data` typed for the registry's types and left opaque for others. */
export type ParsedEntry =
  | { type: 'mandate.version'; at: string; data: MandateVersion }
  | { type: 'declaration.created'; at: string; data: Declaration }
  | { type: 'declaration.withdrawn'; at: string; data: DeclarationWithdrawal }
  | { type: 'lineup.set'; at: string; data: LineupSet }
  | { type: 'other'; entryType: string; at: string; data: unknown };

function dataOf<T>(schema: z.ZodType<T>, type: string, data: unknown): T {
  const r = schema.safeParse(data);
  if (!r.success) throw invalid(`${type} entry: ${r.error.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`).join('; ')}`);
  return r.data;
}

/**
 * Parses an entry body (JSON text) strictly. Throws LEDGER_ENTRY_INVALID with the first problems.
 *
 * @example
 * const e = parseEntry(row.body); if (e.type === 'mandate.version') use(e.data.mandateId);
 */
export function parseEntry(body: string): ParsedEntry {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw invalid('entry body is not JSON');
  }
  const env = envelope.safeParse(json);
  if (!env.success) throw invalid(`entry: ${env.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ')}`);
  const { type, at, data } = env.data;
  switch (type) {
    case 'mandate.version':
      return { type, at, data: dataOf<MandateVersion>(mandateData, type, data) };
    case 'declaration.created':
      return { type, at, data: dataOf<Declaration>(declarationData, type, data) };
    case 'declaration.withdrawn':
      return { type, at, data: dataOf(withdrawalData, type, data) };
    case 'lineup.set':
      return { type, at, data: dataOf(lineupData, type, data) };
    default:
      return { type: 'other', entryType: type, at, data };
  }
}
