import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isProblem, usageLineOf } from './usage.js';
import { usageCsvRecords, usageScanRecords } from './usage-csv.js';

const collect = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};
const match = (isrc: string | null, start: number, end: number) => ({ recordingId: 'r', isrc, query: { start, end }, reference: { start: 0, end: end - start } });

describe('usage records', () => {
  it('reads a CSV with the line of each record, headers trimmed and lower-cased', async () => {
    const rows = await collect(usageCsvRecords(Readable.from(['ISRC , Uses\nFRZ032500001,genai-training\n\nFRZ032500002,search\n']), 'u.csv'));
    expect(rows).toEqual([
      { line: 2, cells: { isrc: 'FRZ032500001', uses: 'genai-training' } },
      { line: 4, cells: { isrc: 'FRZ032500002', uses: 'search' } },
    ]);
  });

  it('names the line of a malformed CSV', async () => {
    await expect(collect(usageCsvRecords(Readable.from(['isrc,uses\n"FRZ032500001,genai-training\n']), 'u.csv'))).rejects.toMatchObject({ code: 'LICENSING_BAD_USAGE', details: { file: 'u.csv' } });
  });

  it('makes one unit per fingerprint match of a scan, with its matched seconds', async () => {
    const jsonl = [JSON.stringify({ path: 'a.mp3', matches: [match('FRZ032500001', 10, 40.4), match('FRZ032500002', 0, 13)] }), '', JSON.stringify({ path: 'b.mp3', matches: [] })].join('\n');
    const rows = await collect(usageScanRecords(Readable.from([jsonl]), 'scan.jsonl', ['genai-training']));
    expect(rows).toEqual([
      { line: 1, cells: { isrc: 'FRZ032500001', uses: 'genai-training', units: '1', seconds: '30' } },
      { line: 1, cells: { isrc: 'FRZ032500002', uses: 'genai-training', units: '1', seconds: '13' } },
    ]);
    expect(rows.map((r) => usageLineOf(r.cells, r.line)).filter(isProblem)).toEqual([]);
  });

  it('refuses what is not scan output, naming the line, and turns a match without ISRC into a bad cell', async () => {
    await expect(collect(usageScanRecords(Readable.from(['{"matches":[]}\nnot json\n']), 's.jsonl', ['search']))).rejects.toThrow(/s\.jsonl: line 2: not JSON/);
    await expect(collect(usageScanRecords(Readable.from(['{"path":"x"}\n']), 's.jsonl', ['search']))).rejects.toMatchObject({ details: { line: 1, field: 'matches' } });
    const [row] = await collect(usageScanRecords(Readable.from([JSON.stringify({ matches: [match(null, 0, 20)] })]), 's.jsonl', ['search']));
    expect(isProblem(usageLineOf(row!.cells, row!.line))).toBe(true);
  });
});
