/**
 * Inclusion proof of a random entry through the store (one node query + proofFromPlan, what the
 * service does) in a 10M-entry log against a 10k-entry log, in the same run. Ratio = time per proof
 * in the large log / time per proof in the small one (goal <= 2: proofs cost O(log n) reads, not O(n)).
 *
 *   npm run build && node bench/ledger-proof.js
 *   BENCH_N (entries of the large log, 10,000,000) · BENCH_SMALL (10,000) · BENCH_PROOFS (per round, 2000)
 *   BENCH_ROUNDS (5)
 *
 * The logs are built directly, not through entries: deterministic small bodies, leaf hashes, and the
 * nodes CompactRange completes, bulk inserted with prepared statements in one transaction.
 * They are kept in bench/.work/ (about 150 bytes per entry) and reused by later runs of the same size.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { toConfig } from '../dist/config/config.js';
import { createContext } from '../dist/context.js';
import { CompactRange, inclusionProofPlan, leafHash, planNodeIds, proofFromPlan, verifyInclusion } from '../dist/ledger/index.js';
import { nodeGetter, nodeRowId } from '../dist/ledger/sql-nodes.js';
import { envInt, round, timed, WORK } from './lib/ledger-fixture.js';

const large = envInt('BENCH_N', 10_000_000);
const small = envInt('BENCH_SMALL', 10_000);
const proofs = envInt('BENCH_PROOFS', 2000);
const rounds = envInt('BENCH_ROUNDS', 5);

const open = (path) => createContext(toConfig({ databaseUrl: path, logLevel: 'silent' }));

/** Builds (or reuses) a log of `n` entries; returns its path and root. */
async function ensureLog(n) {
  const path = join(WORK, `proof-log-v3-${n}.db`);
  if (existsSync(path)) return path;
  const building = `${path}.building`;
  for (const s of ['', '-wal', '-shm']) rmSync(building + s, { force: true });
  const ctx = await open(building);
  const raw = ctx.db.raw;
  const ENTRY_ROWS = 500;
  const NODE_ROWS = 1000;
  const entrySql = (rows) => `INSERT INTO ledger_entries (idx, type, at, body, leaf_hash) VALUES ${Array(rows).fill('(?, ?, ?, ?, ?)').join(', ')}`;
  const nodeSql = (rows) => `INSERT INTO ledger_nodes (id, hash) VALUES ${Array(rows).fill('(?, ?)').join(', ')}`;
  const fullEntries = raw.prepare(entrySql(ENTRY_ROWS));
  const fullNodes = raw.prepare(nodeSql(NODE_ROWS));
  const range = CompactRange.empty();
  let e = [];
  let nodes = [];
  const flush = (force) => {
    if (e.length >= ENTRY_ROWS * 5 || (force && e.length > 0)) {
      (e.length === ENTRY_ROWS * 5 ? fullEntries : raw.prepare(entrySql(e.length / 5))).run(...e);
      e = [];
    }
    while (nodes.length >= NODE_ROWS * 2 || (force && nodes.length > 0)) {
      const part = nodes.splice(0, NODE_ROWS * 2);
      (part.length === NODE_ROWS * 2 ? fullNodes : raw.prepare(nodeSql(part.length / 2))).run(...part);
    }
  };
  raw.exec('BEGIN IMMEDIATE');
  const at = '2025-01-01T00:00:00.000Z';
  for (let i = 0; i < n; i++) {
    const body = `{"at":"${at}","data":{"i":${i}},"type":"bench.leaf"}`;
    const leaf = leafHash(Buffer.from(body));
    for (const node of range.append(leaf)) nodes.push(nodeRowId(node.level, node.index), Buffer.from(node.hash));
    e.push(i, 'bench.leaf', at, body, Buffer.from(leaf).toString('hex'));
    flush(false);
    if (i > 0 && i % 1_000_000 === 0) process.stderr.write(`  built ${i} of ${n}\n`);
  }
  flush(true);
  raw.prepare('UPDATE ledger_head SET size = ? WHERE id = 1').run(n);
  raw.exec('COMMIT');
  await ctx.close();
  for (const s of ['-wal', '-shm']) rmSync(building + s, { force: true });
  renameSync(building, path);
  return path;
}

const bigPath = await ensureLog(large);
const smallPath = await ensureLog(small);
const logs = [
  { name: 'large', n: large, ctx: await open(bigPath), cpu: 0, wall: 0 },
  { name: 'small', n: small, ctx: await open(smallPath), cpu: 0, wall: 0 },
];

async function proveRandom(log, count, check) {
  const store = log.ctx.stores.ledger;
  for (let k = 0; k < count; k++) {
    const index = Math.floor(Math.random() * log.n);
    const plan = inclusionProofPlan(index, log.n);
    const ids = check ? [...planNodeIds(plan), { level: 0, index }] : planNodeIds(plan);
    const get = nodeGetter(await store.nodes(ids));
    const proof = proofFromPlan(plan, get);
    if (check) {
      const root = (await store.checkpointAt(log.n))?.rootHash;
      if (root !== undefined && !verifyInclusion({ leafHash: get(0, index), index, treeSize: log.n, proof, root }).ok) throw new Error('bad proof');
    }
  }
}

for (const log of logs) {
  if (log.n !== (await log.ctx.stores.ledger.size())) throw new Error(`${log.name} log has the wrong size`);
  await proveRandom(log, Math.min(proofs, 500), true); // warm the page cache and check the proofs
}
for (let r = 0; r < rounds; r++) {
  for (const log of logs) {
    const t = await timed(() => proveRandom(log, proofs, false));
    log.cpu += t.cpu;
    log.wall += t.wall;
  }
}
for (const log of logs) await log.ctx.close();

const us = (log, key) => round((log[key] / (proofs * rounds)) * 1e6, 1);
const [big, little] = logs;
const ratio = big.cpu / little.cpu;
console.log(
  JSON.stringify({
    bench: 'ledger-proof',
    large,
    small,
    proofs: proofs * rounds,
    largeUsPerProof: us(big, 'cpu'),
    smallUsPerProof: us(little, 'cpu'),
    largeUsPerProofWall: us(big, 'wall'),
    smallUsPerProofWall: us(little, 'wall'),
    wallRatio: round(big.wall / little.wall),
    ratio: round(ratio),
    goal: '<= 2',
    pass: ratio <= 2,
  }),
);
