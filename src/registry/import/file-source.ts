/** Reads a file as byte chunks, counting bytes for progress and honouring an abort signal. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileError, ImportError } from './errors.js';

/** Chunk size: large enough that per-chunk work (progress, backpressure checks) is negligible. */
const CHUNK = 1 << 20;

export async function fileSize(path: string): Promise<number> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw fileError('IMPORT_BAD_FILE', path, null, 'not a file');
    return s.size;
  } catch (cause) {
    if (cause instanceof ImportError) throw cause;
    throw fileError('IMPORT_BAD_FILE', path, null, `cannot read (${(cause as Error).message})`, { cause });
  }
}

/** Calls `onChunk` for each chunk in order, awaiting it when it returns a promise (backpressure). */
export async function readChunks(
  path: string,
  onChunk: (chunk: Buffer) => void | Promise<void>,
  options: { signal?: AbortSignal | undefined; onBytes?: ((n: number) => void) | undefined } = {},
): Promise<void> {
  const stream = createReadStream(path, { highWaterMark: CHUNK });
  const chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (cause) {
        throw fileError('IMPORT_BAD_FILE', path, null, `cannot read (${(cause as Error).message})`, {
          cause,
        });
      }
      if (next.done === true) return;
      if (options.signal?.aborted)
        throw new ImportError('IMPORT_ABORTED', 'import aborted', { cause: options.signal.reason });
      const pending = onChunk(next.value);
      if (pending !== undefined) await pending;
      options.onBytes?.(next.value.length);
    }
  } finally {
    stream.destroy();
  }
}

/** The first non-blank character of a file (after a BOM): `<` means XML. */
export async function sniff(path: string): Promise<string> {
  const stream = createReadStream(path, { start: 0, end: 4095 });
  let head = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) head += chunk.toString('utf8');
  return head
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 1);
}
