/**
 * How a raw fingerprint is stored: its 32-bit items little-endian, base64 (portable TEXT on both
 * dialects, a third smaller than a JSON list), and the SHA-256 of those bytes, which the log records.
 */
import { createHash } from 'node:crypto';
import { FingerprintError } from './errors.js';

function bytes(raw: Uint32Array): Buffer {
  const b = Buffer.alloc(raw.length * 4);
  for (let i = 0; i < raw.length; i++) b.writeUInt32LE(raw[i]!, i * 4);
  return b;
}

export function encodeRaw(raw: Uint32Array): string {
  return bytes(raw).toString('base64');
}

export function decodeRaw(text: string): Uint32Array {
  const b = Buffer.from(text, 'base64');
  if (b.length % 4 !== 0)
    throw new FingerprintError(
      'FINGERPRINT_BAD_INPUT',
      `a stored fingerprint has ${b.length} bytes, not a multiple of 4`,
    );
  const out = new Uint32Array(b.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = b.readUInt32LE(i * 4);
  return out;
}

/** SHA-256 (hex) of the items as little-endian bytes: what `fingerprint.enrolled` log entries carry. */
export function rawSha256(raw: Uint32Array): string {
  return createHash('sha256').update(bytes(raw)).digest('hex');
}
