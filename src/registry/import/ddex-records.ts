/**
 * ERN parties and resources -> registry drafts (pure). A resource becomes one recording, the performers it
 * names (contributors with a performing role, and display artists) and its line-up: one entry per
 * contributor, role and instrument, in document order. A problem anywhere in a resource, or in a party it
 * names, rejects the whole resource, pointing at the element (line and XML path).
 */
import { AppError } from '../../errors.js';
import {
  parseEidr,
  parseIpi,
  parseIpn,
  parseIsan,
  parseIsni,
  parseIsrc,
  parseIswc,
  type IdParse,
} from '../identifiers.js';
import { searchKey } from '../model.js';
import { normalisePerformer, normaliseRecording } from '../service.js';
import { nameUuid } from './ddex-ids.js';
import type { ErnParty, ErnResource, Loc } from './ddex-types.js';
import type { DdexPerformer, DdexResourceDraft } from './model.js';
import { instrument, performerRole } from './roles.js';
import { parseBool, parseDuration, parseInteger, yearOf } from './values.js';

export type DdexResult<T> =
  { ok: true; value: T } | { ok: false; line: number; field: string; reason: string };
type Failure = Extract<DdexResult<unknown>, { ok: false }>;

const failAt = (at: { line: number; path: string }, reason: string): Failure => ({
  ok: false,
  line: at.line,
  field: at.path,
  reason,
});

/** Display roles that credit a performer (Brand, Composer... do not). */
const PERFORMING_DISPLAY_ROLES = new Set(['MainArtist', 'FeaturedArtist', 'Artist']);

function id(loc: Loc | null, parse: (s: string) => IdParse): DdexResult<string | null> {
  if (loc === null) return { ok: true, value: null };
  const r = parse(loc.value);
  return r.ok ? { ok: true, value: r.value } : failAt(loc, r.reason);
}

export class DdexMapper {
  private readonly parties = new Map<string, ErnParty>();
  private readonly performers = new Map<string, DdexResult<DdexPerformer>>();
  private sender = '';

  setSender(dpid: string): void {
    this.sender = dpid;
  }

  addParty(p: ErnParty): void {
    if (p.ref !== null && !this.parties.has(p.ref)) this.parties.set(p.ref, p);
  }

  /** The performer a party becomes, validated once per party. */
  performerOf(ref: string): DdexResult<DdexPerformer> | null {
    const cached = this.performers.get(ref);
    if (cached !== undefined) return cached;
    const party = this.parties.get(ref);
    if (party === undefined) return null;
    const result = this.partyPerformer(party);
    this.performers.set(ref, result);
    return result;
  }

  private partyPerformer(p: ErnParty): DdexResult<DdexPerformer> {
    if (p.fullName === null)
      return failAt(
        { line: p.line, path: `${p.path}/PartyName/FullName` },
        'a performing party needs a name',
      );
    const isni = id(p.isni, parseIsni);
    if (!isni.ok) return isni;
    const ipn = id(p.ipn, parseIpn);
    if (!ipn.ok) return ipn;
    const ipi = id(p.ipi, parseIpi);
    if (!ipi.ok) return ipi;
    const key =
      isni.value !== null
        ? `isni:${isni.value}`
        : ipn.value !== null
          ? `ipn:${ipn.value}`
          : p.proprietaryIds[0] !== undefined
            ? `proprietary:${p.proprietaryIds[0]}`
            : `name:${this.sender}:${searchKey(p.fullName.value)}`;
    const pid = nameUuid(key);
    try {
      const performer = normalisePerformer(
        {
          displayName: p.fullName.value,
          sortName: p.fullNameIndexed,
          isni: isni.value,
          ipn: ipn.value,
          ipi: ipi.value,
          memberNo: null,
          member: false,
        },
        pid,
      );
      return { ok: true, value: { id: pid, performer } };
    } catch (e) {
      if (e instanceof AppError) return failAt(p.fullName, e.message);
      throw e;
    }
  }

