/**
 * What every command shares: global options, output in JSON or for people, exit codes, and opening
 * the context from `--db`.
 */
import type { Command } from 'commander';
import { toConfig, type Config } from '../config/config.js';
import { readEnv } from '../config/env.js';
import { createContext, type Context } from '../context.js';
import { AppError } from '../errors.js';

/** 0 ok; 1 a negative answer (invalid identifier, not reserved...); 2 bad usage or input; 3 failure. */
export const EXIT = { OK: 0, NEGATIVE: 1, USAGE: 2, FAILURE: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** True when stderr is a terminal (progress bars go there). */
  isTty: boolean;
}

export const processIo: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
  isTty: Boolean(process.stderr.isTTY),
};

export function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals<GlobalOptions>();
}

export function configFrom(cmd: Command, extra: Partial<Record<keyof Config, string | number>> = {}): Readonly<Config> {
  const g = globals(cmd);
  return toConfig({ ...readEnv(), ...(g.db ? { databaseUrl: g.db } : {}), ...extra });
}

export async function withContext<T>(cmd: Command, fn: (ctx: Context) => Promise<T>): Promise<T> {
  const ctx = await createContext(configFrom(cmd));
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

/** Prints `data` as JSON with `--json`, else the human text. */
export function emit(io: Io, cmd: Command, data: unknown, human: () => string): void {
  if (globals(cmd).json) io.out(JSON.stringify(data, null, 2));
  else io.out(human());
}

/** Maps an error to an exit code and a message (JSON with `--json`). */
export function fail(io: Io, json: boolean, e: unknown): ExitCode {
  const app = e instanceof AppError ? (e as AppError<string>) : null;
  const usage = app !== null && /INVALID|BAD|NOT_FOUND|USAGE|CONFIG|URL/.test(app.code);
  const body =
    app !== null
      ? { error: { code: app.code, message: app.message, ...(app.details ? { details: app.details } : {}) } }
      : { error: { code: 'INTERNAL', message: (e as Error)?.message ?? String(e) } };
  if (json) io.out(JSON.stringify(body, null, 2));
  io.err(`error: ${body.error.code}: ${body.error.message}`);
  return usage ? EXIT.USAGE : EXIT.FAILURE;
}

export type Register = (program: Command, io: Io, done: (code: ExitCode) => void) => void;

/** Wraps a command's action: its result or error becomes the exit code. */
export function action(io: Io, done: (code: ExitCode) => void, fn: (...args: never[]) => Promise<ExitCode>) {
  return async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    try {
      done(await (fn as (...a: unknown[]) => Promise<ExitCode>)(...args));
    } catch (e) {
      done(fail(io, Boolean(cmd.optsWithGlobals<{ json?: boolean }>().json), e));
    }
  };
}
