import { describe, expect, it } from 'vitest';
import type { Declaration } from '../registry/model.js';
import { coverageInputFromLog, replayDeclarations, type IndexedEntry } from './replay.js';

const T = (s: string) => `${s}T00:00:00.000Z`;
const decl = (id: string): Declaration => ({ id, issuer: 'CMO', legalBasis: 'x', uses: ['all-tdm'], media: ['sound'], territories: ['WORLD'], effectiveFrom: T('2025-01-01'), withdrawnAt: null, createdAt: T('2025-01-01') });

describe('replay', () => {
  it('applies declaration withdrawals in log order, whatever order the entries come in', () => {
    const entries: IndexedEntry[] = [
      { index: 3, entry: { type: 'declaration.withdrawn', at: T('2025-03-01'), data: { id: 'a', withdrawnAt: T('2025-04-01') } } },
      { index: 1, entry: { type: 'declaration.created', at: T('2025-01-01'), data: decl('a') } },
      { index: 2, entry: { type: 'declaration.created', at: T('2025-01-02'), data: decl('b') } },
      { index: 4, entry: { type: 'declaration.withdrawn', at: T('2025-03-02'), data: { id: 'ghost', withdrawnAt: T('2025-04-01') } } },
    ];
    expect(replayDeclarations(entries).map((d) => [d.id, d.withdrawnAt])).toEqual([
      ['a', T('2025-04-01')],
      ['b', null],
    ]);
    // The replay does not alter the entries it was given.
    expect((entries[1]!.entry.data as Declaration).withdrawnAt).toBeNull();
  });

  it('rebuilds coverage rows from the latest matching line-up', () => {
    const recording = { id: 'r', kind: 'sound' as const, isrc: 'FRZ032500001', isan: null, eidr: null, title: 'T' };
    const member = { position: 1, performerId: 'p', isni: null, ipn: '1234567', role: 'Singer', instrument: null, featured: true };
    const entries: IndexedEntry[] = [
      { index: 0, entry: { type: 'lineup.set', at: T('2025-01-01'), data: { recording, lineup: [member] } } },
      { index: 1, entry: { type: 'lineup.set', at: T('2025-01-02'), data: { recording, lineup: [{ ...member, role: 'Producer' }] } } },
      { index: 2, entry: { type: 'lineup.set', at: T('2025-01-03'), data: { recording: { ...recording, id: 'other' }, lineup: [] } } },
    ];
    const input = coverageInputFromLog(entries, (r) => r.id === 'r');
    expect(input.recording).toMatchObject({ id: 'r', kind: 'sound', isrc: 'FRZ032500001' });
    expect(input.lineup).toEqual([{ recordingId: 'r', performerId: 'p', role: 'Producer', instrument: null, featured: true, position: 1 }]);
    expect(input.performers.map((p) => [p.id, p.displayName])).toEqual([['p', '1234567']]);
    expect(coverageInputFromLog(entries, (r) => r.id === 'none').recording).toBeNull();
  });
});
