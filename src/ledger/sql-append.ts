/**
 * THE append path, one implementation for every writer: the Kysely store (services, inside their
 * transaction), the SQLite import (better-sqlite3 inside BEGIN IMMEDIATE) and the PostgreSQL import (a
 * pg client inside BEGIN). The caller owns the transaction, so the entries commit or vanish together
 * with the registry rows they describe.
 *
 * Writers are serialised by the head row: the first statement updates it (`UPDATE ... RETURNING`),
 * which takes SQLite's write lock and PostgreSQL's row lock until the transaction ends, so two
 * transactions can never take the same index. The right edge of the tree is then resumed from the
 * stored nodes of the compact range (at most one per level), never by rehashing the log.
 *
 * Rows written per entry: its body, the parents its leaf completes (one on average; the leaf itself is
 * not stored, sql-nodes.ts), and its topic row (block, key, index). Topic rows are held back and written in key order when the block or
 * the transaction's appends end: keys arrive in random order, and B-tree inserts in key order touch
 * each index page once instead of once per key (docs/ledger.md, "Storage").
 */
import { CompactRange } from './compact-range.js';
import type { LedgerEntry } from './entries.js';
import { encodeEntry } from './entry-codec.js';
import { LedgerError } from './errors.js';
import { rangeNodes } from './plan.js';
import { runAll, chain, type LedgerConn, type Statement } from './sql-conn.js';
import { nodeRowId } from './node-layout.js';
import { nodeGetter, selectNodes } from './sql-nodes.js';

/** Indices given to the appended entries: [first, size). */
export interface AppendResult {
  readonly first: number;
  readonly size: number;
}

const LOCK_HEAD = 'UPDATE ledger_head SET size = size WHERE id = 1 RETURNING size';
const SET_HEAD = 'UPDATE ledger_head SET size = ? WHERE id = 1';
const ENTRY_COLS = 2;
const NODE_COLS = 2;
const TOPIC_COLS = 3;
// Rows per multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters, and big
// enough that statement overhead vanishes against the row work.
const ENTRY_BATCH = 1000;
const NODE_BATCH = 1000;
const TOPIC_BATCH = 1000;
/** Entries per block of the topic index (`ledger_topics.block` = index / TOPIC_BLOCK; migration 008). */
export const TOPIC_BLOCK = 2 ** 16;

const insertSql = new Map<string, string>();
function multiInsert(head: string, cols: number, rows: number): string {
  const key = `${head}|${rows}`;
  let sql = insertSql.get(key);
  if (sql === undefined) {
    const tuple = `(${Array.from({ length: cols }, () => '?').join(', ')})`;
    sql = `${head} VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`;
    insertSql.set(key, sql);
  }
  return sql;
}
const ENTRY_INSERT = 'INSERT INTO ledger_entries (idx, body)';
const NODE_INSERT = 'INSERT INTO ledger_nodes (id, hash)';
const TOPIC_INSERT = 'INSERT INTO ledger_topics (block, topic_key, idx)';

/**
 * Appends entries in one open transaction. `add` encodes and hashes at once and returns a promise only
 * when it had to write a full batch on an asynchronous connection (await it before the next `add`);
 * `close` writes the rest and moves the head. Abandoning an appender without `close` leaves the head
 * where it was: roll the transaction back.
 *
 * @example
 * const appender = await LedgerAppender.open(pgConn(client)); // after BEGIN
 * for (const v of versions) await appender.add(mandateEntry(v));
 * const { first, size } = await appender.close();
 */
export class LedgerAppender {
  readonly #conn: LedgerConn;
  readonly #range: CompactRange;
  readonly #first: number;
  #entryParams: unknown[] = [];
  #nodeParams: unknown[] = [];
  // Topic rows of the current block, each packed as key * TOPIC_BLOCK + (index % TOPIC_BLOCK): exact in
  // a float64 for 32-bit keys, so a native numeric sort orders them by key, then index.
  #topics = new Float64Array(1024);
  #topicCount = 0;
  #closed = false;

  private constructor(conn: LedgerConn, range: CompactRange) {
    this.#conn = conn;
    this.#range = range;
    this.#first = range.size;
  }

  /** Locks the head for this transaction and resumes the tree's right edge from the stored nodes. */
  static async open(conn: LedgerConn): Promise<LedgerAppender> {
    const head = await conn.all<{ size: number | string }>(LOCK_HEAD, []);
    if (head.length !== 1) throw new LedgerError('LEDGER_STATE_CORRUPT', 'the log head row is missing: is the database migrated?');
    const size = Number(head[0]!.size);
    const ids = rangeNodes(0, size);
    const get = nodeGetter(await selectNodes(conn, ids));
    return new LedgerAppender(conn, CompactRange.fromFrontier({ size, hashes: ids.map((id) => get(id.level, id.index)) }));
  }

