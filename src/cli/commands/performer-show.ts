import { EXIT, action, emit, withContext, type Register } from '../io.js';

export const registerPerformerShow: Register = (program, io, done) => {
  program
    .command('performer')
    .description('performers')
    .command('show')
    .description('a performer with their mandates (every version) and recordings')
    .argument('<id>', 'id, ISNI, IPN or member number')
    .option('--limit <n>', 'recordings to list', '20')
    .action(
      action(io, done, async (id: string, opts: { limit: string }, cmd) =>
        withContext(cmd, async (ctx) => {
          const reg = ctx.services.registry;
          const performer = await reg.performer(id);
          const mandates = await reg.mandateHistory(performer.id);
          const recordings = await reg.recordingsOfPerformer(performer.id, { limit: Number(opts.limit) || 20, offset: 0 });
          emit(io, cmd, { performer, mandates, recordings }, () =>
            [
              `${performer.displayName} (${performer.sortName})${performer.member ? ` member ${performer.memberNo ?? ''}` : ' non-member'}`,
              `  id ${performer.id}${performer.isni ? ` ISNI ${performer.isni}` : ''}${performer.ipn ? ` IPN ${performer.ipn}` : ''}${performer.ipi ? ` IPI ${performer.ipi}` : ''}`,
              ...(performer.aliases.length ? [`  aliases: ${performer.aliases.join(', ')}`] : []),
              `  mandates (${mandates.length} versions):`,
              ...mandates.map(
                (m) =>
                  `    ${m.mandateId} v${m.version} ${m.change} ${m.legalBasis} ${m.uses.join('+')} ${m.media.join('+')} ${m.territories.join(',')} from ${m.validFrom}${m.validTo ? ` to ${m.validTo}` : ''}${m.withdrawnAt ? ` withdrawn ${m.withdrawnAt}` : ''}`,
              ),
              `  recordings (first ${recordings.length}):`,
              ...recordings.map((r) => `    ${r.isrc ?? r.isan ?? r.eidr} ${r.displayArtist} — ${r.title}`),
            ].join('\n'),
          );
          return EXIT.OK;
        }),
      ),
    );
};
