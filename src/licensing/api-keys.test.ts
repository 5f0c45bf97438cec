import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkKey, newKey, splitKey, type StoredKey } from './api-keys.js';

const AT = '2026-06-01T00:00:00.000Z';
function stored(k = newKey(), over: Partial<StoredKey> = {}): { key: string; row: StoredKey } {
  return {
    key: k.key,
    row: { id: k.id, account: 'acct-a', secretHash: k.secretHash, scopes: ['lookup'], createdAt: AT, expiresAt: null, revokedAt: null, ...over },
  };
}

describe('API keys', () => {
  it('makes keys that open their own row only', () => {
    const a = stored();
    const b = stored();
    expect(a.key).toMatch(/^tdmr_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(a.row.secretHash).not.toContain(splitKey(a.key)!.secret);
    expect(checkKey(a.key, a.row, 'lookup', AT)).toEqual({ ok: true });
    expect(checkKey(a.key, b.row, 'lookup', AT)).toEqual({ ok: false, reason: 'unknown' });
    expect(checkKey(a.key, { ...a.row, secretHash: b.row.secretHash }, 'lookup', AT)).toEqual({ ok: false, reason: 'wrong-secret' });
    expect(checkKey(a.key, null, 'lookup', AT)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('refuses revoked, expired and out-of-scope keys from their instant on', () => {
    const k = newKey();
    expect(checkKey(k.key, stored(k, { revokedAt: AT }).row, 'lookup', AT)).toEqual({ ok: false, reason: 'revoked' });
    expect(checkKey(k.key, stored(k, { revokedAt: '2026-06-02T00:00:00.000Z' }).row, 'lookup', AT)).toEqual({ ok: true });
    expect(checkKey(k.key, stored(k, { expiresAt: AT }).row, 'lookup', AT)).toEqual({ ok: false, reason: 'expired' });
    expect(checkKey(k.key, stored(k).row, 'usage:report', AT)).toEqual({ ok: false, reason: 'out-of-scope' });
  });

  it('calls anything else malformed, never throws (property)', () => {
    const row = stored().row;
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = checkKey(s, row, 'lookup', AT);
        expect(r.ok).toBe(false);
        if (splitKey(s) === null) expect(r).toEqual({ ok: false, reason: 'malformed' });
      }),
    );
  });
});
