/**
 * The log store on Kysely, for SQLite and PostgreSQL alike. Appends go through the one SQL append path
 * (`sql-append.ts`) run on the Kysely connection, so a service's transaction and an import's raw
 * driver transaction write exactly the same rows.
 */
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { chunks } from '../db/bulk.js';
import { isPostgres } from '../db/dialect.js';
import type { DB, LedgerCheckpointRow } from '../db/schema.js';
import { entryTopic, type LedgerEntry } from './entries.js';
import { topicKey } from './entry-codec.js';
import { cacheLevelFor, MAX_NODES, NodeCache } from './node-cache.js';
import type { NodeId } from './plan.js';
import { appendEntries, TOPIC_BLOCK, type AppendResult } from './sql-append.js';
import { toDollarPlaceholders, type LedgerConn } from './sql-conn.js';
import { nodeRowId } from './node-layout.js';
import { hashFromBytes, hashFromHex, selectNodes, toHex, type NodeHashes } from './sql-nodes.js';
import { leafHash } from './hash.js';
import type { LedgerStore, NodeRange, StoredBody, StoredCheckpoint, StoredEntry } from './store.js';

type Db = Kysely<DB> | Transaction<DB>;
const CHUNK = 500;

/** A `LedgerConn` over a Kysely instance or transaction (placeholders translated for PostgreSQL). */
export function kyselyConn(db: Db): LedgerConn {
  const pg = isPostgres(db);
  const compile = (sql: string, params: readonly unknown[]) => CompiledQuery.raw(pg ? toDollarPlaceholders(sql) : sql, [...params]);
  return {
    async run(sql, params) {
      await db.executeQuery(compile(sql, params));
    },
    async all<R>(sql: string, params: readonly unknown[]): Promise<R[]> {
      return [...(await db.executeQuery<R>(compile(sql, params))).rows];
    },
  };
}

/**
 * Appends log entries in the caller's transaction: THE call a service makes beside its registry
 * writes, so that the change and its entry commit together. Given a plain Kysely instance it opens a
 * transaction of its own.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await new KyselyRegistryStore(trx, dialect).appendMandateVersion(v);
 *   await appendLedgerEntries(trx, [mandateEntry(v)]);
 * });
 */
export function appendLedgerEntries(db: Db, entries: Iterable<LedgerEntry> | AsyncIterable<LedgerEntry>): Promise<AppendResult> {
  if (db.isTransaction) return appendEntries(kyselyConn(db), entries);
  return db.transaction().execute((trx) => appendEntries(kyselyConn(trx), entries));
}

/** An entry row: its leaf is the hash of its body (leaves are not stored, sql-nodes.ts). */
interface EntrySelection {
  idx: number | string;
  body: string;
}

/** Entries (`ledger_entries as e`), for the caller to narrow. */
function entryRows(db: Db) {
  return db.selectFrom('ledger_entries as e').select(['e.idx', 'e.body']);
}

function entryFromRow(r: EntrySelection): StoredEntry {
  return { index: Number(r.idx), body: r.body, leafHash: leafHash(Buffer.from(r.body, 'utf8')) };
}

/** The topic of a stored body, or null when the body is not an entry (the audit reports those). */
function topicOfBody(body: string): string | null {
  try {
    return entryTopic(JSON.parse(body) as LedgerEntry);
  } catch {
    return null;
  }
}

function checkpointFromRow(r: LedgerCheckpointRow): StoredCheckpoint {
  return { size: Number(r.size), rootHash: hashFromHex(r.root_hash), note: r.note, createdAt: r.created_at };
}

export class KyselyLedgerStore implements LedgerStore {
  // Upper tree levels, for the store that reads committed data only (not one made from a transaction,
  // whose nodes would vanish on rollback).
  readonly #cache: NodeCache | null;
  #preload: Promise<void> | null = null;

  constructor(private readonly db: Db) {
    this.#cache = db.isTransaction ? null : new NodeCache();
  }

  /** The same store writing inside `trx`. */
  withTransaction(trx: Transaction<DB>): KyselyLedgerStore {
    return new KyselyLedgerStore(trx);
  }

  append(entries: Iterable<LedgerEntry> | AsyncIterable<LedgerEntry>): Promise<AppendResult> {
    return appendLedgerEntries(this.db, entries);
  }

  async size(): Promise<number> {
    const r = await this.db.selectFrom('ledger_head').select('size').where('id', '=', 1).executeTakeFirst();
    return r === undefined ? 0 : Number(r.size);
  }

  async nodes(ids: readonly NodeId[]): Promise<NodeHashes> {
    const cache = this.#cache;
    if (cache === null) return selectNodes(kyselyConn(this.db), ids);
    await (this.#preload ??= this.#loadUpperLevels(cache));
    const found: NodeHashes = new Map();
    const missing = cache.lookup(ids, found);
    if (missing.length === 0) return found;
    const read = await selectNodes(kyselyConn(this.db), missing);
    cache.keep(read);
    for (const [k, h] of read) found.set(k, h);
    return found;
  }

  /** All stored nodes of the levels the cache keeps: one range of keys, since keys are level-major. */
  async #loadUpperLevels(cache: NodeCache): Promise<void> {
    cache.reset(cacheLevelFor(await this.size()));
    const rows = await this.db.selectFrom('ledger_nodes').select(['id', 'hash']).where('id', '>=', cache.minKey).limit(MAX_NODES).execute();
    cache.keep(new Map(rows.map((r) => [Number(r.id), hashFromBytes(r.hash)])));
  }

