/**
 * Registry orchestration: validates and normalises what comes in, writes through the store, and answers
 * coverage questions with `coverageStatus`. Gets its store through the constructor.
 */
import { randomUUID } from 'node:crypto';
import { declarationEntry, declarationWithdrawnEntry, lineupEntry, mandateEntry } from '../ledger/entries.js';
import type { CoverageStatus, StatusAnswer } from './coverage.js';
import { RegistryError } from './errors.js';
import { parseIsni, parseIsrc, recognizeId } from './identifiers.js';
import {
  AI_USES,
  DEFAULT_LEGAL_BASIS,
  LEGAL_BASES,
  MEDIA,
  USES,
  type Declaration,
  type LegalBasis,
  type LineupEntry,
  type MandateVersion,
  type Performer,
  type QueryUse,
  type Recording,
} from './model.js';
import {
  instant,
  normalisePerformer,
  normaliseRecording,
  subset,
  territories,
  text,
  type DeclarationInput,
  type MandateInput,
  type PerformerInput,
  type RecordingInput,
} from './inputs.js';
import type { RegistryStore, SearchHit } from './store.js';
import { answer, recordingIdentifier, statusQuery } from './status-query.js';

export interface StatusOptions {
  at?: string | undefined;
  use?: QueryUse | undefined;
  territory?: string | undefined;
}

/** The answer about one recording: overall status (reserved when any asked use is) and one answer per use. */
export interface RecordingStatus {
  query: string;
  identifier: string | null;
  at: string;
  territory: string | null;
  status: CoverageStatus;
  recording: Recording | null;
  uses: StatusAnswer[];
}

export type CheckOutcome =
  | ({ input: string; ok: true } & Omit<RecordingStatus, 'query'>)
  | { input: string; ok: false; error: { code: 'REGISTRY_INVALID_ID'; message: string } };

export const MAX_CHECK_ITEMS = 10_000;

export { answer, recordingIdentifier, statusQuery };

export {
  defaultSortName,
  instant,
  normalisePerformer,
  normaliseRecording,
  territories,
  type DeclarationInput,
  type MandateInput,
  type PerformerInput,
  type RecordingInput,
} from './inputs.js';

