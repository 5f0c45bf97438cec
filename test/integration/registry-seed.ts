/**
 * A small registry that exercises every branch of coverage: a member with a worldwide statutory
 * mandate, one with an express mandate limited to France and sound recordings, a mandate withdrawn,
 * one corrected to end early, a non-member, a recording without line-up, recordings known only by
 * ISAN or EIDR, and a declaration for AI uses plus one for search in France, later withdrawn.
 */
import { mod37_36 } from '../../src/registry/identifiers.js';
import type { RegistryService } from '../../src/registry/service.js';

export const SEED = {
  reserved: 'FRZ032500001', // Jeanne (statutory, world) + Paul (no mandate)
  notCovered: 'FRZ032500002', // Paul only
  noLineup: 'FRZ032500003',
  franceOnly: 'FRZ032500004', // Marc: express, FR, ai-training, sound
  audiovisual: 'FRZ032500005', // Marc on an audiovisual recording: out of scope
  ended: 'FRZ032500006', // Luc (withdrawn 2024-06-01) + Ana (corrected to end 2025-01-01)
  absent: 'FRZ032599999',
} as const;

const ISAN_ROOT = '000000018947000A';
const EIDR_HEX = '77918534',
  EIDR_REST = '2C2390308610';

export interface Seeded {
  performers: Record<'jeanne' | 'paul' | 'marc' | 'luc' | 'ana', string>;
  isan: string;
  eidr: string;
}

export async function seedRegistry(reg: RegistryService): Promise<Seeded> {
  const ids = {
    isan: `${ISAN_ROOT}${mod37_36(ISAN_ROOT)}`,
    eidr: `10.5240/${EIDR_HEX}${EIDR_REST}${mod37_36(EIDR_HEX + EIDR_REST)}`,
  };
  const jeanne = await reg.addPerformer({
    displayName: 'Jeanne Dupont',
    memberNo: 'M001',
    isni: '0000 0001 2281 955X',
    aliases: ['Jeanne D.'],
  });
  const paul = await reg.addPerformer({ displayName: 'Paul Martin', ipn: '123456', member: false });
  const marc = await reg.addPerformer({ displayName: 'Marc Lefèvre', memberNo: 'M002' });
  const luc = await reg.addPerformer({ displayName: 'Luc Moreau', memberNo: 'M003' });
  const ana = await reg.addPerformer({ displayName: 'Ana García', memberNo: 'M004' });

  await reg.addMandate({
    performerId: jeanne.id,
    legalBasis: 'statutory',
    validFrom: '2020-01-01',
    sourceRef: 'membership form 001',
  });
  await reg.addMandate({
    performerId: marc.id,
    legalBasis: 'express',
    uses: ['ai-training'],
    media: ['sound'],
    territories: ['FR'],
    validFrom: '2022-01-01',
  });
  const lucMandate = await reg.addMandate({
    performerId: luc.id,
    legalBasis: 'express',
    validFrom: '2020-01-01',
  });
  await reg.withdrawMandate(lucMandate.mandateId, '2024-06-01');
  const anaMandate = await reg.addMandate({
    performerId: ana.id,
    legalBasis: 'statutory',
    validFrom: '2020-01-01',
  });
  await reg.correctMandate(anaMandate.mandateId, { validTo: '2025-01-01' });

  const line = (performerIds: string[]) =>
    performerIds.map((performerId, i) => ({
      performerId,
      role: i === 0 ? 'MainArtist' : 'StudioMusician',
      instrument: i === 0 ? null : 'Cello',
      featured: i === 0,
      position: i + 1,
    }));
  const sound = {
    kind: 'sound' as const,
    displayArtist: 'Jeanne Dupont',
    year: 2021,
    label: 'Label A',
    durationMs: 185_500,
  };
  await reg.addRecording(
    { ...sound, isrc: SEED.reserved, title: 'Été indien', versionTitle: 'Remastered 2021' },
    line([jeanne.id, paul.id]),
  );
  await reg.addRecording(
    { ...sound, isrc: SEED.notCovered, title: 'Nuit blanche', displayArtist: 'Paul Martin' },
    line([paul.id]),
  );
  await reg.addRecording({ ...sound, isrc: SEED.noLineup, title: 'Sans musiciens' });
  await reg.addRecording(
    { ...sound, isrc: SEED.franceOnly, title: 'Rivière', displayArtist: 'Marc Lefèvre' },
    line([marc.id]),
  );
  await reg.addRecording(
    { kind: 'audiovisual', isrc: SEED.audiovisual, title: 'Le film', displayArtist: 'Marc Lefèvre' },
    line([marc.id]),
  );
  await reg.addRecording(
    { ...sound, isrc: SEED.ended, title: 'Fin de contrat', displayArtist: 'Luc Moreau' },
    line([luc.id, ana.id]),
  );
  await reg.addRecording(
    { kind: 'audiovisual', isan: ids.isan, title: 'Documentaire', displayArtist: 'Jeanne Dupont' },
    line([jeanne.id]),
  );
  await reg.addRecording(
    { kind: 'audiovisual', eidr: ids.eidr, title: 'Série', displayArtist: 'Ana García' },
    line([ana.id]),
  );

  await reg.declare({ issuer: 'Spedidam (test)', effectiveFrom: '2021-01-01' });
  const search = await reg.declare({
    issuer: 'Spedidam (test)',
    uses: ['search'],
    territories: ['FR'],
    effectiveFrom: '2023-01-01',
  });
  await reg.withdrawDeclaration(search.id, '2025-01-01');
  return {
    performers: { jeanne: jeanne.id, paul: paul.id, marc: marc.id, luc: luc.id, ana: ana.id },
    ...ids,
  };
}
