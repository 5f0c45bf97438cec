/**
 * Opening a snapshot for use: its structure (format.ts), its Ed25519 signature with the log's public key,
 * and the embedded checkpoint, which must be signed by the same key. Never trusts a file it has not
 * checked; every failure is a coded SnapshotError.
 *
 * @example
 * const { view, checkpoint } = verifySnapshot(readFileSync('registry.tdms'), 'tdm-reserve.example/log+1a2b3c4d+AR...');
 */
import { sign, verify } from 'node:crypto';
import { verifyCheckpoint, type Checkpoint } from '../ledger/checkpoint.js';
import { parseVerifierKey, type NoteSigner, type NoteVerifier } from '../ledger/note-keys.js';
import { SnapshotError } from './errors.js';
import { decodeSnapshot, type SnapshotView } from './format.js';

export interface VerifiedSnapshot {
  view: SnapshotView;
  checkpoint: Checkpoint;
  /** The verifier key's name (the log's origin by convention). */
  keyName: string;
}

/** The signature function `encodeSnapshot` takes, for the log's signer key. */
export function snapshotSigner(signer: NoteSigner): (body: Uint8Array) => Uint8Array {
  return (body) => new Uint8Array(sign(null, body, signer.privateKey));
}

export function parseKeyOption(text: string): NoteVerifier {
  try {
    return parseVerifierKey(text.trim());
  } catch (cause) {
    throw new SnapshotError(
      'SNAPSHOT_INVALID_OPTION',
      `--key is not a verifier key <name>+<hash>+<base64 key>: ${(cause as Error).message}`,
      {
        cause,
        details: { field: 'key' },
      },
    );
  }
}

export function verifySnapshot(bytes: Uint8Array, key: string | NoteVerifier): VerifiedSnapshot {
  const verifier = typeof key === 'string' ? parseKeyOption(key) : key;
  const view = decodeSnapshot(bytes);
  if (view.keyHash !== verifier.keyHash) {
    throw new SnapshotError(
      'SNAPSHOT_BAD_SIGNATURE',
      `signed by the key with hash ${view.keyHash.toString(16).padStart(8, '0')}, not ${verifier.name} (${verifier.keyHash.toString(16).padStart(8, '0')})`,
      { details: { offset: 28, field: 'keyHash' } },
    );
  }
  if (!verify(null, view.signed, verifier.publicKey, view.signature)) {
    throw new SnapshotError(
      'SNAPSHOT_BAD_SIGNATURE',
      `the signature at byte ${view.signed.length} does not verify with ${verifier.name}: the file was altered`,
      {
        details: { offset: view.signed.length, field: 'signature' },
      },
    );
  }
  const cp = verifyCheckpoint(view.checkpoint, [verifier]);
  if (!cp.ok) {
    throw new SnapshotError(
      'SNAPSHOT_BAD_CHECKPOINT',
      `the embedded checkpoint does not verify with ${verifier.name}: ${cp.reason}: ${cp.detail}`,
      {
        details: { field: 'checkpoint' },
      },
    );
  }
  return { view, checkpoint: cp.checkpoint, keyName: verifier.name };
}
