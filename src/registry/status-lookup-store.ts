/**
 * Status lookups through the (asynchronous) store, for databases without a snapshot reader
 * (PostgreSQL, SQLite `:memory:`): the same reads as `RegistryService.status` and `.check`, turned into
 * the compact answer by `compactFromRows`.
 */
import { compactFromRows } from './compact-expand.js';
import { declarationFacts, EvidenceCollector } from './evidence.js';
import { parseIsrc } from './identifiers.js';
import { recordingIdentifier, statusQuery, type StatusOptions } from './service.js';
import {
  invalidItem,
  tooMany,
  type CheckAnswer,
  type CheckItem,
  type CheckVerdict,
  type CheckVerdicts,
  type RecordingAnswer,
  type StatusLookup,
} from './status-lookup-model.js';
import type { RegistryStore } from './store.js';

export class StoreStatusLookup implements StatusLookup {
  constructor(
    private readonly store: RegistryStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async status(identifier: string, opts: StatusOptions = {}): Promise<RecordingAnswer> {
    const q = statusQuery(opts, this.now());
    const id = recordingIdentifier(identifier);
    const rec = await this.store.findRecording({ [id.kind]: id.value });
    const rows = rec === null ? null : await this.store.coverageOfRecording(rec);
    const declarations = (await this.store.declarations()).map(declarationFacts);
    const evidence = new EvidenceCollector();
    const c = compactFromRows(id.value, rows, declarations, q, evidence);
    const { status, recording, uses } = c;
    const territory = q.territory ?? null;
    return {
      query: identifier,
      identifier: c.identifier,
      at: q.at,
      territory,
      status,
      recording,
      uses,
      evidence: evidence.lists,
    };
  }

  async check(inputs: readonly string[], opts: StatusOptions = {}): Promise<CheckAnswer> {
    tooMany(inputs);
    const q = statusQuery(opts, this.now());
    const parsed = inputs.map((input) => ({ input, id: parseIsrc(input) }));
    const rows = await this.store.coverageByIsrc(parsed.flatMap((p) => (p.id.ok ? [p.id.value] : [])));
    const declarations = (await this.store.declarations()).map(declarationFacts);
    const evidence = new EvidenceCollector();
    const items = parsed.map(({ input, id }): CheckItem => {
      if (!id.ok) return invalidItem(input, id.reason);
      return {
        input,
        ok: true,
        ...compactFromRows(id.value, rows.get(id.value) ?? null, declarations, q, evidence),
      };
    });
    return { at: q.at, territory: q.territory ?? null, items, evidence: evidence.lists };
  }

  async verdicts(inputs: readonly string[], opts: StatusOptions = {}): Promise<CheckVerdicts> {
    const { at, territory, items } = await this.check(inputs, opts);
    return {
      at,
      territory,
      items: items.map((o): CheckVerdict => {
        if (!o.ok) return o;
        const uses: Extract<CheckVerdict, { ok: true }>['uses'] = {};
        for (const [use, u] of Object.entries(o.uses)) uses[use as keyof typeof uses] = { status: u.status };
        return { input: o.input, ok: true, identifier: o.identifier ?? o.input, status: o.status, uses };
      }),
    };
  }
}
