/**
 * The manifest worker pool when a worker thread dies: the check fails with the reason instead of waiting
 * for an answer that never comes. Uses a stand-in worker (test/support).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync, sign } from 'node:crypto';
import { runFastJsonl } from '../../src/checker/manifest-fast-run.js';
import { decodeSnapshot, encodeSnapshot } from '../../src/snapshot/format.js';
import { packIsrc } from '../../src/snapshot/isrc-pack.js';

const dir = mkdtempSync(join(tmpdir(), 'tdmr-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('manifest worker pool', () => {
  it('fails the check when a worker thread exits, naming the exit code', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const snapshotBytes = encodeSnapshot(
      {
        createdAt: '2026-01-01T00:00:00.000Z',
        at: '2026-01-01T00:00:00.000Z',
        territory: null,
        checkpoint: '',
        keyHash: 0,
        isrcs: Float64Array.from([packIsrc('FRZ032500001')]),
        statuses: Uint8Array.from([1]),
        keys: [],
      },
      (b) => new Uint8Array(sign(null, b, privateKey)),
    );
    const file = join(dir, 'm.jsonl');
    writeFileSync(file, Array.from({ length: 200 }, () => '{"isrc":"FRZ032500001"}').join('\n'));
    const run = runFastJsonl(file, {
      snapshotBytes,
      view: decodeSnapshot(snapshotBytes),
      threshold: 0.85,
      workers: 2,
      chunkBytes: 1024,
      workerUrl: new URL('../support/exiting-manifest-worker.mjs', import.meta.url),
    });
    await expect(run).rejects.toThrow(/manifest worker exited with code 7/);
  });
});
