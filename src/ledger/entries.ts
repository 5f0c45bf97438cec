/**
 * Log entries: what the registry appends, in the same transaction, for every change to what is
 * reserved. An entry is `{ type, at, data }`; its canonical JSON (RFC 8785) is the leaf the Merkle
 * tree hashes. The builders here are pure and build `data` field by field, so nothing but the listed
 * fields (and never `undefined`) reaches the log.
 */
import type { Declaration, LineupEntry, MandateVersion, Performer, Recording } from '../registry/model.js';
import type { JsonValue } from './canonical-json.js';

/** The entry types the registry writes. Other dotted types (`licence.*` later) may be appended too. */
export const ENTRY_TYPES = [
  'declaration.created',
  'declaration.withdrawn',
  'mandate.version',
  'lineup.set',
] as const;
export type RegistryEntryType = (typeof ENTRY_TYPES)[number];

/** One event of the log. `at` is the ISO-8601 UTC instant the change was made. */
export interface LedgerEntry {
  readonly type: string;
  readonly at: string;
  readonly data: JsonValue;
}

/** `data` of a `declaration.withdrawn` entry. */
export interface DeclarationWithdrawal {
  id: string;
  withdrawnAt: string;
}

/** One line-up member as the log records it: the performer's id and public identifiers, not the name. */
export interface LoggedLineupMember {
  position: number;
  performerId: string;
  isni: string | null;
  ipn: string | null;
  role: string;
  instrument: string | null;
  featured: boolean;
}

/** The part of a recording the log records: what identifies it and what decides its coverage. */
export interface LoggedRecording {
  id: string;
  kind: Recording['kind'];
  isrc: string | null;
  isan: string | null;
  eidr: string | null;
  title: string;
}

/** `data` of a `lineup.set` entry. */
export interface LineupSet {
  recording: LoggedRecording;
  lineup: LoggedLineupMember[];
}

/**
 * Entry for a mandate version (initial, correction or withdrawal): the whole version; `at` is when it
 * was recorded.
 *
 * @example
 * await appendEntries(trx, [mandateEntry(version)]);
 */
export function mandateEntry(v: MandateVersion): LedgerEntry {
  // Keys in JCS order, so that canonical JSON takes its native fast path (canonical-json.ts).
  const data: MandateVersion = {
    change: v.change,
    id: v.id,
    legalBasis: v.legalBasis,
    mandateId: v.mandateId,
    media: [...v.media],
    performerId: v.performerId,
    recordedAt: v.recordedAt,
    sourceRef: v.sourceRef,
    territories: [...v.territories],
    uses: [...v.uses],
    validFrom: v.validFrom,
    validTo: v.validTo,
    version: v.version,
    withdrawnAt: v.withdrawnAt,
  };
  return { type: 'mandate.version', at: v.recordedAt, data: data as unknown as JsonValue };
}

/**
 * Entry for a new reservation declaration; `at` is its creation time.
 *
 * @example
 * await appendEntries(trx, [declarationEntry(declaration)]);
 */
export function declarationEntry(d: Declaration): LedgerEntry {
  const data: Declaration = {
    createdAt: d.createdAt,
    effectiveFrom: d.effectiveFrom,
    id: d.id,
    issuer: d.issuer,
    legalBasis: d.legalBasis,
    media: [...d.media],
    territories: [...d.territories],
    uses: [...d.uses],
    withdrawnAt: d.withdrawnAt,
  };
  return { type: 'declaration.created', at: d.createdAt, data: data as unknown as JsonValue };
}

/**
 * Entry for the withdrawal of a declaration from `withdrawnAt` on, recorded at `at`.
 *
 * @example
 * declarationWithdrawnEntry(id, '2026-09-01T00:00:00.000Z', new Date().toISOString());
 */
export function declarationWithdrawnEntry(id: string, withdrawnAt: string, at: string): LedgerEntry {
  const data: DeclarationWithdrawal = { id, withdrawnAt };
  return { type: 'declaration.withdrawn', at, data: data as unknown as JsonValue };
}

/**
 * Entry for a recording's identifiers, kind and title with its whole line-up, recorded at `at`.
 * `performers` supplies the ISNI / IPN of each member (members not found get nulls). Append one
 * whenever the line-up, the kind, an identifier or the title of a recording with a line-up changes.
 *
 * @example
 * lineupEntry(recording, lineup, performers, new Date().toISOString());
 */
export function lineupEntry(
  recording: Recording,
  lineup: readonly Omit<LineupEntry, 'recordingId'>[],
  performers: readonly Performer[],
  at: string,
): LedgerEntry {
  const byId = new Map(performers.map((p) => [p.id, p]));
  const members: LoggedLineupMember[] = lineup.map((e) => ({
    position: e.position,
    performerId: e.performerId,
    isni: byId.get(e.performerId)?.isni ?? null,
    ipn: byId.get(e.performerId)?.ipn ?? null,
    role: e.role,
    instrument: e.instrument,
    featured: e.featured,
  }));
  return lineupSetEntry(recording, members, at);
}

/**
 * Entry for a recording and its line-up as the log records them (members in any order; they are
 * logged by position). Bulk writers that read the members with their ISNI / IPN in one query use
 * this; `lineupEntry` builds the same entry from registry objects.
 *
 * @example
 * lineupSetEntry(recording, [{ position: 1, performerId, isni, ipn: null, role: 'MainArtist', instrument: null, featured: true }], at);
 */
export function lineupSetEntry(
  recording: LoggedRecording,
  members: readonly LoggedLineupMember[],
  at: string,
): LedgerEntry {
  const data: LineupSet = {
    lineup: [...members]
      .sort((a, b) => a.position - b.position)
      .map((m) => ({
        featured: m.featured,
        instrument: m.instrument,
        ipn: m.ipn,
        isni: m.isni,
        performerId: m.performerId,
        position: m.position,
        role: m.role,
      })),
    recording: {
      eidr: recording.eidr,
      id: recording.id,
      isan: recording.isan,
      isrc: recording.isrc,
      kind: recording.kind,
      title: recording.title,
    },
  };
  return { type: 'lineup.set', at, data: data as unknown as JsonValue };
}

/** Topic of the entries about a performer (their mandate versions). */
export const performerTopic = (performerId: string): string => `performer:${performerId}`;
/** Topic of the entries about a recording (its line-ups). */
export const recordingTopic = (recordingId: string): string => `recording:${recordingId}`;
/** Topic of every declaration entry (there are few, and a proof needs them all). */
export const DECLARATIONS_TOPIC = 'declarations';

/**
 * What an entry is about, so that a proof finds a recording's line-ups, a performer's mandate versions
 * or the declarations without reading the log: `performer:<id>`, `recording:<id>`, `declarations`; for
 * other types `<first type word>:<data.id>` when `data.id` is a string, else null.
 */
export function entryTopic(entry: LedgerEntry): string | null {
  const data = entry.data;
  if (entry.type === 'declaration.created' || entry.type === 'declaration.withdrawn')
    return DECLARATIONS_TOPIC;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  if (entry.type === 'mandate.version')
    return typeof data.performerId === 'string' ? performerTopic(data.performerId) : null;
  if (entry.type === 'lineup.set') {
    const rec = data.recording;
    const id = rec !== null && typeof rec === 'object' && !Array.isArray(rec) ? rec.id : undefined;
    return typeof id === 'string' ? recordingTopic(id) : null;
  }
  return typeof data.id === 'string' ? `${entry.type.slice(0, entry.type.indexOf('.'))}:${data.id}` : null;
}
