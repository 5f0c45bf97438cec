import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  esc,
  headerLine,
  HEADERS,
  lineupLines,
  mandateLine,
  performerLine,
  recordingLine,
  type DemoFileKind,
} from './csv.js';
import { mandatesOf } from './mandates.js';
import { keyAt, performerAt } from './performers.js';
import { demoContext, demoPlan } from './plan.js';
import { recordingAt } from './recordings.js';

/** The columns docs/import-csv.md documents for each file: every backticked name in the first cell of its table. */
function documentedColumns(): Record<DemoFileKind, string[]> {
  const doc = readFileSync(new URL('../../docs/import-csv.md', import.meta.url), 'utf8');
  const out: Partial<Record<DemoFileKind, string[]>> = {};
  for (const section of doc.split(/^#{2,3} /m).slice(1)) {
    const kind = /^(\w+)\.csv/.exec(section)?.[1] as DemoFileKind | undefined;
    if (kind === undefined) continue;
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    out[kind] = rows.flatMap((l) =>
      [...(l.split('|')[1] ?? '').matchAll(/`([a-z_]+)`/g)].map((m) => m[1] as string),
    );
  }
  return out as Record<DemoFileKind, string[]>;
}

const rows = (text: string): string[][] => parse(text);

describe('CSV headers', () => {
  it('are exactly the columns docs/import-csv.md documents', () => {
    const doc = documentedColumns();
    for (const kind of Object.keys(HEADERS) as DemoFileKind[]) {
      expect([...HEADERS[kind]].sort()).toEqual([...doc[kind]].sort());
      expect(rows(headerLine(kind))[0]).toEqual([...HEADERS[kind]]);
    }
  });
});

describe('esc', () => {
  it('round-trips any text through csv-parse', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme-composite' }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 4 }),
        (a, b) => {
          const text = `${a.map(esc).join(',')}\n${b.map(esc).join(',')}\n`;
          expect(parse(text, { relax_column_count: true })).toEqual([a, b]);
        },
      ),
    );
  });

  it('leaves plain text alone and quotes commas, quotes and line breaks', () => {
    expect(esc("L'été à Paris")).toBe("L'été à Paris");
    expect(esc('Berg, Pieter van den')).toBe('"Berg, Pieter van den"');
    expect(esc('Le blues du "Jules"')).toBe('"Le blues du ""Jules"""');
    expect(esc('a\nb')).toBe('"a\nb"');
    expect(esc('a\r\nb')).toBe('"a\r\nb"');
  });
});

describe('CSV lines', () => {
  const ctx = demoContext(demoPlan({ scale: 5000, seed: 'csv' }));
  const perfs = Array.from({ length: ctx.plan.performers }, (_, p) => performerAt(ctx, p));

  it('have as many fields as their header, and keep the values', () => {
    for (const p of perfs) {
      const [row] = rows(performerLine(p));
      expect(row).toHaveLength(HEADERS.performers.length);
      expect(row?.[0]).toBe(p.displayName);
      expect(row?.[1]).toBe(p.sortName);
      expect(row?.[2]?.split('|').filter(Boolean)).toEqual(p.aliases);
      for (const m of mandatesOf(ctx, p))
        expect(rows(mandateLine(m))[0]).toHaveLength(HEADERS.mandates.length);
    }
    for (let i = 0; i < 800; i++) {
      const r = recordingAt(ctx, i);
      const [row] = rows(recordingLine(r));
      expect(row).toHaveLength(HEADERS.recordings.length);
      expect([row?.[5], row?.[7]]).toEqual([r.title, r.displayArtist]);
      const lines = rows(lineupLines(r, (p) => keyAt(ctx, p)));
      expect(lines).toHaveLength(r.lineup.length);
      expect(lines.map((l) => l.length)).toEqual(r.lineup.map(() => HEADERS.lineups.length));
      expect(lines.map((l) => l[6])).toEqual(r.lineup.map((_, k) => String(k + 1)));
      expect(
        lines.every(
          (l) => l.slice(0, 3).filter(Boolean).length === 1 && l.slice(3, 6).filter(Boolean).length === 1,
        ),
      ).toBe(true);
    }
  });
});
