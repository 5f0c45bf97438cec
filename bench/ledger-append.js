/**
 * Appending log entries to SQLite through the store (KyselyLedgerStore.append: one transaction per
 * batch) against hashing the same entries in a loop (canonical JSON + RFC 9162 leaf hash: the work
 * that turns entries into leaves, without storage), in the same run. Ratio = baseline time / append
 * time, i.e. append throughput over hashing throughput (goal >= 0.5), on CPU time.
 *
 *   npm run build && node bench/ledger-append.js
 *   BENCH_N (entries, 1,000,000) · BENCH_BATCH (entries per append call, 10,000) · BENCH_CHUNK (50,000)
 *
 * Entries are mandate versions of 100,000 performers in no particular order, so the topic index
 * (performer:<id>) takes random inserts, as in a real registry.
 *
 * The phases alternate chunk by chunk (hash a chunk, append it through the store, append it through
 * the raw bulk path into a second database), each going first in turn, so that all see the same
 * machine load; the log grows to BENCH_N entries. Every phase makes its entries as it goes (the
 * append calls take a generator per batch, as an import streams them), so none holds more of them
 * alive than the others. Also reported: the raw better-sqlite3 bulk path (sqliteConn + appendEntries, one
 * BEGIN IMMEDIATE per chunk, as an import does), SHA-256 alone per body, and wall-clock ratios.
 */
import { hash } from 'node:crypto';
import { toConfig } from '../dist/config/config.js';
import { createContext } from '../dist/context.js';
import { canonicalJson, leafHash } from '../dist/ledger/index.js';
import { mandateEntry } from '../dist/ledger/entries.js';
import { appendEntries } from '../dist/ledger/sql-append.js';
import { sqliteConn } from '../dist/ledger/sql-conn.js';
import { envInt, freshDbPath, mandateVersionAt, round, timed } from './lib/ledger-fixture.js';

const n = envInt('BENCH_N', 1_000_000);
const batch = envInt('BENCH_BATCH', 10_000);
const chunk = Math.min(n, envInt('BENCH_CHUNK', 50_000));
const entryAt = (i) => mandateEntry(mandateVersionAt(i));

const storeCtx = await createContext(toConfig({ databaseUrl: freshDbPath('append-store.db'), logLevel: 'silent' }));
const rawCtx = await createContext(toConfig({ databaseUrl: freshDbPath('append-raw.db'), logLevel: 'silent' }));
const total = { baseline: { cpu: 0, wall: 0 }, store: { cpu: 0, wall: 0 }, raw: { cpu: 0, wall: 0 }, sha: { cpu: 0, n: 0 } };
const add = (acc, t) => {
  acc.cpu += t.cpu;
  acc.wall += t.wall;
};
let sink = 0;

for (let from = 0, round = 0; from < n; from += chunk, round++) {
  const to = Math.min(n, from + chunk);
  const phases = [
    async () =>
      add(
        total.baseline,
        await timed(() => {
          for (let i = from; i < to; i++) {
            const e = entryAt(i);
            sink ^= leafHash(Buffer.from(canonicalJson({ at: e.at, data: e.data, type: e.type }), 'utf8'))[0];
          }
        }),
      ),
    async () =>
      add(
        total.store,
        await timed(async () => {
          for (let start = from; start < to; start += batch) {
            function* part() {
              for (let i = start; i < Math.min(to, start + batch); i++) yield entryAt(i);
            }
            await storeCtx.stores.ledger.append(part());
          }
        }),
      ),
    async () =>
      add(
        total.raw,
        await timed(async () => {
          function* all() {
            for (let i = from; i < to; i++) yield entryAt(i);
          }
          rawCtx.db.raw.exec('BEGIN IMMEDIATE');
          await appendEntries(sqliteConn(rawCtx.db.raw), all());
          rawCtx.db.raw.exec('COMMIT');
        }),
      ),
  ];
  // Each phase goes first in turn: none always pays for the garbage another left behind.
  for (let k = 0; k < phases.length; k++) await phases[(round + k) % phases.length]();
  if (total.sha.n < 100_000) {
    // SHA-256 alone of the bodies (no canonicalisation), on a sample.
    const bodies = [];
    for (let i = from; i < Math.min(to, from + 20_000); i++) {
      const e = entryAt(i);
      bodies.push(Buffer.from(`\u0000${canonicalJson({ at: e.at, data: e.data, type: e.type })}`, 'utf8'));
    }
    const t = await timed(() => {
      for (const b of bodies) sink ^= hash('sha256', b, 'buffer')[0];
    });
    total.sha.cpu += t.cpu;
    total.sha.n += bodies.length;
  }
}

const sizes = [await storeCtx.stores.ledger.size(), await rawCtx.stores.ledger.size()];
await storeCtx.close();
await rawCtx.close();
if (sizes[0] !== n || sizes[1] !== n) throw new Error(`appended ${sizes.join(' / ')}, expected ${n}`);

const perUs = (sec) => round((sec / n) * 1e6, 2);
const ratio = total.baseline.cpu / total.store.cpu;
console.log(
  JSON.stringify({
    bench: 'ledger-append',
    n,
    batch,
    chunk,
    baselinePerEntryUs: perUs(total.baseline.cpu),
    storePerEntryUs: perUs(total.store.cpu),
    rawBulkPerEntryUs: perUs(total.raw.cpu),
    shaOnlyPerEntryUs: round((total.sha.cpu / total.sha.n) * 1e6, 2),
    storeEntriesPerSecWall: Math.round(n / total.store.wall),
    wallRatio: round(total.baseline.wall / total.store.wall),
    rawBulkRatio: round(total.baseline.cpu / total.raw.cpu),
    ratio: round(ratio),
    goal: '>= 0.5',
    pass: ratio >= 0.5,
    sink: sink & 1,
  }),
);
