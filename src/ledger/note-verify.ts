import { sign, verify } from 'node:crypto';
import { LedgerError } from './errors.js';
import { assertNoteText, formatNote, parseNote, type Note, type NoteSignature } from './note.js';
import type { NoteSigner, NoteVerifier } from './note-keys.js';

/**
 * Why a note was rejected. Never thrown: notes arrive from outside.
 * - MALFORMED: not a signed note (see `parseNote`).
 * - AMBIGUOUS_KEY: two trusted verifiers share a name and key hash.
 * - BAD_SIGNATURE: a signature from a trusted key does not verify (the whole note is refused).
 * - NOT_SIGNED: no signature from any trusted key.
 */
export type NoteFailure = 'MALFORMED' | 'AMBIGUOUS_KEY' | 'BAD_SIGNATURE' | 'NOT_SIGNED';

/** Outcome of `verifyNote`: the note with the names of the trusted keys that signed it, or why not. */
export type NoteCheck =
  | { ok: true; note: Note; verifiedBy: string[]; unverified: NoteSignature[] }
  | { ok: false; reason: NoteFailure; detail: string };

/**
 * Signs `text` (which must end in a newline) with each signer and writes the signed note.
 *
 * @example
 * const note = signNote('example.org/log\n1\nAAAA...=\n', [parseSignerKey(skey)]);
 */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  assertNoteText(text);
  if (signers.length === 0) throw new LedgerError('LEDGER_NOTE_MALFORMED', 'malformed note: no signer given');
  const data = Buffer.from(text, 'utf8');
  const signatures = signers.map((s) => ({
    name: s.name,
    keyHash: s.keyHash,
    signature: sign(null, data, s.privateKey),
  }));
  return formatNote({ text, signatures });
}

const fail = (reason: NoteFailure, detail: string): NoteCheck => ({ ok: false, reason, detail });

/**
 * Opens a signed note against trusted verifier keys, as C2SP signed-note says: signatures whose
 * (name, key hash) is unknown are ignored; a known one that fails rejects the note; at least one must
 * verify. Repeated signature lines from one key are checked once. Never throws.
 *
 * @example
 * const check = verifyNote(body, [parseVerifierKey(vkey)]);
 * if (check.ok) use(check.note.text);
 */
export function verifyNote(input: string | Uint8Array, verifiers: readonly NoteVerifier[]): NoteCheck {
  let note: Note;
  try {
    note = parseNote(input);
  } catch (e) {
    return fail('MALFORMED', e instanceof Error ? e.message : 'malformed note');
  }
  const data = Buffer.from(note.text, 'utf8');
  const verifiedBy: string[] = [];
  const unverified: NoteSignature[] = [];
  const seen = new Set<string>();
  for (const sig of note.signatures) {
    const id = `${sig.name}+${sig.keyHash}`;
    const known = verifiers.filter((v) => v.name === sig.name && v.keyHash === sig.keyHash);
    if (known.length === 0) {
      unverified.push(sig);
      continue;
    }
    if (known.length > 1)
      return fail('AMBIGUOUS_KEY', `several trusted keys are ${sig.name}+${sig.keyHash.toString(16)}`);
    if (seen.has(id)) continue;
    seen.add(id);
    if (!safeVerify(data, known[0]!, sig.signature)) {
      return fail(
        'BAD_SIGNATURE',
        `invalid signature for key ${sig.name}+${sig.keyHash.toString(16).padStart(8, '0')}`,
      );
    }
    verifiedBy.push(sig.name);
  }
  if (verifiedBy.length === 0) return fail('NOT_SIGNED', 'no signature from a trusted key');
  return { ok: true, note, verifiedBy, unverified };
}

function safeVerify(data: Buffer, verifier: NoteVerifier, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false; // Ed25519; node:crypto would throw on other lengths
  try {
    return verify(null, data, verifier.publicKey, signature);
  } catch {
    return false;
  }
}
