import { describe, expect, it } from 'vitest';
import { answerHorizon } from './answer-horizon.js';
import { declarationFacts, performerFacts } from './evidence.js';
import type { Declaration, MandateVersion } from './model.js';

const ms = (iso: string): number => Date.parse(iso);

function mandate(over: Partial<MandateVersion>): MandateVersion {
  return {
    id: 'v1',
    mandateId: 'm1',
    version: 1,
    performerId: 'p1',
    legalBasis: 'statutory',
    uses: ['all-tdm'],
    media: ['sound'],
    territories: ['WORLD'],
    validFrom: '2020-01-01T00:00:00.000Z',
    validTo: null,
    withdrawnAt: null,
    sourceRef: null,
    change: 'initial',
    recordedAt: '2019-12-01T00:00:00.000Z',
    ...over,
  };
}

function declaration(over: Partial<Declaration>): Declaration {
  return {
    id: 'd1',
    issuer: 'CMO',
    legalBasis: 'Art. 4(3)',
    uses: ['all-tdm'],
    media: ['sound'],
    territories: ['WORLD'],
    effectiveFrom: '2021-01-01T00:00:00.000Z',
    withdrawnAt: null,
    createdAt: '2020-12-01T00:00:00.000Z',
    ...over,
  };
}

describe('answerHorizon', () => {
  it('is the first instant after the question at which a fact takes or loses effect', () => {
    const performers = [
      performerFacts('p1', null, [mandate({ validTo: '2027-06-30T00:00:00.000Z' })]),
      performerFacts('p2', null, [mandate({ mandateId: 'm2', withdrawnAt: '2026-09-01T00:00:00.000Z' })]),
    ];
    const declarations = [declarationFacts(declaration({ withdrawnAt: '2028-01-01T00:00:00.000Z' }))];
    expect(answerHorizon(ms('2026-01-01T00:00:00.000Z'), performers, declarations)).toBe(ms('2026-09-01T00:00:00.000Z'));
    expect(answerHorizon(ms('2026-09-01T00:00:00.000Z'), performers, declarations)).toBe(ms('2027-06-30T00:00:00.000Z'));
    expect(answerHorizon(ms('2020-06-01T00:00:00.000Z'), performers, declarations)).toBe(ms('2020-12-01T00:00:00.000Z'));
  });

  it('is Infinity when nothing lies ahead', () => {
    const performers = [performerFacts('p1', null, [mandate({})])];
    expect(answerHorizon(ms('2026-01-01T00:00:00.000Z'), performers, [declarationFacts(declaration({}))])).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(answerHorizon(ms('2026-01-01T00:00:00.000Z'), [], [])).toBe(Number.POSITIVE_INFINITY);
  });

  it('is the question itself when an instant is not in the stored form, so the answer is not reused', () => {
    const at = ms('2026-01-01T00:00:00.000Z');
    const performers = [performerFacts('p1', null, [mandate({ validTo: '2027-06-30' })])];
    expect(answerHorizon(at, performers, [])).toBe(at);
    const declarations = [declarationFacts(declaration({ effectiveFrom: '2021-01-01T00:00:00Z' }))];
    expect(answerHorizon(at, [], declarations)).toBe(at);
  });
});
