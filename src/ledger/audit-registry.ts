/**
 * The registry half of the audit: replays mandate versions, declarations and line-ups from the entries
 * and compares them with the registry tables. No change without its entry, no entry without its change:
 * every row must be accounted for by an entry with the same content, and every entry by a row.
 *
 * Memory stays proportional to the number of mandates and recordings, not to the size of their
 * content: the replay keeps a digest per key and re-reads the one entry it needs to describe a mismatch.
 */
import { hash } from 'node:crypto';
import type { Declaration, LineupEntry, MandateVersion, Recording } from '../registry/model.js';
import type { DivergenceLog } from './audit-report.js';
import { parseEntry, type ParsedEntry } from './entry-codec.js';
import type { LoggedRecording } from './entries.js';
import { lineupFromLog } from './replay.js';
import type { LedgerStore, AuditSource } from './store.js';

const PAGE = 2000;

const MANDATE_FIELDS = ['id', 'mandateId', 'version', 'performerId', 'legalBasis', 'uses', 'media', 'territories', 'validFrom', 'validTo', 'withdrawnAt', 'sourceRef', 'change', 'recordedAt'] as const;
const DECLARATION_FIELDS = ['id', 'issuer', 'legalBasis', 'uses', 'media', 'territories', 'effectiveFrom', 'withdrawnAt', 'createdAt'] as const;

/** What the log says about a recording: identifiers, kind, title and line-up. */
interface RecordingView {
  id: string;
  kind: string;
  isrc: string | null;
  isan: string | null;
  eidr: string | null;
  title: string;
  lineup: unknown[];
}
const RECORDING_FIELDS = ['id', 'kind', 'isrc', 'isan', 'eidr', 'title', 'lineup'] as const;

function recordingView(r: LoggedRecording | Recording, lineup: readonly LineupEntry[]): RecordingView {
  return {
    id: r.id,
    kind: r.kind,
    isrc: r.isrc,
    isan: r.isan,
    eidr: r.eidr,
    title: r.title,
    lineup: [...lineup].sort((a, b) => a.position - b.position).map((l) => [l.position, l.performerId, l.role, l.instrument, l.featured]),
  };
}

function digest<T extends object>(value: T, fields: readonly (keyof T)[]): string {
  return hash('sha256', JSON.stringify(fields.map((f) => value[f] ?? null)), 'base64');
}

/** `field: log X vs row Y` for each field that differs. */
function differences<T extends object>(log: T, row: T, fields: readonly (keyof T)[]): string {
  const out: string[] = [];
  for (const f of fields) {
    const a = JSON.stringify(log[f] ?? null);
    const b = JSON.stringify(row[f] ?? null);
    if (a !== b) out.push(`${String(f)}: log ${a} vs row ${b}`);
  }
  return out.length > 0 ? out.join('; ') : 'content differs';
}

interface Seen {
  index: number;
  digest: string;
}

export class RegistryReplay {
  readonly #log: DivergenceLog;
  readonly #mandates = new Map<string, Seen>();
  readonly #recordings = new Map<string, Seen>();
  readonly #declarations = new Map<string, { index: number; value: Declaration }>();
  rows = { mandates: 0, declarations: 0, recordings: 0 };

  constructor(log: DivergenceLog) {
    this.#log = log;
  }

