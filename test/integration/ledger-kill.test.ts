/**
 * No change without its entry, no entry without its change, even when the writer dies: a child
 * process writes mandate versions and their entries in transactions and is SIGKILLed mid-stream,
 * several times; `tdmr ledger verify` must then find rows and entries in exact correspondence.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/ledger/audit-report.js';
import { tdmr } from '../support/cli.js';
import { DIALECTS } from '../support/db.js';
import { ledgerContext, ORIGIN } from '../support/ledger.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const saved = { key: process.env.TDMR_LOG_KEY_FILE, origin: process.env.TDMR_LOG_ORIGIN };
afterAll(() => {
  process.env.TDMR_LOG_KEY_FILE = saved.key;
  process.env.TDMR_LOG_ORIGIN = saved.origin;
});

/** Starts the writer, lets it commit `commits` transactions, waits `delayMs` more and kills it. */
function killWriterAfter(url: string, commits: number, delayMs: number): Promise<{ committed: number; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', './test/support/ts-register.mjs', 'test/support/ledger-writer.ts', url], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let committed = 0;
    let stderr = '';
    let killing = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const m of chunk.matchAll(/committed (\d+)/g)) committed = Number(m[1]);
      if (!killing && committed >= commits) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ committed, signal });
      else reject(new Error(`writer exited with ${String(code)} before the kill: ${stderr}`));
    });
  });
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`log and registry survive a killed writer on ${dialect.name}`, () => {
    it('keeps mandate rows and log entries in exact correspondence', async () => {
      const t = await ledgerContext(dialect.make);
      process.env.TDMR_LOG_KEY_FILE = t.keyFile;
      process.env.TDMR_LOG_ORIGIN = ORIGIN;
      try {
        let before = 0;
        for (const delayMs of [0, 17]) {
          const { committed } = await killWriterAfter(t.db.url, 3, delayMs);
          const r = await tdmr('--db', t.db.url, 'ledger', 'verify', '--json');
          const report = r.json<AuditReport>();
          expect(report.first).toBeNull();
          expect(r.code).toBe(0);
          // Every committed transaction is there, in whole transactions of 40; the killed one is not.
          expect(report.entries % 40).toBe(0);
          expect(report.entries - before).toBeGreaterThanOrEqual(committed * 40);
          expect(report.rows.mandates).toBe(report.entries);
          before = report.entries;
        }
      } finally {
        await t.dispose();
      }
    }, 120_000);
  });
}
