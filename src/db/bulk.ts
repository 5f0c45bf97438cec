/**
 * Set-sized statements for bulk work, the same on both dialects in what they answer: a list of values
 * travels as ONE parameter (a JSON array that SQLite's `json_each` unpacks, a typed array that
 * PostgreSQL's `unnest` unpacks), so the statement text never changes with the size of the set. Kysely's
 * multi-row `VALUES` and `IN (?, ?, ...)` build a syntax tree node per value and a new statement text per
 * size: on a distribution run of millions of share rows that costs several times the insert itself.
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { isPostgres, type AnyDb } from './dialect.js';

/** A column of a bulk insert and how PostgreSQL types its array. */
export interface BulkColumn {
  name: string;
  type: 'text' | 'integer' | 'bigint';
}

/**
 * `column IN (the values)`, with the values as a single parameter.
 *
 * @example
 * db.selectFrom('lineups').selectAll().where(inValues(db, sql.ref('recording_id'), ids))
 */
export function inValues(db: AnyDb, column: Expression<unknown>, values: readonly string[]): RawBuilder<SqlBool> {
  if (isPostgres(db)) return sql<SqlBool>`${column} = ANY(${[...values]}::text[])`;
  return sql<SqlBool>`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
}

/**
 * Inserts `rows` (arrays in the order of `columns`) into `table`, `perStatement` rows a statement.
 * Values are strings, numbers (safe integers) or null; booleans go in as 1 / 0 by the caller.
 */
export async function bulkInsert(
  db: AnyDb,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly (string | number | null)[])[],
  perStatement = 20_000,
): Promise<void> {
  const names = sql.join(columns.map((c) => sql.ref(c.name)));
  const pg = isPostgres(db);
  for (let i = 0; i < rows.length; i += perStatement) {
    const part = rows.slice(i, i + perStatement);
    if (pg) {
      const arrays = columns.map((c, k) => sql`${part.map((r) => r[k] ?? null)}::${sql.raw(c.type === 'integer' ? 'int' : c.type)}[]`);
      await sql`INSERT INTO ${sql.table(table)} (${names}) SELECT * FROM unnest(${sql.join(arrays)})`.execute(db);
    } else {
      const picks = sql.join(columns.map((_, k) => sql`value ->> ${sql.lit(k)}`));
      await sql`INSERT INTO ${sql.table(table)} (${names}) SELECT ${picks} FROM json_each(${JSON.stringify(part)})`.execute(db);
    }
  }
}

/** `items` in slices of `size` (the last shorter): statements of bounded size for lists of any length. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
