/**
 * Licence requests in the licensing audit: `licence.requested` and `licence.transition` entries replayed
 * into each request's state, offer and history, and compared with `licence_requests` and `licence_events`,
 * both ways. A request moved, re-offered or given a step by SQL, with no entry, is found. The replayed
 * requests are kept whole until the comparison (requests are counted in thousands, not millions).
 */
import { z } from 'zod';
import { badEntryData, differingFields } from './audit-fields.js';
import type { DivergenceLog } from './audit-report.js';
import type { ParsedEntry } from './entry-codec.js';
import type { AuditedRequest, AuditSource } from './store.js';

const PAGE = 500;
const actor = z.strictObject({ role: z.string(), id: z.string() });
const requested = z.strictObject({
  id: z.string().min(1).max(200),
  organisation: z.string(),
  terms: z.unknown(),
  by: actor,
});
const moved = z.strictObject({
  id: z.string().min(1).max(200),
  action: z.string(),
  from: z.string(),
  to: z.string(),
  by: actor,
  note: z.string().nullable(),
  offer: z.unknown(),
});

type RequestView = Omit<AuditedRequest, 'id'>;
const FIELDS = ['organisation', 'terms', 'state', 'offer', 'createdAt', 'updatedAt', 'events'] as const;

export class RequestReplay {
  readonly #log: DivergenceLog;
  readonly #source: AuditSource;
  readonly #requests = new Map<string, { index: number; view: RequestView }>();
  rows = 0;

  constructor(log: DivergenceLog, source: AuditSource) {
    this.#log = log;
    this.#source = source;
  }

  feed(index: number, e: ParsedEntry): void {
    if (e.type !== 'other') return;
    if (e.entryType === 'licence.requested') {
      const d = requested.safeParse(e.data);
      if (!d.success) return this.#log.add(badEntryData(index, e.entryType, d.error));
      if (this.#requests.has(d.data.id))
        this.#log.add({
          index,
          table: 'licence_requests',
          key: d.data.id,
          problem: `licence request logged twice (first at entry ${this.#requests.get(d.data.id)!.index})`,
        });
      const view: RequestView = {
        organisation: d.data.organisation,
        terms: d.data.terms,
        state: 'submitted',
        offer: null,
        createdAt: e.at,
        updatedAt: e.at,
        events: [],
      };
      this.#requests.set(d.data.id, { index, view });
    } else if (e.entryType === 'licence.transition') {
      const d = moved.safeParse(e.data);
      if (!d.success) return this.#log.add(badEntryData(index, e.entryType, d.error));
      const r = this.#requests.get(d.data.id);
      if (r === undefined)
        return this.#log.add({
          index,
          table: 'licence_events',
          key: d.data.id,
          problem: 'a move of a licence request the log never received',
        });
      const v = r.view;
      if (d.data.from !== v.state)
        this.#log.add({
          index,
          table: 'licence_events',
          key: d.data.id,
          problem: `the move starts from ${d.data.from}, the request was ${v.state}`,
        });
      v.events.push([d.data.action, d.data.from, d.data.to, d.data.by.role, d.data.by.id, e.at, d.data.note]);
      v.state = d.data.to;
      v.updatedAt = e.at;
      if (d.data.offer !== null) v.offer = d.data.offer;
      r.index = index;
    }
  }

  /** Compares the replayed requests with the tables. */
  async compare(): Promise<void> {
    for (let after = ''; ;) {
      const page = await this.#source.licenceRequests(after, PAGE);
      if (page.length === 0) break;
      for (const { id, ...row } of page) {
        this.rows += 1;
        const seen = this.#requests.get(id);
        if (seen === undefined) {
          this.#log.add({
            index: null,
            table: 'licence_requests',
            key: id,
            problem: 'licence request has no licence.requested entry',
          });
          continue;
        }
        this.#requests.delete(id);
        // Both sides are whole in memory here: compared field by field, with no digest.
        const problem = differingFields(seen.view, row, FIELDS);
        if (problem !== null)
          this.#log.add({ index: seen.index, table: 'licence_requests', key: id, problem });
      }
      after = page[page.length - 1]!.id;
    }
    for (const [key, seen] of this.#requests)
      this.#log.add({
        index: seen.index,
        table: 'licence_requests',
        key,
        problem: 'logged licence request has no row',
      });
  }
}
