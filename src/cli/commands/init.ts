import { ensureSignerKeyFile, isKeyFileExposed } from '../../ledger/key-file.js';
import { EXIT, action, configFrom, emit, withContext, type Register } from '../io.js';

export const registerInit: Register = (program, io, done) => {
  program
    .command('init')
    .description("create the database or bring its schema up to date, and create the log's signer key if there is none")
    .action(
      action(io, done, async (_opts, cmd) =>
        withContext(cmd, async (ctx) => {
          const counts = await ctx.services.registry.counts();
          const config = configFrom(cmd);
          const key = ensureSignerKeyFile(config.logKeyFile, config.logOrigin);
          if (isKeyFileExposed(config.logKeyFile)) io.err(`warning: ${config.logKeyFile} is readable by other users; chmod 600 it`);
          if (key.name !== config.logOrigin) io.err(`warning: the signer key is named ${key.name}, the log origin is ${config.logOrigin}`);
          const log = { keyFile: config.logKeyFile, created: key.created, origin: config.logOrigin, verifierKey: key.verifierKey };
          emit(io, cmd, { database: ctx.db.kind, ok: true, counts, log }, () =>
            [
              `database ready (${ctx.db.kind}): ${counts.recordings} recordings, ${counts.performers} performers`,
              `log signer key ${key.created ? 'created' : 'kept'}: ${config.logKeyFile}`,
              `log verifier key: ${key.verifierKey}`,
            ].join('\n'),
          );
          return EXIT.OK;
        }),
      ),
    );
};
