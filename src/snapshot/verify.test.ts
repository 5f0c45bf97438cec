import { describe, expect, it } from 'vitest';
import { signCheckpoint } from '../ledger/checkpoint.js';
import { generateNoteKey, parseSignerKey } from '../ledger/note-keys.js';
import { encodeSnapshot } from './format.js';
import { snapshotSigner, verifySnapshot } from './verify.js';

function keys(name: string) {
  const k = generateNoteKey(name);
  return { signer: parseSignerKey(k.signerKey), verifierKey: k.verifierKey };
}

const log = keys('tdm-reserve.test/log');
const other = keys('other.test/log');

function snapshot(signer = log.signer, checkpointSigner = log.signer): Uint8Array {
  const checkpoint = signCheckpoint(
    { origin: 'tdm-reserve.test/log', size: 3, rootHash: new Uint8Array(32) },
    [checkpointSigner],
  );
  return encodeSnapshot(
    {
      createdAt: '2026-03-01T00:00:00.000Z',
      at: '2026-03-01T00:00:00.000Z',
      territory: null,
      checkpoint,
      keyHash: signer.keyHash,
      isrcs: Float64Array.from([1, 2]),
      statuses: Uint8Array.from([1, 0]),
      keys: [],
    },
    snapshotSigner(signer),
  );
}

describe('verifySnapshot', () => {
  it('accepts a snapshot signed by the log key with a checkpoint signed by it', () => {
    const v = verifySnapshot(snapshot(), log.verifierKey);
    expect(v.checkpoint.size).toBe(3);
    expect(v.keyName).toBe('tdm-reserve.test/log');
    expect([...v.view.isrcs]).toEqual([1, 2]);
  });

  it('refuses another key', () => {
    expect(() => verifySnapshot(snapshot(), other.verifierKey)).toThrow(
      expect.objectContaining({ code: 'SNAPSHOT_BAD_SIGNATURE' }),
    );
  });

  it('refuses an altered byte under the signature', () => {
    const b = snapshot();
    b[b.length - 70] = (b[b.length - 70] as number) ^ 1; // a status byte: the structure still decodes
    expect(() => verifySnapshot(b, log.verifierKey)).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/SNAPSHOT_BAD_(SIGNATURE|FILE)/) }),
    );
    const s = snapshot();
    s[s.length - 1] = (s[s.length - 1] as number) ^ 1;
    expect(() => verifySnapshot(s, log.verifierKey)).toThrow(
      expect.objectContaining({
        code: 'SNAPSHOT_BAD_SIGNATURE',
        details: expect.objectContaining({ field: 'signature' }),
      }),
    );
  });

  it('refuses a checkpoint signed by another key', () => {
    expect(() => verifySnapshot(snapshot(log.signer, other.signer), log.verifierKey)).toThrow(
      expect.objectContaining({ code: 'SNAPSHOT_BAD_CHECKPOINT' }),
    );
  });

  it('refuses a malformed key option', () => {
    expect(() => verifySnapshot(snapshot(), 'not-a-key')).toThrow(
      expect.objectContaining({ code: 'SNAPSHOT_INVALID_OPTION' }),
    );
  });
});
