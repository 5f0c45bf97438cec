import { CheckerError } from '../../checker/errors.js';
import { readFileHead } from '../../checker/files.js';
import { robotsPath } from '../../checker/robots-eval.js';
import { TDMREP_MAX_BYTES, matchTdmrep, parseTdmrep, type TdmrepFileMatch } from '../../checker/tdmrep-file.js';
import { EXIT, action, emit, type Register } from '../io.js';

export const registerTdmrepTest: Register = (program, io, done) => {
  program
    .command('tdmrep')
    .description('TDMRep tools (W3C TDM Reservation Protocol)')
    .command('test')
    .description('evaluate a local /.well-known/tdmrep.json for paths, offline: the first matching rule decides')
    .argument('<wellknown-json>', 'the tdmrep.json file')
    .argument('<path...>', 'paths (with their query) or URLs to test')
    .addHelpText('after', '\nExit code: 0 when no path is reserved, 1 when one is (tdm-reservation 1), 2 for bad usage or a file that is not a JSON array.\nExample: tdmr tdmrep test ./tdmrep.json /music/a.flac /press/')
    .action(
      action(io, done, async (file: string, paths: string[], _opts, cmd) => {
        const { bytes, truncated } = readFileHead(file, TDMREP_MAX_BYTES);
        if (truncated) throw new CheckerError('CHECK_BAD_FILE', `${file} is larger than ${TDMREP_MAX_BYTES} bytes`, { details: { file } });
        const parsed = parseTdmrep(Buffer.from(bytes).toString('utf8'));
        if (!parsed.valid) throw new CheckerError('CHECK_BAD_FILE', `${file} is not a valid tdmrep.json: ${parsed.problem}`, { details: { file } });
        const results = paths.map((p) => ({ path: p, ...matchTdmrep(parsed, robotsPath(p)) }));
        emit(io, cmd, { file, rules: parsed.rules.length, results }, () =>
          results.map((r) => `${label(r)}\t${r.path}\t(${why(r, parsed.rules.find((x) => x.index === r.rule)?.location)})`).join('\n'),
        );
        return Promise.resolve(results.some((r) => r.reservation === 1) ? EXIT.NEGATIVE : EXIT.OK);
      }),
    );
};

function label(m: TdmrepFileMatch): string {
  return m.reservation === 1 ? 'reserved' : m.reservation === 0 ? 'not-reserved' : 'unset';
}

function why(m: TdmrepFileMatch, location: string | undefined): string {
  if (m.rule === null) return 'no matching rule';
  const rule = `rule ${m.rule + 1}: ${location ?? ''}`;
  if (m.problem !== null) return `${rule}; ${m.problem}`;
  return m.policy !== null ? `${rule}; policy ${m.policy}` : rule;
}
