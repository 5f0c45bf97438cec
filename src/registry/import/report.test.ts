import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, ReportWriter } from './report.js';

describe('rejection report', () => {
  it('quotes fields the way csv-parse reads them back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é') }), {
          minLength: 2,
          maxLength: 5,
        }),
        (fields) => {
          const rows: string[][] = parse(csvLine(fields) + '\n', { relax_column_count: true });
          expect(rows[0]).toEqual(fields);
        },
      ),
    );
    expect(csvLine([3, 'a,b', 'say "hi"'])).toBe('3,"a,b","say ""hi"""');
  });

  it('writes a header and one row per rejection', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'report-')), 'r.csv');
    const w = await ReportWriter.open(path);
    w.write({ file: 'f.csv', line: 4, field: 'isrc', reason: 'bad, really', raw: 'x,"y"' });
    await w.close();
    expect(readFileSync(path, 'utf8')).toBe(
      'line,field,reason,raw,file\n4,isrc,"bad, really","x,""y""",f.csv\n',
    );
  });

  it('says when the report cannot be written', async () => {
    await expect(ReportWriter.open('/nonexistent-dir/r.csv')).rejects.toMatchObject({
      code: 'IMPORT_BAD_OPTIONS',
    });
  });
});
