// Dataset manifest, metadata matching (rows without an ISRC): `SnapshotMatcher` on the labelled variant set
// (src/demo/metadata-variants.ts: accents, case, "feat.", punctuation, remaster suffixes, typos, unknown
// songs), rows/s with precision and recall, beside a baseline in the same run: exact normalised keys only
// (a Map lookup), which is faster and misses every typo. Target: >= 200,000 rows/s on one thread.
// Size: BENCH_RECORDINGS registry recordings (default 20,000), BENCH_ROWS manifest rows (default 200,000,
// the variant set repeated). Run: npm run build && node bench/manifest-metadata.js
import { metadataVariants } from '../dist/demo/metadata-variants.js';
import { SnapshotMatcher } from '../dist/checker/manifest-match.js';
import { sortKeys } from '../dist/snapshot/format.js';
import { packIsrc, unpackIsrc } from '../dist/snapshot/isrc-pack.js';
import { metadataKey } from '../dist/snapshot/metadata-key.js';
import { envInt } from './lib/measure.js';

const recordings = envInt('BENCH_RECORDINGS', 20_000);
const rows = envInt('BENCH_ROWS', 200_000);
const { registry, variants } = metadataVariants('bench-v1', recordings);
const order = registry.map((r, i) => [packIsrc(r.isrc), i]).sort((a, b) => a[0] - b[0]);
const isrcs = Float64Array.from(order.map(([p]) => p));
const positionOf = new Map(order.map(([, i], pos) => [i, pos]));
const keys = sortKeys(
  registry.flatMap((r, i) => {
    const key = metadataKey(r.artist, r.title);
    return key === null ? [] : [{ key, index: positionOf.get(i) }];
  }),
);
const data = {
  isrcs,
  statuses: new Uint8Array(isrcs.length),
  keyCount: keys.length,
  keyAt: (i) => keys[i].key,
  keyIndex: Uint32Array.from(keys.map((k) => k.index)),
};
const manifest = Array.from({ length: rows }, (_, i) => ({ line: i + 2, ...variants[i % variants.length] }));

function score(got) {
  let right = 0;
  let wrong = 0;
  let missed = 0;
  got.forEach((isrc, i) => {
    const want = manifest[i].expect;
    if (isrc !== null && isrc === want) right++;
    else if (isrc !== null) wrong++;
    else if (want !== null) missed++;
  });
  return { precision: right / (right + wrong), recall: right / (right + missed) };
}

function ours() {
  const matcher = new SnapshotMatcher(data, { threshold: 0.85 });
  matcher.metadata(); // the index is built once per run, outside the timing (as loading the snapshot)
  const t0 = performance.now();
  const got = manifest.map((r) => matcher.match(r).isrc);
  return { seconds: (performance.now() - t0) / 1000, got };
}

function exactOnly() {
  const map = new Map(keys.map((k) => [k.key, k.index]));
  const t0 = performance.now();
  const got = manifest.map((r) => {
    const k = metadataKey(r.artist, r.title);
    const pos = k === null ? undefined : map.get(k);
    return pos === undefined ? null : unpackIsrc(isrcs[pos]);
  });
  return { seconds: (performance.now() - t0) / 1000, got };
}

ours(); // warm-up
const o = ours();
const b = exactOnly();
const os = score(o.got);
const bs = score(b.got);
const rps = rows / o.seconds;
console.log(`manifest metadata matching, ${rows} rows against ${recordings} recordings`);
console.log(
  `  ours (exact key, then Levenshtein within artist/title blocks): ${Math.round(rps).toLocaleString('en')} rows/s, precision ${os.precision.toFixed(4)}, recall ${os.recall.toFixed(4)}`,
);
console.log(
  `  exact normalised keys only:                                    ${Math.round(rows / b.seconds).toLocaleString('en')} rows/s, precision ${bs.precision.toFixed(4)}, recall ${bs.recall.toFixed(4)}`,
);
console.log(`  ratio to the 200,000 rows/s target: ${(rps / 200_000).toFixed(2)}x`);
console.log(
  JSON.stringify({
    bench: 'manifest-metadata',
    rows,
    recordings,
    rowsPerSecond: Math.round(rps),
    precision: os.precision,
    recall: os.recall,
    exactOnlyRowsPerSecond: Math.round(rows / b.seconds),
    exactOnlyRecall: bs.recall,
    ratioToTarget: Number((rps / 200_000).toFixed(3)),
  }),
);
