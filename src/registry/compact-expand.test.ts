import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompactReason, CompactStatus, CompactUse } from './compact.js';
import { compactFromRows, expandStatus } from './compact-expand.js';
import { declarationFacts, EvidenceCollector, evidenceRecords, type Evidence } from './evidence.js';
import {
  MEDIA,
  QUERY_USES,
  USES,
  type Declaration,
  type MandateVersion,
  type Medium,
  type Performer,
  type Use,
} from './model.js';
import { answer } from './service.js';
import type { CoverageRows } from './store.js';

const instants = ['2019-01-01', '2020-01-01', '2021-06-01', '2023-01-01', '2024-06-01', '2026-01-01'].map(
  (d) => `${d}T00:00:00.000Z`,
);
const instant = fc.constantFrom(...instants);
const PIDS = ['p1', 'p2', 'p3', 'p4'];
const scope = {
  uses: fc.subarray([...USES] as Use[]),
  media: fc.subarray([...MEDIA] as Medium[]),
  territories: fc.subarray(['WORLD', 'FR', 'DE']),
};
const mandateArb: fc.Arbitrary<MandateVersion> = fc
  .record({
    id: fc.uuid(),
    n: fc.integer({ min: 1, max: 5 }),
    version: fc.integer({ min: 1, max: 3 }),
    legalBasis: fc.constantFrom('statutory' as const, 'express' as const),
    ...scope,
    validFrom: instant,
    validTo: fc.option(instant, { nil: null }),
    withdrawnAt: fc.option(instant, { nil: null }),
    change: fc.constantFrom('initial' as const, 'correction' as const, 'withdrawal' as const),
    recordedAt: instant,
  })
  // A mandate belongs to one performer: m<n> to p<n mod 4>.
  .map(({ n, ...m }) => ({ ...m, mandateId: `m${n}`, performerId: PIDS[n % 4] as string, sourceRef: null }));
