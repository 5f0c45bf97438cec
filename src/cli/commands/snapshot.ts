import cliProgress from 'cli-progress';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readSignerKeyFile } from '../../ledger/key-file.js';
import { SnapshotError } from '../../snapshot/errors.js';
import { exportSnapshot } from '../../snapshot/export.js';
import { anyReserved } from '../../snapshot/format.js';
import { readSnapshotFile } from '../../snapshot/read-file.js';
import { verifySnapshot } from '../../snapshot/verify.js';
import { EXIT, action, configFrom, emit, withContext, type Register } from '../io.js';

/** `--key` is the verifier key text, or a file holding it (as `tdmr ledger key` prints it). */
export function keyOption(value: string): string {
  if (!value.includes('+') && existsSync(value)) return readFileSync(value, 'utf8').trim();
  return value.trim();
}

function instant(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const ms = Date.parse(v);
  if (Number.isNaN(ms))
    throw new SnapshotError('SNAPSHOT_INVALID_OPTION', `--at is not an ISO-8601 date: ${v}`, {
      details: { field: 'at' },
    });
  return new Date(ms).toISOString();
}

export const registerSnapshot: Register = (program, io, done) => {
  const snapshot = program
    .command('snapshot')
    .description('the signed registry snapshot that AI developers check datasets against offline');

  snapshot
    .command('export')
    .description(
      'write the statuses of every recording with an ISRC, with the log checkpoint they reflect, signed with the log key',
    )
    .requiredOption('--out <file>', 'the snapshot file to write')
    .option('--at <date>', 'the instant the statuses answer for (ISO-8601; default now)')
    .option('--territory <code>', 'ISO 3166-1 alpha-2 territory (default: any)')
    .addHelpText(
      'after',
      '\nExit code: 0 written, 2 bad input (no key file: run `tdmr init`).\nExample: tdmr --db data/reserve.db snapshot export --out registry.tdms',
    )
    .action(
      action(io, done, async (opts: { out: string; at?: string; territory?: string }, cmd) => {
        const at = instant(opts.at);
        if (opts.territory !== undefined && !/^[A-Z]{2}$/.test(opts.territory)) {
          throw new SnapshotError(
            'SNAPSHOT_INVALID_OPTION',
            `--territory is not ISO 3166-1 alpha-2: ${opts.territory}`,
            { details: { field: 'territory' } },
          );
        }
        const signer = readSignerKeyFile(configFrom(cmd).logKeyFile);
        return withContext(cmd, async (ctx) => {
          const bar = io.isTty
            ? new cliProgress.SingleBar(
                { stream: process.stderr, format: 'exporting [{bar}] {value}/{total} recordings' },
                cliProgress.Presets.shades_classic,
              )
            : null;
          bar?.start(Math.max(1, (await ctx.stores.registry.counts()).recordings), 0);
          let r;
          try {
            r = await exportSnapshot(
              { registry: ctx.stores.registry, ledger: ctx.services.ledger, signer },
              {
                ...(at ? { at } : {}),
                ...(opts.territory ? { territory: opts.territory } : {}),
                onProgress: (n) => bar?.update(n),
              },
            );
          } finally {
            bar?.stop();
          }
          const tmp = `${opts.out}.tmp-${process.pid}`;
          writeFileSync(tmp, r.bytes);
          renameSync(tmp, opts.out);
          const summary = {
            file: opts.out,
            bytes: r.bytes.length,
            recordings: r.recordings,
            reserved: r.reserved,
            keys: r.keys,
            at: r.at,
            checkpointSize: r.checkpoint.size,
          };
          emit(
            io,
            cmd,
            summary,
            () =>
              `${opts.out}: ${r.recordings} recordings (${r.reserved} reserved for some use), ${r.keys} metadata keys, at ${r.at}, log size ${r.checkpoint.size}, ${r.bytes.length} bytes`,
          );
          return EXIT.OK;
        });
      }),
    );

  snapshot
    .command('verify')
    .description(
      "check a snapshot's format, its signature and its embedded checkpoint against the log's public key",
    )
    .argument('<file>', 'the snapshot file')
    .requiredOption(
      '--key <key>',
      "the log's verifier key <name>+<hash>+<base64> (as `tdmr ledger key` prints it), or a file holding it",
    )
    .addHelpText(
      'after',
      '\nExit code: 0 valid, 1 the signature or checkpoint does not verify, 2 unreadable or malformed file.',
    )
    .action(
      action(io, done, (file: string, opts: { key: string }, cmd) => {
        const bytes = readSnapshotFile(file);
        try {
          const { view, checkpoint, keyName } = verifySnapshot(bytes, keyOption(opts.key));
          let reserved = 0;
          for (const b of view.statuses) if (anyReserved(b)) reserved++;
          const summary = {
            ok: true,
            file,
            key: keyName,
            createdAt: view.createdAt,
            at: view.at,
            territory: view.territory,
            recordings: view.isrcs.length,
            reserved,
            keys: view.keyCount,
            checkpoint: {
              origin: checkpoint.origin,
              size: checkpoint.size,
              rootHash: Buffer.from(checkpoint.rootHash).toString('base64'),
            },
          };
          emit(
            io,
            cmd,
            summary,
            () =>
              `${file}: valid, signed by ${keyName}; ${summary.recordings} recordings (${reserved} reserved), ${summary.keys} keys, at ${view.at}; checkpoint ${checkpoint.origin} size ${checkpoint.size} root ${summary.checkpoint.rootHash}`,
          );
          return Promise.resolve(EXIT.OK);
        } catch (e) {
          if (
            e instanceof SnapshotError &&
            (e.code === 'SNAPSHOT_BAD_SIGNATURE' || e.code === 'SNAPSHOT_BAD_CHECKPOINT')
          ) {
            emit(
              io,
              cmd,
              { ok: false, file, error: { code: e.code, message: e.message } },
              () => `${file}: NOT VALID: ${e.code}: ${e.message}`,
            );
            return Promise.resolve(EXIT.NEGATIVE);
          }
          throw e;
        }
      }),
    );
};