export class RegistryService {
  constructor(
    private readonly store: RegistryStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async addPerformer(input: PerformerInput): Promise<Performer> {
    return (await this.store.upsertPerformer(normalisePerformer(input))).performer;
  }

  async performer(idOrKey: string): Promise<Performer> {
    const isni = parseIsni(idOrKey);
    const p =
      (isni.ok ? await this.store.findPerformer({ isni: isni.value }) : null) ??
      (await this.store.getPerformer(idOrKey)) ??
      (await this.store.findPerformer({ ipn: idOrKey, memberNo: idOrKey }));
    if (p === null) throw new RegistryError('REGISTRY_NOT_FOUND', `no performer ${idOrKey}`);
    return p;
  }

  mandateHistory(performerId: string): Promise<MandateVersion[]> {
    return this.store.mandateHistory(performerId);
  }

  recordingsOfPerformer(performerId: string, page = { limit: 50, offset: 0 }): Promise<Recording[]> {
    return this.store.recordingsOfPerformer(performerId, page);
  }

  /** Records a new mandate (version 1). */
  async addMandate(input: MandateInput): Promise<MandateVersion> {
    return this.store.transaction(async (store) => {
      if ((await store.getPerformer(input.performerId)) === null) {
        throw new RegistryError('REGISTRY_NOT_FOUND', `no performer ${input.performerId}`, { details: { field: 'performerId' } });
      }
      const v = this.mandateVersion(input, input.mandateId ?? randomUUID(), 1, 'initial');
      if (input.mandateId !== undefined && (await store.mandateVersions(input.mandateId)).length > 0) {
        throw new RegistryError('REGISTRY_CONFLICT', `mandate ${input.mandateId} exists; correct it instead`);
      }
      await store.appendMandateVersion(v);
      await store.appendLog([mandateEntry(v)]);
      return v;
    });
  }

  /** Appends a corrected version of a mandate; earlier versions stay as they were. */
  async correctMandate(mandateId: string, changes: Partial<Omit<MandateInput, 'performerId' | 'mandateId'>>): Promise<MandateVersion> {
    return this.store.transaction(async (store) => {
      const last = await this.lastVersion(store, mandateId);
      const v = this.mandateVersion(
        {
          performerId: last.performerId,
          legalBasis: changes.legalBasis ?? last.legalBasis,
          uses: changes.uses ?? last.uses,
          media: changes.media ?? last.media,
          territories: changes.territories ?? last.territories,
          validFrom: changes.validFrom ?? last.validFrom,
          validTo: changes.validTo === undefined ? last.validTo : changes.validTo,
          sourceRef: changes.sourceRef === undefined ? last.sourceRef : changes.sourceRef,
        },
        mandateId,
        last.version + 1,
        'correction',
      );
      const stored = { ...v, withdrawnAt: last.withdrawnAt };
      await store.appendMandateVersion(stored);
      await store.appendLog([mandateEntry(stored)]);
      return stored;
    });
  }

  /** Appends a version that withdraws the mandate from `at` on. */
  async withdrawMandate(mandateId: string, at: string, sourceRef?: string): Promise<MandateVersion> {
    return this.store.transaction(async (store) => {
      const last = await this.lastVersion(store, mandateId);
      if (last.withdrawnAt !== null) throw new RegistryError('REGISTRY_CONFLICT', `mandate ${mandateId} was withdrawn on ${last.withdrawnAt}`);
      const v: MandateVersion = {
        ...last,
        id: randomUUID(),
        version: last.version + 1,
        withdrawnAt: instant('withdrawnAt', at),
        sourceRef: sourceRef ?? last.sourceRef,
        change: 'withdrawal',
        recordedAt: this.now().toISOString(),
      };
      await store.appendMandateVersion(v);
      await store.appendLog([mandateEntry(v)]);
      return v;
    });
  }

  private async lastVersion(store: RegistryStore, mandateId: string): Promise<MandateVersion> {
    const versions = await store.mandateVersions(mandateId);
    const last = versions[versions.length - 1];
    if (last === undefined) throw new RegistryError('REGISTRY_NOT_FOUND', `no mandate ${mandateId}`);
    return last;
  }

  private mandateVersion(input: MandateInput, mandateId: string, version: number, change: MandateVersion['change']): MandateVersion {
    const validFrom = instant('validFrom', input.validFrom);
    const validTo = input.validTo == null || input.validTo === '' ? null : instant('validTo', input.validTo);
    if (validTo !== null && validTo <= validFrom) {
      throw new RegistryError('REGISTRY_INVALID_INPUT', 'validTo: must be after validFrom', { details: { field: 'validTo' } });
    }
    return {
      id: randomUUID(),
      mandateId,
      version,
      performerId: input.performerId,
      legalBasis: subset('legalBasis', [input.legalBasis], LEGAL_BASES, [])[0] as LegalBasis,
      uses: subset('uses', input.uses, USES, AI_USES),
      media: subset('media', input.media, MEDIA, MEDIA),
      territories: territories(input.territories),
      validFrom,
      validTo,
      withdrawnAt: null,
      sourceRef: input.sourceRef?.trim() || null,
      change,
      recordedAt: this.now().toISOString(),
    };
  }

  async addRecording(input: RecordingInput, lineup?: Omit<LineupEntry, 'recordingId'>[]): Promise<Recording> {
    const rec = normaliseRecording(input);
    return this.store.transaction(async (store) => {
      const { recording, outcome } = await store.upsertRecording(rec);
      const entries = lineup?.map((e) => ({ ...e, recordingId: recording.id }));
      const lineupOutcome = entries === undefined ? 'unchanged' : await store.setLineup(recording.id, entries);
      // What is reserved depends on the line-up: log it whenever it, or the recording it belongs to, changes.
      if (lineupOutcome !== 'unchanged' || outcome === 'updated') {
        const current = entries ?? (await store.lineup(recording.id));
        if (current.length > 0) {
          const performers = await store.performersByIds(current.map((e) => e.performerId));
          await store.appendLog([lineupEntry(recording, current, performers, this.now().toISOString())]);
        }
      }
      return recording;
    });
  }

  async recording(identifier: string): Promise<{ recording: Recording; lineup: LineupEntry[]; performers: Performer[] }> {
    const rec = await this.findRecording(identifier);
    if (rec === null) throw new RegistryError('REGISTRY_NOT_FOUND', `no recording ${identifier}`);
    const rows = await this.store.coverageOfRecording(rec);
    return { recording: rec, lineup: rows.lineup, performers: rows.performers };
  }

  private async findRecording(identifier: string): Promise<Recording | null> {
    const id = recognizeId(identifier);
    if (id.valid && id.kind !== null && ['isrc', 'isan', 'eidr'].includes(id.kind)) {
      return this.store.findRecording({ [id.kind]: id.normalized });
    }
    return this.store.getRecording(identifier);
  }

  async declare(input: DeclarationInput): Promise<Declaration> {
    const d: Declaration = {
      id: randomUUID(),
      issuer: text('issuer', input.issuer, true),
      legalBasis: input.legalBasis?.trim() || DEFAULT_LEGAL_BASIS,
      uses: subset('uses', input.uses, USES, AI_USES),
      media: subset('media', input.media, MEDIA, MEDIA),
      territories: territories(input.territories),
      effectiveFrom: instant('effectiveFrom', input.effectiveFrom),
      withdrawnAt: null,
      createdAt: this.now().toISOString(),
    };
    await this.store.transaction(async (store) => {
      await store.insertDeclaration(d);
      await store.appendLog([declarationEntry(d)]);
    });
    return d;
  }

  async withdrawDeclaration(id: string, at: string): Promise<void> {
    const when = instant('withdrawnAt', at);
    await this.store.transaction(async (store) => {
      if (!(await store.setDeclarationWithdrawn(id, when))) {
        throw new RegistryError('REGISTRY_NOT_FOUND', `no declaration ${id} in force`);
      }
      await store.appendLog([declarationWithdrawnEntry(id, when, this.now().toISOString())]);
    });
  }

  declarations(): Promise<Declaration[]> {
    return this.store.declarations();
  }

  /** Status of one recording (by ISRC, ISAN or EIDR) for one use or, by default, every use. */
  async status(identifier: string, opts: StatusOptions = {}): Promise<RecordingStatus> {
    const q = statusQuery(opts, this.now());
    const id = recordingIdentifier(identifier);
    const rec = await this.store.findRecording({ [id.kind]: id.value });
    const rows = rec === null ? null : await this.store.coverageOfRecording(rec);
    return { query: identifier, ...answer(id.value, rows, await this.store.declarations(), q) };
  }

  /** Many ISRCs at once (up to 10,000): one outcome per item, in input order; invalid items do not fail the batch. */
  async check(inputs: readonly string[], opts: StatusOptions = {}): Promise<CheckOutcome[]> {
    if (inputs.length > MAX_CHECK_ITEMS) {
      throw new RegistryError('REGISTRY_TOO_MANY_ITEMS', `at most ${MAX_CHECK_ITEMS} items per request, got ${inputs.length}`);
    }
    const q = statusQuery(opts, this.now());
    const parsed = inputs.map((input) => ({ input, id: parseIsrc(input) }));
    const valid = parsed.flatMap((p) => (p.id.ok ? [p.id.value] : []));
    const rows = await this.store.coverageByIsrc(valid);
    const declarations = await this.store.declarations();
    return parsed.map(({ input, id }) =>
      id.ok
        ? { input, ok: true as const, ...answer(id.value, rows.get(id.value) ?? null, declarations, q) }
        : { input, ok: false as const, error: { code: 'REGISTRY_INVALID_ID' as const, message: id.reason } },
    );
  }

  search(q: string, page = { limit: 20, offset: 0 }): Promise<SearchHit[]> {
    return this.store.search(q, page);
  }

  counts() {
    return this.store.counts();
  }
}
