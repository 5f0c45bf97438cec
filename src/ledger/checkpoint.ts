import { decodeBase64, encodeBase64 } from './base64.js';
import { LedgerError } from './errors.js';
import { HASH_SIZE } from './hash.js';
import type { NoteSigner, NoteVerifier } from './note-keys.js';
import type { NoteSignature } from './note.js';
import { signNote, verifyNote, type NoteFailure } from './note-verify.js';

/** A log's tree head (C2SP tlog-checkpoint): who, how many leaves, which root. */
export interface Checkpoint {
  /** Identifies the log, e.g. `tdm-reserve.example/log`; non-empty, one line. */
  readonly origin: string;
  readonly size: number;
  /** RFC 9162 root hash of the first `size` leaves (32 bytes). */
  readonly rootHash: Uint8Array;
  /** Optional, opaque, non-empty lines after the root (not recommended by the spec). */
  readonly extensions?: readonly string[];
}

const malformed = (why: string): LedgerError =>
  new LedgerError('LEDGER_CHECKPOINT_MALFORMED', `malformed checkpoint: ${why}`);
const DECIMAL = /^(?:0|[1-9][0-9]*)$/;

/**
 * Checkpoint note text: origin, decimal size and base64 root, each on its own line, then extensions.
 *
 * @example
 * formatCheckpoint({ origin: 'example.org/log', size: 3, rootHash }); // 'example.org/log\n3\nrq...=\n'
 */
export function formatCheckpoint(cp: Checkpoint): string {
  if (cp.origin.length === 0 || cp.origin.includes('\n'))
    throw malformed('the origin must be one non-empty line');
  if (!Number.isSafeInteger(cp.size) || cp.size < 0) throw malformed('the size must be a safe integer >= 0');
  if (cp.rootHash.length !== HASH_SIZE) throw malformed('the root hash must be 32 bytes');
  const ext = cp.extensions ?? [];
  if (ext.some((l) => l.length === 0 || l.includes('\n')))
    throw malformed('extension lines must be non-empty single lines');
  return [cp.origin, String(cp.size), encodeBase64(cp.rootHash), ...ext].map((l) => `${l}\n`).join('');
}

/**
 * Parses checkpoint note text (the part before the blank line). Throws LEDGER_CHECKPOINT_MALFORMED.
 *
 * @example
 * const { origin, size, rootHash } = parseCheckpoint(note.text);
 */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw malformed('the text must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  const [origin, size, root, ...extensions] = lines;
  if (origin === undefined || size === undefined || root === undefined)
    throw malformed('fewer than three lines');
  if (origin.length === 0) throw malformed('empty origin');
  if (!DECIMAL.test(size) || !Number.isSafeInteger(Number(size)))
    throw malformed(`bad tree size ${JSON.stringify(size)}`);
  const rootHash = decodeBase64(root);
  if (rootHash === undefined || rootHash.length !== HASH_SIZE)
    throw malformed('the root hash must be base64 of 32 bytes');
  if (extensions.some((l) => l.length === 0)) throw malformed('empty extension line');
  return { origin, size: Number(size), rootHash, extensions };
}

/**
 * Signs a checkpoint: the signed note a log publishes.
 *
 * @example
 * const note = signCheckpoint({ origin, size: range.size, rootHash: range.root() }, [signer]);
 */
export function signCheckpoint(cp: Checkpoint, signers: readonly NoteSigner[]): string {
  return signNote(formatCheckpoint(cp), signers);
}

/** Outcome of `verifyCheckpoint`. */
export type CheckpointCheck =
  | { ok: true; checkpoint: Checkpoint; verifiedBy: string[]; unverified: NoteSignature[] }
  | { ok: false; reason: NoteFailure | 'MALFORMED_CHECKPOINT' | 'WRONG_ORIGIN'; detail: string };

/**
 * Opens a signed checkpoint against trusted keys and parses it; with `origin`, also requires that
 * origin line. Never throws.
 *
 * @example
 * const check = verifyCheckpoint(body, [parseVerifierKey(vkey)], { origin: 'example.org/log' });
 * if (check.ok) console.log(check.checkpoint.size);
 */
export function verifyCheckpoint(
  input: string | Uint8Array,
  verifiers: readonly NoteVerifier[],
  options: { origin?: string } = {},
): CheckpointCheck {
  const opened = verifyNote(input, verifiers);
  if (!opened.ok) return opened;
  let checkpoint: Checkpoint;
  try {
    checkpoint = parseCheckpoint(opened.note.text);
  } catch (e) {
    return {
      ok: false,
      reason: 'MALFORMED_CHECKPOINT',
      detail: e instanceof Error ? e.message : 'malformed checkpoint',
    };
  }
  if (options.origin !== undefined && checkpoint.origin !== options.origin) {
    return {
      ok: false,
      reason: 'WRONG_ORIGIN',
      detail: `origin ${JSON.stringify(checkpoint.origin)} is not ${JSON.stringify(options.origin)}`,
    };
  }
  return { ok: true, checkpoint, verifiedBy: opened.verifiedBy, unverified: opened.unverified };
}
