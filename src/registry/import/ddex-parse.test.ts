import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ernMessage, type TestParty, type TestResource } from '../../../test/support/ern.js';
import { ErnReader, type ErnParty, type ErnResource } from './ddex-parse.js';
import { ImportError } from './errors.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/import/${name}`, import.meta.url));

interface Read {
  sender: string | null;
  parties: ErnParty[];
  resources: ErnResource[];
}

function read(input: Buffer, cuts: number[] = []): Read {
  const out: Read = { sender: null, parties: [], resources: [] };
  const reader = new ErnReader(
    {
      sender: (s) => (out.sender = s),
      party: (p) => out.parties.push(p),
      resource: (r) => out.resources.push(r),
    },
    'msg.xml',
  );
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= from || cut >= input.length) continue;
    reader.write(input.subarray(from, cut));
    from = cut;
  }
  reader.write(input.subarray(from));
  reader.end();
  return out;
}

function failure(input: Buffer | string): ImportError {
  try {
    read(Buffer.isBuffer(input) ? input : Buffer.from(input));
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('ERN 4.3 reader', () => {
  it('reads parties and sound recordings of an ERN 4.3.1 message, with lines and paths', () => {
    const { sender, parties, resources } = read(fixture('ern431-audio.xml'));
    expect(sender).toBe('PADPIDA2025000001X');
    expect(parties.map((p) => p.ref)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    expect(parties[0]).toMatchObject({
      fullName: { value: 'Jeanne Exemple', path: '/NewReleaseMessage/PartyList/Party[1]/PartyName/FullName' },
      fullNameIndexed: 'Exemple, Jeanne',
      isni: { value: '0000000121032683', line: 22 },
      ipn: { value: '12345678' },
    });
    expect(parties[5]?.proprietaryIds).toEqual(['PADPIDA2025000001X:C-77']);
    expect(resources).toHaveLength(2);
    const [a1, a2] = resources as [ErnResource, ErnResource];
    expect(a1).toMatchObject({
      kind: 'sound',
      ref: 'A1',
      line: 50,
      path: '/NewReleaseMessage/ResourceList/SoundRecording[1]',
      isrc: {
        value: 'FRX992500001',
        line: 54,
        path: '/NewReleaseMessage/ResourceList/SoundRecording[1]/SoundRecordingEdition/ResourceId/ISRC',
      },
      pLineYear: { value: '2025' },
      label: 'Label Test Records',
      displayArtistName: 'Jeanne Exemple',
      displayArtists: [{ ref: 'P1', role: 'MainArtist' }],
      duration: { value: 'PT3M10.5S' },
    });
    expect(
      a1.contributors.map((c) => [
        c.ref?.value,
        c.roles.map((r) => [r.value, r.instruments]),
        c.featured?.value ?? null,
      ]),
    ).toEqual([
      ['P1', [['LeadVocalist', []]], 'true'],
      ['P2', [['StudioMusician', ['Guitar', 'Mandolin']]], 'false'],
      [
        'P3',
        [
          ['Musician', ['Violin']],
          ['BackgroundVocalist', []],
        ],
        null,
      ],
      ['P6', [['Composer', []]], null],
    ]);
    expect(a1.contributors[1]?.featured?.path).toBe(
      '/NewReleaseMessage/ResourceList/SoundRecording[1]/Contributor[2]/HasMadeFeaturedContribution',
    );
    expect(a2).toMatchObject({
      isrc: { value: 'FR-X99-25-00002' },
      titleText: { value: 'Deuxième' },
      subTitle: 'Version courte',
      creationDate: { value: '2024-11-05' },
    });
  });

  it('reads ERN 4.3 text roles, contributor-level instruments and videos', () => {
    const { resources } = read(fixture('ern43-video.xml'));
    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatchObject({
      kind: 'audiovisual',
      path: '/NewReleaseMessage/ResourceList/Video[1]',
      isrc: { value: 'FRX992500010' },
      pLineYear: { value: '2023' },
    });
    expect(
      resources[0]?.contributors.map((c) => [c.roles.map((r) => r.value), c.instruments, c.featured?.value]),
    ).toEqual([
      [['Actor'], [], undefined],
      [['Musician'], ['Drums'], '0'],
    ]);
  });

  it.each([
    ['bad-truncated.xml', /unclosed tag/],
    ['bad-ern382.xml', /ERN 3 messages .* are not supported/],
    ['bad-namespace.xml', /is not DDEX ERN 4.3/],
  ])('refuses %s as a whole, naming the line', (name, reason) => {
    const e = failure(fixture(name));
    expect(e.code).toBe('IMPORT_BAD_XML');
    expect(e.message).toMatch(reason);
    expect(e.details).toMatchObject({ file: 'msg.xml', line: expect.any(Number) });
  });

  it('refuses what is not an ERN message at all', () => {
    expect(failure('').message).toMatch(/root element/);
    expect(failure('isrc,title\n').code).toBe('IMPORT_BAD_XML');
    expect(failure('<PurgeReleaseMessage xmlns="http://ddex.net/xml/ern/43"/>').message).toMatch(
      /root element is PurgeReleaseMessage/,
    );
    expect(failure(Buffer.from([0x3c, 0x61, 0xff, 0xfe, 0x3e])).message).toMatch(/not UTF-8/);
    expect(failure('<a><b></a>').code).toBe('IMPORT_BAD_XML');
  });

  it('never fails with anything but an ImportError, whatever it is fed', () => {
    const base = fixture('ern431-audio.xml');
    const tryRead = (input: Buffer) => {
      try {
        read(input);
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
      }
    };
    fc.assert(
      fc.property(fc.string(), (s) => tryRead(Buffer.from(s))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => tryRead(Buffer.from(b))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.nat(base.length),
        fc.nat(base.length),
        fc.uint8Array({ maxLength: 8 }),
        (cut, at, junk) => {
          tryRead(base.subarray(0, cut));
          tryRead(Buffer.concat([base.subarray(0, at), Buffer.from(junk), base.subarray(at)]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives back what a message holds, however its bytes are cut', () => {
    const text = fc
      .string({
        unit: fc.constantFrom('a', 'Z', ' ', '&', '<', '>', '"', "'", 'é', '€', '😀', ']]>'),
        minLength: 1,
        maxLength: 12,
      })
      .map((s) => `x${s}x`);
    const partyArb = fc.record({
      name: text,
      isni: fc.option(text, { nil: undefined }),
      ipn: fc.option(text, { nil: undefined }),
    });
    const resourceArb = fc.record({
      kind: fc.constantFrom('SoundRecording' as const, 'Video' as const),
      isrc: text,
      title: text,
      subTitle: fc.option(text, { nil: undefined }),
      artistName: text,
      roles: fc.array(fc.record({ value: text, instruments: fc.array(text, { maxLength: 2 }) }), {
        maxLength: 3,
      }),
    });
    fc.assert(
      fc.property(
        fc.array(partyArb, { minLength: 1, maxLength: 3 }),
        fc.array(resourceArb, { maxLength: 3 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 5 }),
        (ps, rs, v431, cuts) => {
          const parties: TestParty[] = ps.map((p, i) => ({ ref: `P${i}`, ...p }));
          const resources: TestResource[] = rs.map((r, i) => ({
            kind: r.kind,
            ref: `A${i}`,
            isrc: r.isrc,
            title: r.title,
            subTitle: r.subTitle,
            artistName: r.artistName,
            contributors: [
              { ref: 'P0', roles: v431 ? r.roles : r.roles.map((x) => ({ value: x.value })), featured: true },
            ],
          }));
          const bytes = Buffer.from(ernMessage(parties, resources, { v431 }), 'utf8');
          const got = read(
            bytes,
            cuts.map((c) => c % (bytes.length + 1)),
          );
          expect(got.parties.map((p) => [p.fullName?.value, p.isni?.value, p.ipn?.value])).toEqual(
            ps.map((p) => [p.name.trim(), p.isni?.trim(), p.ipn?.trim()]),
          );
          expect(
            got.resources.map((r) => [
              r.kind,
              r.isrc?.value,
              r.titleText?.value,
              r.subTitle,
              r.displayArtistName,
              r.contributors[0]?.roles.map((x) => [x.value, x.instruments]),
            ]),
          ).toEqual(
            rs.map((r) => [
              r.kind === 'Video' ? 'audiovisual' : 'sound',
              r.isrc,
              r.title,
              r.subTitle ?? null,
              r.artistName,
              r.roles.map((x) => [x.value, v431 ? x.instruments : []]),
            ]),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
