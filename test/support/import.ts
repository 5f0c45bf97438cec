/** Helpers of the import suites: fixture paths, scratch files, and a snapshot of every registry table. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from '../../src/context.js';
import type { Counts } from '../../src/registry/import/model.js';

export const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

/** The consistent fixture registry, deliberately out of dependency order. */
export const BASE = ['lineups.csv', 'mandates.csv', 'recordings.csv', 'performers.csv'].map(fixture);

export function scratchFile(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tdmr-import-')), name);
  writeFileSync(path, content);
  return path;
}

const ORDER: Record<string, string[]> = {
  performers: ['id'],
  mandates: ['mandate_id', 'version'],
  recordings: ['id'],
  lineups: ['recording_id', 'position'],
  declarations: ['id'],
};

/** Every row of every registry table, in a stable order, values as JSON would carry them. */
export async function snapshot(ctx: Context): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(ORDER)) {
    let q = ctx.db.kysely.selectFrom(table as 'performers').selectAll();
    for (const col of order) q = q.orderBy(col as 'id');
    const rows = await q.execute();
    out[table] = rows.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
    );
  }
  return out;
}

type Partial4 = Partial<Record<'inserted' | 'updated' | 'unchanged' | 'rejected', number>>;

/** Counts with zeros filled in, to compare a result's counts exactly. */
export function counts(c: Partial<Record<keyof Counts, Partial4>>): Counts {
  const full = {} as Counts;
  for (const e of ['performers', 'mandates', 'recordings', 'lineups'] as const) {
    full[e] = { inserted: 0, updated: 0, unchanged: 0, rejected: 0, ...c[e] };
  }
  return full;
}
