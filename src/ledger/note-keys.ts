import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { decodeBase64, encodeBase64 } from './base64.js';
import { LedgerError } from './errors.js';

/** Signature type byte of Ed25519 in signed notes (C2SP signed-note). */
const ALG_ED25519 = 0x01;
// DER headers that wrap a raw 32-byte Ed25519 key as SPKI / PKCS#8 (RFC 8410), for node:crypto.
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
// Go's note package treats Unicode spaces (unicode.IsSpace) and '+' as invalid in key names; JS \s
// adds only U+FEFF to that set. Control characters and lone surrogates cannot appear in a note.
const BAD_NAME_CHAR = /[\s+\u0085\p{Cc}\p{Cs}]/u;

/** A key that checks note signatures. */
export interface NoteVerifier {
  readonly name: string;
  /** uint32 key ID: first 4 bytes (big-endian) of SHA-256(name || 0x0A || 0x01 || public key). */
  readonly keyHash: number;
  readonly publicKey: KeyObject;
}

/** A key that signs notes. Keep the `PRIVATE+KEY+...` text it came from secret. */
export interface NoteSigner {
  readonly name: string;
  readonly keyHash: number;
  readonly privateKey: KeyObject;
}

/**
 * True when `name` may name a note key: non-empty, no Unicode space, no '+', no control character.
 *
 * @example
 * isValidKeyName('tdm-reserve.example/log'); // true
 * isValidKeyName('my log'); // false
 */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !BAD_NAME_CHAR.test(name);
}

/**
 * Key ID of an Ed25519 note key: SHA-256(name || 0x0A || 0x01 || 32-byte public key)[0:4], big-endian.
 *
 * @example
 * noteKeyHash('PeterNeumann', publicKeyBytes).toString(16); // 'c74f20a3'
 */
export function noteKeyHash(name: string, publicKey: Uint8Array): number {
  const digest = createHash('sha256')
    .update(name, 'utf8')
    .update(Uint8Array.of(0x0a, ALG_ED25519))
    .update(publicKey)
    .digest();
  return digest.readUInt32BE(0);
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');
const malformed = (what: string): LedgerError => new LedgerError('LEDGER_KEY_MALFORMED', what);

function rawPublicKey(key: KeyObject): Uint8Array {
  return Uint8Array.from(key.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519.length));
}

/**
 * Verifier key text `<name>+<hex key hash>+<base64(0x01 || public key)>` for a raw Ed25519 key.
 *
 * @example
 * verifierKeyFor('log.example/tdm', publicKeyBytes); // 'log.example/tdm+1a2b3c4d+AR...'
 */
export function verifierKeyFor(name: string, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw malformed(`invalid key name ${JSON.stringify(name)}`);
  if (publicKey.length !== 32) throw malformed('an Ed25519 public key is 32 bytes');
  const body = encodeBase64(Uint8Array.of(ALG_ED25519, ...publicKey));
  return `${name}+${hex8(noteKeyHash(name, publicKey))}+${body}`;
}

/**
 * New Ed25519 key pair for `name`, as note key texts: `signerKey` is
 * `PRIVATE+KEY+<name>+<hex key hash>+<base64(0x01 || seed)>`, `verifierKey` as in `verifierKeyFor`.
 *
 * @example
 * const { signerKey, verifierKey } = generateNoteKey('log.example/tdm');
 */
export function generateNoteKey(name: string): { signerKey: string; verifierKey: string } {
  if (!isValidKeyName(name)) throw malformed(`invalid key name ${JSON.stringify(name)}`);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_ED25519.length);
  const pub = rawPublicKey(publicKey);
  const signerKey = `PRIVATE+KEY+${name}+${hex8(noteKeyHash(name, pub))}+${encodeBase64(Uint8Array.of(ALG_ED25519, ...seed))}`;
  return { signerKey, verifierKey: verifierKeyFor(name, pub) };
}

/** Splits `name+hash+key`; the base64 key may itself contain '+'. */
function splitKey(text: string): { name: string; keyHash: number; key: Uint8Array } {
  const first = text.indexOf('+');
  const second = text.indexOf('+', first + 1);
  if (first < 0 || second < 0) throw malformed('expected <name>+<hash>+<key>');
  const name = text.slice(0, first);
  const hash = text.slice(first + 1, second);
  const key = decodeBase64(text.slice(second + 1));
  if (!isValidKeyName(name)) throw malformed(`invalid key name ${JSON.stringify(name)}`);
  if (!/^[0-9a-fA-F]{8}$/.test(hash)) throw malformed('the key hash must be 8 hex digits');
  if (key === undefined || key.length !== 33) throw malformed('the key must be base64 of 33 bytes');
  if (key[0] !== ALG_ED25519) throw malformed(`unknown signature type ${key[0]}`);
  return { name, keyHash: Number.parseInt(hash, 16), key: key.subarray(1) };
}

/**
 * Parses a verifier key `<name>+<hex key hash>+<base64(0x01 || public key)>`, checking its hash.
 *
 * @example
 * const v = parseVerifierKey('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW');
 */
export function parseVerifierKey(text: string): NoteVerifier {
  const { name, keyHash, key } = splitKey(text);
  if (noteKeyHash(name, key) !== keyHash) throw malformed('the key hash does not match the name and key');
  const publicKey = createPublicKey({ key: Buffer.concat([SPKI_ED25519, key]), format: 'der', type: 'spki' });
  return { name, keyHash, publicKey };
}

/**
 * Parses a signer key `PRIVATE+KEY+<name>+<hex key hash>+<base64(0x01 || seed)>`, checking that the
 * hash matches the public key derived from the seed.
 *
 * @example
 * const s = parseSignerKey(process.env.LOG_SIGNER_KEY!);
 */
export function parseSignerKey(text: string): NoteSigner {
  if (!text.startsWith('PRIVATE+KEY+')) throw malformed('a signer key starts with PRIVATE+KEY+');
  const { name, keyHash, key } = splitKey(text.slice('PRIVATE+KEY+'.length));
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, key]),
    format: 'der',
    type: 'pkcs8',
  });
  if (noteKeyHash(name, rawPublicKey(createPublicKey(privateKey))) !== keyHash) {
    throw malformed('the key hash does not match the name and key');
  }
  return { name, keyHash, privateKey };
}

/**
 * The verifier key text matching a signer (what to publish for a signer key).
 *
 * @example
 * verifierKeyOf(parseSignerKey(signerKey)) === verifierKey; // true
 */
export function verifierKeyOf(signer: NoteSigner): string {
  return verifierKeyFor(signer.name, rawPublicKey(createPublicKey(signer.privateKey)));
}
