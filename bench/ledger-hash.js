// Appending log entries to the incremental Merkle tree vs bare SHA-256 over the same canonical
// entries. The tree does a leaf hash per entry plus, amortised, one interior hash per entry, and
// yields the nodes a store keeps; the baseline hashes each entry once. ratio = baseline / tree
// (1.0 = as fast as bare hashing; the theoretical ceiling is about 0.5, two hashes per entry).
// Size: BENCH_N entries (default 200000). Run: npm run build && node bench/ledger-hash.js
import { CompactRange, MemoryNodeStore, canonicalJsonBytes, leafHash } from '../dist/ledger/index.js';
import { bestMs, envInt, round, sha256 } from './ledger-bench-util.js';

const n = envInt('BENCH_N', 200_000);

// Entries shaped like reservation events; canonicalised once, outside the timed loops.
const entries = Array.from({ length: n }, (_, i) =>
  canonicalJsonBytes({
    seq: i,
    kind: 'reservation',
    isrc: `FRZ03${String(25)}${String(i % 100000).padStart(5, '0')}`,
    performerId: `perf-${(i * 7919) % 50000}`,
    uses: ['ai-training', 'genai-training'],
    territories: ['WORLD'],
    recordedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
  }),
);
const meanBytes = entries.reduce((s, e) => s + e.length, 0) / n;

let sink = 0;
let nodes = 0;
let root;
const [baselineMs, treeMs, storeMs] = bestMs([
  () => {
    for (const e of entries) sink ^= sha256(e)[0];
  },
  () => {
    const range = CompactRange.empty();
    nodes = 0;
    for (const e of entries) nodes += range.append(leafHash(e)).length;
    root = range.root();
  },
  // The same with the nodes kept in memory, as a store would receive them (still no database).
  () => {
    const range = CompactRange.empty();
    const store = new MemoryNodeStore();
    for (const e of entries) store.addAll(range.append(leafHash(e)));
  },
]);

console.log(
  JSON.stringify({
    bench: 'ledger-hash',
    entries: n,
    meanEntryBytes: round(meanBytes, 1),
    baseline: 'crypto.hash sha256 per canonical entry',
    baselineMs: round(baselineMs),
    treeMs: round(treeMs),
    treeWithMemoryStoreMs: round(storeMs),
    nodesEmitted: nodes,
    entriesPerSecond: Math.round(n / (treeMs / 1000)),
    ratio: round(baselineMs / treeMs),
    ratioWithMemoryStore: round(baselineMs / storeMs),
    target: '>= 0.5 once the store is added (this run measures the pure part)',
    root: Buffer.from(root).toString('hex').slice(0, 16),
    sink,
  }),
);
