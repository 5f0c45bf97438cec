/**
 * API keys of licensees (pure apart from randomness and hashing from node:crypto): the key is shown
 * once, at creation; the store keeps its id, a SHA-256 of its secret, its scopes, its expiry and its
 * revocation.
 *
 * Why SHA-256 and not a password hash (argon2): the secret is 256 random bits, so there is nothing to
 * guess and a slow hash would only slow every authenticated request. Comparison is constant-time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `desk`: the staff's work on the desk (accounts, keys, tariffs, distribution runs); the role still decides. */
export const KEY_SCOPES = ['lookup', 'licences:read', 'licences:request', 'usage:report', 'desk'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

const PREFIX = 'tdmr';
/** `tdmr_<id>_<secret>`: id 16 hex characters, secret 43 base64url characters (32 bytes). */
const KEY = /^tdmr_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface NewKey {
  /** The whole key, to show once. */
  key: string;
  id: string;
  /** Hex SHA-256 of the secret: what is stored. */
  secretHash: string;
}

export interface StoredKey {
  id: string;
  /** The account the key acts for. */
  account: string;
  secretHash: string;
  scopes: readonly KeyScope[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** A fresh key. */
export function newKey(random: (n: number) => Buffer = randomBytes): NewKey {
  const id = random(8).toString('hex');
  const secret = random(32).toString('base64url');
  return { key: `${PREFIX}_${id}_${secret}`, id, secretHash: sha256(secret) };
}

/** The id and secret of a presented key, or null when it is not one of ours in shape. */
export function splitKey(presented: string): { id: string; secret: string } | null {
  const m = KEY.exec(presented);
  return m === null ? null : { id: m[1]!, secret: m[2]! };
}

export type KeyCheck = { ok: true } | { ok: false; reason: 'malformed' | 'unknown' | 'wrong-secret' | 'revoked' | 'expired' | 'out-of-scope' };

/**
 * Whether `presented` opens `stored` for `scope` at `at`. `stored` is the row of the id the key names
 * (null when there is none). Every failure has a reason for the log; callers answer 401/403 without it.
 */
export function checkKey(presented: string, stored: StoredKey | null, scope: KeyScope, at: string): KeyCheck {
  const parts = splitKey(presented);
  if (parts === null) return { ok: false, reason: 'malformed' };
  if (stored === null || stored.id !== parts.id) return { ok: false, reason: 'unknown' };
  const a = Buffer.from(sha256(parts.secret), 'hex');
  const b = Buffer.from(stored.secretHash, 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: 'wrong-secret' };
  if (stored.revokedAt !== null && stored.revokedAt <= at) return { ok: false, reason: 'revoked' };
  if (stored.expiresAt !== null && stored.expiresAt <= at) return { ok: false, reason: 'expired' };
  if (!stored.scopes.includes(scope)) return { ok: false, reason: 'out-of-scope' };
  return { ok: true };
}

/** The key of an `Authorization: Bearer <key>` header, or null when the header is absent or another scheme. */
export function bearerKey(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m === null ? null : (m[1] as string);
}