const declarationArb: fc.Arbitrary<Declaration> = fc.record({
  id: fc.constantFrom('d1', 'd2', 'd3'),
  issuer: fc.constantFrom('CMO', 'Spedidam'),
  legalBasis: fc.constant('Art. 4(3)'),
  ...scope,
  effectiveFrom: instant,
  withdrawnAt: fc.option(instant, { nil: null }),
  createdAt: instant,
});
const performer = (id: string, isni: string | null): Performer => ({
  id,
  displayName: `Name of ${id}`,
  sortName: id,
  aliases: [],
  memberNo: null,
  isni,
  ipn: null,
  ipi: null,
  member: true,
});
const rowsArb: fc.Arbitrary<CoverageRows | null> = fc.option(
  fc
    .record({
      kind: fc.constantFrom<Medium>(...MEDIA),
      lineup: fc.array(fc.constantFrom(...PIDS), { maxLength: 5 }),
      // A performer named in the line-up may lack a row: the verbose answer then names them by id.
      missing: fc.subarray(PIDS, { maxLength: 1 }),
      mandates: fc.array(mandateArb, { maxLength: 7 }),
    })
    .map(({ kind, lineup, missing, mandates }) => ({
      recording: {
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
      performers: [...new Set(lineup)]
        .filter((p) => !missing.includes(p))
        .map((p) => performer(p, p === 'p1' ? '0000000121032683' : null)),
      mandates: mandates.filter((m) => lineup.includes(m.performerId)),
    })),
  { nil: null },
);
const queryArb = fc.record({
  at: instant,
  uses: fc.oneof(
    fc.constant([...QUERY_USES]),
    fc.constantFrom(...QUERY_USES).map((u) => [u]),
  ),
  territory: fc.option(fc.constantFrom('FR', 'DE', 'BE'), { nil: undefined }),
});

/** Every evidence key a reason refers to, directly or through a mandate. */
function referenced(c: CompactStatus, evidence: Evidence): Set<string> {
  const ids = new Set<string>();
  for (const u of Object.values(c.uses))
    for (const r of 'reasons' in u ? (u.reasons as CompactReason[]) : []) {
      if ('declaration' in r) ids.add(`d:${r.declaration}`);
      if ('performer' in r) ids.add(`p:${r.performer}`);
      if ('mandate' in r)
        ids.add(`m:${r.mandate}`).add(`p:${evidence.mandates[r.mandate]?.performer ?? '?'}`);
    }
  return ids;
}

describe('the compact answer', () => {
  it('expands to exactly the verbose answer, and its evidence is exactly what the reasons refer to', () => {
    fc.assert(
      fc.property(rowsArb, fc.array(declarationArb, { maxLength: 3 }), queryArb, (rows, decls, q) => {
        const declarations = [...new Map(decls.map((d) => [d.id, d])).values()];
        const collector = new EvidenceCollector();
        const c = compactFromRows('FRZ032500001', rows, declarations.map(declarationFacts), q, collector);
        const evidence = evidenceRecords(collector.lists);
        const expanded = expandStatus(c, { at: q.at, territory: q.territory ?? null, evidence });
        expect(expanded).toEqual(answer('FRZ032500001', rows, declarations, q));
        const held = [
          ...Object.keys(evidence.declarations).map((k) => `d:${k}`),
          ...Object.keys(evidence.mandates).map((k) => `m:${k}`),
          ...Object.keys(evidence.performers).map((k) => `p:${k}`),
        ];
        expect(new Set(held)).toEqual(referenced(c, evidence));
        // Each distinct answer is given in full once; `sameAs` names the earlier use that has it.
        const seen: [string, CompactUse][] = [];
        for (const [use, u] of Object.entries(c.uses)) {
          if ('sameAs' in u) {
            expect(seen.find(([v]) => v === u.sameAs)?.[1]).toMatchObject({ status: u.status });
          } else {
            for (const [, v] of seen) expect(v).not.toEqual(u);
            seen.push([use, u]);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('states each piece of evidence once, whatever the number of uses', () => {
    const m: MandateVersion = {
      id: 'v1',
      mandateId: 'mandate-x',
      version: 1,
      performerId: 'performer-x',
      legalBasis: 'statutory',
      uses: ['all-tdm'],
      media: ['sound'],
      territories: ['WORLD'],
      validFrom: instants[0] as string,
      validTo: null,
      withdrawnAt: null,
      sourceRef: null,
      change: 'initial',
      recordedAt: instants[0] as string,
    };
    const d: Declaration = {
      id: 'declaration-x',
      issuer: 'CMO',
      legalBasis: 'Art. 4(3)',
      uses: ['all-tdm'],
      media: ['sound'],
      territories: ['WORLD'],
      effectiveFrom: instants[0] as string,
      withdrawnAt: null,
      createdAt: instants[0] as string,
    };
    const rows = {
      recording: {
        id: 'r',
        kind: 'sound' as const,
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
      lineup: [
        {
          recordingId: 'r',
          performerId: 'performer-x',
          role: 'MainArtist',
          instrument: null,
          featured: true,
          position: 1,
        },
      ],
      performers: [performer('performer-x', null)],
      mandates: [m],
    };
    const collector = new EvidenceCollector();
    const q = { at: instants[5] as string, uses: QUERY_USES, territory: undefined };
    const c = compactFromRows('FRZ032500001', rows, [declarationFacts(d)], q, collector);
    // A second recording with the same performer, as in a batch: the evidence is not repeated.
    const c2 = compactFromRows('FRZ032500002', rows, [declarationFacts(d)], q, collector);
    expect(c.status).toBe('reserved');
    expect(Object.keys(c.uses)).toEqual([...QUERY_USES]);
    for (const x of [c, c2]) {
      // The first use says why; the others, with the same answer, say so.
      expect(x.uses['ai-training']).toEqual({
        status: 'reserved',
        reasons: [
          { code: 'DECLARATION_IN_FORCE', declaration: 'd1' },
          { code: 'MANDATE_IN_FORCE', mandate: 'm1' },
        ],
      });
      for (const use of QUERY_USES.slice(1))
        expect(x.uses[use]).toEqual({ status: 'reserved', sameAs: 'ai-training' });
    }
    expect(JSON.parse(JSON.stringify(evidenceRecords(collector.lists)))).toEqual({
      declarations: {
        d1: {
          id: 'declaration-x',
          issuer: 'CMO',
          legalBasis: 'Art. 4(3)',
          uses: ['all-tdm'],
          media: ['sound'],
          territories: ['WORLD'],
          effectiveFrom: instants[0],
          withdrawnAt: null,
        },
      },
      mandates: {
        m1: {
          id: 'mandate-x',
          version: 1,
          performer: 'p1',
          legalBasis: 'statutory',
          uses: ['all-tdm'],
          media: ['sound'],
          territories: ['WORLD'],
          validFrom: instants[0],
          validTo: null,
          withdrawnAt: null,
        },
      },
      performers: { p1: { id: 'performer-x', name: 'Name of performer-x', isni: null } },
    });
  });
});
