// Real checkpoints: two signed tree heads served by the Go checksum database (sum.golang.org), as
// recorded in the tests of public Go and TypeScript projects, checked with the verifier key Go ships
// for it (cmd/go/internal/modfetch/key.go). Anyone can re-check them with that key: they are genuine
// Ed25519 signatures by sum.golang.org, not values made up for this test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCheckpoint, parseCheckpoint, signCheckpoint, verifyCheckpoint } from './checkpoint.js';
import { LedgerError } from './errors.js';
import { generateNoteKey, parseSignerKey, parseVerifierKey } from './note-keys.js';
import { signNote } from './note-verify.js';

const SUMDB_VKEY = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';
const SUMDB_HEADS = [
  'go.sum database tree\n31700353\nqINS1GRFhWHwdkUeqLEoP4yEMkTBBzxBkGwGQlVlVcs=\n\n' +
    '\u2014 sum.golang.org Az3grnmrIUEDFqHzAElIQCPNoRFRAAdFo47fooyWKMHb89k11GJh5zHIfNCOBmwn/C3YI8oW9/C8DJ87F61QqspBYwM=\n',
  'go.sum database tree\n65209736\n5+uGFjx6xBZG8ip1+wi77v+grwbhhukIrxEUS8PXvRo=\n\n' +
    '\u2014 sum.golang.org Az3grnbssgK7ubgFX36gVETtNv0U23qxyAhAMai2QUfeGa3nB/akvkMdlUErfcZz7l/R3cVtYspg3dxXABkGZZKdsQ8=\n',
];
const sumdb = parseVerifierKey(SUMDB_VKEY);
const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof LedgerError ? e.code : `other: ${String(e)}`;
  }
  return undefined;
};

describe('verifyCheckpoint on real sum.golang.org tree heads', () => {
  it.each(SUMDB_HEADS)('verifies %#', (note) => {
    const check = verifyCheckpoint(note, [sumdb], { origin: 'go.sum database tree' });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.verifiedBy).toEqual(['sum.golang.org']);
    expect(formatCheckpoint(check.checkpoint)).toBe(note.slice(0, note.indexOf('\n\n') + 1));
  });

  it('reads the size and root of the first head', () => {
    const check = verifyCheckpoint(SUMDB_HEADS[0]!, [sumdb]);
    expect(
      check.ok && [check.checkpoint.size, Buffer.from(check.checkpoint.rootHash).toString('base64')],
    ).toEqual([31700353, 'qINS1GRFhWHwdkUeqLEoP4yEMkTBBzxBkGwGQlVlVcs=']);
  });

  it('refuses a changed size, a wrong origin, or another key', () => {
    const changed = SUMDB_HEADS[0]!.replace('31700353', '31700354');
    expect(verifyCheckpoint(changed, [sumdb])).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(verifyCheckpoint(SUMDB_HEADS[0]!, [sumdb], { origin: 'tdm-reserve.example/log' })).toMatchObject({
      ok: false,
      reason: 'WRONG_ORIGIN',
    });
    expect(
      verifyCheckpoint(SUMDB_HEADS[0]!, [parseVerifierKey(generateNoteKey('sum.golang.org').verifierKey)]),
    ).toMatchObject({ ok: false, reason: 'NOT_SIGNED' });
  });
});

describe('checkpoints of our own log', () => {
  const keys = generateNoteKey('tdm-reserve.example/log');
  const signer = parseSignerKey(keys.signerKey);
  const verifier = parseVerifierKey(keys.verifierKey);

  it('round-trips through signing and verification, with and without extension lines', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.array(fc.stringMatching(/^[a-z0-9 ]{1,12}$/), { maxLength: 2 }),
        (size, rootHash, extensions) => {
          const cp = { origin: 'tdm-reserve.example/log', size, rootHash, extensions };
          const check = verifyCheckpoint(signCheckpoint(cp, [signer]), [verifier], { origin: cp.origin });
          expect(check.ok && check.checkpoint).toEqual(cp);
        },
      ),
    );
  });

  it('refuses a validly signed note whose text is not a checkpoint', () => {
    const note = signNote('o\n01\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n', [signer]);
    expect(verifyCheckpoint(note, [verifier])).toMatchObject({ ok: false, reason: 'MALFORMED_CHECKPOINT' });
  });

  it.each([
    ['two lines', 'o\n1\n'],
    ['empty origin', '\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n'],
    ['leading zero', 'o\n01\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n'],
    ['negative size', 'o\n-1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n'],
    ['size above 2^53', 'o\n9007199254740993\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n'],
    ['root of 31 bytes', 'o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==\n'],
    ['root not base64', 'o\n1\n!AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n'],
    ['empty extension line', 'o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n'],
    ['no final newline', 'o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
  ])('parseCheckpoint refuses %s', (_name, text) => {
    expect(code(() => parseCheckpoint(text))).toBe('LEDGER_CHECKPOINT_MALFORMED');
  });

  it('accepts size 0 and refuses to format what it could not parse', () => {
    expect(parseCheckpoint('o\n0\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n').size).toBe(0);
    expect(code(() => formatCheckpoint({ origin: 'a\nb', size: 1, rootHash: new Uint8Array(32) }))).toBe(
      'LEDGER_CHECKPOINT_MALFORMED',
    );
    expect(code(() => formatCheckpoint({ origin: 'o', size: -1, rootHash: new Uint8Array(32) }))).toBe(
      'LEDGER_CHECKPOINT_MALFORMED',
    );
    expect(code(() => formatCheckpoint({ origin: 'o', size: 1, rootHash: new Uint8Array(31) }))).toBe(
      'LEDGER_CHECKPOINT_MALFORMED',
    );
  });
});
