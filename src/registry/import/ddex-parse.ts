/**
 * Streaming reader of DDEX ERN 4.3 `NewReleaseMessage`s (saxes, no DOM): feed byte chunks, receive each
 * `PartyList/Party` and each `ResourceList/SoundRecording` or `Video` as a plain record of the strings it
 * holds, with the line and XML path of the fields that can be wrong. Only what the registry needs is kept,
 * so memory stays bounded by one resource (plus the parties, which resources reference).
 *
 * ERN 4.3 writes a contributor role as text (`<Role>Musician</Role>`), ERN 4.3.1 as a composite
 * (`<Role><Value>Musician</Value><InstrumentType>Cello</InstrumentType></Role>`); both are read.
 * External entities are never fetched (saxes does not resolve them).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { fileError, ImportError } from './errors.js';
import {
  emptyParty,
  emptyResource,
  PARTY_FIELDS,
  RESOURCE_FIELDS,
  withoutEdition,
  type ErnParty,
  type ErnResource,
  type Loc,
} from './ddex-types.js';

export type { ErnContributor, ErnParty, ErnResource, Loc } from './ddex-types.js';

/** ERN 4.3 and its 4.3.x revisions. */
const ERN43 = /^http:\/\/ddex\.net\/xml\/ern\/43\d*$/;
/** Text longer than this in a field the registry reads means the file is not an ERN message. */
const MAX_TEXT = 65_536;

export interface ErnHandler {
  /** The message sender's DPID (`MessageHeader/MessageSender/PartyId`), before any party or resource. */
  sender?(dpid: string): void;
  party(p: ErnParty): void;
  resource(r: ErnResource): void;
}

export class ErnReader {
  private readonly sax: SaxesParser<{ xmlns: true; position: true }>;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly names: string[] = [];
  /** Path inside the current party or resource (`SoundRecordingEdition/ResourceId/ISRC`), '' outside. */
  private readonly rel: string[] = [];
  private party: ErnParty | null = null;
  private resource: ErnResource | null = null;
  private partyCount = 0;
  private resourceCount = { SoundRecording: 0, Video: 0 };
  private capturing = false;
  private text = '';
  /** The Namespace attribute of the element being captured (ProprietaryId). */
  private attr: string | null = null;
  private sawRoot = false;

  constructor(
    private readonly handler: ErnHandler,
    private readonly file: string,
  ) {
    this.sax = new SaxesParser({ xmlns: true, position: true });
    this.sax.on('error', (e) => {
      throw this.bad(e.message.replace(/^undefined:/, '').replace(/^\d+:\d+: /, ''));
    });
    this.sax.on('opentag', (t) => this.open(t));
    this.sax.on('text', (t) => this.onText(t));
    this.sax.on('cdata', (t) => this.onText(t));
    this.sax.on('closetag', (t) => this.close(t));
  }

  write(chunk: Buffer): void {
    let s: string;
    try {
      s = this.decoder.decode(chunk, { stream: true });
    } catch (cause) {
      throw this.bad('not UTF-8 text', cause);
    }
    this.sax.write(s);
  }

  end(): void {
    try {
      this.sax.write(this.decoder.decode());
    } catch (cause) {
      if (cause instanceof ImportError) throw cause;
      throw this.bad('not UTF-8 text', cause);
    }
    this.sax.close();
    if (!this.sawRoot) throw this.bad('no NewReleaseMessage element (empty file?)');
  }

  private bad(reason: string, cause?: unknown): ImportError {
    const line = this.sax.line;
    return fileError('IMPORT_BAD_XML', this.file, line, reason, { cause, path: this.path() });
  }

  private path(): string {
    return '/' + this.names.join('/');
  }

  private open(tag: SaxesTagNS): void {
    const name = tag.local;
    const depth = this.names.length;
    this.names.push(name);
    if (depth === 0) return this.root(tag);
    const parent = this.names[depth - 1];
    if (depth === 2 && parent === 'PartyList' && name === 'Party') {
      this.party = emptyParty(++this.partyCount, this.sax.line, this.path() + `[${this.partyCount}]`);
      this.rel.length = 0;
      return;
    }
    if (depth === 2 && parent === 'ResourceList' && (name === 'SoundRecording' || name === 'Video')) {
      const i = ++this.resourceCount[name];
      this.resource = emptyResource(
        name === 'Video' ? 'audiovisual' : 'sound',
        i,
        this.sax.line,
        this.path() + `[${i}]`,
      );
      this.rel.length = 0;
      return;
    }
    if (this.party === null && this.resource === null) {
      this.capturing =
        depth === 3 &&
        this.names[1] === 'MessageHeader' &&
        this.names[2] === 'MessageSender' &&
        name === 'PartyId';
      this.text = '';
      return;
    }
    this.rel.push(name);
    const rel = this.rel.join('/');
    if (this.resource !== null) this.openInResource(rel, tag);
    this.capturing = this.party !== null ? PARTY_FIELDS.has(rel) : RESOURCE_FIELDS.has(withoutEdition(rel));
    this.attr = tag.attributes.Namespace?.value ?? null;
    this.text = '';
  }

  private root(tag: SaxesTagNS): void {
    this.sawRoot = true;
    if (/^http:\/\/ddex\.net\/xml\/ern\/3/.test(tag.uri))
      throw this.bad(`ERN 3 messages (${tag.uri}) are not supported: send ERN 4.3`);
    if (tag.local !== 'NewReleaseMessage')
      throw this.bad(`the root element is ${tag.local}, not NewReleaseMessage`);
    if (!ERN43.test(tag.uri))
      throw this.bad(`namespace ${tag.uri || '(none)'} is not DDEX ERN 4.3 (http://ddex.net/xml/ern/43)`);
  }

