/** What the ERN reader keeps of a party and of a resource: raw strings, with where they were found. */

/** A value with the line and XML path it came from, for rejections that point at the element. */
export interface Loc {
  value: string;
  line: number;
  path: string;
}

export interface ErnParty {
  index: number;
  line: number;
  path: string;
  ref: string | null;
  fullName: Loc | null;
  fullNameIndexed: string | null;
  isni: Loc | null;
  ipn: Loc | null;
  ipi: Loc | null;
  /** `PartyId/ProprietaryId` values prefixed with their Namespace attribute (`PADPIDA...:1981969`). */
  proprietaryIds: string[];
}

export interface ErnRole {
  value: string;
  userDefined: string | null;
  instruments: string[];
}

export interface ErnContributor {
  ref: Loc | null;
  line: number;
  path: string;
  roles: ErnRole[];
  /** The deprecated contributor-level InstrumentType (ERN 4.3), applied to roles that name none. */
  instruments: string[];
  featured: Loc | null;
}

export interface ErnResource {
  kind: 'sound' | 'audiovisual';
  index: number;
  line: number;
  path: string;
  ref: string | null;
  isrc: Loc | null;
  isan: Loc | null;
  eidr: Loc | null;
  iswc: Loc | null;
  displayTitleText: Loc | null;
  titleText: Loc | null;
  subTitle: string | null;
  displayArtistName: string | null;
  displayArtists: { ref: string | null; role: string | null }[];
  contributors: ErnContributor[];
  duration: Loc | null;
  pLineYear: Loc | null;
  label: string | null;
  creationDate: Loc | null;
}

export function emptyParty(index: number, line: number, path: string): ErnParty {
  return {
    index,
    line,
    path,
    ref: null,
    fullName: null,
    fullNameIndexed: null,
    isni: null,
    ipn: null,
    ipi: null,
    proprietaryIds: [],
  };
}

export function emptyResource(
  kind: ErnResource['kind'],
  index: number,
  line: number,
  path: string,
): ErnResource {
  return {
    kind,
    index,
    line,
    path,
    ref: null,
    isrc: null,
    isan: null,
    eidr: null,
    iswc: null,
    displayTitleText: null,
    titleText: null,
    subTitle: null,
    displayArtistName: null,
    displayArtists: [],
    contributors: [],
    duration: null,
    pLineYear: null,
    label: null,
    creationDate: null,
  };
}

/** Paths (inside a Party) whose text the reader keeps. */
export const PARTY_FIELDS: ReadonlySet<string> = new Set([
  'PartyReference',
  'PartyName/FullName',
  'PartyName/FullNameIndexed',
  'PartyId/ISNI',
  'PartyId/IPN',
  'PartyId/IpiNameNumber',
  'PartyId/ProprietaryId',
]);

/** Paths (inside a SoundRecording or Video, edition prefix removed) whose text the reader keeps. */
export const RESOURCE_FIELDS: ReadonlySet<string> = new Set([
  'ResourceReference',
  'ResourceId/ISRC',
  'ResourceId/ISAN',
  'ResourceId/EIDR',
  'WorkId/ISWC',
  'PLine/Year',
  'PLine/PLineCompany',
  'DisplayTitleText',
  'DisplayTitle/TitleText',
  'DisplayTitle/SubTitle',
  'DisplayArtistName',
  'DisplayArtist/ArtistPartyReference',
  'DisplayArtist/DisplayArtistRole',
  'Duration',
  'CreationDate',
  'Contributor/ContributorPartyReference',
  'Contributor/Role',
  'Contributor/Role/Value',
  'Contributor/Role/InstrumentType',
  'Contributor/InstrumentType',
  'Contributor/HasMadeFeaturedContribution',
]);

/** `SoundRecordingEdition/ResourceId/ISRC` -> `ResourceId/ISRC`: editions carry the ids and P line in ERN 4. */
export function withoutEdition(rel: string): string {
  return rel.startsWith('SoundRecordingEdition/')
    ? rel.slice(22)
    : rel.startsWith('VideoEdition/')
      ? rel.slice(13)
      : rel;
}
