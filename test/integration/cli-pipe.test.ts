/** `tdmr` whose reader has gone (`tdmr ... | head`): it stops quietly instead of dying on EPIPE. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('tdmr writing to a closed pipe', () => {
  it('exits 0 without an error when stdout is closed before it writes', async () => {
    const child = spawn(process.execPath, ['bin/tdmr.js', 'id', 'check', 'FRZ032500001', '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Close our end at once: the child's first write to stdout meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });
});
