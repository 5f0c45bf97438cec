/**
 * Appends text to a file through a 1 MiB byte buffer, written out with one `write` per chunk: memory stays
 * constant whatever the file size, and awaiting the write lets the event loop run (progress bars, abort
 * signals) between chunks.
 *
 * Each `add` encodes its text into the buffer at once. Measured against concatenating a chunk's lines into one
 * string and encoding that, this halves the cost of writing: V8 then flattens a large rope of small, scattered
 * strings that have survived garbage collections, while per-record text is encoded while it is fresh.
 */
import { open, type FileHandle } from 'node:fs/promises';

export const CHUNK_BYTES = 1 << 20;

export class ChunkedWriter {
  private buf = Buffer.allocUnsafe(2 * CHUNK_BYTES);
  private used = 0;

  private constructor(
    private readonly fh: FileHandle,
    readonly path: string,
  ) {}

  /** Creates (or truncates) the file. */
  static async create(path: string): Promise<ChunkedWriter> {
    return new ChunkedWriter(await open(path, 'w'), path);
  }

  /** Buffers `text`; true when a chunk is ready and the caller should `await flush()`. */
  add(text: string): boolean {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    if (this.buf.length - this.used < 3 * text.length) this.grow(3 * text.length);
    this.used += this.buf.write(text, this.used, 'utf8');
    return this.used >= CHUNK_BYTES;
  }

  private grow(atLeast: number): void {
    const next = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.used + atLeast));
    this.buf.copy(next, 0, 0, this.used);
    this.buf = next;
  }

  async flush(): Promise<void> {
    const n = this.used;
    let off = 0;
    while (off < n) off += (await this.fh.write(this.buf, off, n - off)).bytesWritten;
    this.used = 0;
  }

  /** Writes what is left and closes the file. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.fh.close();
    }
  }

  /** Closes without writing what is left (after a failure). */
  async abandon(): Promise<void> {
    this.used = 0;
    await this.fh.close();
  }
}