  resource(r: ErnResource): DdexResult<DdexResourceDraft> {
    const ids = [
      id(r.isrc, parseIsrc),
      id(r.isan, parseIsan),
      id(r.eidr, parseEidr),
      id(r.iswc, parseIswc),
    ] as const;
    for (const x of ids) if (!x.ok) return x;
    const [isrc, isan, eidr, iswc] = ids.map((x) => (x.ok ? x.value : null));
    const title = r.titleText ?? r.displayTitleText;
    const duration =
      r.duration === null ? { ok: true as const, value: null } : parseDuration(r.duration.value);
    if (!duration.ok) return failAt(r.duration as Loc, duration.reason);
    const year =
      r.pLineYear !== null
        ? parseInteger(r.pLineYear.value, 0, 999_999)
        : r.creationDate !== null
          ? yearOf(r.creationDate.value)
          : { ok: true as const, value: null };
    if (!year.ok) return failAt((r.pLineYear ?? r.creationDate) as Loc, year.reason);

    const performers: DdexPerformer[] = [];
    const indexOf = new Map<string, number>();
    const use = (ref: string, at: { line: number; path: string }): DdexResult<number> => {
      const known = indexOf.get(ref);
      if (known !== undefined) return { ok: true, value: known };
      const p = this.performerOf(ref);
      if (p === null) return failAt(at, `party ${ref} is not in the PartyList`);
      if (!p.ok) return p;
      indexOf.set(ref, performers.push(p.value) - 1);
      return { ok: true, value: performers.length - 1 };
    };

    const lineup: DdexResourceDraft['lineup'] = [];
    for (const c of r.contributors) {
      const roles = c.roles.map((x) => performerRole(x.value)).filter((x): x is string => x !== null);
      if (roles.length === 0) continue; // not a performer (composer, producer, engineer...)
      if (c.ref === null)
        return failAt({ line: c.line, path: `${c.path}/ContributorPartyReference` }, 'required');
      const who = use(c.ref.value, c.ref);
      if (!who.ok) return who;
      const featured =
        c.featured === null ? { ok: true as const, value: false } : parseBool(c.featured.value, false);
      if (!featured.ok) return failAt(c.featured as Loc, featured.reason);
      for (const role of c.roles) {
        const name = performerRole(role.value);
        if (name === null) continue;
        const instruments =
          role.instruments.length > 0 ? role.instruments : c.instruments.length > 0 ? c.instruments : [''];
        for (const raw of instruments) {
          const ins = instrument(raw);
          if (!ins.ok) return failAt(c, ins.reason);
          lineup.push({ performer: who.value, role: name, instrument: ins.value, featured: featured.value });
        }
      }
    }
    const artistNames: string[] = [];
    for (const d of r.displayArtists) {
      if (d.ref === null) continue;
      const party = this.parties.get(d.ref);
      if (party?.fullName) artistNames.push(party.fullName.value);
      if (d.role === null || !PERFORMING_DISPLAY_ROLES.has(d.role) || indexOf.has(d.ref)) continue;
      const who = use(d.ref, { line: r.line, path: `${r.path}/DisplayArtist` });
      if (!who.ok) return who;
      lineup.push({ performer: who.value, role: d.role, instrument: null, featured: d.role !== 'Artist' });
    }

    try {
      const recording = normaliseRecording(
        {
          kind: r.kind,
          isrc,
          isan,
          eidr,
          iswc,
          title: title?.value ?? '',
          versionTitle: r.titleText !== null ? r.subTitle : null,
          displayArtist: r.displayArtistName ?? artistNames.join(', '),
          durationMs: duration.value,
          year: year.value,
          label: r.label,
        },
        '',
      );
      return { ok: true, value: { recording, performers, lineup } };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const field = typeof e.details?.field === 'string' ? e.details.field : '';
      const at =
        field === 'title'
          ? { line: r.line, path: `${r.path}/DisplayTitleText` }
          : field === 'displayArtist'
            ? { line: r.line, path: `${r.path}/DisplayArtistName` }
            : field === 'year'
              ? (r.pLineYear ?? r.creationDate ?? r)
              : field === 'isrc'
                ? {
                    line: r.line,
                    path: `${r.path}/${r.kind === 'sound' ? 'SoundRecordingEdition' : 'VideoEdition'}/ResourceId`,
                  }
                : r;
      return failAt(at, e.message.startsWith(`${field}: `) ? e.message.slice(field.length + 2) : e.message);
    }
  }
}
