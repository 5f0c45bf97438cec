/**
 * GET /v1/recordings/{isrc} against a bare Fastify route returning a constant JSON body, in the same run.
 *
 *   npm run build && node bench/http-lookup.js
 *   BENCH_N (recordings, default 1,000,000) · BENCH_SECONDS (per run, 10) · BENCH_WARMUP (s before each
 *   run, 3; the service is first warmed until steady, up to 60 s)
 *   BENCH_RUNS (3) · BENCH_CONNECTIONS (64)
 *
 * Random keys, half hits and half misses. Servers run in child processes, loaded one at a time, alternating;
 * autocannon runs here. Prints one JSON line; `ratio`, the goal's measure, is the median over runs of
 * lookup req/s / bare req/s, the two measured back to back in each run (`pairedRatios`; the order
 * alternates), which the machine's slow spells disturb less than a ratio of medians (`ratioOfMedians`). Two more baselines say where the gap comes from: `bareParam` (the constant body on the
 * lookup's path shape) and `bareAnswer` (two real bodies of the lookup, a hit of median size and a miss,
 * returned alternately as constant objects, which Fastify serialises per request as it does any object:
 * the cost of sending answers of that size, without looking anything up). `bodies` gives their sizes.
 * Each target also reports `cpuUs`, the server's CPU time per request (from /proc), which the other
 * work on a shared machine disturbs less than requests per second. `lookupUncached` is the same service
 * keeping no answers (`TDMR_ANSWER_CACHE_MB=0`, src/server/answer-cache.ts): every request a lookup.
 */
import { ensureRegistry, lookupKeys, writeSampleAnswers } from './lib/registry-fixture.js';
import { envInt, load, median, warmUp } from './lib/measure.js';
import { startBare, startService } from './lib/servers.js';

const n = envInt('BENCH_N', 1_000_000);
const seconds = envInt('BENCH_SECONDS', 10);
const warmup = envInt('BENCH_WARMUP', 3);
const runs = envInt('BENCH_RUNS', 3);
const connections = envInt('BENCH_CONNECTIONS', 64);

const db = await ensureRegistry(n);
const answers = await writeSampleAnswers(db, n);
process.stderr.write(`bareAnswer bodies: hit ${answers.hitBytes} bytes, miss ${answers.missBytes} bytes\n`);
const keys = lookupKeys(n, 200_000);
const randomKey = () => keys[Math.floor(Math.random() * keys.length)];
// One server of each kind for the whole run, as in service; only one is under load at a time.
const bareServer = await startBare(answers.file);
const service = await startService(db);
// The same service keeping no answers (TDMR_ANSWER_CACHE_MB=0): every request looks its answer up.
const uncached = await startService(db, { TDMR_ANSWER_CACHE_MB: '0' });
const lookupNext = () => ({ path: `/v1/recordings/${randomKey()}` });
const targets = {
  bare: { server: bareServer, next: () => ({ path: '/' }) },
  bareParam: { server: bareServer, next: () => ({ path: `/v1/recordings/${randomKey()}` }) },
  bareAnswer: { server: bareServer, next: () => ({ path: `/answer/${randomKey()}` }) },
  lookup: { server: service, next: lookupNext },
  lookupUncached: { server: uncached, next: lookupNext },
};

const results = { bare: [], bareParam: [], bareAnswer: [], lookup: [], lookupUncached: [] };
try {
  // The service's caches (SQLite pages, performers) fill as random keys come in: warm it until it is steady.
  // Every key asked once (200,000 requests), in turn, then random keys until steady: the service's caches (SQLite pages,
  // performers and, on `lookup`, the answers kept) hold what a long-running service would.
  for (const s of [service, uncached]) {
    let i = 0;
    await load(s.url, { connections, amount: keys.length, next: () => ({ path: `/v1/recordings/${keys[i++ % keys.length]}` }) });
    process.stderr.write(`primed ${s === service ? 'lookup' : 'lookupUncached'}: ${i} requests\n`);
    await warmUp(s.url, { connections, next: lookupNext }, { maxSeconds: Math.max(warmup, 60) });
  }
  for (let run = 0; run < runs; run++) {
    // The lookup and its baseline back to back, in turn first, so that a slow spell of the shared
    // machine falls on both of a pair; the diagnostics after them.
    const names = Object.keys(targets).filter((k) => k !== 'bare' && k !== 'lookup');
    for (const name of [...(run % 2 === 0 ? ['bare', 'lookup'] : ['lookup', 'bare']), ...names]) {
      const t = targets[name];
      await load(t.server.url, { connections, seconds: Math.min(warmup, 2), next: t.next });
      const r = await load(t.server.url, { connections, seconds, next: t.next, server: t.server });
      results[name].push(r);
      process.stderr.write(
        `run ${run + 1}/${runs} ${name}: ${Math.round(r.rps)} req/s, p99 ${r.p99} ms, ${r.bytes} bytes, ` +
          `server ${r.cpuUs?.toFixed(1)} µs CPU/request, client ${r.clientUs?.toFixed(1)} µs, non-2xx ${r.non2xx}, errors ${r.errors}\n`,
      );
    }
  }
} finally {
  await Promise.all([bareServer.stop(), service.stop(), uncached.stop()]);
}

const summary = (rs) => ({
  rps: Math.round(median(rs.map((r) => r.rps))),
  p99: median(rs.map((r) => r.p99)),
  runs: rs.map((r) => Math.round(r.rps)),
  bytes: median(rs.map((r) => r.bytes)),
  cpuUs: rs.some((r) => r.cpuUs === null) ? null : Number(median(rs.map((r) => r.cpuUs)).toFixed(1)),
  non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
  errors: rs.reduce((a, r) => a + r.errors, 0),
});
const bare = summary(results.bare);
const bareParam = summary(results.bareParam);
const bareAnswer = summary(results.bareAnswer);
const lookup = summary(results.lookup);
const lookupUncached = summary(results.lookupUncached);
// The goal's measure: the median of each run's lookup / bare, measured back to back.
const paired = results.lookup.map((r, i) => r.rps / results.bare[i].rps);
const ratio = median(paired);
console.log(
  JSON.stringify({
    bench: 'http-lookup',
    n,
    connections,
    seconds,
    runs,
    bodies: {
      bare: '{"hello":"world"}',
      bareAnswer: { hitBytes: answers.hitBytes, missBytes: answers.missBytes },
    },
    bare,
    bareParam,
    bareAnswer,
    lookup,
    lookupUncached,
    ratio: Number(ratio.toFixed(3)),
    pairedRatios: paired.map((x) => Number(x.toFixed(3))),
    ratioOfMedians: Number((lookup.rps / bare.rps).toFixed(3)),
    ratioUncached: Number((lookupUncached.rps / bare.rps).toFixed(3)),
    ratioToBareParam: Number((lookup.rps / bareParam.rps).toFixed(3)),
    ratioToBareAnswer: Number((lookup.rps / bareAnswer.rps).toFixed(3)),
    cpuRatio: lookup.cpuUs && bare.cpuUs ? Number((bare.cpuUs / lookup.cpuUs).toFixed(3)) : null,
    cpuRatioToBareAnswer:
      lookup.cpuUs && bareAnswer.cpuUs ? Number((bareAnswer.cpuUs / lookup.cpuUs).toFixed(3)) : null,
    goal: { ratio: 0.8, p99Ms: 20 },
    met: ratio >= 0.8 && lookup.p99 < 20 && lookup.non2xx === 0 && lookup.errors === 0,
  }),
);
