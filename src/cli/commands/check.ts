/**
 * `tdmr check ITEM...`: URLs (robots.txt, TDMRep, HTTP and HTML signals) and media files or directories
 * (tags, XMP, the registry's answer for their ISRCs), mixed, each with per-use verdicts and evidence.
 */
import { statSync } from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { checkFile, type FileCheck } from '../../checker/check-file.js';
import { checkUrl, siteFiles, type UrlCheck } from '../../checker/check-url.js';
import { CheckerError } from '../../checker/errors.js';
import { HttpFetcher } from '../../checker/http-fetch.js';
import { listMediaFiles } from '../../checker/media-walk.js';
import { CHECK_USES, type ItemVerdict } from '../../checker/model.js';
import { isTokenChar } from '../../checker/robots-parse.js';
import { openStatusLookup } from '../../registry/status-lookup.js';
import { EXIT, action, emit, withContext, type Io, type Register } from '../io.js';

interface CheckOptions {
  agent?: string;
  licence?: string[];
  timeout: string;
  delay: string;
}

type Item = { kind: 'url'; url: string } | { kind: 'file'; path: string };
type Result = ({ kind: 'url' } & UrlCheck) | FileCheck;

export const registerCheck: Register = (program, io, done) => {
  program
    .command('check')
    .description('check URLs, media files and directories for TDM / AI reservations: robots.txt, TDMRep, Content-Usage, Content-Signal, noai, RSL licences, ai.txt; XMP plus:DataMining, tags and the registry (by ISRC)')
    .argument('<item...>', 'http(s) URLs, media files, or directories (walked recursively for media files)')
    .option('--agent <token>', 'the crawler’s product token (robots.txt group selection, User-Agent); required for URLs')
    .option('--licence <url>', 'a licence or TDM policy URL the caller holds (turns reservations naming it into "licensed"); repeatable', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--timeout <ms>', 'per-request timeout', '10000')
    .option('--delay <ms>', 'least time between two requests to one host', '1000')
    .addHelpText(
      'after',
      '\nAn item that is an existing path is a file or a directory; http(s):// is a URL. Files are looked up in the registry\n(--db) by their ISRC.\nExit code: 0 when no use of any item is reserved or unknown, 1 otherwise, 2 for bad usage.\nExamples: tdmr check --agent ExampleBot https://example.com/music/a.flac\n          tdmr --db data/reserve.db check --json ./masters',
    )
    .action(
      action(io, done, async (inputs: string[], opts: CheckOptions, cmd) => {
        // Every argument is classified before any work starts, so a typo costs nothing.
        const items = inputs.flatMap(classify);
        const urls = items.some((i) => i.kind === 'url');
        if (urls && (opts.agent === undefined || opts.agent === '' || ![...opts.agent].every((c) => isTokenChar(c.charCodeAt(0))))) {
          throw new CheckerError('CHECK_INVALID_AGENT', opts.agent === undefined ? 'give --agent TOKEN to check URLs' : `not a product token (A-Z a-z _ -): ${JSON.stringify(opts.agent)}`, { details: { agent: opts.agent ?? null } });
        }
        const timeoutMs = positive(opts.timeout, '--timeout');
        const delayMs = positive(opts.delay, '--delay', true);
        const licences = opts.licence ?? [];
        const results: Result[] = [];
        const files = items.filter((i) => i.kind === 'file');
        if (files.length > 0) await checkFiles(cmd, io, files.map((f) => f.path), licences, results);
        if (urls) {
          const agent = opts.agent as string;
          const fetcher = new HttpFetcher({ agentToken: agent, timeoutMs, perHostDelayMs: delayMs });
          try {
            const cache = siteFiles();
            for (const i of items) if (i.kind === 'url') results.push({ kind: 'url', ...(await checkUrl(i.url, { agent, fetcher, cache, licences })) });
          } finally {
            await fetcher.close();
          }
        }
        // Back in the order given.
        const order = new Map(items.map((i, n) => [i.kind === 'url' ? i.url : i.path, n]));
        results.sort((a, b) => (order.get(a.item) ?? 0) - (order.get(b.item) ?? 0));
        emit(io, cmd, results, () => results.map(human).join('\n\n'));
        const negative = results.some((c: ItemVerdict) => CHECK_USES.some((u) => c.uses[u].status === 'reserved' || c.uses[u].status === 'unknown'));
        return negative ? EXIT.NEGATIVE : EXIT.OK;
      }),
    );
};

function classify(input: string): Item[] {
  if (/^https?:\/\//i.test(input)) return [{ kind: 'url', url: input }];
  let dir: boolean;
  try {
    dir = statSync(input).isDirectory();
  } catch {
    throw new CheckerError('CHECK_INVALID_URL', `neither an existing file or directory nor an http(s) URL: ${input}`, { details: { item: input } });
  }
  return dir ? listMediaFiles(input).map((path) => ({ kind: 'file' as const, path })) : [{ kind: 'file', path: input }];
}

async function checkFiles(cmd: Command, io: Io, paths: string[], licences: string[], results: Result[]): Promise<void> {
  await withContext(cmd, async (ctx) => {
    const opened = openStatusLookup(ctx.db, ctx.stores.registry);
    const lookup = opened.lookup;
    const registry = ctx.config.databaseUrl.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
    const registryLicence = ctx.config.licensingUrl ?? (ctx.config.publicUrl !== null ? `${ctx.config.publicUrl}/licensing` : undefined);
    const bar = io.isTty && paths.length > 1 ? new SingleBar({ stream: process.stderr, format: 'files [{bar}] {percentage}% | {value}/{total} {file}', hideCursor: true, clearOnComplete: true }, Presets.shades_classic) : null;
    bar?.start(paths.length, 0, { file: '' });
    try {
      for (const path of paths) {
        results.push(await checkFile(path, { lookup, registry, licences, ...(registryLicence !== undefined ? { registryLicence } : {}) }));
        bar?.increment(1, { file: path.length > 40 ? `…${path.slice(-39)}` : path });
      }
    } finally {
      bar?.stop();
      opened.close();
    }
  });
}

function positive(v: string, flag: string, zero = false): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < (zero ? 0 : 1)) throw new CheckerError('CHECK_INVALID_OPTION', `${flag} must be a whole number of milliseconds, got ${v}`, { details: { flag } });
  return n;
}

function human(c: Result): string {
  const lines = [c.kind === 'url' ? `${c.item}  (crawl ${c.crawl} for ${c.agent})` : `${c.item}  (file${c.isrcs.length > 0 ? `, ISRC ${c.isrcs.join(', ')}` : ', no ISRC'})`];
  for (const use of CHECK_USES) {
    const v = c.uses[use];
    const first = v.evidence[0];
    const why = first === undefined ? 'no signal' : `${first.signal} at ${first.source}: ${first.raw || first.reason || ''}`;
    lines.push(`  ${use.padEnd(15)} ${v.status.padEnd(12)} ${v.rule}; ${why}`);
  }
  return lines.join('\n');
}
