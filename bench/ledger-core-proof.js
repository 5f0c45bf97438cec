// Inclusion proofs for random leaves of a small and a large log, to show that serving a proof costs
// O(log n) node reads and hashes, not O(n).
// - small log (BENCH_SMALL, default 10,000 leaves): built for real with CompactRange into a
//   MemoryNodeStore; its proofs are also verified against the root.
// - both sizes through a synthetic node function that derives each stored node's hash from
//   (level, index) with one SHA-256, standing in for a store read: a real 10,000,000-leaf tree would
//   take 20M hashes and about 2 GB as separate arrays, too much for this benchmark. The synthetic
//   hashes do not form a valid tree (proofs do not verify) but the work per proof is the same.
// BENCH_LARGE (default 10,000,000) sets the large size, BENCH_N (default 20,000) the number of proofs.
// ratio = time per proof at the large size / at the small size (log2 ratio of the sizes given beside it).
import { hash } from 'node:crypto';
import {
  CompactRange,
  MemoryNodeStore,
  inclusionProof,
  inclusionProofPlan,
  leafHash,
  verifyInclusion,
} from '../dist/ledger/index.js';
import { bestMs, envInt, prng, round } from './ledger-bench-util.js';

const small = envInt('BENCH_SMALL', 10_000);
const large = envInt('BENCH_LARGE', 10_000_000);
const proofs = envInt('BENCH_N', 20_000);

// Real small tree.
const store = new MemoryNodeStore();
const range = CompactRange.empty();
const leaves = [];
for (let i = 0; i < small; i++) {
  const h = leafHash(new TextEncoder().encode(`entry ${i}`));
  leaves.push(h);
  store.addAll(range.append(h));
}
const root = range.root();

let reads = 0;
const key = Buffer.alloc(16);
function syntheticNode(level, index) {
  reads += 1;
  key.writeUInt32BE(level, 0);
  key.writeDoubleBE(index, 8);
  return hash('sha256', key, 'buffer');
}

function run(size, getNode) {
  const rand = prng(size);
  const indices = Array.from({ length: proofs }, () => rand(size));
  let nodes = 0;
  const [ms] = bestMs([
    () => {
      nodes = 0;
      for (const i of indices) nodes += inclusionProof(i, size, getNode).length;
    },
  ]);
  return { ms, nodes, indices };
}

const real = run(small, store.getNode);
// Every real proof must verify (checked once, outside the timing).
const bad = real.indices.filter(
  (i) =>
    !verifyInclusion({
      leafHash: leaves[i],
      index: i,
      treeSize: small,
      proof: inclusionProof(i, small, store.getNode),
      root,
    }).ok,
).length;
reads = 0;
const synthSmall = run(small, syntheticNode);
const readsSmall = reads / (proofs * envInt('BENCH_ROUNDS', 5));
reads = 0;
const synthLarge = run(large, syntheticNode);
const readsLarge = reads / (proofs * envInt('BENCH_ROUNDS', 5));
const usPer = (r) => round((r.ms * 1000) / proofs, 2);

console.log(
  JSON.stringify({
    bench: 'ledger-proof',
    proofs,
    small: {
      size: small,
      memoryStoreUsPerProof: usPer(real),
      syntheticUsPerProof: usPer(synthSmall),
      meanProofNodes: round(real.nodes / proofs, 2),
      nodeReadsPerProof: round(readsSmall, 2),
      proofsThatFailedToVerify: bad,
    },
    large: {
      size: large,
      syntheticUsPerProof: usPer(synthLarge),
      meanProofNodes: round(synthLarge.nodes / proofs, 2),
      nodeReadsPerProof: round(readsLarge, 2),
      lastLeafProofNodes: inclusionProofPlan(large - 1, large).steps.length,
    },
    ratio: round(synthLarge.ms / synthSmall.ms),
    log2SizeRatio: round(Math.log2(large) / Math.log2(small)),
    linearSizeRatio: round(large / small),
    note: 'large size uses a synthetic node function (one SHA-256 per node read), not a stored tree',
  }),
);
if (bad > 0) process.exitCode = 1;
