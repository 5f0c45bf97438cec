/**
 * The scan pool when a worker thread dies: only the files that worker had in hand fail, each with the
 * reason; the worker is replaced and the scan goes on; a slot that keeps dying is given up, and with
 * none left files fail at once rather than waiting forever. Uses a stand-in worker (test/support).
 */
import { describe, expect, it } from 'vitest';
import { poolFingerprinter } from '../../src/fingerprint/identify/scan-pool.js';

const workerUrl = new URL('../support/flaky-scan-worker.mjs', import.meta.url);

describe('scan pool', () => {
  it('fails only the dead worker’s files and goes on with a new worker', async () => {
    const pool = poolFingerprinter(2, { workerUrl });
    try {
      // One file per worker in flight: the crash takes its own file only.
      const [crashed, fine] = await Promise.all([
        pool.fingerprint('/a/crash.mp3', 120),
        pool.fingerprint('/a/fine.mp3', 120),
      ]);
      expect(crashed).toMatchObject({
        ok: false,
        code: 'FINGERPRINT_TOOL_FAILED',
        reason: expect.stringMatching(/^scan worker failed: cannot read \/a\/crash\.mp3/) as unknown,
      });
      expect(fine).toEqual({ ok: true, duration: 1.5, raw: Uint32Array.from([11]) });
      const exited = await pool.fingerprint('/a/exit.mp3', 120);
      expect(exited).toMatchObject({ ok: false, reason: 'scan worker failed: exited with code 3' });
      // Both slots work again.
      const after = await Promise.all(
        ['/b/1.mp3', '/b/22.mp3', '/b/333.mp3', '/b/4444.mp3'].map((p) => pool.fingerprint(p, 120)),
      );
      expect(after.map((r) => r.ok && r.raw[0])).toEqual([8, 9, 10, 11]);
    } finally {
      await pool.close();
    }
  });

  it('gives up a slot that keeps dying, and answers at once when no worker is left', async () => {
    const pool = poolFingerprinter(1, { workerUrl });
    try {
      for (let i = 0; i < 4; i++)
        expect(await pool.fingerprint(`/c/crash-${i}.mp3`, 120)).toMatchObject({ ok: false });
      // (A pool that waited for a worker that is gone would hang this test until its timeout.)
      expect(await pool.fingerprint('/c/fine.mp3', 120)).toEqual({
        ok: false,
        code: 'FINGERPRINT_TOOL_FAILED',
        reason: 'every scan worker failed',
      });
    } finally {
      await pool.close();
    }
  });
});
