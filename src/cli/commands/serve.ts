/**
 * `tdmr serve`: runs the HTTP service until SIGINT or SIGTERM, then closes the server (letting
 * requests in flight finish) and the database. Prints the URL on stdout once listening; logs go to
 * stderr so that stdout stays machine-readable.
 */
import type { AddressInfo } from 'node:net';
import { createContext } from '../../context.js';
import { ensureSignerKeyFile } from '../../ledger/key-file.js';
import { DEFAULT_SCALE, DEFAULT_SEED } from '../../demo/index.js';
import { buildApp } from '../../server/app.js';
import { EXIT, action, configFrom, type Register } from '../io.js';
import { seedSummary, seedWithProgress } from './demo-seed.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../demo/accounts.js';

/** `http://HOST:PORT/`, with IPv6 hosts in brackets. */
export function listenUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}

/** Resolves with the first of `signals` the process receives (and stops listening for the others). */
export function untilSignal(
  signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'],
): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const handlers = signals.map((s) => {
      const h = () => {
        for (const [sig, fn] of handlers) process.off(sig, fn);
        resolve(s);
      };
      process.on(s, h);
      return [s, h] as const;
    });
  });
}

export const registerServe: Register = (program, io, done) => {
  program
    .command('serve')
    .description(
      'run the HTTP service (the API, its OpenAPI document at /openapi.json and reference at /docs)',
    )
    .option('--port <port>', 'TCP port (default: $PORT, else 8080; 0 picks a free one)')
    .option('--host <host>', 'interface to listen on (default: $HOST, else 127.0.0.1)')
    .option(
      '--log-level <level>',
      'fatal, error, warn, info, debug, trace or silent (default: $LOG_LEVEL, else info)',
    )
    .option('--seed-demo', 'when the registry is empty, seed it with the demo data set first')
    .addHelpText(
      'after',
      '\nPrints the URL once listening. Stops cleanly on SIGINT (Ctrl-C) or SIGTERM. Logs go to stderr.',
    )
    .action(
      action(io, done, async (opts: { port?: string; host?: string; logLevel?: string; seedDemo?: boolean }, cmd) => {
        const flags = Object.entries({ port: opts.port, host: opts.host, logLevel: opts.logLevel });
        const config = configFrom(cmd, Object.fromEntries(flags.filter(([, v]) => v !== undefined)));
        const ctx = await createContext(config);
        try {
          // The log signs checkpoints with this key; create it on first run as `tdmr init` does.
          ensureSignerKeyFile(config.logKeyFile, config.logOrigin);
          if (opts.seedDemo === true && (await ctx.services.registry.counts()).recordings === 0) {
            io.err(`seeding ${config.databaseUrl} with demo data (first run only)…`);
            io.err(seedSummary(await seedWithProgress(ctx, { ...io, out: io.err }, { scale: DEFAULT_SCALE, seed: DEFAULT_SEED })));
          }
          if (opts.seedDemo === true) {
            const demo = await seedDemoAccounts({ registry: ctx.services.registry, licensing: ctx.services.licensing, accounts: ctx.services.accounts, registryViews: ctx.views.registry });
            if (demo.created) io.err(`demo accounts (password ${DEMO_PASSWORD}): ${demo.accounts.map((a) => a.email).join(', ')}`);
          }
          const app = buildApp(ctx, {
            logLevel: config.logLevel,
            publicUrl: config.publicUrl,
            logStream: process.stderr,
            checkWorkers: config.checkWorkers,
            answerCacheBytes: config.answerCacheMb * 1024 * 1024,
          });
          const checkpointer = new AbortController();
          try {
            const stop = untilSignal();
            void ctx.services.ledger.runCheckpointer(checkpointer.signal, (e) => app.log.error({ err: e }, 'checkpoint failed'));

            await app.listen({ port: config.port, host: config.host });
            io.out(listenUrl(config.host, (app.server.address() as AddressInfo).port));
            const signal = await stop;
            app.log.info({ signal }, 'shutting down');
          } finally {
            checkpointer.abort();
            await app.close();
          }
        } finally {
          await ctx.close();
        }
        return EXIT.OK;
      }),
    );
};
