/**
 * Offline check of a proof of reservation (see `reservation-proof.ts`). Pure and total: the document
 * comes from outside, so every failure is a result, never an exception.
 */
import { z } from 'zod';
import { QUERY_USES } from '../registry/model.js';
import { decodeBase64 } from './base64.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';
import { verifyCheckpoint } from './checkpoint.js';
import { isInstant, parseEntry } from './entry-codec.js';
import { leafHash } from './hash.js';
import { parseVerifierKey, type NoteVerifier } from './note-keys.js';
import type { IndexedEntry } from './replay.js';
import { PROOF_FORMAT, verdictsFromLog, type ProofVerdict } from './reservation-proof.js';
import { verifyInclusion } from './verify.js';

/**
 * Why a proof was rejected.
 * - BAD_KEY: the verifier key given is not a note verifier key.
 * - MALFORMED: not a reservation proof document (shape, limits, repeated entries).
 * - BAD_CHECKPOINT: the checkpoint is not signed by the key, or is not a checkpoint.
 * - BAD_INCLUSION: an entry's inclusion proof does not lead to the checkpoint's root.
 * - BAD_ENTRY: an entry body is not a canonical, well-formed log entry.
 * - ENTRY_AFTER_INSTANT: an entry was logged after the instant the proof is about.
 * - WRONG_RECORDING: a line-up entry names another recording, or none names this one.
 * - VERDICT_MISMATCH: recomputing coverage from the entries gives another verdict than claimed.
 * - NOT_RESERVED: no use is reserved.
 */
export type ReservationFailure =
  | 'BAD_KEY'
  | 'MALFORMED'
  | 'BAD_CHECKPOINT'
  | 'BAD_INCLUSION'
  | 'BAD_ENTRY'
  | 'ENTRY_AFTER_INSTANT'
  | 'WRONG_RECORDING'
  | 'VERDICT_MISMATCH'
  | 'NOT_RESERVED';

export type ReservationCheck =
  | { ok: true; isrc: string; at: string; origin: string; treeSize: number; verdicts: ProofVerdict[] }
  | { ok: false; reason: ReservationFailure; detail: string };

const MAX_ENTRIES = 10_000;
const MAX_BODY = 100_000;

const documentSchema = z.object({
  format: z.literal(PROOF_FORMAT),
  recording: z.object({ isrc: z.string().max(64), id: z.string().max(200) }),
  at: z.string().refine(isInstant, 'an ISO-8601 UTC instant'),
  territory: z.string().regex(/^([A-Z]{2}|WORLD)$/).nullable(),
  status: z.literal('reserved'),
  uses: z
    .array(z.object({ use: z.enum(QUERY_USES), status: z.enum(['reserved', 'not-covered', 'unknown']) }))
    .min(1)
    .max(QUERY_USES.length),
  checkpoint: z.string().max(100_000),
  entries: z
    .array(z.object({ index: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), body: z.string().max(MAX_BODY), proof: z.array(z.string().max(100)).max(64) }))
    .min(1)
    .max(MAX_ENTRIES),
});

const fail = (reason: ReservationFailure, detail: string): ReservationCheck => ({ ok: false, reason, detail });

function isCanonical(body: string): boolean {
  try {
    return canonicalJson(JSON.parse(body) as JsonValue) === body;
  } catch {
    return false;
  }
}

/**
 * Checks a proof of reservation against the log's verifier key: the checkpoint signature, every
 * inclusion proof against its root, the entries' form and instants, and the verdicts recomputed with
 * `coverageStatus`. Never throws.
 *
 * @example
 * const check = verifyReservationProof(JSON.parse(text), 'tdm-reserve.local/log+abcd1234+AX...');
 * if (check.ok) console.log('reserved at', check.at);
 */
export function verifyReservationProof(doc: unknown, verifierKey: string | NoteVerifier): ReservationCheck {
  let verifier: NoteVerifier;
  try {
    verifier = typeof verifierKey === 'string' ? parseVerifierKey(verifierKey.trim()) : verifierKey;
  } catch (e) {
    return fail('BAD_KEY', (e as Error).message);
  }
  const parsed = documentSchema.safeParse(doc);
  if (!parsed.success) {
    return fail('MALFORMED', parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'document'}: ${i.message}`).join('; '));
  }
  const d = parsed.data;
  if (new Set(d.entries.map((e) => e.index)).size !== d.entries.length) return fail('MALFORMED', 'an entry index appears twice');
  if (new Set(d.uses.map((u) => u.use)).size !== d.uses.length) return fail('MALFORMED', 'a use appears twice');

  const cp = verifyCheckpoint(d.checkpoint, [verifier]);
  if (!cp.ok) return fail('BAD_CHECKPOINT', `${cp.reason}: ${cp.detail}`);
  const { size, rootHash, origin } = cp.checkpoint;

  const entries: IndexedEntry[] = [];
  for (const e of d.entries) {
    const proof = e.proof.map(decodeBase64);
    if (proof.some((p) => p === undefined)) return fail('MALFORMED', `entry ${e.index}: a proof hash is not base64`);
    const check = verifyInclusion({ leafHash: leafHash(Buffer.from(e.body, 'utf8')), index: e.index, treeSize: size, proof: proof as Uint8Array[], root: rootHash });
    if (!check.ok) return fail('BAD_INCLUSION', `entry ${e.index}: ${check.reason}: ${check.detail}`);
    if (!isCanonical(e.body)) return fail('BAD_ENTRY', `entry ${e.index}: the body is not canonical JSON`);
    let entry;
    try {
      entry = parseEntry(e.body);
    } catch (err) {
      return fail('BAD_ENTRY', `entry ${e.index}: ${(err as Error).message}`);
    }
    if (entry.at > d.at) return fail('ENTRY_AFTER_INSTANT', `entry ${e.index} was logged at ${entry.at}, after ${d.at}`);
    if (entry.type === 'lineup.set' && (entry.data.recording.id !== d.recording.id || entry.data.recording.isrc !== d.recording.isrc)) {
      return fail('WRONG_RECORDING', `entry ${e.index} is the line-up of another recording`);
    }
    entries.push({ index: e.index, entry });
  }
  if (!entries.some((e) => e.entry.type === 'lineup.set')) return fail('WRONG_RECORDING', `no line-up entry for ${d.recording.isrc}`);

  const verdicts = verdictsFromLog(entries, {
    recordingId: d.recording.id,
    isrc: d.recording.isrc,
    at: d.at,
    uses: d.uses.map((u) => u.use),
    territory: d.territory,
  });
  for (const [i, v] of verdicts.entries()) {
    const claimed = d.uses[i]!.status;
    if (v.status !== claimed) return fail('VERDICT_MISMATCH', `${v.use}: the entries give ${v.status}, the proof claims ${claimed}`);
  }
  if (!verdicts.some((v) => v.status === 'reserved')) return fail('NOT_RESERVED', 'no use is reserved by these entries');
  return { ok: true, isrc: d.recording.isrc, at: d.at, origin, treeSize: size, verdicts };
}
