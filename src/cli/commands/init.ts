import { EXIT, action, emit, withContext, type Register } from '../io.js';

export const registerInit: Register = (program, io, done) => {
  program
    .command('init')
    .description('create the database or bring its schema up to date')
    .action(
      action(io, done, async (_opts, cmd) =>
        withContext(cmd, async (ctx) => {
          const counts = await ctx.services.registry.counts();
          emit(io, cmd, { database: ctx.db.kind, ok: true, counts }, () => `database ready (${ctx.db.kind}): ${counts.recordings} recordings, ${counts.performers} performers`);
          return EXIT.OK;
        }),
      ),
    );
};
