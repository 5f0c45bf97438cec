/** Runs the CLI in-process and captures what it prints. */
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';

export async function tdmr(...argv: string[]): Promise<{ code: number; out: string; err: string; json<T = unknown>(): T }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => (out += s.endsWith('\n') ? s : `${s}\n`), err: (s) => (err += s.endsWith('\n') ? s : `${s}\n`), isTty: false };
  const code = await run(argv, io);
  return { code, out, err, json: <T>() => JSON.parse(out) as T };
}
