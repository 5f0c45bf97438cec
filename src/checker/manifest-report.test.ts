import { describe, expect, it } from 'vitest';
import { unknownUses, type RowOutcome } from './manifest-model.js';
import { renderReport } from './manifest-report.js';
import { SummaryBuilder } from './manifest-summary.js';

const row = (
  line: number,
  artist: string,
  reserved: boolean,
  method: RowOutcome['method'] = 'isrc',
): RowOutcome => ({
  line,
  method,
  score: 1,
  isrc: null,
  uses: { ...unknownUses(), 'ai-training': reserved ? 'reserved' : 'not-covered' },
  reserved,
  input: { artist },
  evidence: { source: 'registry-snapshot' },
});

describe('manifest summary and report', () => {
  const b = new SummaryBuilder();
  b.add(row(2, '<script>alert(1)</script>', true));
  b.add(row(3, 'Zaz', true, 'metadata-fuzzy'));
  b.add(row(4, 'Zaz', true));
  b.add(row(5, 'Other', false));
  b.add({ ...row(6, '', false, 'error'), uses: null, error: { field: 'isrc', reason: 'bad & <odd>' } });
  const s = b.summary();

  it('counts rows, methods, uses and performers', () => {
    expect(s).toMatchObject({ rows: 5, reserved: 3, shareReserved: 0.6, errors: 1 });
    expect(s.byMethod).toMatchObject({ isrc: 3, 'metadata-fuzzy': 1, error: 1 });
    expect(s.reservedByMethod).toMatchObject({ isrc: 2, 'metadata-fuzzy': 1 });
    expect(s.byUse['ai-training']).toMatchObject({ reserved: 3, 'not-covered': 1 });
    expect(s.topPerformers[0]).toEqual({ artist: 'Zaz', reserved: 2 });
    expect(s.firstErrors).toEqual([{ line: 6, field: 'isrc', reason: 'bad & <odd>' }]);
  });

  it('merges a worker summary as if its rows were added here', () => {
    const m = new SummaryBuilder();
    m.merge(s);
    m.merge(s);
    expect(m.summary()).toMatchObject({
      rows: 10,
      reserved: 6,
      topPerformers: [
        { artist: 'Zaz', reserved: 4 },
        { artist: '<script>alert(1)</script>', reserved: 2 },
      ],
    });
  });

  it('counts rows with a licensed use, once a row however many uses, and merges them', () => {
    const l = new SummaryBuilder();
    l.add({ ...row(2, 'A', true), uses: { ...unknownUses(), 'ai-training': 'licensed', 'ai-inference': 'licensed', 'genai-training': 'reserved' } });
    l.add(row(3, 'B', true));
    l.add({ ...row(4, 'C', false), uses: { ...unknownUses(), search: 'licensed' } });
    expect(l.summary()).toMatchObject({ rows: 3, reserved: 2, licensed: 2 });
    expect(s.licensed).toBe(0);
    const m = new SummaryBuilder();
    m.merge(l.summary());
    m.merge(l.summary());
    expect(m.summary().licensed).toBe(4);
  });

  it('renders a self-contained page: SVG charts, escaped text, no script, no network', () => {
    const html = renderReport(s, {
      manifest: 'a<b>.csv',
      source: 'snapshot x',
      at: '2026-01-01T00:00:00.000Z',
      threshold: 0.85,
      generatedAt: '2026-01-02T00:00:00.000Z',
    });
    expect(html.match(/<svg/g)?.length).toBe(3);
    expect(html).toContain('60.0%');
    expect(html).toContain('a&#60;b&#62;.csv');
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).toContain('bad &#38; &#60;odd&#62;');
  });
});