  async entries(start: number, end: number): Promise<StoredEntry[]> {
    if (end <= start) return [];
    const rows = await entryRows(this.db).where('e.idx', '>=', start).where('e.idx', '<', end).orderBy('e.idx').execute();
    return rows.map(entryFromRow);
  }

  async bodiesFrom(start: number, limit: number): Promise<StoredBody[]> {
    const rows = await this.db.selectFrom('ledger_entries').select(['idx', 'body']).where('idx', '>=', start).orderBy('idx').limit(limit).execute();
    return rows.map((r) => ({ index: Number(r.idx), body: r.body }));
  }

  async entriesAt(indices: readonly number[]): Promise<StoredEntry[]> {
    const out: StoredEntry[] = [];
    for (const part of chunks([...new Set(indices)], CHUNK)) {
      const rows = await entryRows(this.db).where('e.idx', 'in', part).execute();
      for (const r of rows) out.push(entryFromRow(r));
    }
    return out.sort((a, b) => a.index - b.index);
  }

  async entriesAbout(topics: readonly string[], end: number): Promise<StoredEntry[]> {
    const rows: EntrySelection[] = [];
    if (end <= 0) return [];
    // Every block up to `end`, listed: with the block a list too, the index is sought at each
    // (block, key) pair instead of scanned from the first block on.
    const blocks = Array.from({ length: Math.floor((end - 1) / TOPIC_BLOCK) + 1 }, (_, b) => b);
    for (const part of chunks([...new Set(topics)], Math.max(1, Math.floor(CHUNK / blocks.length)))) {
      const found = await this.db
        .selectFrom('ledger_topics as t')
        .innerJoin('ledger_entries as e', 'e.idx', 't.idx')
        .select(['e.idx', 'e.body'])
        .where('t.block', 'in', blocks)
        .where('t.topic_key', 'in', part.map(topicKey))
        .where('t.idx', '<', end)
        .execute();
      // The key is a hash: keep only entries whose own topic is one asked for.
      const wanted = new Set(part);
      for (const r of found) {
        const topic = topicOfBody(r.body);
        if (topic !== null && wanted.has(topic)) rows.push(r);
      }
    }
    return rows.map(entryFromRow).sort((a, b) => a.index - b.index);
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | null> {
    const r = await this.db.selectFrom('ledger_checkpoints').selectAll().orderBy('size', 'desc').limit(1).executeTakeFirst();
    return r === undefined ? null : checkpointFromRow(r);
  }

  async checkpointAt(size: number): Promise<StoredCheckpoint | null> {
    const r = await this.db.selectFrom('ledger_checkpoints').selectAll().where('size', '=', size).executeTakeFirst();
    return r === undefined ? null : checkpointFromRow(r);
  }

  async checkpoints(after: number, limit: number): Promise<StoredCheckpoint[]> {
    const rows = await this.db.selectFrom('ledger_checkpoints').selectAll().where('size', '>', after).orderBy('size').limit(limit).execute();
    return rows.map(checkpointFromRow);
  }

  async saveCheckpoint(cp: StoredCheckpoint): Promise<StoredCheckpoint> {
    // Two signers racing for one size: the first row wins and both answer with it.
    await this.db
      .insertInto('ledger_checkpoints')
      .values({ size: cp.size, root_hash: toHex(cp.rootHash), note: cp.note, created_at: cp.createdAt })
      .onConflict((oc) => oc.column('size').doNothing())
      .execute();
    return (await this.checkpointAt(cp.size)) ?? cp;
  }

  async nodesInRanges(ranges: readonly NodeRange[]): Promise<Map<number, Uint8Array>> {
    const out = new Map<number, Uint8Array>();
    if (ranges.length === 0) return out;
    // A level's nodes are not contiguous inside tiles: read the key spans, merged. Whatever else lies
    // inside them comes too; callers look up the keys they want.
    const spans = ranges.map((r) => [nodeRowId(r.level, r.from), nodeRowId(r.level, r.to)] as [number, number]).sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const s of spans) {
      const last = merged[merged.length - 1];
      if (last !== undefined && s[0] <= last[1] + 1) last[1] = Math.max(last[1], s[1]);
      else merged.push([s[0], s[1]]);
    }
    const rows = await this.db
      .selectFrom('ledger_nodes')
      .select(['id', 'hash'])
      .where((eb) => eb.or(merged.map(([lo, hi]) => eb.between('id', lo, hi))))
      .execute();
    for (const r of rows) out.set(Number(r.id), r.hash);
    return out;
  }

  async countNodes(): Promise<number> {
    const r = await this.db.selectFrom('ledger_nodes').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
