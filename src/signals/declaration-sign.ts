/**
 * The declaration document signed as a JWS (RFC 7515 compact serialisation, `alg` EdDSA = Ed25519,
 * RFC 8037) over its RFC 8785 canonical text. The key is the transparency log's Ed25519 signer key, so
 * the signature and the log's checkpoints are checked with the same public key; the header carries it
 * as a JWK and names it by its signed-note key name and hash (`kid`).
 *
 * Signed here with node:crypto rather than `jose` because the derivation is synchronous and jose's
 * signing API is asynchronous; the compact form is three base64url parts (RFC 7515 §7.1). Tests verify
 * the result with jose.
 */
import { createHash, sign, type KeyObject } from 'node:crypto';
import type { JsonValue } from '../ledger/canonical-json.js';
import { canonicalDeclaration, type DeclarationSigner } from './declaration-doc.js';

const b64u = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

/** SHA-256 (hex) of the canonical declaration document: the digest the log records. */
export function declarationDigest(doc: JsonValue): string {
  return createHash('sha256').update(canonicalDeclaration(doc), 'utf8').digest('hex');
}

/**
 * A signer over an Ed25519 private key.
 *
 * @example
 * const s = ed25519DeclarationSigner(keys.signer().privateKey, 'tdm-reserve.local/log+1a2b3c4d');
 * s.sign(doc); // 'eyJhbGciOiJFZERTQSIs...'
 */
export function ed25519DeclarationSigner(privateKey: KeyObject, kid: string): DeclarationSigner {
  const { kty, crv, x } = privateKey.export({ format: 'jwk' });
  const header = b64u(JSON.stringify({ alg: 'EdDSA', kid, typ: 'JOSE', cty: 'ld+json', jwk: { kty, crv, x } }));
  return {
    sign(doc: JsonValue): string {
      const input = `${header}.${b64u(canonicalDeclaration(doc))}`;
      return `${input}.${b64u(sign(null, Buffer.from(input, 'ascii'), privateKey))}`;
    },
  };
}
