import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHUNK_BYTES, ChunkedWriter } from './chunked-writer.js';

const dir = await mkdtemp(join(tmpdir(), 'tdmr-writer-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('ChunkedWriter', () => {
  it('writes every piece in order, in UTF-8, across chunk boundaries and larger-than-buffer pieces', async () => {
    const path = join(dir, 'a.csv');
    const w = await ChunkedWriter.create(path);
    // Multi-byte characters (2, 3 and 4 bytes in UTF-8) and, once, a piece larger than the whole buffer.
    const pieces = ['Hélène,"a ""b"""\n', '€𝄞 ', 'Œ\n'];
    let expected = '';
    let signalled = 0;
    for (let i = 0; i < 60_000; i++) {
      const p = i === 1000 ? 'x'.repeat(3 * CHUNK_BYTES) : (pieces[i % pieces.length] as string);
      expected += p;
      if (w.add(p)) {
        signalled++;
        await w.flush();
      }
    }
    await w.close();
    expect(signalled).toBeGreaterThan(0);
    expect(await readFile(path, 'utf8')).toBe(expected);
  });

  it('signals a full chunk only once a megabyte is buffered', async () => {
    const w = await ChunkedWriter.create(join(dir, 'b.csv'));
    expect(w.add('x'.repeat(CHUNK_BYTES - 1))).toBe(false);
    expect(w.add('é')).toBe(true);
    await w.close();
    expect((await readFile(join(dir, 'b.csv'))).length).toBe(CHUNK_BYTES + 1);
  });

  it('drops what is buffered when abandoned', async () => {
    const w = await ChunkedWriter.create(join(dir, 'c.csv'));
    w.add('lost');
    await w.abandon();
    expect(await readFile(join(dir, 'c.csv'), 'utf8')).toBe('');
  });
});
