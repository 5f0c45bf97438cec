/**
 * Random registries for property tests of the lookups: performers, mandates with corrections and
 * withdrawals, line-ups, declarations (some withdrawn), ISRC, ISAN and EIDR keys, and random questions.
 */
import fc from 'fast-check';
import { mod37_36 } from '../../src/registry/identifiers.js';
import { MEDIA, QUERY_USES, USES, type Medium, type QueryUse, type Use } from '../../src/registry/model.js';
import type { RegistryService } from '../../src/registry/service.js';

export const DATES = [
  '2019-06-01',
  '2020-01-01',
  '2021-01-01',
  '2022-06-15',
  '2024-01-01',
  '2025-06-01',
  '2026-01-01',
  '2027-03-01',
];
const TERRITORIES = ['WORLD', 'FR', 'DE', 'BE'];
const date = fc.constantFrom(...DATES);
const scope = fc.record({
  uses: fc.subarray([...USES] as Use[]),
  media: fc.subarray([...MEDIA] as Medium[]),
  territories: fc.subarray(TERRITORIES),
});
const mandate = fc.record({
  legalBasis: fc.constantFrom('statutory' as const, 'express' as const),
  scope,
  validFrom: date,
  validTo: fc.option(date, { nil: undefined }),
  corrections: fc.array(
    fc.record({ scope: fc.option(scope, { nil: undefined }), validTo: fc.option(date, { nil: undefined }) }),
    { maxLength: 2 },
  ),
  withdrawnAt: fc.option(date, { nil: undefined }),
});
export const registryArb = fc.record({
  performers: fc.array(fc.record({ member: fc.boolean(), mandates: fc.array(mandate, { maxLength: 2 }) }), {
    minLength: 1,
    maxLength: 5,
  }),
  recordings: fc.array(
    fc.record({
      kind: fc.constantFrom<Medium>('sound', 'audiovisual'),
      lineup: fc.array(fc.nat(), { maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  declarations: fc.array(
    fc.record({ scope, effectiveFrom: date, withdrawnAt: fc.option(date, { nil: undefined }) }),
    { maxLength: 2 },
  ),
  questions: fc.array(
    fc.record({
      at: date,
      use: fc.option(fc.constantFrom<QueryUse>(...QUERY_USES), { nil: undefined }),
      territory: fc.option(fc.constantFrom('FR', 'de', 'WORLD'), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});
export type Registry = typeof registryArb extends fc.Arbitrary<infer T> ? T : never;

export const isrc = (i: number) => `FRZ0325${String(i).padStart(5, '0')}`;
const hex = (i: number, width: number) => i.toString(16).toUpperCase().padStart(width, '0');
/** Every other recording also has an ISAN, every third an EIDR, each with its check character. */
export const isan = (i: number) => (i % 2 === 0 ? `${hex(0x18947 + i, 16)}${mod37_36(hex(0x18947 + i, 16))}` : null);
export const eidr = (i: number) =>
  i % 3 === 0 ? `10.5240/${hex(0xabc00 + i, 20)}${mod37_36(hex(0xabc00 + i, 20))}` : null;

export async function seed(reg: RegistryService, r: Registry): Promise<void> {
  const ids: string[] = [];
  for (const [i, p] of r.performers.entries()) {
    const performer = await reg.addPerformer({
      displayName: `Performer ${i}`,
      memberNo: p.member ? `M${i}` : null,
      ipn: String(1000 + i),
    });
    ids.push(performer.id);
    for (const m of p.mandates) {
      const v = await reg.addMandate({
        performerId: performer.id,
        legalBasis: m.legalBasis,
        ...m.scope,
        validFrom: m.validFrom,
        validTo: m.validTo !== undefined && m.validTo > m.validFrom ? m.validTo : null,
      });
      for (const c of m.corrections) {
        const validTo = c.validTo !== undefined && c.validTo > m.validFrom ? c.validTo : undefined;
        await reg.correctMandate(v.mandateId, { ...(c.scope ?? {}), ...(validTo ? { validTo } : {}) });
      }
      if (m.withdrawnAt !== undefined) await reg.withdrawMandate(v.mandateId, m.withdrawnAt);
    }
  }
  for (const [i, rec] of r.recordings.entries()) {
    const members = [...new Set(rec.lineup.map((k) => ids[k % ids.length] as string))];
    await reg.addRecording(
      {
        kind: rec.kind,
        isrc: isrc(i),
        isan: isan(i),
        eidr: eidr(i),
        title: `Title ${i}`,
        displayArtist: 'Artist',
      },
      members.map((performerId, k) => ({
        performerId,
        role: 'StudioMusician',
        instrument: null,
        featured: k === 0,
        position: k + 1,
      })),
    );
  }
  for (const d of r.declarations) {
    const decl = await reg.declare({ issuer: 'CMO', ...d.scope, effectiveFrom: d.effectiveFrom });
    if (d.withdrawnAt !== undefined && d.withdrawnAt > d.effectiveFrom)
      await reg.withdrawDeclaration(decl.id, d.withdrawnAt);
  }
}
