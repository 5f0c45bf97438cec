import { Option } from 'commander';
import { QUERY_USES, type QueryUse } from '../../registry/model.js';
import type { RecordingStatus } from '../../registry/service.js';
import { EXIT, action, emit, withContext, type Register } from '../io.js';

export function formatStatus(s: RecordingStatus): string {
  const lines = [`${s.identifier ?? s.query}: ${s.status.toUpperCase()} at ${s.at}${s.territory ? ` in ${s.territory}` : ''}`];
  if (s.recording) lines.push(`  ${s.recording.displayArtist} — ${s.recording.title}${s.recording.versionTitle ? ` (${s.recording.versionTitle})` : ''}`);
  for (const u of s.uses) {
    lines.push(`  ${u.use}: ${u.status}`);
    for (const r of u.reasons) lines.push(`    - ${r.code}: ${r.message}`);
  }
  return lines.join('\n');
}

export const registerStatus: Register = (program, io, done) => {
  program
    .command('status')
    .description('is a recording reserved? (by ISRC, ISAN or EIDR) with the reasons')
    .argument('<identifier>', 'ISRC, ISAN or EIDR')
    .option('--at <date>', 'the instant to ask about (ISO-8601; default now)')
    .addOption(new Option('--use <use>', 'one use (default: every use)').choices([...QUERY_USES]))
    .option('--territory <code>', 'ISO 3166-1 alpha-2 territory')
    .addHelpText('after', '\nExit code: 0 reserved, 1 not reserved or unknown, 2 bad input.')
    .action(
      action(io, done, async (identifier: string, opts: { at?: string; use?: QueryUse; territory?: string }, cmd) =>
        withContext(cmd, async (ctx) => {
          const s = await ctx.services.registry.status(identifier, opts);
          emit(io, cmd, s, () => formatStatus(s));
          return s.status === 'reserved' ? EXIT.OK : EXIT.NEGATIVE;
        }),
      ),
    );
};
