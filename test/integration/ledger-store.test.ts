/** The log store and service on SQLite and (with TEST_DATABASE_URL) PostgreSQL: the same cases on both. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompactRange } from '../../src/ledger/compact-range.js';
import { canonicalJson } from '../../src/ledger/canonical-json.js';
import type { LedgerEntry } from '../../src/ledger/entries.js';
import { emptyRoot, leafHash } from '../../src/ledger/hash.js';
import { MemoryNodeStore } from '../../src/ledger/memory-node-store.js';
import { nodeRowId } from '../../src/ledger/node-layout.js';
import { parseVerifierKey } from '../../src/ledger/note-keys.js';
import { consistencyProof, inclusionProof } from '../../src/ledger/proof.js';
import { verifyCheckpoint } from '../../src/ledger/checkpoint.js';
import { appendLedgerEntries } from '../../src/ledger/store-kysely.js';
import { verifyConsistency, verifyInclusion } from '../../src/ledger/verify.js';
import { DIALECTS } from '../support/db.js';
import { ledgerContext, ORIGIN, type LedgerTestContext } from '../support/ledger.js';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const unb64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

function entry(i: number): LedgerEntry {
  return { type: 'test.event', at: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(), data: { id: `e${i}`, n: i, text: 'é"\\\u2028' } };
}

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`ledger store on ${dialect.name}`, () => {
    let t: LedgerTestContext;
    // The reference: the same leaves in memory.
    const reference = new MemoryNodeStore();
    const range = CompactRange.empty();
    const expectAppended = (entries: LedgerEntry[]) => {
      for (const e of entries) reference.addAll(range.append(leafHash(Buffer.from(canonicalJson({ type: e.type, at: e.at, data: e.data })))));
    };

    beforeAll(async () => {
      t = await ledgerContext(dialect.make);
    });
    afterAll(async () => t?.dispose());

    it('signs a checkpoint of the empty log', async () => {
      const cp = await t.ctx.services.ledger.currentCheckpoint();
      expect(cp.size).toBe(0);
      expect(cp.rootHash).toEqual(emptyRoot());
      expect(verifyCheckpoint(cp.note, [parseVerifierKey(t.verifierKey)]).ok).toBe(true);
    });

    it('appends in batches across calls, resuming the tree from stored nodes', async () => {
      const store = t.ctx.stores.ledger;
      expect(await store.size()).toBe(0);
      let next = 0;
      for (const n of [1, 2, 5, 1, 600, 3, 1100, 7]) {
        const batch = Array.from({ length: n }, (_, k) => entry(next + k));
        const r = await store.append(batch);
        expect(r).toEqual({ first: next, size: next + n });
        expectAppended(batch);
        next += n;
      }
      expect(await store.size()).toBe(next);
      const rows = await store.entries(0, 3);
      expect(rows.map((r) => r.index)).toEqual([0, 1, 2]);
      expect(rows[1]!.body).toBe(canonicalJson({ type: 'test.event', at: entry(1).at, data: entry(1).data }));
      expect(rows[1]!.leafHash).toEqual(reference.getNode(0, 1));
    });

    it('serves inclusion and consistency proofs equal to the in-memory reference', async () => {
      const store = t.ctx.stores.ledger;
      const size = range.size;
      for (const [index, treeSize] of [[0, 1], [0, size], [size - 1, size], [617, 1000], [1234, size], [5, 6]] as const) {
        const svc = await t.ctx.services.ledger.inclusionProof({ index, size: treeSize });
        const want = inclusionProof(index, treeSize, reference.getNode).map(b64);
        expect(svc.proof).toEqual(want);
        const root = unb64(svc.rootHash);
        expect(verifyInclusion({ leafHash: reference.getNode(0, index), index, treeSize, proof: svc.proof.map(unb64), root })).toEqual({ ok: true });
      }
      for (const [from, to] of [[1, size], [617, 1000], [size, size], [1024, size], [3, 4]] as const) {
        const c = await t.ctx.services.ledger.consistencyProof(from, to);
        expect(c.proof).toEqual(consistencyProof(from, to, reference.getNode).map(b64));
        expect(verifyConsistency({ size1: from, size2: to, proof: c.proof.map(unb64), root1: unb64(c.fromRoot), root2: unb64(c.toRoot) })).toEqual({ ok: true });
      }
      expect(b64((await store.nodes([{ level: 10, index: 0 }])).get(nodeRowId(10, 0))!)).toBe(b64(reference.getNode(10, 0)));
    });

    it('proves against the latest checkpoint by default, and refuses sizes beyond the log', async () => {
      const svc = t.ctx.services.ledger;
      const p = await svc.inclusionProof({ index: 42 });
      expect(p.treeSize).toBe(range.size);
      expect(p.checkpoint).not.toBeNull();
      await expect(svc.inclusionProof({ index: 5, size: range.size + 1 })).rejects.toMatchObject({ code: 'LEDGER_RANGE_INVALID' });
      await expect(svc.inclusionProof({ index: 5, size: 5 })).rejects.toMatchObject({ code: 'LEDGER_RANGE_INVALID' });
      await expect(svc.consistencyProof(0, 5)).rejects.toMatchObject({ code: 'LEDGER_RANGE_INVALID' });
      await expect(svc.entries(range.size + 1)).rejects.toMatchObject({ code: 'LEDGER_RANGE_INVALID' });
      const page = await svc.entries(10, 5000);
      expect(page.entries).toHaveLength(1000);
      expect(page.end).toBe(1010);
    });

    it('signs checkpoints of the whole log that verify with the published key', async () => {
      const svc = t.ctx.services.ledger;
      const cp = await svc.checkpoint();
      expect(cp.size).toBe(range.size);
      expect(cp.rootHash).toEqual(range.root());
      const check = verifyCheckpoint(cp.note, [parseVerifierKey(svc.verifierKey())], { origin: ORIGIN });
      expect(check.ok && check.checkpoint.size).toBe(range.size);
      // Nothing new: the same checkpoint, not a second one.
      expect((await svc.checkpoint()).note).toBe(cp.note);
      // A proof asked beyond the latest checkpoint signs a new one covering it.
      const more = [entry(range.size), entry(range.size + 1)];
      await t.ctx.stores.ledger.append(more);
      expectAppended(more);
      const p = await svc.inclusionProof({ index: range.size - 1 });
      expect(p.treeSize).toBe(range.size);
      expect((await t.ctx.stores.ledger.latestCheckpoint())!.size).toBe(range.size);
    });

    it('rolls entries back with the transaction they were appended in', async () => {
      const before = await t.ctx.stores.ledger.size();
      await expect(
        t.ctx.db.kysely.transaction().execute(async (trx) => {
          await appendLedgerEntries(trx, [entry(9999)]);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await t.ctx.stores.ledger.size()).toBe(before);
      await expect(t.ctx.stores.ledger.append([{ type: 'Bad Type', at: entry(0).at, data: null }])).rejects.toMatchObject({ code: 'LEDGER_ENTRY_INVALID' });
      await expect(t.ctx.stores.ledger.append([{ type: 'a.b', at: '2025-01-01', data: null }])).rejects.toMatchObject({ code: 'LEDGER_ENTRY_INVALID' });
      expect(await t.ctx.stores.ledger.size()).toBe(before);
    });

    it('serialises concurrent appenders: no index taken twice, the tree stays whole', async () => {
      const before = await t.ctx.stores.ledger.size();
      const batches = Array.from({ length: 8 }, (_, b) => Array.from({ length: 20 }, (_, k) => entry(50_000 + b * 100 + k)));
      const results = await Promise.all(batches.map((batch) => t.ctx.stores.ledger.append(batch)));
      const taken = results.flatMap((r) => Array.from({ length: r.size - r.first }, (_, k) => r.first + k)).sort((a, b) => a - b);
      expect(taken).toEqual(Array.from({ length: 160 }, (_, k) => before + k));
      const report = await t.ctx.services.ledger.audit();
      expect(report.first).toBeNull();
      expect(report.entries).toBe(before + 160);
    });

    it('refuses to update or delete log rows', async () => {
      const kysely = t.ctx.db.kysely;
      await expect(kysely.updateTable('ledger_entries').set({ body: '{}' }).where('idx', '=', 0).execute()).rejects.toThrow(/append-only/);
      await expect(kysely.deleteFrom('ledger_nodes').where('id', '>', 0).execute()).rejects.toThrow(/append-only/);
    });
  });
}
