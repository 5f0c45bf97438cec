/**
 * Registry rows rebuilt from log entries (pure), so that anyone holding the entries can recompute a
 * coverage verdict with the registry's own rule (`coverageStatus`) and compare the registry's
 * tables with what the log says they should hold.
 */
import type { CoverageInput } from '../registry/coverage.js';
import type { Declaration, LineupEntry, MandateVersion, Performer, Recording } from '../registry/model.js';
import type { ParsedEntry } from './entry-codec.js';
import type { LineupSet, LoggedRecording } from './entries.js';

/** A parsed entry and its position in the log. */
export interface IndexedEntry {
  readonly index: number;
  readonly entry: ParsedEntry;
}

/** The recording as coverage sees it; fields the log does not record are null. */
export function recordingFromLog(r: LoggedRecording): Recording {
  return {
    id: r.id,
    kind: r.kind,
    isrc: r.isrc,
    isan: r.isan,
    eidr: r.eidr,
    iswc: null,
    title: r.title,
    versionTitle: null,
    displayArtist: '',
    durationMs: null,
    year: null,
    label: null,
  };
}

/** Line-up rows of a `lineup.set` entry. */
export function lineupFromLog(set: LineupSet): LineupEntry[] {
  return set.lineup.map((m) => ({
    recordingId: set.recording.id,
    performerId: m.performerId,
    role: m.role,
    instrument: m.instrument,
    featured: m.featured,
    position: m.position,
  }));
}

/** Performers named by a line-up; the log keeps identifiers, not names, so they stand in for the name. */
export function performersFromLog(set: LineupSet): Performer[] {
  const out = new Map<string, Performer>();
  for (const m of set.lineup) {
    const label = m.isni ?? m.ipn ?? m.performerId;
    out.set(m.performerId, {
      id: m.performerId,
      displayName: label,
      sortName: label,
      aliases: [],
      memberNo: null,
      isni: m.isni,
      ipn: m.ipn,
      ipi: null,
      member: false,
    });
  }
  return [...out.values()];
}

/** Declarations after applying creations and withdrawals in log order. */
export function replayDeclarations(entries: readonly IndexedEntry[]): Declaration[] {
  const byId = new Map<string, Declaration>();
  for (const { entry } of sortByIndex(entries)) {
    if (entry.type === 'declaration.created') byId.set(entry.data.id, { ...entry.data });
    else if (entry.type === 'declaration.withdrawn') {
      const d = byId.get(entry.data.id);
      if (d !== undefined) d.withdrawnAt = entry.data.withdrawnAt;
    }
  }
  return [...byId.values()];
}

/**
 * Coverage rows for one recording rebuilt from entries: the latest `lineup.set` whose recording
 * `matches`, every mandate version and the replayed declarations. No matching line-up gives a null
 * recording (coverage says `unknown`).
 *
 * @example
 * const input = coverageInputFromLog(entries, (r) => r.isrc === 'FRZ032500001');
 * coverageStatus(input, { at, use: 'ai-training', knownAt: at }).status;
 */
export function coverageInputFromLog(entries: readonly IndexedEntry[], matches: (r: LoggedRecording) => boolean): CoverageInput {
  let set: LineupSet | null = null;
  const mandates: MandateVersion[] = [];
  for (const { entry } of sortByIndex(entries)) {
    if (entry.type === 'lineup.set' && matches(entry.data.recording)) set = entry.data;
    else if (entry.type === 'mandate.version') mandates.push(entry.data);
  }
  const declarations = replayDeclarations(entries);
  if (set === null) return { recording: null, lineup: [], performers: [], mandates, declarations };
  return {
    recording: recordingFromLog(set.recording),
    lineup: lineupFromLog(set),
    performers: performersFromLog(set),
    mandates,
    declarations,
  };
}

function sortByIndex(entries: readonly IndexedEntry[]): IndexedEntry[] {
  return [...entries].sort((a, b) => a.index - b.index);
}
