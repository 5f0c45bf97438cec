/**
 * POST /v1/check with 10,000 ISRCs per request against single-item GET /v1/recordings/{isrc}, same server,
 * same run. Ratio = items per second through the batch / requests per second of single GETs measured
 * in the same run, next to each other (goal: 10); `ratio` is the median of those over runs,
 * `ratioOfMedians` the ratio of the medians.
 * Both `detail: "full"` (the default: every item with its reasons, the evidence once per batch) and
 * `detail: "status"` are measured. Each also reports the server's CPU time per item (`cpuUs`, from
 * /proc) and `cpuRatio` (CPU per GET / CPU per batch item), which the other work on a shared machine
 * disturbs less than throughput, and the bytes per response.
 *
 *   npm run build && node bench/check-batch.js
 *   BENCH_N (recordings, 1,000,000) · BENCH_SECONDS (per run, 10) · BENCH_WARMUP (s, 3) · BENCH_RUNS (3)
 *   BENCH_CONNECTIONS (single GETs, 64) · BENCH_CHECK_CONNECTIONS (batches, 2)
 *
 * The service runs as `tdmr serve` does, keeping the answers to the default question (single lookups
 * and batch items, src/server/answer-cache.ts, check-kept.ts); `BENCH_KEPT_MB=0` measures it keeping none.
 */
import { ensureRegistry, lookupKeys } from './lib/registry-fixture.js';
import { envInt, load, median, warmUp } from './lib/measure.js';
import { startService } from './lib/servers.js';

const n = envInt('BENCH_N', 1_000_000);
const seconds = envInt('BENCH_SECONDS', 10);
const warmup = envInt('BENCH_WARMUP', 3);
const runs = envInt('BENCH_RUNS', 3);
const connections = envInt('BENCH_CONNECTIONS', 64);
const checkConnections = envInt('BENCH_CHECK_CONNECTIONS', 2);
const BATCH = 10_000;

const db = await ensureRegistry(n);
const keys = lookupKeys(n, 200_000);
const randomKey = () => keys[Math.floor(Math.random() * keys.length)];
const bodies = (detail) =>
  Array.from({ length: 16 }, (_, b) =>
    JSON.stringify({ items: keys.slice(b * BATCH, (b + 1) * BATCH), detail }),
  );
const json = { 'content-type': 'application/json' };
const targets = {
  get: { connections, next: () => ({ method: 'GET', path: `/v1/recordings/${randomKey()}` }) },
  ...Object.fromEntries(
    ['full', 'status'].map((detail) => {
      const bs = bodies(detail);
      let i = 0;
      return [
        detail,
        {
          connections: checkConnections,
          headers: json,
          next: () => ({ method: 'POST', path: '/v1/check', body: bs[i++ % bs.length] }),
        },
      ];
    }),
  ),
};

const keptMb = process.env.BENCH_KEPT_MB;
const server = await startService(db, keptMb === undefined ? {} : { TDMR_ANSWER_CACHE_MB: keptMb });
const results = { get: [], full: [], status: [] };
try {
  // As a long-running service would be: every key asked once, in turn, and every batch body sent four
  // times (each worker sees each), so the caches (SQLite pages, performers, kept answers and items) hold.
  let k = 0;
  await load(server.url, { connections, amount: keys.length, next: () => ({ method: 'GET', path: `/v1/recordings/${keys[k++ % keys.length]}` }) });
  for (const detail of ['full', 'status'])
    await load(server.url, { ...targets[detail], amount: 64 });
  await warmUp(server.url, targets.get, { maxSeconds: Math.max(warmup, 60) });
  for (let run = 0; run < runs; run++) {
    // The default batch next to the GETs, the order turned round every other run (see `ratio` below).
    for (const name of run % 2 === 0 ? ['get', 'full', 'status'] : ['status', 'full', 'get']) {
      const t = targets[name];
      await load(server.url, { ...t, seconds: warmup });
      const r = await load(server.url, { ...t, seconds, server });
      results[name].push(r);
      const items = name === 'get' ? r.rps : r.rps * BATCH;
      const cpuItem = r.cpuUs === null ? null : name === 'get' ? r.cpuUs : r.cpuUs / BATCH;
      process.stderr.write(
        `run ${run + 1}/${runs} ${name}: ${Math.round(r.rps * 10) / 10} req/s = ${Math.round(items)} items/s, ` +
          `p99 ${r.p99} ms, ${r.bytes} bytes, server ${cpuItem?.toFixed(2)} µs CPU/item, client ${(name === "get" ? r.clientUs : r.clientUs / BATCH)?.toFixed(2)} µs, non-2xx ${r.non2xx}, errors ${r.errors}\n`,
      );
    }
  }
} finally {
  await server.stop();
}

const get = Math.round(median(results.get.map((r) => r.rps)));
const cpuOf = (rs, perRequest) =>
  rs.some((r) => r.cpuUs === null) ? null : median(rs.map((r) => r.cpuUs)) / perRequest;
const getCpu = cpuOf(results.get, 1);
const summary = (rs) => {
  const itemsPerSecond = Math.round(median(rs.map((r) => r.rps)) * BATCH);
  const cpuUs = cpuOf(rs, BATCH);
  return {
    itemsPerSecond,
    requestsPerSecond: Number(median(rs.map((r) => r.rps)).toFixed(2)),
    runs: rs.map((r) => Math.round(r.rps * BATCH)),
    bytes: median(rs.map((r) => r.bytes)),
    cpuUs: cpuUs === null ? null : Number(cpuUs.toFixed(2)),
    cpuRatio: cpuUs === null || getCpu === null ? null : Number((getCpu / cpuUs).toFixed(2)),
    p99: median(rs.map((r) => r.p99)),
    non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
    errors: rs.reduce((a, r) => a + r.errors, 0),
    // The goal's measure: the median over runs of batch items/s / GET req/s of the same run.
    ratio: Number(median(rs.map((r, i) => (r.rps * BATCH) / results.get[i].rps)).toFixed(2)),
    ratioOfMedians: Number((itemsPerSecond / get).toFixed(2)),
  };
};
const full = summary(results.full);
const status = summary(results.status);
console.log(
  JSON.stringify({
    bench: 'check-batch',
    n,
    keptMb: keptMb === undefined ? 'default' : Number(keptMb),
    batch: BATCH,
    seconds,
    runs,
    get: {
      rps: get,
      runs: results.get.map((r) => Math.round(r.rps)),
      p99: median(results.get.map((r) => r.p99)),
      cpuUs: getCpu === null ? null : Number(getCpu.toFixed(1)),
    },
    full,
    status,
    ratio: full.ratio,
    ratioStatus: status.ratio,
    goal: { ratio: 10 },
    met: { full: full.ratio >= 10, status: status.ratio >= 10 },
  }),
);
