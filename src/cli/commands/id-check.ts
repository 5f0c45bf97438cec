import { recognizeId } from '../../registry/identifiers.js';
import { EXIT, action, emit, type Register } from '../io.js';

export const registerIdCheck: Register = (program, io, done) => {
  program
    .command('id')
    .description('identifier tools')
    .command('check')
    .description('recognise ISRC, ISNI, ISAN, EIDR, ISWC, IPN or IPI values; say whether each is valid and print its normalised form')
    .argument('<value...>', 'identifiers to check')
    .addHelpText('after', '\nExit code: 0 when every value is valid, 1 when one is not.\nExample: tdmr id check "ISNI 0000 0001 2281 955X" us-rc1-76-07839')
    .action(
      action(io, done, async (values: string[], _opts, cmd) => {
        const results = values.map(recognizeId);
        emit(io, cmd, results, () =>
          results
            .map((r) => (r.valid ? `${r.input}\tvalid ${r.kind?.toUpperCase()}\t${r.normalized}` : `${r.input}\tinvalid${r.kind ? ` ${r.kind.toUpperCase()}` : ''}\t${r.reason}`))
            .join('\n'),
        );
        return Promise.resolve(results.every((r) => r.valid) ? EXIT.OK : EXIT.NEGATIVE);
      }),
    );
};
