/**
 * Writes small DDEX ERN 4.3 / 4.3.1 NewReleaseMessages from plain objects, for parser round trips and
 * import tests. Only the elements the registry reads, in schema order.
 */
export interface TestParty {
  ref: string;
  name: string;
  indexed?: string;
  isni?: string;
  ipn?: string;
  ipi?: string;
  proprietary?: { ns: string; value: string };
}

export interface TestContributor {
  ref: string;
  /** ERN 4.3.1 writes roles as Role/Value with Role/InstrumentType; ERN 4.3 as text with Contributor/InstrumentType. */
  roles: { value: string; instruments?: string[] }[];
  instruments?: string[];
  featured?: boolean;
}

export interface TestResource {
  kind: 'SoundRecording' | 'Video';
  ref: string;
  isrc?: string;
  title?: string;
  subTitle?: string;
  displayTitleText?: string;
  artistName?: string;
  displayArtists?: { ref: string; role: string }[];
  contributors?: TestContributor[];
  duration?: string;
  year?: string;
  label?: string;
}

export const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function party(p: TestParty): string {
  const ids = [
    p.isni === undefined ? '' : `<ISNI>${xml(p.isni)}</ISNI>`,
    p.ipn === undefined ? '' : `<IPN>${xml(p.ipn)}</IPN>`,
    p.ipi === undefined ? '' : `<IpiNameNumber>${xml(p.ipi)}</IpiNameNumber>`,
    p.proprietary === undefined
      ? ''
      : `<ProprietaryId Namespace="${xml(p.proprietary.ns)}">${xml(p.proprietary.value)}</ProprietaryId>`,
  ].join('');
  return `<Party><PartyReference>${xml(p.ref)}</PartyReference>
      <PartyName><FullName>${xml(p.name)}</FullName>${p.indexed === undefined ? '' : `<FullNameIndexed>${xml(p.indexed)}</FullNameIndexed>`}</PartyName>
      ${ids === '' ? '' : `<PartyId>${ids}</PartyId>`}</Party>`;
}

function contributor(c: TestContributor, v431: boolean): string {
  const roles = c.roles
    .map((r) =>
      v431
        ? `<Role><Value>${xml(r.value)}</Value>${(r.instruments ?? []).map((i) => `<InstrumentType>${xml(i)}</InstrumentType>`).join('')}</Role>`
        : `<Role>${xml(r.value)}</Role>`,
    )
    .join('');
  const legacy = (c.instruments ?? []).map((i) => `<InstrumentType>${xml(i)}</InstrumentType>`).join('');
  const featured =
    c.featured === undefined
      ? ''
      : `<HasMadeFeaturedContribution>${c.featured}</HasMadeFeaturedContribution>`;
  return `<Contributor><ContributorPartyReference>${xml(c.ref)}</ContributorPartyReference>${roles}${legacy}${featured}</Contributor>`;
}

function resource(r: TestResource, v431: boolean): string {
  const edition = r.kind === 'SoundRecording' ? 'SoundRecordingEdition' : 'VideoEdition';
  const pline =
    r.year === undefined && r.label === undefined
      ? ''
      : `<PLine>${r.year === undefined ? '' : `<Year>${xml(r.year)}</Year>`}${r.label === undefined ? '' : `<PLineCompany>${xml(r.label)}</PLineCompany>`}</PLine>`;
  return `<${r.kind}><ResourceReference>${xml(r.ref)}</ResourceReference><Type>MusicalWorkSoundRecording</Type>
      <${edition}>${r.isrc === undefined ? '' : `<ResourceId><ISRC>${xml(r.isrc)}</ISRC></ResourceId>`}${pline}</${edition}>
      ${r.displayTitleText === undefined ? '' : `<DisplayTitleText>${xml(r.displayTitleText)}</DisplayTitleText>`}
      ${r.title === undefined ? '' : `<DisplayTitle><TitleText>${xml(r.title)}</TitleText>${r.subTitle === undefined ? '' : `<SubTitle>${xml(r.subTitle)}</SubTitle>`}</DisplayTitle>`}
      ${r.artistName === undefined ? '' : `<DisplayArtistName>${xml(r.artistName)}</DisplayArtistName>`}
      ${(r.displayArtists ?? []).map((d, i) => `<DisplayArtist SequenceNumber="${i + 1}"><ArtistPartyReference>${xml(d.ref)}</ArtistPartyReference><DisplayArtistRole>${xml(d.role)}</DisplayArtistRole></DisplayArtist>`).join('')}
      ${(r.contributors ?? []).map((c) => contributor(c, v431)).join('\n')}
      ${r.duration === undefined ? '' : `<Duration>${xml(r.duration)}</Duration>`}
    </${r.kind}>`;
}

export function ernMessage(
  parties: readonly TestParty[],
  resources: readonly TestResource[],
  options: { v431?: boolean; sender?: string } = {},
): string {
  const v431 = options.v431 ?? true;
  return `<?xml version="1.0" encoding="UTF-8"?>
<ern:NewReleaseMessage xmlns:ern="http://ddex.net/xml/ern/${v431 ? '431' : '43'}" ReleaseProfileVersionId="Audio" LanguageAndScriptCode="fr" AvsVersionId="7">
  <MessageHeader><MessageId>T</MessageId><MessageSender><PartyId>${xml(options.sender ?? 'PADPIDA2025000001X')}</PartyId></MessageSender>
    <MessageCreatedDateTime>2025-01-01T00:00:00Z</MessageCreatedDateTime></MessageHeader>
  <PartyList>
    ${parties.map(party).join('\n    ')}
  </PartyList>
  <ResourceList>
    ${resources.map((r) => resource(r, v431)).join('\n    ')}
  </ResourceList>
  <ReleaseList/>
</ern:NewReleaseMessage>
`;
}
