// Signed-note vectors from golang.org/x/mod sumdb/note (github.com/golang/mod,
// sumdb/note/note_test.go at 02c991387e35f9e4c0a9b7ce137717055f8d716d: TestSign, TestOpen) and the
// example of C2SP signed-note.md (github.com/C2SP/C2SP at 055287621bf3cd13ff4394418a3e8efc2d5e8ed7).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerError } from './errors.js';
import { formatNote, parseNote } from './note.js';
import { generateNoteKey, parseSignerKey, parseVerifierKey } from './note-keys.js';
import { signNote, verifyNote } from './note-verify.js';

const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG =
  '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG =
  '\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';
const peter = parseVerifierKey(PETER_VKEY);
const enoch = parseVerifierKey(ENOCH_VKEY);

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof LedgerError ? e.code : `other: ${String(e)}`;
  }
  return undefined;
};

describe('signNote', () => {
  it('reproduces the Go note package signature byte for byte (Ed25519 is deterministic)', () => {
    expect(signNote(TEXT, [parseSignerKey(PETER_SKEY)])).toBe(`${TEXT}\n${PETER_SIG}`);
  });

  it('refuses text a note cannot carry', () => {
    const s = parseSignerKey(PETER_SKEY);
    expect(code(() => signNote('abc', [s]))).toBe('LEDGER_NOTE_MALFORMED');
    expect(code(() => signNote('a\u0001b\n', [s]))).toBe('LEDGER_NOTE_MALFORMED');
    expect(code(() => signNote(TEXT, []))).toBe('LEDGER_NOTE_MALFORMED');
  });
});

describe('verifyNote', () => {
  const both = `${TEXT}\n${PETER_SIG}${ENOCH_SIG}`;

  it('verifies known keys and ignores unknown ones (TestOpen)', () => {
    const one = verifyNote(both, [peter]);
    expect(one.ok && [one.note.text, one.verifiedBy, one.unverified.map((s) => s.name)]).toEqual([
      TEXT,
      ['PeterNeumann'],
      ['EnochRoot'],
    ]);
    const two = verifyNote(both, [peter, enoch]);
    expect(two.ok && two.verifiedBy).toEqual(['PeterNeumann', 'EnochRoot']);
    expect(verifyNote(Buffer.from(both, 'utf8'), [enoch]).ok).toBe(true);
  });

  it('refuses a note without a trusted signature, or with a bad one', () => {
    expect(verifyNote(both, [])).toMatchObject({ ok: false, reason: 'NOT_SIGNED' });
    const broken = `${TEXT}\n${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`;
    expect(verifyNote(broken, [peter])).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyNote(`${TEXT.replace('If', 'Of')}\n${PETER_SIG}`, [peter])).toMatchObject({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(verifyNote(`${TEXT}\n${ENOCH_SIG}`, [enoch, peter, enoch])).toMatchObject({
      ok: false,
      reason: 'AMBIGUOUS_KEY',
    });
    expect(verifyNote(`${TEXT}\n${PETER_SIG}`, [enoch, peter, enoch]).ok).toBe(true);
    // A signature under a known name but another key hash is from an unknown key: ignored.
    const renamed = PETER_SIG.replace('x08g', 'xxxx');
    expect(verifyNote(`${TEXT}\n${renamed}`, [peter])).toMatchObject({ ok: false, reason: 'NOT_SIGNED' });
  });

  it('checks repeated signatures from one key once and keeps the first of each unknown one', () => {
    const msg = `${TEXT}\n${PETER_SIG}${PETER_SIG}${ENOCH_SIG}${ENOCH_SIG}`;
    const check = verifyNote(msg, [peter]);
    expect(check.ok && [check.verifiedBy, check.unverified.length]).toEqual([['PeterNeumann'], 2]);
  });

  it.each([
    ['no signature block', TEXT],
    ['blank line only', `${TEXT}\n`],
    ['last signature without newline', `${TEXT}\n${PETER_SIG.slice(0, -1)}`],
    ['control character', `\u0001${TEXT}\n${PETER_SIG}`],
    [
      'space in key name',
      `${TEXT}\n\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`,
    ],
    ['unexpected line', `${TEXT}\n${PETER_SIG}Unexpected line.\n`],
    ['101 signatures', `${TEXT}\n${PETER_SIG.repeat(101)}`],
    ['signature too short', `${TEXT}\n\u2014 PeterNeumann AAAA\n`],
    [
      'bad base64',
      `${TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM\n`,
    ],
    ['hyphen instead of em dash', `${TEXT}\n${PETER_SIG.replace('\u2014', '-')}`],
  ])('refuses a malformed note: %s', (_name, msg) => {
    expect(verifyNote(msg, [peter])).toMatchObject({ ok: false, reason: 'MALFORMED' });
    expect(code(() => parseNote(msg))).toBe('LEDGER_NOTE_MALFORMED');
  });

  it('refuses invalid UTF-8 bytes', () => {
    const bytes = Buffer.concat([Buffer.from([0xff]), Buffer.from(`${TEXT}\n${PETER_SIG}`)]);
    expect(verifyNote(bytes, [peter])).toMatchObject({ ok: false, reason: 'MALFORMED' });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.uint8Array(), fc.constantFrom(`${TEXT}\n${PETER_SIG}`)),
        fc.nat(),
        fc.string(),
        (input, at, junk) => {
          const msg = typeof input === 'string' ? input.slice(0, at) + junk + input.slice(at) : input;
          const check = verifyNote(msg, [peter]);
          expect(typeof check.ok).toBe('boolean');
        },
      ),
    );
  });
});

describe('parseNote and formatNote', () => {
  it('parses the C2SP signed-note example, whose text holds a blank line', () => {
    const msg =
      'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned \u00e8 subito sera.\n\n' +
      '\u2014 quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n';
    const note = parseNote(msg);
    expect(note.text).toBe(
      'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned \u00e8 subito sera.\n',
    );
    expect(note.signatures.map((s) => [s.name, s.keyHash.toString(16), s.signature.length])).toEqual([
      ['quasimodo.example/salvatore', '367ba04b', 64],
    ]);
    expect(formatNote(note)).toBe(msg);
  });

  it('round-trips any text with any signatures', () => {
    const line = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', '\u2014', '+', '\u00e8', '\ud83d\ude00', '1'),
    });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 5 }),
        fc.array(
          fc.record({
            keyHash: fc.nat(2 ** 32 - 1),
            signature: fc.uint8Array({ minLength: 1, maxLength: 80 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (lines, sigs) => {
          const text = lines.map((l) => `${l}\n`).join('');
          const signatures = sigs.map((s, i) => ({ name: `key${i}.example`, ...s }));
          const msg = formatNote({ text, signatures });
          expect(parseNote(msg)).toEqual({
            text,
            signatures: signatures.map((s) => ({ ...s, signature: Uint8Array.from(s.signature) })),
          });
        },
      ),
    );
  });

  it('signs with several keys and verifies with each', () => {
    const a = generateNoteKey('a.example');
    const b = generateNoteKey('b.example');
    const msg = signNote('hello\n', [parseSignerKey(a.signerKey), parseSignerKey(b.signerKey)]);
    expect(verifyNote(msg, [parseVerifierKey(b.verifierKey)])).toMatchObject({
      ok: true,
      verifiedBy: ['b.example'],
    });
  });
});
