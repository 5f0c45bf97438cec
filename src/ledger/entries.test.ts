import { describe, expect, it } from 'vitest';
import type { Declaration, MandateVersion, Performer, Recording } from '../registry/model.js';
import { canonicalJson } from './canonical-json.js';
import {
  declarationEntry,
  declarationWithdrawnEntry,
  entryTopic,
  lineupEntry,
  mandateEntry,
} from './entries.js';

const v: MandateVersion = {
  id: 'v1',
  mandateId: 'm1',
  version: 2,
  performerId: 'p1',
  legalBasis: 'express',
  uses: ['ai-training'],
  media: ['sound'],
  territories: ['FR', 'BE'],
  validFrom: '2024-01-01T00:00:00.000Z',
  validTo: null,
  withdrawnAt: null,
  sourceRef: 'contract 7',
  change: 'correction',
  recordedAt: '2025-03-01T10:00:00.000Z',
};

const rec: Recording = {
  id: 'r1',
  kind: 'sound',
  isrc: 'FRZ032500001',
  isan: null,
  eidr: null,
  iswc: 'T0000000010',
  title: 'La Mer',
  versionTitle: 'live',
  displayArtist: 'Jeanne',
  durationMs: 1000,
  year: 2025,
  label: 'L',
};

const d: Declaration = {
  id: 'd1',
  issuer: 'CMO',
  legalBasis: 'x',
  uses: ['all-tdm'],
  media: ['sound'],
  territories: ['WORLD'],
  effectiveFrom: '2025-01-01T00:00:00.000Z',
  withdrawnAt: null,
  createdAt: '2025-01-02T00:00:00.000Z',
};

describe('entry builders', () => {
  it('logs a mandate version whole, at its recording time, and nothing else', () => {
    const withExtra = { ...v, search_text: 'leak' } as MandateVersion;
    const e = mandateEntry(withExtra);
    expect(e).toEqual({ type: 'mandate.version', at: v.recordedAt, data: v });
    expect(Object.keys(e.data as object)).not.toContain('search_text');
    expect(entryTopic(e)).toBe('performer:p1');
  });

  it('logs declarations and their withdrawals, all under one topic', () => {
    expect(declarationEntry(d)).toEqual({ type: 'declaration.created', at: d.createdAt, data: d });
    const w = declarationWithdrawnEntry('d1', '2026-01-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z');
    expect(w).toEqual({
      type: 'declaration.withdrawn',
      at: '2025-06-01T00:00:00.000Z',
      data: { id: 'd1', withdrawnAt: '2026-01-01T00:00:00.000Z' },
    });
    expect(entryTopic(w)).toBe('declarations');
    expect(entryTopic(declarationEntry(d))).toBe('declarations');
  });

  it('logs a line-up sorted by position with identifiers, not names, and only the recording fields that matter', () => {
    const p1: Performer = {
      id: 'p1',
      displayName: 'Jeanne',
      sortName: 'Jeanne',
      aliases: [],
      memberNo: 'M1',
      isni: '000000012281955X',
      ipn: null,
      ipi: null,
      member: true,
    };
    const e = lineupEntry(
      rec,
      [
        { performerId: 'p2', role: 'Cellist', instrument: 'Cello', featured: false, position: 2 },
        { performerId: 'p1', role: 'LeadVocalist', instrument: null, featured: true, position: 1 },
      ],
      [p1],
      '2025-04-01T00:00:00.000Z',
    );
    expect(e.data).toEqual({
      recording: { id: 'r1', kind: 'sound', isrc: 'FRZ032500001', isan: null, eidr: null, title: 'La Mer' },
      lineup: [
        {
          position: 1,
          performerId: 'p1',
          isni: '000000012281955X',
          ipn: null,
          role: 'LeadVocalist',
          instrument: null,
          featured: true,
        },
        {
          position: 2,
          performerId: 'p2',
          isni: null,
          ipn: null,
          role: 'Cellist',
          instrument: 'Cello',
          featured: false,
        },
      ],
    });
    expect(JSON.stringify(e)).not.toContain('Jeanne');
    expect(entryTopic(e)).toBe('recording:r1');
  });

  it('builds data with keys already in canonical order (the native serialiser gives the JCS text)', () => {
    const line = lineupEntry(
      rec,
      [{ performerId: 'p1', role: 'Cellist', instrument: 'Cello', featured: false, position: 1 }],
      [],
      v.recordedAt,
    );
    for (const e of [
      mandateEntry(v),
      declarationEntry(d),
      declarationWithdrawnEntry('d1', v.recordedAt, v.recordedAt),
      line,
    ]) {
      expect(JSON.stringify(e.data)).toBe(canonicalJson(e.data));
    }
  });

  it('files other types under their first type word and a string data.id, or nothing', () => {
    expect(entryTopic({ type: 'licence.granted', at: v.recordedAt, data: { id: 'l1' } })).toBe('licence:l1');
    expect(entryTopic({ type: 'licence.granted', at: v.recordedAt, data: { id: 5 } })).toBeNull();
    expect(entryTopic({ type: 'licence.granted', at: v.recordedAt, data: [1] })).toBeNull();
    expect(entryTopic({ type: 'lineup.set', at: v.recordedAt, data: { recording: null } })).toBeNull();
    expect(entryTopic({ type: 'mandate.version', at: v.recordedAt, data: { performerId: 7 } })).toBeNull();
  });
});
