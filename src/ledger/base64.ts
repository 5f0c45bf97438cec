// Buffer.from(s, 'base64') skips characters it does not know and accepts missing padding, so text
// that a signed note must reject would decode silently. Notes and keys use standard padded base64
// (RFC 4648 section 4); this accepts only its canonical form (re-encoding gives the same text).
const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes canonical standard base64, or returns undefined. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (!STD_BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? Uint8Array.from(bytes) : undefined;
}

/** Standard padded base64. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
