import { CheckerError } from '../../checker/errors.js';
import { readFileHead } from '../../checker/files.js';
import { ROBOTS_MAX_BYTES, isTokenChar, parseRobots } from '../../checker/robots-parse.js';
import { evaluateRobots, forAgent, type RobotsAnswer } from '../../checker/robots-eval.js';
import { EXIT, action, emit, type Register } from '../io.js';

export const registerRobotsTest: Register = (program, io, done) => {
  program
    .command('robots')
    .description('robots.txt tools (RFC 9309, with Content-Usage, Content-Signal and License lines)')
    .command('test')
    .description('evaluate a local robots.txt for a crawler token and URLs, offline (like Google’s robots_main)')
    .argument('<robots-file>', 'the robots.txt file (the first 500 KiB are read)')
    .argument('<url...>', 'URLs (or paths) to test, as sent on the wire (percent-encoded)')
    .requiredOption('--agent <token>', 'the crawler’s product token, e.g. GPTBot (letters, "-" and "_")')
    .addHelpText('after', '\nExit code: 0 when every URL is allowed, 1 when one is disallowed, 2 for bad usage.\nExample: tdmr robots test ./robots.txt --agent GPTBot https://example.com/music/a.flac')
    .action(
      action(io, done, async (file: string, urls: string[], opts: { agent: string }, cmd) => {
        if (opts.agent === '' || ![...opts.agent].every((c) => isTokenChar(c.charCodeAt(0)))) {
          throw new CheckerError('CHECK_INVALID_AGENT', `not a product token (A-Z a-z _ -): ${JSON.stringify(opts.agent)}`, { details: { agent: opts.agent } });
        }
        const { bytes } = readFileHead(file, ROBOTS_MAX_BYTES + 4);
        const robots = parseRobots(bytes);
        const view = forAgent(robots, opts.agent);
        const answers = urls.map((u) => evaluateRobots(robots, opts.agent, u, view));
        emit(io, cmd, { file, agent: opts.agent, truncated: robots.truncated, results: answers.map((a, i) => ({ url: urls[i], ...a })) }, () =>
          answers.map((a, i) => humanLine(urls[i] ?? '', a)).join('\n'),
        );
        return Promise.resolve(answers.every((a) => a.allowed) ? EXIT.OK : EXIT.NEGATIVE);
      }),
    );
};

function humanLine(url: string, a: RobotsAnswer): string {
  const why = a.matched === null ? 'no matching rule' : `line ${a.matched.line}: ${a.matched.allow ? 'Allow' : 'Disallow'}: ${a.matched.pattern}`;
  const prefs = a.contentUsage !== null && a.contentUsage.rules.length > 0 ? `; content-usage train-ai=${a.contentUsage.preferences['train-ai']} search=${a.contentUsage.preferences.search}` : '';
  return `${a.allowed ? 'allowed' : 'disallowed'}\t${url}\t(${why}${prefs})`;
}
