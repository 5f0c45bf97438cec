/**
 * `tdmr publish --out DIR`: writes every published artefact as a static file for the CMO's own website
 * (same bytes as the service serves), signs the declaration with the log's key when it exists, and logs
 * the declaration document's digest (`declaration.published`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { JsonValue } from '../../ledger/canonical-json.js';
import { BUNDLED_CRAWLERS, toCrawlerList } from '../../signals/crawlers.js';
import { SignalsError } from '../../signals/errors.js';
import { toSite } from '../../signals/model.js';
import { publicationEntry } from '../../signals/publication-entry.js';
import { derivePublication } from '../../signals/publication.js';
import { EXIT, action, configFrom, emit, withContext, type Register } from '../io.js';

interface PublishOptions {
  out: string;
  baseUrl?: string;
  crawlers?: string;
  log?: boolean;
}

export const registerPublish: Register = (program, io, done) => {
  program
    .command('publish')
    .description('write robots.txt, ai.txt, TDMRep, the TDM policy, the RSL licence and the declaration (HTML, JSON-LD, JWS) as static files')
    .requiredOption('--out <dir>', 'directory to write into (created if needed; .well-known/ inside it)')
    .option('--base-url <url>', 'public URL of the site the files go on (default: $PUBLIC_URL)')
    .option('--crawlers <file>', 'AI crawler list (JSON, same shape as the bundled src/signals/data/ai-crawlers.json)')
    .option('--no-log', 'do not append a declaration.published entry to the transparency log')
    .addHelpText(
      'after',
      '\nIssuer, contact and licensing page come from $TDMR_ISSUER, $TDMR_CONTACT_EMAIL and $TDMR_LICENSING_URL.\n' +
        'The response headers to configure on the web server are printed (JSON with --json).',
    )
    .action(
      action(io, done, async (opts: PublishOptions, cmd) =>
        withContext(cmd, async (ctx) => {
          const config = configFrom(cmd);
          const baseUrl = opts.baseUrl ?? config.publicUrl;
          if (baseUrl === null) throw new SignalsError('SIGNALS_BAD_SITE', 'give --base-url or set PUBLIC_URL: the artefacts hold absolute URLs');
          const site = toSite({ baseUrl, issuer: config.issuer, contactEmail: config.contactEmail, licensingUrl: config.licensingUrl });
          let crawlers = BUNDLED_CRAWLERS;
          if (opts.crawlers !== undefined) {
            let parsed: unknown;
            try {
              parsed = JSON.parse(readFileSync(opts.crawlers, 'utf8'));
            } catch (cause) {
              throw new SignalsError('SIGNALS_BAD_CRAWLER_LIST', `cannot read ${opts.crawlers} as JSON`, { cause });
            }
            crawlers = toCrawlerList(parsed);
          }
          const at = new Date().toISOString();
          const declarations = await ctx.services.registry.declarations();
          const pub = derivePublication({ declarations, at, site, crawlers, signer: ctx.declarationSigner() });
          const files: string[] = [];
          for (const a of Object.values(pub.artefacts)) {
            const file = join(opts.out, ...a.path.split('/').filter(Boolean));
            mkdirSync(dirname(file), { recursive: true });
            writeFileSync(file, a.body);
            files.push(file);
          }
          let logged: number | null = null;
          const doc = pub.artefacts.declarationJsonLd;
          if (opts.log !== false && doc !== undefined) {
            const r = await ctx.services.ledger.append([publicationEntry(JSON.parse(doc.body) as JsonValue, pub.reservation, site, at)]);
            logged = r.size - 1;
          }
          emit(io, cmd, { out: opts.out, reserved: pub.reservation.reserved, files, headers: pub.headers, logEntry: logged }, () =>
            [
              `${files.length} files written to ${opts.out} (${pub.reservation.reserved ? 'reservation in force' : 'no declaration in force'})`,
              ...(logged === null ? [] : [`declaration digest logged as entry ${logged}`]),
              'response headers for content:',
              ...Object.entries(pub.headers).map(([k, v]) => `  ${k}: ${v}`),
            ].join('\n'),
          );
          return EXIT.OK;
        }),
      ),
    );
};
