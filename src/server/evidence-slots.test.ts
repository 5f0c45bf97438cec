import { describe, expect, it } from 'vitest';
import type { EvidenceLists, MandateEvidence } from '../registry/evidence.js';
import { SlotTable, writeSlots, type Slot } from './evidence-slots.js';
import { JsonWriter } from './json-writer.js';
import { evidence } from './status-json.js';

const performer = (n: number) => ({
  id: `perf-${n}`,
  name: `Interprète ${n}`,
  isni: n % 2 === 0 ? '0000000121032683' : null,
});
const mandate = (n: number, performerKey: string): MandateEvidence => ({
  id: `mand-${n}`,
  version: n,
  performer: performerKey,
  legalBasis: 'express',
  uses: ['ai-training'],
  media: ['sound'],
  territories: ['FR', 'BE'],
  validFrom: '2020-01-01T00:00:00.000Z',
  validTo: null,
  withdrawnAt: n % 3 === 0 ? '2025-01-01T00:00:00.000Z' : null,
});
const declaration = {
  id: 'decl-1',
  issuer: 'CMO',
  legalBasis: 'Art. 4(3)',
  uses: ['all-tdm' as const],
  media: ['sound' as const],
  territories: ['WORLD'],
  effectiveFrom: '2021-01-01T00:00:00.000Z',
  withdrawnAt: null,
};

describe('SlotTable', () => {
  it('gives every answer naming an entity the same slot, and writes the evidence object as the answers do', () => {
    const table = new SlotTable();
    // Two answers, each with keys of its own, sharing performer 2 and its mandate.
    const a: EvidenceLists = {
      declarations: [declaration],
      mandates: [mandate(1, 'p1'), mandate(2, 'p2')],
      performers: [performer(1), performer(2)],
    };
    const b: EvidenceLists = {
      declarations: [declaration],
      mandates: [mandate(2, 'p1')],
      performers: [performer(2), performer(3)],
    };
    const sa = table.slotsOf(a);
    const sb = table.slotsOf(b);
    expect(sb.performers[0]).toBe(sa.performers[1]);
    expect(sb.mandates[0]).toBe(sa.mandates[1]);
    expect(sb.declarations[0]).toBe(sa.declarations[0]);
    expect(sb.mandates[0]?.performer).toBe(sa.performers[1]);
    // Numbered as one batch would: a's evidence, then what b adds.
    const lists: Slot[][] = [[], [], []];
    for (const s of [
      ...sa.performers,
      ...sa.mandates,
      ...sa.declarations,
      ...sb.performers,
      ...sb.mandates,
      ...sb.declarations,
    ])
      if (!lists[s.kind]?.includes(s)) s.num = (lists[s.kind] as Slot[]).push(s);
    const w = new JsonWriter(64);
    writeSlots(w, lists);
    const expected = new JsonWriter(64);
    evidence(expected, {
      declarations: [declaration],
      mandates: [mandate(1, 'p1'), mandate(2, 'p2')],
      performers: [performer(1), performer(2), performer(3)],
    });
    expect(w.result().toString()).toBe(expected.result().toString());
    expect(table.bytes).toBeGreaterThan(0);
    table.clear();
    expect(table.bytes).toBe(0);
    expect(table.slotsOf(a).performers[0]).not.toBe(sa.performers[0]);
  });

  it('writes no evidence as empty objects', () => {
    const w = new JsonWriter(8);
    writeSlots(w, [[], [], []]);
    expect(JSON.parse(w.result().toString())).toEqual({ declarations: {}, mandates: {}, performers: {} });
  });

  it('refuses a mandate whose performer key its answer lacks', () => {
    expect(() =>
      new SlotTable().slotsOf({ declarations: [], mandates: [mandate(1, 'p9')], performers: [] }),
    ).toThrow(/names a performer/);
  });
});