  /** Replays one entry. */
  feed(index: number, e: ParsedEntry): void {
    switch (e.type) {
      case 'mandate.version': {
        if (this.#mandates.has(e.data.id)) {
          this.#log.add({ index, table: 'mandates', key: e.data.id, problem: `mandate version logged twice (first at entry ${this.#mandates.get(e.data.id)!.index})` });
        }
        this.#mandates.set(e.data.id, { index, digest: digest(e.data, MANDATE_FIELDS) });
        break;
      }
      case 'lineup.set':
        this.#recordings.set(e.data.recording.id, { index, digest: digest(recordingView(e.data.recording, lineupFromLog(e.data)), RECORDING_FIELDS) });
        break;
      case 'declaration.created':
        if (this.#declarations.has(e.data.id)) this.#log.add({ index, table: 'declarations', key: e.data.id, problem: 'declaration created twice' });
        this.#declarations.set(e.data.id, { index, value: { ...e.data } });
        break;
      case 'declaration.withdrawn': {
        const d = this.#declarations.get(e.data.id);
        if (d === undefined) this.#log.add({ index, table: 'declarations', key: e.data.id, problem: 'withdrawal of a declaration the log never created' });
        else {
          d.value.withdrawnAt = e.data.withdrawnAt;
          d.index = index;
        }
        break;
      }
      case 'other':
        break;
    }
  }

  /** Compares the replayed state with the registry tables. */
  async compare(source: AuditSource, store: LedgerStore): Promise<void> {
    await this.#compareMandates(source, store);
    await this.#compareDeclarations(source);
    await this.#compareRecordings(source, store);
  }

  async #entry(store: LedgerStore, index: number): Promise<ParsedEntry | null> {
    const [row] = await store.entriesAt([index]);
    try {
      return row === undefined ? null : parseEntry(row.body);
    } catch {
      return null;
    }
  }

  async #compareMandates(source: AuditSource, store: LedgerStore): Promise<void> {
    for (let after = ''; ; ) {
      const page = await source.mandates(after, PAGE);
      if (page.length === 0) break;
      for (const m of page) {
        this.rows.mandates += 1;
        const seen = this.#mandates.get(m.id);
        if (seen === undefined) {
          this.#log.add({ index: null, table: 'mandates', key: m.id, problem: `mandate ${m.mandateId} version ${m.version} has no log entry` });
          continue;
        }
        this.#mandates.delete(m.id);
        if (seen.digest === digest(m, MANDATE_FIELDS)) continue;
        const e = await this.#entry(store, seen.index);
        const problem = e?.type === 'mandate.version' ? differences<MandateVersion>(e.data, m, MANDATE_FIELDS) : 'content differs';
        this.#log.add({ index: seen.index, table: 'mandates', key: m.id, problem });
      }
      after = page[page.length - 1]!.id;
    }
    for (const [id, seen] of this.#mandates) this.#log.add({ index: seen.index, table: 'mandates', key: id, problem: 'logged mandate version has no row' });
  }

  async #compareDeclarations(source: AuditSource): Promise<void> {
    for (const d of await source.declarations()) {
      this.rows.declarations += 1;
      const seen = this.#declarations.get(d.id);
      if (seen === undefined) {
        this.#log.add({ index: null, table: 'declarations', key: d.id, problem: 'declaration has no log entry' });
        continue;
      }
      this.#declarations.delete(d.id);
      if (digest(seen.value, DECLARATION_FIELDS) !== digest(d, DECLARATION_FIELDS)) {
        this.#log.add({ index: seen.index, table: 'declarations', key: d.id, problem: differences<Declaration>(seen.value, d, DECLARATION_FIELDS) });
      }
    }
    for (const [id, seen] of this.#declarations) this.#log.add({ index: seen.index, table: 'declarations', key: id, problem: 'logged declaration has no row' });
  }

  async #compareRecordings(source: AuditSource, store: LedgerStore): Promise<void> {
    for (let after = ''; ; ) {
      const page = await source.recordings(after, PAGE);
      if (page.length === 0) break;
      for (const { recording, lineup } of page) {
        this.rows.recordings += 1;
        const seen = this.#recordings.get(recording.id);
        if (seen === undefined) {
          if (lineup.length > 0) this.#log.add({ index: null, table: 'lineups', key: recording.id, problem: `line-up of ${recording.isrc ?? recording.id} has no lineup.set entry` });
          continue;
        }
        this.#recordings.delete(recording.id);
        const view = recordingView(recording, lineup);
        if (seen.digest === digest(view, RECORDING_FIELDS)) continue;
        const e = await this.#entry(store, seen.index);
        const problem = e?.type === 'lineup.set' ? differences(recordingView(e.data.recording, lineupFromLog(e.data)), view, RECORDING_FIELDS) : 'content differs';
        this.#log.add({ index: seen.index, table: 'recordings', key: recording.id, problem });
      }
      after = page[page.length - 1]!.recording.id;
    }
    for (const [id, seen] of this.#recordings) this.#log.add({ index: seen.index, table: 'recordings', key: id, problem: 'logged recording is not in the registry' });
  }
}
