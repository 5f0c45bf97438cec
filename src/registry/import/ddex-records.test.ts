import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ernMessage } from '../../../test/support/ern.js';
import { nameUuid } from './ddex-ids.js';
import { ErnReader, type ErnResource } from './ddex-parse.js';
import { DdexMapper, type DdexResult } from './ddex-records.js';
import type { DdexResourceDraft } from './model.js';

function map(xml: Buffer | string): { resources: ErnResource[]; results: DdexResult<DdexResourceDraft>[] } {
  const mapper = new DdexMapper();
  const resources: ErnResource[] = [];
  const reader = new ErnReader(
    {
      sender: (s) => mapper.setSender(s),
      party: (p) => mapper.addParty(p),
      resource: (r) => resources.push(r),
    },
    'm.xml',
  );
  reader.write(Buffer.isBuffer(xml) ? xml : Buffer.from(xml));
  reader.end();
  return { resources, results: resources.map((r) => mapper.resource(r)) };
}
const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/import/${name}`, import.meta.url));

function ok(r: DdexResult<DdexResourceDraft> | undefined): DdexResourceDraft {
  if (r === undefined || !r.ok) throw new Error(`rejected: ${JSON.stringify(r)}`);
  return r.value;
}

describe('DDEX resources as registry drafts', () => {
  it('makes one line-up entry per performing contributor, role and instrument, then uncredited display artists', () => {
    const { results } = map(fixture('ern431-audio.xml'));
    const a1 = ok(results[0]);
    expect(a1.recording).toMatchObject({
      kind: 'sound',
      isrc: 'FRX992500001',
      title: 'Chanson DDEX',
      versionTitle: null,
      displayArtist: 'Jeanne Exemple',
      durationMs: 190_500,
      year: 2025,
      label: 'Label Test Records',
    });
    expect(a1.performers.map((p) => p.performer.displayName)).toEqual([
      'Jeanne Exemple',
      'Marc Session',
      'Lina Strings',
    ]);
    expect(
      a1.lineup.map((e) => [
        a1.performers[e.performer]?.performer.displayName,
        e.role,
        e.instrument,
        e.featured,
      ]),
    ).toEqual([
      ['Jeanne Exemple', 'LeadVocalist', null, true],
      ['Marc Session', 'StudioMusician', 'Guitar', false],
      ['Marc Session', 'StudioMusician', 'Mandolin', false],
      ['Lina Strings', 'Musician', 'Violin', false],
      ['Lina Strings', 'BackgroundVocalist', null, false],
    ]);
    const a2 = ok(results[1]);
    expect(a2.recording).toMatchObject({
      isrc: 'FRX992500002',
      title: 'Deuxième',
      versionTitle: 'Version courte',
      year: 2024,
      durationMs: 120_000,
    });
    expect(
      a2.lineup.map((e) => [a2.performers[e.performer]?.performer.displayName, e.role, e.featured]),
    ).toEqual([
      ['Zoé Nom', 'Performer', false],
      ['Jeanne Exemple', 'FeaturedArtist', true],
    ]);
  });

  it('turns parties into non-members with ids derived from their strongest key', () => {
    const a1 = ok(map(fixture('ern431-audio.xml')).results[0]);
    expect(a1.performers.map((p) => p.id)).toEqual([
      nameUuid('isni:0000000121032683'),
      nameUuid('isni:0000000111111118'),
      nameUuid('ipn:55554444'),
    ]);
    expect(a1.performers[0]?.performer).toMatchObject({
      member: false,
      memberNo: null,
      sortName: 'Exemple, Jeanne',
      isni: '0000000121032683',
      ipn: '12345678',
    });
    const a2 = ok(map(fixture('ern431-audio.xml')).results[1]);
    expect(a2.performers[0]?.id).toBe(nameUuid('name:PADPIDA2025000001X:zoe nom'));
    const video = ok(map(fixture('ern43-video.xml')).results[0]);
    expect(video.performers.map((p) => p.id)).toEqual([
      nameUuid('proprietary:PADPIDA2025000001X:A-1'),
      nameUuid('ipn:99887766'),
    ]);
    expect(video.lineup.map((e) => [e.role, e.instrument, e.featured])).toEqual([
      ['Actor', null, false],
      ['Musician', 'Drums', false],
    ]);
    expect(video.recording).toMatchObject({ kind: 'audiovisual', isrc: 'FRX992500010', year: 2023 });
  });

  it('rejects a resource for its own bad element or a bad party it names, with line and path', () => {
    const { results } = map(fixture('bad-ids.xml'));
    expect(results).toEqual([
      {
        ok: false,
        line: 27,
        field: '/NewReleaseMessage/PartyList/Party[2]/PartyId/ISNI',
        reason: 'ISNI check character should be 8, not 9',
      },
      {
        ok: false,
        line: 86,
        field: '/NewReleaseMessage/ResourceList/SoundRecording[2]/SoundRecordingEdition/ResourceId/ISRC',
        reason: 'ISRC has 12 characters, got 13',
      },
    ]);
  });

  it('rejects references to unknown parties and resources without identifier or title', () => {
    const xml = ernMessage(
      [{ ref: 'P1', name: 'A' }],
      [
        {
          kind: 'SoundRecording',
          ref: 'A1',
          isrc: 'FRX992500001',
          title: 'T',
          artistName: 'A',
          contributors: [{ ref: 'P9', roles: [{ value: 'Musician' }] }],
        },
        { kind: 'SoundRecording', ref: 'A2', title: 'T', artistName: 'A' },
        { kind: 'SoundRecording', ref: 'A3', isrc: 'FRX992500003', artistName: 'A' },
        {
          kind: 'SoundRecording',
          ref: 'A4',
          isrc: 'FRX992500004',
          title: 'T',
          artistName: 'A',
          duration: 'three minutes',
        },
        {
          kind: 'SoundRecording',
          ref: 'A5',
          isrc: 'FRX992500005',
          title: 'T',
          contributors: [{ ref: 'P1', roles: [{ value: 'Musician' }], featured: undefined }],
        },
      ],
    );
    const { results } = map(xml);
    expect(
      results.map((r) =>
        r.ok ? 'ok' : `${r.field.replace('/NewReleaseMessage/ResourceList/', '')}: ${r.reason}`,
      ),
    ).toEqual([
      'SoundRecording[1]/Contributor[1]/ContributorPartyReference: party P9 is not in the PartyList',
      'SoundRecording[2]/SoundRecordingEdition/ResourceId: a recording needs an ISRC, an ISAN or an EIDR',
      'SoundRecording[3]/DisplayTitleText: required',
      expect.stringContaining('SoundRecording[4]/Duration: not a duration'),
      'SoundRecording[5]/DisplayArtistName: required',
    ]);
  });

  it('never throws on generated resources, and points rejections at the message', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('FRX992500001', 'Musician', 'Composer', 'PT3M', '2020', '0000000121032683'),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            isni: fc.option(value, { nil: undefined }),
            ipn: fc.option(value, { nil: undefined }),
            name: value,
          }),
          { minLength: 1, maxLength: 3 },
        ),
        fc.array(
          fc.record({
            isrc: fc.option(value, { nil: undefined }),
            title: fc.option(value, { nil: undefined }),
            role: value,
            duration: fc.option(value, { nil: undefined }),
            year: fc.option(value, { nil: undefined }),
          }),
          { maxLength: 3 },
        ),
        (ps, rs) => {
          const xml = ernMessage(
            ps.map((p, i) => ({ ref: `P${i}`, ...p })),
            rs.map((r, i) => ({
              kind: 'SoundRecording' as const,
              ref: `A${i}`,
              isrc: r.isrc,
              title: r.title,
              artistName: 'X',
              duration: r.duration,
              year: r.year,
              contributors: [{ ref: `P${i % ps.length}`, roles: [{ value: r.role }] }],
            })),
          );
          for (const r of map(xml).results) {
            if (!r.ok) expect(r.field).toMatch(/^\/NewReleaseMessage\/(PartyList|ResourceList)\//);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
