/** autocannon, programmatically, with a fresh request per call from `next()`. */
import autocannon from 'autocannon';

export function envInt(name, dflt) {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${v}`);
  return n;
}

/**
 * Runs autocannon for `seconds` against `url`; `next()` returns `{ path, method?, body? }` per request.
 * Resolves with requests per second (mean), latency percentiles (ms), the count of non-2xx answers,
 * bytes per response (headers included), the load generator's CPU time per request in µs and, given
 * the `server` (servers.js), the server's.
 */
export async function load(url, { connections, seconds, amount, next, headers, server }) {
  const cpu0 = server?.cpuMs() ?? null;
  const client0 = process.cpuUsage();
  const result = await autocannon({
    url,
    connections,
    // `amount` requests in all, when given, rather than a duration.
    ...(amount === undefined ? { duration: seconds } : { amount }),
    headers,
    requests: [
      {
        setupRequest: (req) => {
          const r = next();
          return { ...req, ...r };
        },
      },
    ],
  });
  const cpu1 = server?.cpuMs() ?? null;
  const client = process.cpuUsage(client0);
  const total = result.requests.total;
  return {
    // Completed requests over the elapsed time: for slow requests (a 10,000-item batch) the
    // per-second average autocannon also reports counts whole requests per one-second bucket.
    rps: total / result.duration,
    bytes: total > 0 ? Math.round(result.throughput.total / total) : null,
    cpuUs: cpu0 !== null && cpu1 !== null && total > 0 ? ((cpu1 - cpu0) * 1000) / total : null,
    // The load generator's own CPU time per request (it runs in this process), in µs.
    clientUs: total > 0 ? (client.user + client.system) / total : null,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? NaN
    : s.length % 2
      ? s[(s.length - 1) / 2]
      : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Warms a server up: load in `slice`-second steps until two consecutive steps differ by less than 5 %,
 * or `maxSeconds` have passed (caches fill as random keys come in). Logs each step to stderr.
 */
export async function warmUp(url, options, { slice = 3, maxSeconds = 60, label = 'warm-up' } = {}) {
  let previous = 0;
  for (let spent = 0; spent < maxSeconds; spent += slice) {
    const r = await load(url, { ...options, seconds: slice });
    process.stderr.write(`${label}: ${Math.round(r.rps)} req/s, p99 ${r.p99} ms\n`);
    if (previous > 0 && Math.abs(r.rps - previous) / previous < 0.05) return;
    previous = r.rps;
  }
}
