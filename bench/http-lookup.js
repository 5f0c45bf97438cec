/**
 * GET /v1/recordings/{isrc} against a bare Fastify route returning a constant JSON body, in the same run.
 *
 *   npm run build && node bench/http-lookup.js
 *   BENCH_N (recordings, default 1,000,000) · BENCH_SECONDS (per run, 10) · BENCH_WARMUP (s, 3)
 *   BENCH_RUNS (3) · BENCH_CONNECTIONS (64)
 *
 * Random keys, half hits and half misses. Servers run one at a time, alternating, in child processes;
 * autocannon runs here. Prints one JSON line; `ratio` = lookup req/s / bare req/s (medians).
 */
import { ensureRegistry, lookupKeys } from './lib/registry-fixture.js';
import { envInt, load, median } from './lib/measure.js';
import { startBare, startService } from './lib/servers.js';

const n = envInt('BENCH_N', 1_000_000);
const seconds = envInt('BENCH_SECONDS', 10);
const warmup = envInt('BENCH_WARMUP', 3);
const runs = envInt('BENCH_RUNS', 3);
const connections = envInt('BENCH_CONNECTIONS', 64);

const db = await ensureRegistry(n);
const keys = lookupKeys(n, 200_000);
const randomKey = () => keys[Math.floor(Math.random() * keys.length)];
const targets = {
  bare: { start: startBare, next: () => ({ path: '/' }) },
  bareParam: { start: startBare, next: () => ({ path: `/v1/recordings/${randomKey()}` }) },
  lookup: { start: () => startService(db), next: () => ({ path: `/v1/recordings/${randomKey()}` }) },
};

const results = { bare: [], bareParam: [], lookup: [] };
for (let run = 0; run < runs; run++) {
  for (const [name, t] of Object.entries(targets)) {
    const server = await t.start();
    try {
      await load(server.url, { connections, seconds: warmup, next: t.next });
      const r = await load(server.url, { connections, seconds, next: t.next });
      results[name].push(r);
      process.stderr.write(
        `run ${run + 1}/${runs} ${name}: ${Math.round(r.rps)} req/s, p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}\n`,
      );
    } finally {
      await server.stop();
    }
  }
}

const summary = (rs) => ({
  rps: Math.round(median(rs.map((r) => r.rps))),
  p99: median(rs.map((r) => r.p99)),
  runs: rs.map((r) => Math.round(r.rps)),
  non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
  errors: rs.reduce((a, r) => a + r.errors, 0),
});
const bare = summary(results.bare);
const bareParam = summary(results.bareParam);
const lookup = summary(results.lookup);
const ratio = lookup.rps / bare.rps;
console.log(
  JSON.stringify({
    bench: 'http-lookup',
    n,
    connections,
    seconds,
    runs,
    bare,
    bareParam,
    lookup,
    ratio: Number(ratio.toFixed(3)),
    ratioToBareParam: Number((lookup.rps / bareParam.rps).toFixed(3)),
    goal: { ratio: 0.8, p99Ms: 20 },
    met: ratio >= 0.8 && lookup.p99 < 20 && lookup.non2xx === 0 && lookup.errors === 0,
  }),
);
