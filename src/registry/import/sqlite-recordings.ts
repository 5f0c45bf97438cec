/** Recordings and line-up entries in the SQLite sink: upserts by natural key, and recording references. */
import { randomUUID } from 'node:crypto';
import { recordingFromRow, recordingToRow, sameRecording } from '../rows.js';
import type { EntityCounts, RecordingDraft, RecordingRef, RowOutcome } from './model.js';
import { ACCEPTED, rejected } from './model.js';
import { RowidSet } from './rowid-set.js';
import type { Statements, StoredRecording } from './sqlite-statements.js';

type Key = 'isrc' | 'isan' | 'eidr';
const KEYS: readonly Key[] = ['isrc', 'isan', 'eidr'];
const LABEL: Record<Key, string> = { isrc: 'ISRC', isan: 'ISAN', eidr: 'EIDR' };

export type Upserted = { ok: true; id: string } | { ok: false; field: string; reason: string };

export class SqliteRecordings {
  private readonly written = new RowidSet();
  private readonly writtenLineups = new RowidSet();
  /** Line-up files list a recording's entries together: the last reference resolved is usually the next one. */
  private lastKey: string | null = null;
  private lastId = '';

  constructor(
    private readonly st: Statements,
    private readonly now: string,
    private readonly counts: { recordings: EntityCounts; lineups: EntityCounts },
    /** Notes a recording whose logged facts (identifiers, kind, title, line-up) this run wrote. */
    private readonly touch: (recordingId: string) => void,
  ) {}

  private stored(key: Key, value: string): StoredRecording | undefined {
    return key === 'isrc'
      ? this.st.recordingByIsrc.get(value)
      : key === 'isan'
        ? this.st.recordingByIsan.get(value)
        : this.st.recordingByEidr.get(value);
  }

  /** Inserts, or updates the recording with the same key (keeping its id); returns the id. */
  upsert(d: RecordingDraft): Upserted {
    const fresh = { ...d, id: randomUUID() };
    const row = recordingToRow(fresh, this.now);
    const info = this.st.insertRecording.run(row);
    if (info.changes === 1) {
      this.written.add(Number(info.lastInsertRowid));
      this.counts.recordings.inserted++;
      this.touch(fresh.id);
      return { ok: true, id: fresh.id };
    }
    let existing: StoredRecording | undefined;
    let by: Key = 'isrc';
    for (const key of KEYS) {
      const value = d[key];
      if (value === null) continue;
      const found = this.stored(key, value);
      if (found === undefined) continue;
      if (existing === undefined) {
        existing = found;
        by = key;
      } else if (found.id !== existing.id) {
        return {
          ok: false,
          field: key,
          reason: `${LABEL[key]} ${value} belongs to another recording (${found.title}) than ${LABEL[by]} ${d[by]}`,
        };
      }
    }
    if (existing === undefined) throw new Error(`recording insert conflicted on its new id ${fresh.id}`);
    if (this.written.has(existing.rowid))
      return { ok: false, field: by, reason: `${LABEL[by]} ${d[by]} appears earlier in this import` };
    this.written.add(existing.rowid);
    const merged = { ...d, id: existing.id };
    if (sameRecording(recordingFromRow(existing), merged)) {
      this.counts.recordings.unchanged++;
      return { ok: true, id: existing.id };
    }
    const r = recordingToRow(merged, this.now);
    this.st.updateRecording.run(
      r.kind,
      r.isrc,
      r.isan,
      r.eidr,
      r.iswc,
      r.title,
      r.version_title,
      r.display_artist,
      r.duration_ms,
      r.year,
      r.label,
      r.updated_at,
      r.id,
    );
    if (r.search_text !== existing.search_text) this.st.updateRecordingText.run(r.search_text, r.id);
    this.counts.recordings.updated++;
    this.touch(existing.id);
    return { ok: true, id: existing.id };
  }

  private idBy(key: Key, value: string): string | undefined {
    return key === 'isrc'
      ? this.st.recordingIdByIsrc.get(value)
      : key === 'isan'
        ? this.st.recordingIdByIsan.get(value)
        : this.st.recordingIdByEidr.get(value);
  }

  /** The recording a line-up row names: the first key that matches wins; another key naming another recording is an error. */
  resolve(ref: RecordingRef): Upserted {
    const single = ref.isan === null && ref.eidr === null ? ref.isrc : null;
    if (single !== null && single === this.lastKey) return { ok: true, id: this.lastId };
    let id: string | undefined;
    let by: Key = 'isrc';
    for (const key of KEYS) {
      const value = ref[key];
      if (value === null) continue;
      const found = this.idBy(key, value);
      if (found === undefined) continue;
      if (id === undefined) {
        id = found;
        by = key;
      } else if (found !== id) {
        return {
          ok: false,
          field: key,
          reason: `${LABEL[key]} ${value} names another recording than ${LABEL[by]} ${ref[by]}`,
        };
      }
    }
    if (id === undefined) {
      const first = KEYS.find((k) => ref[k] !== null) as Key;
      return { ok: false, field: first, reason: `no recording with ${LABEL[first]} ${ref[first]}` };
    }
    if (single !== null) {
      this.lastKey = single;
      this.lastId = id;
    }
    return { ok: true, id };
  }

  /**
   * Inserts or updates the entry at (recording, position). A CSV row may not rewrite a position written earlier
   * in the run; a DDEX line-up (`takeOver`, imported last) takes the positions of its recording over.
   */
  lineup(
    recordingId: string,
    position: number,
    performerId: string,
    role: string,
    instrument: string | null,
    featured: boolean,
    takeOver = false,
  ): RowOutcome {
    const flag = featured ? 1 : 0;
    const info = this.st.insertLineup.run(recordingId, position, performerId, role, instrument, flag);
    if (info.changes === 1) {
      this.writtenLineups.add(Number(info.lastInsertRowid));
      this.counts.lineups.inserted++;
      this.touch(recordingId);
      return ACCEPTED;
    }
    const old = this.st.lineupAt.get(recordingId, position);
    if (old === undefined) throw new Error(`line-up insert conflicted but no entry at position ${position}`);
    if (!takeOver && this.writtenLineups.has(old.rowid)) {
      return rejected('position', `position ${position} of this recording appears earlier in this import`);
    }
    this.writtenLineups.add(old.rowid);
    if (
      old.performer_id === performerId &&
      old.role === role &&
      old.instrument === instrument &&
      Number(old.featured) === flag
    ) {
      this.counts.lineups.unchanged++;
      return ACCEPTED;
    }
    this.st.updateLineup.run(performerId, role, instrument, flag, old.rowid);
    this.counts.lineups.updated++;
    this.touch(recordingId);
    return ACCEPTED;
  }
}
