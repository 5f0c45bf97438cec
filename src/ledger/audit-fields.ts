/**
 * How the audit compares a row with what the log says of it (pure): the compared fields as canonical
 * JSON, a digest of them to keep per row while the log is read, the fields that differ, and the
 * divergence of entry data that does not have its type's shape.
 */
import { hash } from 'node:crypto';
import type { z } from 'zod';
import type { Divergence } from './audit-report.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';

/** Canonical JSON of a compared value (absent as null). */
export const fieldText = (v: unknown): string => canonicalJson((v ?? null) as JsonValue);

/** The digest kept per row of the replayed log: SHA-256 of the canonical JSON of its fields, in order. */
export const viewDigest = <V>(v: V, fields: readonly (keyof V)[]): string =>
  hash('sha256', fieldText(fields.map((f) => v[f])), 'base64');

/** `field: log X vs row Y` for each field that differs, or null when none does. */
export function differingFields<V>(logged: V, row: V, fields: readonly (keyof V)[]): string | null {
  const out = fields
    .filter((f) => fieldText(logged[f]) !== fieldText(row[f]))
    .map((f) => `${String(f)}: log ${fieldText(logged[f])} vs row ${fieldText(row[f])}`);
  return out.length > 0 ? out.join('; ') : null;
}

/** The divergence of an entry whose data is not of its type's shape (a body edited, a hostile file). */
export function badEntryData(index: number, type: string, error: z.ZodError): Divergence {
  const why = error.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`).join('; ');
  return { index, table: 'ledger_entries', key: String(index), problem: `${type} entry: ${why}` };
}
