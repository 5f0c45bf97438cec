import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecords } from './csv-records.js';
import { csvLine } from './report.js';

interface Parsed {
  records: [string[], number][];
  bad: [number, string][];
}

/** Parses `input` fed in pieces cut at `cuts` (byte offsets). */
async function parse(input: Buffer, cuts: number[] = []): Promise<Parsed> {
  const out: Parsed = { records: [], bad: [] };
  const r = new CsvRecords({
    record: (f, line) => out.records.push([f, line]),
    bad: (line, reason) => out.bad.push([line, reason]),
  });
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= from || cut >= input.length) continue;
    r.write(input.subarray(from, cut));
    from = cut;
  }
  r.write(input.subarray(from));
  await r.end();
  return out;
}

describe('CSV records with their lines', () => {
  it('gives each record the line it starts on, whatever the line ends, BOM and multi-line fields', async () => {
    const input = Buffer.from('\ufeffa,b\r\n1,2\r\n\r\n"x\r\ny",3\r\n\n4,"p\nq\nr"\n5,6', 'utf8');
    const { records, bad } = await parse(input);
    expect(bad).toEqual([]);
    expect(records).toEqual([
      [['a', 'b'], 1],
      [['1', '2'], 2],
      [['x\r\ny', '3'], 4],
      [['4', 'p\nq\nr'], 7],
      [['5', '6'], 10],
    ]);
  });

  it('reports unreadable records on the line after the last good one, and goes on where it can', async () => {
    const { records, bad } = await parse(Buffer.from('a,b\n1,2\n3,x"y\n5,6\n'));
    expect(records.map(([, l]) => l)).toEqual([1, 2, 4]);
    expect(bad).toEqual([[3, expect.stringContaining('Invalid Opening Quote')]]);
  });

  it('never throws on arbitrary bytes: what it cannot read comes back as bad records', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (bytes, cuts) => {
          const buf = Buffer.from(bytes);
          const { records, bad } = await parse(
            buf,
            cuts.map((c) => c % (buf.length + 1)),
          );
          for (const line of [...records.map((r) => r[1]), ...bad.map((b) => b[0])])
            expect(line).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rethrows what a handler throws, synchronously, and stops', () => {
    const boom = new Error('boom');
    let seen = 0;
    const r = new CsvRecords({
      record: () => {
        seen++;
        throw boom;
      },
      bad: () => undefined,
    });
    expect(() => r.write(Buffer.from('a\nb\nc\n'))).toThrow(boom);
    expect(seen).toBe(1);
  });

  it('reads back what csvLine writes, with the same lines, however the bytes are cut', async () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r\n', ' ', '|', '€', '😀'),
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (rows, crlf, cuts) => {
          // Rows that would read as empty lines are skipped by the parser: make every row non-empty.
          const data = rows.map((r) => ['k', ...r]);
          const eol = crlf ? '\r\n' : '\n';
          const text = data.map((r) => csvLine(r)).join(eol) + eol;
          const bytes = Buffer.from(text, 'utf8');
          const { records, bad } = await parse(
            bytes,
            cuts.map((c) => c % (bytes.length + 1)),
          );
          expect(bad).toEqual([]);
          expect(records.map(([f]) => f)).toEqual(data);
          let line = 1;
          const expected = data.map((r) => {
            const at = line;
            line += csvLine(r).split('\n').length - 1 + 1;
            return at;
          });
          expect(records.map(([, l]) => l)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