  /** Number of entries in the log counting those added so far. */
  get size(): number {
    return this.#range.size;
  }

  /** Encodes, hashes and buffers one entry; writes a batch when one is full. */
  add(entry: LedgerEntry): Promise<void> | null {
    if (this.#closed) throw new Error('LedgerAppender used after close()'); // a bug in the caller, not a log state
    const e = encodeEntry(entry);
    const index = this.#range.size;
    const nodes = this.#range.append(e.leafHash);
    this.#entryParams.push(index, e.body);
    // Every parent the leaf completes; the leaf itself (nodes[0]) is the hash of the body (sql-nodes.ts).
    for (let k = 1; k < nodes.length; k++) {
      const n = nodes[k]!;
      this.#nodeParams.push(nodeRowId(n.level, n.index), Buffer.from(n.hash.buffer, n.hash.byteOffset, n.hash.byteLength));
    }
    if (e.topicKey !== null) this.#holdTopic(e.topicKey, index);
    const blockEnds = (index + 1) % TOPIC_BLOCK === 0;
    if (blockEnds || this.#entryParams.length >= ENTRY_BATCH * ENTRY_COLS || this.#nodeParams.length >= NODE_BATCH * NODE_COLS) {
      const statements = this.#drain();
      if (blockEnds) statements.push(...this.#drainTopics(index));
      return runAll(this.#conn, statements);
    }
    return null;
  }

  /** Writes what is buffered and the new head. Returns the indices the entries took. */
  close(): Promise<AppendResult> | AppendResult {
    if (this.#closed) throw new Error('LedgerAppender used after close()'); // a bug in the caller, not a log state
    this.#closed = true;
    const result: AppendResult = { first: this.#first, size: this.#range.size };
    if (result.size === result.first) return result;
    const statements = [...this.#drain(), ...this.#drainTopics(result.size - 1), { sql: SET_HEAD, params: [result.size] }];
    return chain(runAll(this.#conn, statements), () => result);
  }

  #drain(): Statement[] {
    const out: Statement[] = [];
    const e = this.#entryParams;
    const n = this.#nodeParams;
    this.#entryParams = [];
    this.#nodeParams = [];
    for (let i = 0; i < e.length; i += ENTRY_BATCH * ENTRY_COLS) {
      const params = e.slice(i, i + ENTRY_BATCH * ENTRY_COLS);
      out.push({ sql: multiInsert(ENTRY_INSERT, ENTRY_COLS, params.length / ENTRY_COLS), params });
    }
    for (let i = 0; i < n.length; i += NODE_BATCH * NODE_COLS) {
      const params = n.slice(i, i + NODE_BATCH * NODE_COLS);
      out.push({ sql: multiInsert(NODE_INSERT, NODE_COLS, params.length / NODE_COLS), params });
    }
    return out;
  }

  #holdTopic(key: number, index: number): void {
    if (this.#topicCount === this.#topics.length) {
      const grown = new Float64Array(this.#topics.length * 2);
      grown.set(this.#topics);
      this.#topics = grown;
    }
    this.#topics[this.#topicCount++] = key * TOPIC_BLOCK + (index % TOPIC_BLOCK);
  }

  /** The held topic rows, in key order, as INSERTs; `last` is an index of their block. */
  #drainTopics(last: number): Statement[] {
    const held = this.#topics.subarray(0, this.#topicCount).sort();
    this.#topicCount = 0;
    const block = Math.floor(last / TOPIC_BLOCK);
    const base = block * TOPIC_BLOCK;
    const out: Statement[] = [];
    for (let i = 0; i < held.length; i += TOPIC_BATCH) {
      const params: number[] = [];
      for (const packed of held.subarray(i, i + TOPIC_BATCH)) {
        const key = Math.floor(packed / TOPIC_BLOCK);
        params.push(block, key, base + (packed - key * TOPIC_BLOCK));
      }
      out.push({ sql: multiInsert(TOPIC_INSERT, TOPIC_COLS, params.length / TOPIC_COLS), params });
    }
    return out;
  }
}

/**
 * Appends `entries` in order inside the caller's open transaction, in batched multi-row INSERTs.
 * Accepts arrays, generators and async iterables (an import can stream entries as it merges rows).
 *
 * @example
 * raw.exec('BEGIN IMMEDIATE');
 * const { first, size } = await appendEntries(sqliteConn(raw), versions.map(mandateEntry));
 * raw.exec('COMMIT');
 */
export async function appendEntries(conn: LedgerConn, entries: Iterable<LedgerEntry> | AsyncIterable<LedgerEntry>): Promise<AppendResult> {
  const appender = await LedgerAppender.open(conn);
  if (Symbol.asyncIterator in entries) {
    for await (const e of entries) {
      const p = appender.add(e);
      if (p !== null) await p;
    }
  } else {
    for (const e of entries) {
      const p = appender.add(e);
      if (p !== null) await p;
    }
  }
  return appender.close();
}
