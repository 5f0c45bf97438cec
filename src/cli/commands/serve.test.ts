import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { run } from '../main.js';
import { listenUrl, untilSignal } from './serve.js';

const dir = mkdtempSync(join(tmpdir(), 'tdmr-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function captureIo(): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (s) => void lines.push(s), err: (s) => void errors.push(s), isTty: false };
}

async function waitFor<T>(fn: () => T | undefined, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('tdmr serve', () => {
  it('prints its URL, serves, and stops cleanly on SIGTERM', async () => {
    const io = captureIo();
    const exit = run(
      ['--db', join(dir, 'serve.db'), 'serve', '--port', '0', '--host', '127.0.0.1', '--log-level', 'silent'],
      io,
    );
    const url = await waitFor(() => io.lines.find((l) => l.startsWith('http://')));
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await (await fetch(`${url}healthz`)).json()).toEqual({ status: 'ok' });
    const status = (await (await fetch(`${url}v1/recordings/FRZ032500001`)).json()) as { status: string };
    expect(status.status).toBe('unknown');
    process.emit('SIGTERM');
    expect(await exit).toBe(0);
    await expect(fetch(`${url}healthz`)).rejects.toThrow();
    expect(process.listenerCount('SIGTERM')).toBe(0);
    expect(process.listenerCount('SIGINT')).toBe(0);
  });

  it('refuses a bad port as bad usage', async () => {
    const io = captureIo();
    expect(await run(['--db', join(dir, 'bad.db'), 'serve', '--port', 'eighty'], io)).toBe(2);
    expect(io.errors.join('\n')).toMatch(/CONFIG_INVALID/);
  });

  it('formats listening URLs', () => {
    expect(listenUrl('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080/');
    expect(listenUrl('::', 3000)).toBe('http://[::]:3000/');
  });

  it('resolves on the first signal and stops listening for the others', async () => {
    const stop = untilSignal(['SIGUSR2', 'SIGHUP']);
    expect(process.listenerCount('SIGHUP')).toBe(1);
    process.emit('SIGUSR2');
    expect(await stop).toBe('SIGUSR2');
    expect(process.listenerCount('SIGHUP') + process.listenerCount('SIGUSR2')).toBe(0);
  });
});
