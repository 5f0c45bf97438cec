import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DivergenceLog } from './audit-report.js';
import { usageReplay } from './audit-usage.js';
import type { ParsedEntry } from './entry-codec.js';
import type { AuditedUsageReport, LedgerStore, AuditSource } from './store.js';
import { usageLinesSha256 } from './usage-digest.js';

const AT = '2026-03-01T10:00:00.000Z';
const LINES = [
  {
    line: 2,
    isrc: 'FRZ032500001',
    recordingId: 'r1',
    uses: ['genai-training'],
    units: 3,
    seconds: 0,
    flag: null,
    cents: 75,
  },
];
const entry = (report: string, over: Record<string, unknown> = {}): ParsedEntry => ({
  type: 'other',
  entryType: 'licence.usage-reported',
  at: AT,
  data: {
    id: 'req-1',
    licence: 'lic-1',
    report,
    period: { from: '2026-02-01', to: '2026-03-01' },
    currency: 'EUR',
    totalCents: 75,
    lines: 1,
    flagged: 0,
    linesSha256: usageLinesSha256(LINES),
    ...over,
  },
});
const row = (id: string, over: Partial<AuditedUsageReport> = {}): AuditedUsageReport => ({
  id,
  licence: 'lic-1',
  period: { from: '2026-02-01', to: '2026-03-01' },
  currency: 'EUR',
  totalCents: 75,
  lines: 1,
  flagged: 0,
  submittedAt: AT,
  linesSha256: usageLinesSha256(LINES),
  ...over,
});
const source = (rows: AuditedUsageReport[]): AuditSource =>
  ({
    usageReports: (after: string, limit: number) =>
      Promise.resolve(rows.filter((r) => r.id > after).slice(0, limit)),
  }) as unknown as AuditSource;
const noStore = { entriesAt: () => Promise.resolve([]) } as unknown as LedgerStore;

async function audit(entries: ParsedEntry[], rows: AuditedUsageReport[]) {
  const log = new DivergenceLog();
  const replay = usageReplay(log, source(rows));
  entries.forEach((e, i) => replay.feed(i, e));
  await replay.compare(noStore);
  return log.list().divergences.map((d) => [d.index, d.key, d.problem]);
}

describe('UsageReplay', () => {
  it('accepts reports that are their entries; finds a changed line, a report twice, and rows or entries alone', async () => {
    expect(await audit([entry('u1')], [row('u1')])).toEqual([]);
    const changed = usageLinesSha256([{ ...LINES[0]!, cents: 76 }]);
    expect(await audit([entry('u1')], [row('u1', { linesSha256: changed })])).toEqual([
      [0, 'u1', 'content differs'],
    ]);
    expect(await audit([entry('u1'), entry('u1')], [row('u1')])).toEqual([
      [1, 'u1', 'usage report logged twice (first at entry 0)'],
    ]);
    expect(await audit([entry('u2')], [row('u1')])).toEqual([
      [0, 'u2', 'logged usage report has no row'],
      [null, 'u1', 'usage report of licence lic-1 has no licence.usage-reported entry'],
    ]);
  });

  it('digests lines as the desk always wrote them: JSON of the lines, fields in order', () => {
    expect(usageLinesSha256(LINES)).toBe(
      usageLinesSha256([
        {
          cents: 75,
          flag: null,
          seconds: 0,
          units: 3,
          uses: ['genai-training'],
          recordingId: 'r1',
          isrc: 'FRZ032500001',
          line: 2,
        },
      ]),
    );
  });

  it('turns any hostile entry data into a divergence, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (data) => {
        const log = new DivergenceLog();
        const replay = usageReplay(log, source([]));
        replay.feed(0, { type: 'other', entryType: 'licence.usage-reported', at: AT, data });
        await replay.compare(noStore);
        for (const d of log.list().divergences) expect(typeof d.problem).toBe('string');
      }),
    );
  });
});
