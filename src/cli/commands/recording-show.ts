import { EXIT, action, emit, withContext, type Register } from '../io.js';

export const registerRecordingShow: Register = (program, io, done) => {
  program
    .command('recording')
    .description('recordings')
    .command('show')
    .description('a recording with its line-up')
    .argument('<identifier>', 'ISRC, ISAN, EIDR or id')
    .action(
      action(io, done, async (identifier: string, _opts, cmd) =>
        withContext(cmd, async (ctx) => {
          const r = await ctx.services.registry.recording(identifier);
          const names = new Map(r.performers.map((p) => [p.id, p.displayName]));
          emit(io, cmd, r, () =>
            [
              `${r.recording.displayArtist} — ${r.recording.title}${r.recording.versionTitle ? ` (${r.recording.versionTitle})` : ''} [${r.recording.kind}]`,
              `  ${['isrc', 'isan', 'eidr', 'iswc'].map((k) => (r.recording[k as 'isrc'] ? `${k.toUpperCase()} ${r.recording[k as 'isrc']}` : '')).filter(Boolean).join('  ')}`,
              `  ${[r.recording.year, r.recording.label, r.recording.durationMs ? `${Math.round(r.recording.durationMs / 1000)} s` : null].filter(Boolean).join(' · ')}`,
              `  line-up:`,
              ...r.lineup.map((l) => `    ${l.position}. ${names.get(l.performerId) ?? l.performerId} — ${l.role}${l.instrument ? ` (${l.instrument})` : ''}${l.featured ? ' featured' : ''}`),
            ].join('\n'),
          );
          return EXIT.OK;
        }),
      ),
    );
};
