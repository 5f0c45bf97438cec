// Key vectors from golang.org/x/mod sumdb/note (github.com/golang/mod, sumdb/note/note_test.go at
// 02c991387e35f9e4c0a9b7ce137717055f8d716d): TestNewVerifier, TestNewSigner, TestVerifierList.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerError } from './errors.js';
import {
  generateNoteKey,
  isValidKeyName,
  noteKeyHash,
  parseSignerKey,
  parseVerifierKey,
  verifierKeyFor,
  verifierKeyOf,
} from './note-keys.js';

const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof LedgerError ? e.code : `other: ${String(e)}`;
  }
  return undefined;
};

describe('note keys', () => {
  it('parses the Go note package keys and recomputes their hashes', () => {
    const v = parseVerifierKey(PETER_VKEY);
    expect([v.name, v.keyHash]).toEqual(['PeterNeumann', 0xc74f20a3]);
    const s = parseSignerKey(PETER_SKEY);
    expect([s.name, s.keyHash]).toEqual(['PeterNeumann', 0xc74f20a3]);
    expect(verifierKeyOf(s)).toBe(PETER_VKEY);
    expect(parseVerifierKey(ENOCH_VKEY).keyHash).toBe(0xaf0cfe78);
  });

  it('computes the key hash by hand: SHA-256(name || 0x0A || 0x01 || key)[0:4]', () => {
    const pub = Buffer.from(PETER_VKEY.split('+').slice(2).join('+'), 'base64').subarray(1);
    expect(noteKeyHash('PeterNeumann', pub)).toBe(0xc74f20a3);
    expect(verifierKeyFor('PeterNeumann', pub)).toBe(PETER_VKEY);
  });

  it('rejects every truncation and every one-byte change of the verifier key (as TestNewVerifier)', () => {
    for (let i = 0; i <= PETER_VKEY.length; i++) {
      for (let j = i + 1; j <= PETER_VKEY.length; j++) {
        if (i === 0 && j === PETER_VKEY.length) continue;
        expect(
          code(() => parseVerifierKey(PETER_VKEY.slice(i, j))),
          PETER_VKEY.slice(i, j),
        ).toBe('LEDGER_KEY_MALFORMED');
      }
    }
    for (let i = 0; i < PETER_VKEY.length; i++) {
      const bumped =
        PETER_VKEY.slice(0, i) + String.fromCharCode(PETER_VKEY.charCodeAt(i) + 1) + PETER_VKEY.slice(i + 1);
      expect(
        code(() => parseVerifierKey(bumped)),
        bumped,
      ).toBe('LEDGER_KEY_MALFORMED');
    }
    // From TestNewVerifier: wrong key length and unknown algorithm, each with an adjusted key hash.
    expect(
      code(() =>
        parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=='),
      ),
    ).toBe('LEDGER_KEY_MALFORMED');
    expect(
      code(() => parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')),
    ).toBe('LEDGER_KEY_MALFORMED');
  });

  it('rejects every truncation and every one-byte change of the signer key (as TestNewSigner)', () => {
    for (let i = 0; i <= PETER_SKEY.length; i++) {
      for (let j = i + 1; j <= PETER_SKEY.length; j++) {
        if (i === 0 && j === PETER_SKEY.length) continue;
        expect(code(() => parseSignerKey(PETER_SKEY.slice(i, j)))).toBe('LEDGER_KEY_MALFORMED');
      }
    }
    for (let i = 0; i < PETER_SKEY.length; i++) {
      const bumped =
        PETER_SKEY.slice(0, i) + String.fromCharCode(PETER_SKEY.charCodeAt(i) + 1) + PETER_SKEY.slice(i + 1);
      expect(
        code(() => parseSignerKey(bumped)),
        bumped,
      ).toBe('LEDGER_KEY_MALFORMED');
    }
  });

  it('generates key pairs that parse, match, and follow the text forms', () => {
    const { signerKey, verifierKey } = generateNoteKey('tdm-reserve.example/log');
    expect(signerKey).toMatch(/^PRIVATE\+KEY\+tdm-reserve\.example\/log\+[0-9a-f]{8}\+A[A-Za-z0-9+/]{43}$/);
    expect(verifierKey).toMatch(/^tdm-reserve\.example\/log\+[0-9a-f]{8}\+A[A-Za-z0-9+/]{43}$/);
    expect(verifierKeyOf(parseSignerKey(signerKey))).toBe(verifierKey);
    expect(parseVerifierKey(verifierKey).keyHash).toBe(parseSignerKey(signerKey).keyHash);
    expect(generateNoteKey('x').verifierKey).not.toBe(generateNoteKey('x').verifierKey);
  });

  it('accepts key names without spaces or plus signs only', () => {
    for (const ok of ['a', 'sum.golang.org', 'example.com/log42', 'é']) expect(isValidKeyName(ok)).toBe(true);
    for (const bad of [
      '',
      'a b',
      'a+b',
      'a\tb',
      'a\u00a0b',
      'a\u2028b',
      'a\u3000b',
      'a\u0085b',
      'a\u0001b',
      '\ud800',
    ]) {
      expect(isValidKeyName(bad), JSON.stringify(bad)).toBe(false);
      expect(code(() => generateNoteKey(bad))).toBe('LEDGER_KEY_MALFORMED');
    }
  });

  it('never throws anything but LEDGER_KEY_MALFORMED on arbitrary key text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const c1 = code(() => parseVerifierKey(s));
        const c2 = code(() => parseSignerKey(`PRIVATE+KEY+${s}`));
        expect(c1 === undefined || c1 === 'LEDGER_KEY_MALFORMED').toBe(true);
        expect(c2 === undefined || c2 === 'LEDGER_KEY_MALFORMED').toBe(true);
      }),
    );
  });
});
