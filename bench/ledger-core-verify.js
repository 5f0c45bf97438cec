// Proof verification rate vs bare SHA-256: verifying an inclusion proof of k nodes costs k node
// hashes plus the checks a hostile proof needs; the baseline makes the same number of bare SHA-256
// calls over 65-byte inputs (one interior node's worth). ratio = baseline time / verify time
// (target > 0.2). Also reports consistency proofs the same way.
// BENCH_TREE (default 100,000 leaves), BENCH_N (default 20,000 proofs of each kind).
import {
  CompactRange,
  MemoryNodeStore,
  consistencyProof,
  inclusionProof,
  leafHash,
  rootAt,
  verifyConsistency,
  verifyInclusion,
} from '../dist/ledger/index.js';
import { bestMs, envInt, prng, round, sha256 } from './ledger-bench-util.js';

const size = envInt('BENCH_TREE', 100_000);
const count = envInt('BENCH_N', 20_000);

const store = new MemoryNodeStore();
const range = CompactRange.empty();
const leaves = [];
for (let i = 0; i < size; i++) {
  const h = leafHash(new TextEncoder().encode(`entry ${i}`));
  leaves.push(h);
  store.addAll(range.append(h));
}
const root = range.root();
const rand = prng(42);

const inclusions = Array.from({ length: count }, () => {
  const index = rand(size);
  return {
    leafHash: leaves[index],
    index,
    treeSize: size,
    proof: inclusionProof(index, size, store.getNode),
    root,
  };
});
const roots = new Map();
const consistencies = Array.from({ length: count }, () => {
  const size1 = 1 + rand(size - 1);
  if (!roots.has(size1)) roots.set(size1, rootAt(size1, store.getNode));
  return {
    size1,
    size2: size,
    proof: consistencyProof(size1, size, store.getNode),
    root1: roots.get(size1),
    root2: root,
  };
});
// Exact hash calls each verification makes: one per inclusion proof node; for consistency, RFC 9162
// 2.1.4.2 hashes twice (both roots) or once (second root only) per node after the first, as this
// walk over (size1, size2) counts.
function consistencyCalls(size1, size2) {
  let fn = size1 - 1;
  let sn = size2 - 1;
  let calls = 0;
  while (fn % 2 === 1) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  while (sn > 0) {
    const both = fn % 2 === 1 || fn === sn;
    calls += both ? 2 : 1;
    if (both && fn % 2 === 0)
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return calls;
}
const inclusionHashes = inclusions.reduce((s, c) => s + c.proof.length, 0);
const consistencyHashes = consistencies.reduce((s, c) => s + consistencyCalls(c.size1, c.size2), 0);
const consistencyNodes = consistencies.reduce((s, c) => s + c.proof.length, 0);
const block = Buffer.alloc(65, 7);

let failures = 0;
let sink = 0;
const [inclusionMs, inclusionBaseMs, consistencyMs, consistencyBaseMs] = bestMs([
  () => {
    for (const c of inclusions) if (!verifyInclusion(c).ok) failures++;
  },
  () => {
    for (let i = 0; i < inclusionHashes; i++) sink += sha256(block)[0];
  },
  () => {
    for (const c of consistencies) if (!verifyConsistency(c).ok) failures++;
  },
  () => {
    for (let i = 0; i < consistencyHashes; i++) sink += sha256(block)[0];
  },
]);

console.log(
  JSON.stringify({
    bench: 'ledger-verify',
    treeSize: size,
    proofs: count,
    baseline: 'crypto.hash sha256 over 65 bytes, as many calls as the verifiers make',
    inclusion: {
      meanProofNodes: round(inclusionHashes / count, 2),
      verifyMs: round(inclusionMs),
      baselineMs: round(inclusionBaseMs),
      proofsPerSecond: Math.round(count / (inclusionMs / 1000)),
      ratio: round(inclusionBaseMs / inclusionMs),
    },
    consistency: {
      meanProofNodes: round(consistencyNodes / count, 2),
      meanHashCalls: round(consistencyHashes / count, 2),
      verifyMs: round(consistencyMs),
      baselineMs: round(consistencyBaseMs),
      proofsPerSecond: Math.round(count / (consistencyMs / 1000)),
      ratio: round(consistencyBaseMs / consistencyMs),
    },
    ratio: round(inclusionBaseMs / inclusionMs),
    target: '> 0.2',
    failures,
    sink,
  }),
);
if (failures > 0) process.exitCode = 1;
