/**
 * The web pages on a large registry: how long each main page takes to render (server side, through
 * `app.inject`, so the socket is left out), against the JSON API answer of the same question in the same
 * run (`/v1/search` for the search page, `/v1/recordings/{isrc}` for a recording page).
 *
 *   npm run build && node bench/web-pages.js
 *   BENCH_N (recordings, default 1,000,000) · BENCH_REPEAT (requests per page, default 30)
 *
 * The registry is the synthetic one of bench/lib/registry-fixture.js, copied so that the pages' writes
 * (sessions, the demo-free staff account) never touch the cached file. Prints one JSON line: per page the
 * median and p95 in ms; `ratio` = search page median / API search median (the cost of the HTML around
 * the same query), and `recordingRatio` likewise for a recording.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toConfig } from '../dist/config/config.js';
import { createContext } from '../dist/context.js';
import { ensureSignerKeyFile } from '../dist/ledger/key-file.js';
import { buildApp } from '../dist/server/app.js';
import { envInt, median } from './lib/measure.js';
import { ensureRegistry, isrcOf } from './lib/registry-fixture.js';

const n = envInt('BENCH_N', 1_000_000);
const repeat = envInt('BENCH_REPEAT', 30);
const source = await ensureRegistry(n);
const dir = mkdtempSync(join(tmpdir(), 'tdmr-web-bench-'));
const db = join(dir, 'registry.db');
copyFileSync(source, db);
const config = toConfig({
  databaseUrl: `sqlite:${db}`,
  logLevel: 'silent',
  logKeyFile: join(dir, 'log.key'),
});
ensureSignerKeyFile(config.logKeyFile, config.logOrigin);
const ctx = await createContext(config);
const app = buildApp(ctx, { web: { loginMax: 1_000_000 }, publicationRefreshMs: 600_000 });
await app.ready();

// A staff account to open the staff pages.
const staff = await ctx.services.licensing.createAccount({
  name: 'Bench',
  email: 'bench@bench.test',
  role: 'administrator',
});
await ctx.services.accounts.setPassword(staff.id, 'long pass phrase for timing');
const { token } = await ctx.services.accounts.login('bench@bench.test', 'long pass phrase for timing');
const cookie = `tdmr_session=${token}`;

const word = 'soleil';
const isrc = isrcOf(Math.floor(n / 2));
const members = await app.inject({ url: '/staff/members', headers: { cookie } });
const deep = /href="\/staff\/members\?after=([^"]+)"/.exec(members.body)?.[1]?.replace(/&amp;/g, '&');
const performer = /href="\/staff\/members\/([^"]+)"/.exec(members.body)?.[1];
const pages = {
  home: { url: '/' },
  search: { url: `/search?q=${word}` },
  searchPage5: { url: `/search?q=${word}&page=5` },
  apiSearch: { url: `/v1/search?q=${word}&limit=20` },
  recording: { url: `/recordings/${isrc}` },
  apiRecording: { url: `/v1/recordings/${isrc}` },
  performer: { url: `/performers/${performer}` },
  staffDashboard: { url: '/staff', headers: { cookie } },
  staffMembers: { url: '/staff/members', headers: { cookie } },
  staffMembersPage2: { url: `/staff/members?after=${deep}`, headers: { cookie } },
  staffMember: { url: `/staff/members/${performer}`, headers: { cookie } },
  staffLog: { url: '/staff/log', headers: { cookie } },
};

const results = {};
for (const [name, req] of Object.entries(pages)) {
  const times = [];
  let status = 0;
  for (let i = 0; i < repeat + 2; i++) {
    const t0 = performance.now();
    const res = await app.inject({ method: 'GET', ...req });
    const ms = performance.now() - t0;
    status = res.statusCode;
    if (i >= 2) times.push(ms); // the first two warm the caches (counts, the reserved-by-month aggregate)
  }
  times.sort((a, b) => a - b);
  results[name] = {
    status,
    medianMs: +median(times).toFixed(2),
    p95Ms: +times[Math.floor(times.length * 0.95) - 1 || 0].toFixed(2),
  };
  process.stderr.write(
    `${name.padEnd(18)} ${status} median ${results[name].medianMs} ms, p95 ${results[name].p95Ms} ms\n`,
  );
}
// The whole-registry aggregate of the dashboard (computed at start, then every ten minutes), and the pages
// answered while it runs: on SQLite it runs on a worker thread, so lookups go on meanwhile.
const t0 = performance.now();
let aggregateDone = false;
const aggregate = ctx.views.registry.reservedByMonth().then(() => (aggregateDone = true));
const during = [];
while (!aggregateDone) {
  const t = performance.now();
  await app.inject({ method: 'GET', ...pages.recording });
  during.push(performance.now() - t);
  await new Promise((r) => setTimeout(r, 5));
}
await aggregate;
const aggregateMs = +(performance.now() - t0).toFixed(1);
during.sort((a, b) => a - b);
const duringAggregate = { pages: during.length, medianMs: +median(during).toFixed(2), maxMs: +(during[during.length - 1] ?? 0).toFixed(2) };
process.stderr.write(`recording pages while the aggregate runs: ${JSON.stringify(duringAggregate)}\n`);
await app.close();
await ctx.close();
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    bench: 'web-pages',
    n,
    repeat,
    pages: results,
    reservedByMonthMs: aggregateMs,
    duringAggregate,
    ratio: +(results.search.medianMs / results.apiSearch.medianMs).toFixed(3),
    recordingRatio: +(results.recording.medianMs / results.apiRecording.medianMs).toFixed(3),
  }),
);
