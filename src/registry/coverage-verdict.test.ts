import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageStatus, type CoverageInput, type StatusQuery } from './coverage.js';
import { coverageVerdict, overallStatus } from './coverage-verdict.js';
import {
  MEDIA,
  QUERY_USES,
  USES,
  type Declaration,
  type MandateVersion,
  type Medium,
  type Use,
} from './model.js';

const instants = ['2019-01-01', '2020-01-01', '2021-06-01', '2023-01-01', '2024-06-01', '2026-01-01'].map(
  (d) => `${d}T00:00:00.000Z`,
);
const instant = fc.constantFrom(...instants);
const performerIds = ['p1', 'p2', 'p3'];
const scope = {
  uses: fc.subarray([...USES] as Use[]),
  media: fc.subarray([...MEDIA] as Medium[]),
  territories: fc.subarray(['WORLD', 'FR', 'DE']),
};
const mandateArb: fc.Arbitrary<MandateVersion> = fc.record({
  id: fc.uuid(),
  mandateId: fc.constantFrom('m1', 'm2', 'm3', 'm4'),
  version: fc.integer({ min: 1, max: 3 }),
  performerId: fc.constantFrom(...performerIds, 'p9'),
  legalBasis: fc.constantFrom('statutory' as const, 'express' as const),
  ...scope,
  validFrom: instant,
  validTo: fc.option(instant, { nil: null }),
  withdrawnAt: fc.option(instant, { nil: null }),
  sourceRef: fc.constant(null),
  change: fc.constantFrom('initial' as const, 'correction' as const, 'withdrawal' as const),
  recordedAt: instant,
});
const declarationArb: fc.Arbitrary<Declaration> = fc.record({
  id: fc.uuid(),
  issuer: fc.constant('CMO'),
  legalBasis: fc.constant('Art. 4(3)'),
  ...scope,
  effectiveFrom: instant,
  withdrawnAt: fc.option(instant, { nil: null }),
  createdAt: instant,
});
const inputArb: fc.Arbitrary<CoverageInput> = fc
  .record({
    kind: fc.option(fc.constantFrom<Medium>(...MEDIA), { nil: null }),
    lineup: fc.array(fc.constantFrom(...performerIds), { maxLength: 4 }),
    mandates: fc.array(mandateArb, { maxLength: 6 }),
    declarations: fc.array(declarationArb, { maxLength: 3 }),
  })
  .map(({ kind, lineup, mandates, declarations }) => ({
    recording:
      kind === null
        ? null
        : {
            id: 'r',
            kind,
            isrc: 'FRZ032500001',
            isan: null,
            eidr: null,
            iswc: null,
            title: 'T',
            versionTitle: null,
            displayArtist: 'A',
            durationMs: null,
            year: null,
            label: null,
          },
    lineup: lineup.map((performerId, i) => ({
      recordingId: 'r',
      performerId,
      role: 'StudioMusician',
      instrument: null,
      featured: false,
      position: i + 1,
    })),
    performers: [],
    mandates,
    declarations,
  }));
const queryArb: fc.Arbitrary<StatusQuery> = fc.record({
  at: instant,
  use: fc.constantFrom(...QUERY_USES),
  territory: fc.option(fc.constantFrom('FR', 'DE', 'BE'), { nil: undefined }),
  knownAt: fc.option(instant, { nil: undefined }),
});

const verdictInput = (i: CoverageInput) => ({
  medium: i.recording?.kind ?? null,
  performerIds: i.lineup.map((l) => l.performerId),
  mandates: i.mandates,
  declarations: i.declarations,
});

describe('coverageVerdict', () => {
  it('always equals the status coverageStatus gives', () => {
    fc.assert(
      fc.property(inputArb, queryArb, (input, q) => {
        expect(coverageVerdict(verdictInput(input), q)).toBe(coverageStatus(input, q).status);
      }),
      { numRuns: 3000 },
    );
  });

  it('is reserved, not covered or unknown in the plain cases', () => {
    const declarations: Declaration[] = [
      {
        id: 'd',
        issuer: 'CMO',
        legalBasis: 'x',
        uses: ['ai-training'],
        media: ['sound'],
        territories: ['WORLD'],
        effectiveFrom: instants[0] as string,
        withdrawnAt: null,
        createdAt: instants[0] as string,
      },
    ];
    const mandate: MandateVersion = {
      id: 'v',
      mandateId: 'm',
      version: 1,
      performerId: 'p1',
      legalBasis: 'express',
      uses: ['all-tdm'],
      media: ['sound'],
      territories: ['FR'],
      validFrom: instants[1] as string,
      validTo: null,
      withdrawnAt: null,
      sourceRef: null,
      change: 'initial',
      recordedAt: instants[1] as string,
    };
    const q: StatusQuery = { at: instants[3] as string, use: 'ai-training' };
    expect(
      coverageVerdict({ medium: 'sound', performerIds: ['p1'], mandates: [mandate], declarations }, q),
    ).toBe('reserved');
    expect(
      coverageVerdict(
        { medium: 'sound', performerIds: ['p1'], mandates: [mandate], declarations },
        { ...q, territory: 'DE' },
      ),
    ).toBe('not-covered');
    expect(coverageVerdict({ medium: 'sound', performerIds: [], mandates: [], declarations }, q)).toBe(
      'unknown',
    );
    expect(
      coverageVerdict({ medium: null, performerIds: ['p1'], mandates: [mandate], declarations }, q),
    ).toBe('unknown');
    expect(
      coverageVerdict({ medium: 'audiovisual', performerIds: ['p1'], mandates: [mandate], declarations }, q),
    ).toBe('not-covered');
  });
});

describe('overallStatus', () => {
  it('is reserved if any use is, else unknown if any is, else not covered', () => {
    expect(overallStatus(['not-covered', 'reserved', 'unknown'])).toBe('reserved');
    expect(overallStatus(['not-covered', 'unknown'])).toBe('unknown');
    expect(overallStatus(['not-covered'])).toBe('not-covered');
  });
});
