import { decodeBase64, encodeBase64 } from './base64.js';
import { LedgerError } from './errors.js';
import { isValidKeyName } from './note-keys.js';

/** One signature line of a note: `— <name> base64(4-byte key hash || signature)`. */
export interface NoteSignature {
  readonly name: string;
  /** uint32 key ID, from the first 4 bytes of the decoded signature field. */
  readonly keyHash: number;
  /** The signature proper (for Ed25519, 64 bytes). */
  readonly signature: Uint8Array;
}

/** A signed note: its text (ending in a newline) and its signature lines, in order. */
export interface Note {
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

const SIG_PREFIX = '\u2014 '; // em dash, space
// More than the 16 the spec requires verifiers to accept, and what Go's note package allows.
export const MAX_NOTE_SIGNATURES = 100;
// Far above any checkpoint (a few hundred bytes); bounds the work a hostile note can cause.
export const MAX_NOTE_LENGTH = 1_000_000;
const LONE_SURROGATE = /\p{Cs}/u;

/** Control characters other than newline, or lone surrogates (which have no UTF-8 form). */
function hasForbiddenChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a) return true;
  }
  return LONE_SURROGATE.test(s);
}

const malformed = (why: string): LedgerError =>
  new LedgerError('LEDGER_NOTE_MALFORMED', `malformed note: ${why}`);

/** Checks text that will be signed: non-empty, ends in a newline, nothing a note forbids. */
export function assertNoteText(text: string): void {
  if (!text.endsWith('\n')) throw malformed('the text must end with a newline');
  if (hasForbiddenChar(text)) throw malformed('control characters other than newline are not allowed');
}

/**
 * Writes a note: text, a blank line, then one line per signature.
 *
 * @example
 * formatNote({ text: 'hello\n', signatures: [{ name: 'k', keyHash: 1, signature: sig }] });
 */
export function formatNote(note: Note): string {
  assertNoteText(note.text);
  if (note.signatures.length === 0) throw malformed('a note needs at least one signature');
  const lines = note.signatures.map((s) => {
    if (!isValidKeyName(s.name)) throw malformed(`invalid key name ${JSON.stringify(s.name)}`);
    const field = new Uint8Array(4 + s.signature.length);
    new DataView(field.buffer).setUint32(0, s.keyHash >>> 0);
    field.set(s.signature, 4);
    return `${SIG_PREFIX}${s.name} ${encodeBase64(field)}\n`;
  });
  return `${note.text}\n${lines.join('')}`;
}

/**
 * Parses a signed note (C2SP signed-note) without checking signatures: bytes must be UTF-8; the text
 * ends at the last blank line; every following line is a signature line. Throws LEDGER_NOTE_MALFORMED.
 *
 * @example
 * const { text, signatures } = parseNote(body);
 */
export function parseNote(input: string | Uint8Array): Note {
  let msg: string;
  if (typeof input === 'string') {
    msg = input;
  } else {
    if (input.length > 3 * MAX_NOTE_LENGTH) throw malformed('too long');
    try {
      msg = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
    } catch {
      throw malformed('not UTF-8');
    }
  }
  if (msg.length > MAX_NOTE_LENGTH) throw malformed('too long');
  if (hasForbiddenChar(msg)) throw malformed('control characters other than newline are not allowed');
  const split = msg.lastIndexOf('\n\n');
  if (split < 0) throw malformed('no blank line before the signatures');
  const text = msg.slice(0, split + 1);
  const block = msg.slice(split + 2);
  if (block.length === 0 || !block.endsWith('\n'))
    throw malformed('the signature block must end with a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) throw malformed(`more than ${MAX_NOTE_SIGNATURES} signatures`);
  const signatures = lines.map((line) => {
    if (!line.startsWith(SIG_PREFIX)) throw malformed('a signature line starts with an em dash and a space');
    const rest = line.slice(SIG_PREFIX.length);
    const space = rest.indexOf(' ');
    const name = space < 0 ? rest : rest.slice(0, space);
    const field = space < 0 ? undefined : decodeBase64(rest.slice(space + 1));
    if (!isValidKeyName(name)) throw malformed(`invalid key name ${JSON.stringify(name)}`);
    if (field === undefined || field.length < 5)
      throw malformed('a signature is base64 of a key hash and at least one byte');
    const keyHash = new DataView(field.buffer, field.byteOffset).getUint32(0);
    return { name, keyHash, signature: field.subarray(4) };
  });
  return { text, signatures };
}