  private openInResource(rel: string, tag: SaxesTagNS): void {
    const r = this.resource as ErnResource;
    if (rel === 'Contributor') {
      r.contributors.push({
        ref: null,
        line: this.sax.line,
        path: `${r.path}/Contributor[${r.contributors.length + 1}]`,
        roles: [],
        instruments: [],
        featured: null,
      });
    } else if (rel === 'Contributor/Role') {
      r.contributors.at(-1)?.roles.push({
        value: '',
        userDefined: tag.attributes.UserDefinedValue?.value ?? null,
        instruments: [],
      });
    } else if (rel === 'DisplayArtist') {
      r.displayArtists.push({ ref: null, role: null });
    }
  }

  private onText(t: string): void {
    if (!this.capturing) return;
    this.text += t;
    if (this.text.length > MAX_TEXT)
      throw this.bad(`more than ${MAX_TEXT} characters of text in ${this.names.at(-1)}`);
  }

  private close(tag: SaxesTagNS): void {
    const depth = this.names.length - 1;
    const value = this.capturing ? this.text.trim() : '';
    this.capturing = false;
    this.text = '';
    if (depth === 2 && this.party !== null && tag.local === 'Party') {
      this.handler.party(this.party);
      this.party = null;
    } else if (
      depth === 2 &&
      this.resource !== null &&
      (tag.local === 'SoundRecording' || tag.local === 'Video')
    ) {
      this.handler.resource(this.resource);
      this.resource = null;
    } else if (this.party !== null) {
      this.partyField(this.rel.join('/'), value);
    } else if (this.resource !== null) {
      this.resourceField(this.rel.join('/'), value);
    } else if (depth === 3 && tag.local === 'PartyId' && this.names[2] === 'MessageSender' && value !== '') {
      this.handler.sender?.(value);
    }
    this.names.pop();
    if (this.rel.length > 0 && (this.party !== null || this.resource !== null)) this.rel.pop();
  }

  /** A value found at `rel` below `base` (the party, resource or contributor path). */
  private loc(value: string, base: string, rel: string): Loc {
    return { value, line: this.sax.line, path: `${base}/${rel}` };
  }

  private partyField(rel: string, value: string): void {
    const p = this.party as ErnParty;
    if (value === '') return;
    const at = () => this.loc(value, p.path, rel);
    if (rel === 'PartyReference') p.ref ??= value;
    else if (rel === 'PartyName/FullName') p.fullName ??= at();
    else if (rel === 'PartyName/FullNameIndexed') p.fullNameIndexed ??= value;
    else if (rel === 'PartyId/ISNI') p.isni ??= at();
    else if (rel === 'PartyId/IPN') p.ipn ??= at();
    else if (rel === 'PartyId/IpiNameNumber') p.ipi ??= at();
    else if (rel === 'PartyId/ProprietaryId') p.proprietaryIds.push(`${this.attr ?? ''}:${value}`);
  }

  private resourceField(rel: string, value: string): void {
    const r = this.resource as ErnResource;
    if (value === '') return;
    const at = () => this.loc(value, r.path, rel);
    const c = r.contributors.at(-1);
    const inC = () => this.loc(value, c?.path ?? r.path, rel.slice('Contributor/'.length));
    const role = c?.roles.at(-1);
    const artist = r.displayArtists.at(-1);
    switch (withoutEdition(rel)) {
      case 'ResourceReference':
        r.ref ??= value;
        break;
      case 'ResourceId/ISRC':
        r.isrc ??= at();
        break;
      case 'ResourceId/ISAN':
        r.isan ??= at();
        break;
      case 'ResourceId/EIDR':
        r.eidr ??= at();
        break;
      case 'WorkId/ISWC':
        r.iswc ??= at();
        break;
      case 'PLine/Year':
        r.pLineYear ??= at();
        break;
      case 'PLine/PLineCompany':
        r.label ??= value;
        break;
      case 'DisplayTitleText':
        r.displayTitleText ??= at();
        break;
      case 'DisplayTitle/TitleText':
        r.titleText ??= at();
        break;
      case 'DisplayTitle/SubTitle':
        r.subTitle ??= value;
        break;
      case 'DisplayArtistName':
        r.displayArtistName ??= value;
        break;
      case 'DisplayArtist/ArtistPartyReference':
        if (artist) artist.ref = value;
        break;
      case 'DisplayArtist/DisplayArtistRole':
        if (artist) artist.role = value;
        break;
      case 'Duration':
        r.duration ??= at();
        break;
      case 'CreationDate':
        r.creationDate ??= at();
        break;
      case 'Contributor/ContributorPartyReference':
        if (c) c.ref = inC();
        break;
      case 'Contributor/Role':
        if (role && role.value === '') role.value = value;
        break;
      case 'Contributor/Role/Value':
        if (role) role.value = value;
        break;
      case 'Contributor/Role/InstrumentType':
        role?.instruments.push(value);
        break;
      case 'Contributor/InstrumentType':
        c?.instruments.push(value);
        break;
      case 'Contributor/HasMadeFeaturedContribution':
        if (c) c.featured = inC();
        break;
    }
  }
}
