/**
 * Inclusion proof of a random entry in a 10M-entry log against a 10k-entry log, in the same run.
 * Ratio = time per proof in the large log / time per proof in the small one (goal <= 2: a proof costs
 * O(log n) node reads and hashes, not O(n)). Measured at two depths, both on CPU time:
 * - `ratio`: the service call a client's request makes (LedgerService.inclusionProof with an explicit
 *   tree size: size and checkpoint lookups, one node query through the store, proof and root folding);
 * - `storeRatio`: the node query and the fold alone (store.nodes + proofFromPlan), where nothing but
 *   the O(log n) part is left.
 *
 *   npm run build && node bench/ledger-proof.js
 *   BENCH_N (entries of the large log, 10,000,000) · BENCH_SMALL (10,000) · BENCH_PROOFS (per round, 2000)
 *   BENCH_ROUNDS (5) · BENCH_MMAP (bytes of SQLite mmap_size to try, default off)
 *
 * The logs are built directly, not through entries: deterministic small bodies and the nodes above
 * the leaves that CompactRange completes, bulk inserted with prepared statements in one transaction, then one
 * signed checkpoint. They are kept in bench/.work/ (about 300 bytes per entry) and reused by later runs.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { toConfig } from '../dist/config/config.js';
import { createContext } from '../dist/context.js';
import { CompactRange, inclusionProofPlan, leafHash, planNodeIds, proofFromPlan, verifyInclusion } from '../dist/ledger/index.js';
import { nodeRowId } from '../dist/ledger/node-layout.js';
import { nodeGetter } from '../dist/ledger/sql-nodes.js';
import { ensureSignerKeyFile } from '../dist/ledger/key-file.js';
import { envInt, round, timed, WORK } from './lib/ledger-fixture.js';

const large = envInt('BENCH_N', 10_000_000);
const small = envInt('BENCH_SMALL', 10_000);
const proofs = envInt('BENCH_PROOFS', 2000);
const rounds = envInt('BENCH_ROUNDS', 5);

const keyFile = join(WORK, 'proof-signer.key');
const open = async (path) => {
  const ctx = await createContext(toConfig({ databaseUrl: path, logLevel: 'silent', logKeyFile: keyFile, logOrigin: 'bench.tdm-reserve.local/log' }));
  if (process.env.BENCH_MMAP) ctx.db.raw.pragma(`mmap_size = ${process.env.BENCH_MMAP}`);
  return ctx;
};

/** Builds (or reuses) a log of `n` entries; returns its path and root. */
async function ensureLog(n) {
  ensureSignerKeyFile(keyFile, 'bench.tdm-reserve.local/log');
  const path = join(WORK, `proof-log-v7-${n}.db`);
  if (existsSync(path)) return path;
  const building = `${path}.building`;
  for (const s of ['', '-wal', '-shm']) rmSync(building + s, { force: true });
  const ctx = await open(building);
  const raw = ctx.db.raw;
  const ENTRY_ROWS = 500;
  const NODE_ROWS = 1000;
  const entrySql = (rows) => `INSERT INTO ledger_entries (idx, body) VALUES ${Array(rows).fill('(?, ?)').join(', ')}`;
  const nodeSql = (rows) => `INSERT INTO ledger_nodes (id, hash) VALUES ${Array(rows).fill('(?, ?)').join(', ')}`;
  const fullEntries = raw.prepare(entrySql(ENTRY_ROWS));
  const fullNodes = raw.prepare(nodeSql(NODE_ROWS));
  const range = CompactRange.empty();
  let e = [];
  let nodes = [];
  const flush = (force) => {
    if (e.length >= ENTRY_ROWS * 2 || (force && e.length > 0)) {
      (e.length === ENTRY_ROWS * 2 ? fullEntries : raw.prepare(entrySql(e.length / 2))).run(...e);
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
    // The nodes above the leaf, as the appender stores them (leaves are not stored).
    for (const node of range.append(leaf)) if (node.level > 0) nodes.push(nodeRowId(node.level, node.index), Buffer.from(node.hash));
    e.push(i, body);
    flush(false);
    if (i > 0 && i % 1_000_000 === 0) process.stderr.write(`  built ${i} of ${n}\n`);
  }
  flush(true);
  raw.prepare('UPDATE ledger_head SET size = ? WHERE id = 1').run(n);
  raw.exec('COMMIT');
  await ctx.services.ledger.checkpoint();
  await ctx.close();
  for (const s of ['-wal', '-shm']) rmSync(building + s, { force: true });
  renameSync(building, path);
  return path;
}

const bigPath = await ensureLog(large);
const smallPath = await ensureLog(small);
const logs = [
  { name: 'large', n: large, ctx: await open(bigPath), service: { cpu: 0, wall: 0 }, store: { cpu: 0, wall: 0 } },
  { name: 'small', n: small, ctx: await open(smallPath), service: { cpu: 0, wall: 0 }, store: { cpu: 0, wall: 0 } },
];

/** The node query and fold alone. */
async function storeProofs(log, count) {
  const store = log.ctx.stores.ledger;
  for (let k = 0; k < count; k++) {
    const plan = inclusionProofPlan(Math.floor(Math.random() * log.n), log.n);
    proofFromPlan(plan, nodeGetter(await store.nodes(planNodeIds(plan))));
  }
}

/** What a client's request costs (minus HTTP). */
async function serviceProofs(log, count, check = false) {
  const ledger = log.ctx.services.ledger;
  const root = check ? (await log.ctx.stores.ledger.checkpointAt(log.n)).rootHash : null;
  for (let k = 0; k < count; k++) {
    const index = Math.floor(Math.random() * log.n);
    const p = await ledger.inclusionProof({ index, size: log.n });
    if (check) {
      const unb64 = (s) => new Uint8Array(Buffer.from(s, 'base64'));
      const ok = verifyInclusion({ leafHash: unb64(p.leafHash), index, treeSize: log.n, proof: p.proof.map(unb64), root });
      if (!ok.ok || p.checkpoint === null) throw new Error(`bad proof for ${index}: ${JSON.stringify(ok)}`);
    }
  }
}

for (const log of logs) {
  if (log.n !== (await log.ctx.stores.ledger.size())) throw new Error(`${log.name} log has the wrong size`);
  await serviceProofs(log, Math.min(proofs, 500), true); // warm the caches and check the proofs
}
const add = (acc, t) => {
  acc.cpu += t.cpu;
  acc.wall += t.wall;
};
for (let r = 0; r < rounds; r++) {
  for (const log of logs) {
    add(log.service, await timed(() => serviceProofs(log, proofs)));
    add(log.store, await timed(() => storeProofs(log, proofs)));
  }
}
for (const log of logs) await log.ctx.close();

const us = (t) => round((t / (proofs * rounds)) * 1e6, 1);
const [big, little] = logs;
const ratio = big.service.cpu / little.service.cpu;
console.log(
  JSON.stringify({
    bench: 'ledger-proof',
    large,
    small,
    proofs: proofs * rounds,
    largeUsPerProof: us(big.service.cpu),
    smallUsPerProof: us(little.service.cpu),
    largeUsPerStoreFold: us(big.store.cpu),
    smallUsPerStoreFold: us(little.store.cpu),
    storeRatio: round(big.store.cpu / little.store.cpu),
    wallRatio: round(big.service.wall / little.service.wall),
    ratio: round(ratio),
    goal: '<= 2',
    pass: ratio <= 2,
  }),
);
