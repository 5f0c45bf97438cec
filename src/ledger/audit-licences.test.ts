import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { licenceReplay } from './audit-licences.js';
import { DivergenceLog } from './audit-report.js';
import type { ParsedEntry } from './entry-codec.js';
import type { AuditedLicence, LedgerStore, AuditSource } from './store.js';

const AT = '2026-03-01T10:00:00.000Z';
const DOC = '{"@type":"Agreement"}';
const issued = (licence: string, over: Record<string, unknown> = {}): ParsedEntry => ({
  type: 'other',
  entryType: 'licence.issued',
  at: AT,
  data: {
    id: `req-${licence}`,
    licence,
    organisation: 'org-1',
    terms: { uses: ['genai-training'] },
    tariff: { id: 't', version: 1 },
    agreementSha256: createHash('sha256').update(DOC).digest('hex'),
    ...over,
  },
});
const terminated = (licence: string, at = '2026-04-01T00:00:00.000Z'): ParsedEntry => ({
  type: 'other',
  entryType: 'licence.terminated',
  at,
  data: { id: `req-${licence}`, licence, terminatedAt: at },
});
const row = (id: string, over: Partial<AuditedLicence> = {}): AuditedLicence => ({
  id,
  request: `req-${id}`,
  licensee: 'org-1',
  terms: { uses: ['genai-training'] },
  tariff: { id: 't', version: 1 },
  issuedAt: AT,
  terminatedAt: null,
  documentSha256: createHash('sha256').update(DOC).digest('hex'),
  ...over,
});
const source = (rows: AuditedLicence[]): AuditSource =>
  ({
    licences: (after: string, limit: number) =>
      Promise.resolve(rows.filter((r) => r.id > after).slice(0, limit)),
  }) as unknown as AuditSource;
const noStore = { entriesAt: () => Promise.resolve([]) } as unknown as LedgerStore;

async function audit(entries: ParsedEntry[], rows: AuditedLicence[]) {
  const log = new DivergenceLog();
  const replay = licenceReplay(log, source(rows));
  entries.forEach((e, i) => replay.feed(i, e));
  await replay.compare(noStore);
  return { rows: replay.rows, divergences: log.list().divergences };
}

describe('licenceReplay', () => {
  it('accepts licences that are their entries, terminated or not', async () => {
    expect(
      await audit(
        [issued('a'), issued('b'), terminated('b')],
        [row('a'), row('b', { terminatedAt: '2026-04-01T00:00:00.000Z' })],
      ),
    ).toEqual({ rows: 2, divergences: [] });
  });

  it('reports twice-issued and twice-terminated licences, and a termination of nothing', async () => {
    const { divergences } = await audit(
      [issued('a'), issued('a'), terminated('a'), terminated('a'), terminated('z')],
      [row('a', { terminatedAt: '2026-04-01T00:00:00.000Z' })],
    );
    expect(divergences.map((d) => [d.index, d.problem])).toEqual([
      [1, 'licence issued twice (first at entry 0)'],
      [3, 'licence terminated twice (first at entry 2)'],
      [4, 'termination of a licence the log never issued'],
    ]);
  });

  it('turns any hostile entry data into a divergence, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything(),
        fc.constantFrom('licence.issued', 'licence.terminated'),
        async (data, entryType) => {
          const log = new DivergenceLog();
          const replay = licenceReplay(log, source([]));
          replay.feed(0, { type: 'other', entryType, at: AT, data });
          await replay.compare(noStore);
          for (const d of log.list().divergences) expect(typeof d.problem).toBe('string');
        },
      ),
    );
    const { divergences } = await audit([issued('a', { agreementSha256: 'nope' })], []);
    expect(divergences).toEqual([
      {
        index: 0,
        table: 'ledger_entries',
        key: '0',
        problem: expect.stringMatching(/^licence\.issued entry: agreementSha256: /) as unknown,
      },
    ]);
  });
});
