import { checkUrl, siteFiles, type UrlCheck } from '../../checker/check-url.js';
import { CheckerError } from '../../checker/errors.js';
import { HttpFetcher } from '../../checker/http-fetch.js';
import { CHECK_USES } from '../../checker/model.js';
import { isTokenChar } from '../../checker/robots-parse.js';
import { EXIT, action, emit, type Register } from '../io.js';

interface CheckOptions {
  agent: string;
  licence?: string[];
  timeout: string;
  delay: string;
}

export const registerCheck: Register = (program, io, done) => {
  program
    .command('check')
    .description('check URLs for TDM / AI reservations: robots.txt, TDMRep, Content-Usage, Content-Signal, noai, RSL licences, ai.txt')
    .argument('<url...>', 'http(s) URLs to check')
    .requiredOption('--agent <token>', 'the crawler’s product token (robots.txt group selection, User-Agent)')
    .option('--licence <url>', 'a licence or TDM policy URL the caller holds (turns reservations naming it into "licensed"); repeatable', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--timeout <ms>', 'per-request timeout', '10000')
    .option('--delay <ms>', 'least time between two requests to one host', '1000')
    .addHelpText('after', '\nExit code: 0 when no use of any URL is reserved or unknown, 1 otherwise, 2 for bad usage.\nExample: tdmr check --agent ExampleBot https://example.com/music/a.flac')
    .action(
      action(io, done, async (urls: string[], opts: CheckOptions, cmd) => {
        if (opts.agent === '' || ![...opts.agent].every((c) => isTokenChar(c.charCodeAt(0)))) {
          throw new CheckerError('CHECK_INVALID_AGENT', `not a product token (A-Z a-z _ -): ${JSON.stringify(opts.agent)}`, { details: { agent: opts.agent } });
        }
        const fetcher = new HttpFetcher({ agentToken: opts.agent, timeoutMs: positive(opts.timeout, '--timeout'), perHostDelayMs: positive(opts.delay, '--delay', true) });
        try {
          const cache = siteFiles();
          const checks: UrlCheck[] = [];
          for (const url of urls) checks.push(await checkUrl(url, { agent: opts.agent, fetcher, cache, licences: opts.licence ?? [] }));
          emit(io, cmd, checks, () => checks.map(human).join('\n\n'));
          const negative = checks.some((c) => CHECK_USES.some((u) => c.uses[u].status === 'reserved' || c.uses[u].status === 'unknown'));
          return negative ? EXIT.NEGATIVE : EXIT.OK;
        } finally {
          await fetcher.close();
        }
      }),
    );
};

function positive(v: string, flag: string, zero = false): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < (zero ? 0 : 1)) throw new CheckerError('CHECK_INVALID_OPTION', `${flag} must be a whole number of milliseconds, got ${v}`, { details: { flag } });
  return n;
}

function human(c: UrlCheck): string {
  const lines = [`${c.item}  (crawl ${c.crawl} for ${c.agent})`];
  for (const use of CHECK_USES) {
    const v = c.uses[use];
    const first = v.evidence[0];
    const why = first === undefined ? 'no signal' : `${first.signal} at ${first.source}: ${first.raw || first.reason || ''}`;
    lines.push(`  ${use.padEnd(15)} ${v.status.padEnd(12)} ${v.rule}; ${why}`);
  }
  return lines.join('\n');
}
