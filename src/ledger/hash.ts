import { hash } from 'node:crypto';

/** Every hash in the log is SHA-256: 32 bytes. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

// One-shot crypto.hash over a reused buffer is markedly faster than createHash().update().digest()
// for 65-byte inputs, and interior hashing is the hot path of appending. Safe because it is synchronous.
const nodeScratch = Buffer.allocUnsafe(1 + 2 * HASH_SIZE);
// Likewise for leaves up to 8 KiB (log entries are a few hundred bytes): no allocation per leaf.
const leafScratch = Buffer.allocUnsafe(8192);

// Hashes are handed out as plain Uint8Array views (no copy), not Buffer, so that values compare equal
// whichever function made them and callers outside Node see the type they expect.
const bytesOf = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/**
 * RFC 9162 leaf hash: SHA-256(0x00 || data).
 *
 * @example
 * const h = leafHash(new TextEncoder().encode('{"seq":0}')); // 32 bytes
 */
export function leafHash(data: Uint8Array): Uint8Array {
  const input =
    data.length < leafScratch.length
      ? leafScratch.subarray(0, 1 + data.length)
      : Buffer.allocUnsafe(1 + data.length);
  input[0] = LEAF_PREFIX;
  input.set(data, 1);
  return bytesOf(hash('sha256', input, 'buffer'));
}

/**
 * RFC 9162 interior node hash: SHA-256(0x01 || left || right). Both children must be 32-byte hashes.
 *
 * @example
 * const parent = nodeHash(leafHash(a), leafHash(b));
 */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  nodeScratch[0] = NODE_PREFIX;
  nodeScratch.set(left, 1);
  nodeScratch.set(right, 1 + HASH_SIZE);
  return bytesOf(hash('sha256', nodeScratch, 'buffer'));
}

/**
 * Root of the empty tree: SHA-256 of the empty string.
 *
 * @example
 * Buffer.from(emptyRoot()).toString('hex'); // 'e3b0c442...b855'
 */
export function emptyRoot(): Uint8Array {
  return bytesOf(hash('sha256', new Uint8Array(0), 'buffer'));
}

/** True when `value` is a Uint8Array of exactly 32 bytes. */
export function isHash(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.length === HASH_SIZE;
}

/** Byte equality; lengths may differ (then false). Hashes are public, so no constant-time need. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
