/**
 * Rows into a PostgreSQL `COPY ... FROM STDIN` (text format) through pg-copy-streams, batched into large
 * writes, with backpressure: `drain()` resolves when the server has caught up.
 */
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';

export type CopyValue = string | number | null;

const SPECIAL = /[\\\n\r\t]/;
const BATCH = 256 * 1024;

/** COPY text-format escaping: backslash, newline, carriage return and tab are escaped; null is \N. */
export function copyField(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  if (!SPECIAL.test(v)) return v;
  return v.replace(/[\\\n\r\t]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t',
  );
}

export class CopyWriter {
  private buffer = '';
  private failure: Error | null = null;
  private readonly done: Promise<unknown>;

  private constructor(private readonly stream: CopyStreamQuery) {
    stream.on('error', (e: Error) => (this.failure ??= e));
    this.done = once(stream, 'finish');
    this.done.catch(() => undefined);
  }

  static start(client: pg.PoolClient, table: string, columns: readonly string[]): CopyWriter {
    return new CopyWriter(client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
  }

  row(values: readonly CopyValue[]): void {
    let line = '';
    for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : '\t') + copyField(values[i] as CopyValue);
    this.buffer += line + '\n';
    if (this.buffer.length >= BATCH) this.flush();
  }

  private flush(): void {
    if (this.buffer === '') return;
    this.stream.write(this.buffer);
    this.buffer = '';
  }

  /** A promise while the stream's buffer is full, else null. */
  drain(): Promise<void> | null {
    if (this.failure !== null) return Promise.reject(this.failure);
    return this.stream.writableNeedDrain ? once(this.stream, 'drain').then(() => undefined) : null;
  }

  /** Cuts the COPY short (the server gets CopyFail), so that the connection can roll back. */
  async abort(): Promise<void> {
    this.buffer = '';
    this.stream.destroy(new Error('import aborted'));
    await this.done.catch(() => undefined);
  }

  async end(): Promise<void> {
    this.flush();
    this.stream.end();
    await this.done;
    if (this.failure !== null) throw this.failure;
  }
}
