import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DivergenceLog } from './audit-report.js';
import { RequestReplay } from './audit-requests.js';
import type { ParsedEntry } from './entry-codec.js';
import type { AuditedRequest, AuditSource } from './store.js';

const T0 = '2026-03-01T10:00:00.000Z';
const T1 = '2026-03-02T10:00:00.000Z';
const by = { role: 'licensing-officer', id: 'a1' };
const requested = (id: string): ParsedEntry => ({
  type: 'other',
  entryType: 'licence.requested',
  at: T0,
  data: { id, organisation: 'o1', terms: { uses: ['genai-training'] }, by: { role: 'licensee', id: 'o1' } },
});
const move = (id: string, from: string, to: string, offer: unknown = null): ParsedEntry => ({
  type: 'other',
  entryType: 'licence.transition',
  at: T1,
  data: { id, action: 'review', from, to, by, note: null, offer },
});
const row = (id: string, over: Partial<AuditedRequest> = {}): AuditedRequest => ({
  id,
  organisation: 'o1',
  terms: { uses: ['genai-training'] },
  state: 'under-review',
  offer: null,
  createdAt: T0,
  updatedAt: T1,
  events: [['review', 'submitted', 'under-review', by.role, by.id, T1, null]],
  ...over,
});
const source = (rows: AuditedRequest[]): AuditSource =>
  ({
    licenceRequests: (after: string, limit: number) =>
      Promise.resolve(rows.filter((r) => r.id > after).slice(0, limit)),
  }) as unknown as AuditSource;

async function audit(entries: ParsedEntry[], rows: AuditedRequest[]) {
  const log = new DivergenceLog();
  const replay = new RequestReplay(log, source(rows));
  entries.forEach((e, i) => replay.feed(i, e));
  await replay.compare();
  return log.list().divergences.map((d) => [d.index, d.table, d.problem]);
}

describe('RequestReplay', () => {
  it('replays a request into its state, history and last offer', async () => {
    expect(await audit([requested('q1'), move('q1', 'submitted', 'under-review')], [row('q1')])).toEqual([]);
    const offer = { tariff: { id: 't', version: 1 } };
    expect(
      await audit([requested('q1'), move('q1', 'submitted', 'under-review', offer)], [row('q1', { offer })]),
    ).toEqual([]);
  });

  it('reports a move from the wrong state, a move of nothing, and rows or entries alone', async () => {
    expect(
      await audit(
        [requested('q1'), move('q1', 'offered', 'under-review')],
        [row('q1', { events: [['review', 'offered', 'under-review', by.role, by.id, T1, null]] })],
      ),
    ).toEqual([[1, 'licence_events', 'the move starts from offered, the request was submitted']]);
    expect(await audit([move('q9', 'submitted', 'under-review')], [])).toEqual([
      [0, 'licence_events', 'a move of a licence request the log never received'],
    ]);
    expect(await audit([requested('q2')], [row('q1')])).toEqual([
      [0, 'licence_requests', 'logged licence request has no row'],
      [null, 'licence_requests', 'licence request has no licence.requested entry'],
    ]);
  });

  it('turns any hostile entry data into a divergence, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything(),
        fc.constantFrom('licence.requested', 'licence.transition'),
        async (data, entryType) => {
          const log = new DivergenceLog();
          const replay = new RequestReplay(log, source([]));
          replay.feed(0, requested('q1'));
          replay.feed(1, { type: 'other', entryType, at: T1, data });
          await replay.compare();
          for (const d of log.list().divergences) expect(typeof d.problem).toBe('string');
        },
      ),
    );
  });
});
