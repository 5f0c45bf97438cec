import { verifyReservationProof } from '../../ledger/reservation-verify.js';
import { EXIT, action, emit, type Register } from '../io.js';
import { keyArgument, readProofFile } from '../proof-files.js';

export const registerVerifyProof: Register = (program, io, done) => {
  program
    .command('verify-proof')
    .description('check a proof of reservation offline: signature, inclusion proofs and the verdict recomputed from the entries')
    .argument('<file>', 'proof document (JSON) from `tdmr ledger proof` or GET /v1/recordings/{isrc}/proof')
    .requiredOption('--key <key>', "the log's verifier key, or a file holding it")
    .addHelpText('after', '\nExit code: 0 the proof holds, 1 it does not, 2 unreadable file or bad key.')
    .action(
      action(io, done, async (file: string, opts: { key: string }, cmd) => {
        const read = readProofFile(file);
        if (!read.ok) {
          io.err(`error: ${read.why}`);
          return Promise.resolve(EXIT.USAGE);
        }
        const check = verifyReservationProof(read.doc, keyArgument(opts.key));
        emit(io, cmd, check, () =>
          check.ok
            ? `VALID: ${check.isrc} reserved at ${check.at} (${check.verdicts.filter((v) => v.status === 'reserved').map((v) => v.use).join(', ')}); log ${check.origin}, tree size ${check.treeSize}`
            : `INVALID: ${check.reason}: ${check.detail}`,
        );
        if (check.ok) return Promise.resolve(EXIT.OK);
        return Promise.resolve(check.reason === 'BAD_KEY' || check.reason === 'MALFORMED' ? EXIT.USAGE : EXIT.NEGATIVE);
      }),
    );
};
