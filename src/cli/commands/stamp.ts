/**
 * `tdmr stamp FILE`: writes the recording's reservation into the file's own metadata (XMP
 * `plus:DataMining` + ISRC; ID3 TXXX / Vorbis comments too) without re-encoding; `--check` reads it back.
 */
import { existsSync } from 'node:fs';
import { SignalsError } from '../../signals/errors.js';
import { toSite } from '../../signals/model.js';
import { readFileStamp, stampFile } from '../../signals/stamp-files.js';
import { stampPlan } from '../../signals/stamp-model.js';
import { EXIT, action, configFrom, emit, withContext, type Register } from '../io.js';

interface StampOptions {
  isrc?: string;
  check?: boolean;
  baseUrl?: string;
}

export const registerStamp: Register = (program, io, done) => {
  program
    .command('stamp')
    .description("write a recording's TDM reservation into a media file's metadata (no re-encoding), or --check it")
    .argument('<file>', 'MP3, M4A/MP4/MOV, FLAC, Ogg or Opus file (changed in place)')
    .option('--isrc <isrc>', "the recording's ISRC (default: the ISRC in the file's tags)")
    .option('--check', 'only read the file: exit 0 when it carries a reservation, 1 when not')
    .option('--base-url <url>', 'public URL of the published declaration, policy and licence (default: $PUBLIC_URL)')
    .addHelpText('after', '\nThe reservation is the registry\'s status of the ISRC now; nothing is written when it is not reserved (exit 1).')
    .action(
      action(io, done, async (file: string, opts: StampOptions, cmd) => {
        if (!existsSync(file)) throw new SignalsError('SIGNALS_FILE_NOT_FOUND', `no file ${file}`);
        if (opts.check === true) {
          const r = await readFileStamp(file);
          emit(io, cmd, { file, ...r }, () =>
            r.reserved ? `${file}: reserved (${r.dataMining ?? ''}) in ${r.sources.join(', ')}; ISRC ${r.isrc ?? 'none'}` : `${file}: no reservation in its metadata`,
          );
          return r.reserved ? EXIT.OK : EXIT.NEGATIVE;
        }
        return withContext(cmd, async (ctx) => {
          const config = configFrom(cmd);
          const baseUrl = opts.baseUrl ?? config.publicUrl;
          if (baseUrl === null) throw new SignalsError('SIGNALS_BAD_SITE', 'give --base-url or set PUBLIC_URL: the stamp holds absolute URLs');
          const site = toSite({ baseUrl, issuer: config.issuer, contactEmail: config.contactEmail, licensingUrl: config.licensingUrl });
          const isrc = opts.isrc ?? (await readFileStamp(file)).isrc;
          if (isrc === null) throw new SignalsError('SIGNALS_BAD_MEDIA', `${file} has no ISRC in its tags: give --isrc`);
          const status = await ctx.services.registry.status(isrc);
          const reserved = status.uses.filter((u) => u.status === 'reserved').map((u) => u.use);
          const plan = stampPlan(status.identifier ?? isrc, reserved, site);
          if (plan === null) {
            emit(io, cmd, { file, isrc, stamped: false, status: status.status }, () => `${isrc} is not reserved (${status.status}): ${file} left as it was`);
            return EXIT.NEGATIVE;
          }
          const carrier = await stampFile(file, plan);
          emit(io, cmd, { file, isrc: plan.isrc, stamped: true, carrier, dataMining: plan.dataMining, uses: reserved }, () => `${file}: stamped ${plan.dataMining} for ${plan.isrc} (${carrier})`);
          return EXIT.OK;
        });
      }),
    );
};
