/**
 * Set-based upsert by natural key, for performers and recordings staged in PostgreSQL. The same rules as
 * the SQLite sink, in SQL: the first key that matches a stored row wins; a row whose other key belongs to
 * another stored row, or that repeats a key or the target of an earlier accepted row of the file, is
 * rejected; new rows are inserted, changed rows updated (ids and creation times kept), equal rows left
 * alone. One difference remains: a file that moves a key from one stored row to another (row A frees it,
 * row B takes it) is accepted by SQLite in that order but rejected here, where keys are checked against
 * the database as it was before the file.
 */
import type pg from 'pg';
import type { EntityCounts } from './model.js';
import { count, dropRejected } from './pg-staging.js';

export interface UpsertSpec {
  stage: string;
  table: string;
  /** Natural keys in precedence order: column (same name in stage and table), CSV field, label. */
  keys: readonly { col: string; label: string }[];
  /** Columns an import sets (all but id and timestamps). */
  data: readonly string[];
  /** The table of ids written by earlier files of the run. */
  seen: string;
  /** Column naming the stored row in messages. */
  name: string;
  what: string;
  /** Whether the stage has a `path` column (DDEX) naming the element in rejections. */
  hasPath: boolean;
  /** The table noting written rows for the transparency log, if they are logged. */
  log?: string;
  /** SQL appended to `path` in rejections, over the stage's columns (`$.` stands for the stage alias). */
  pathSuffix?: string;
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function mergeUpsert(
  client: pg.PoolClient,
  spec: UpsertSpec,
  now: string,
  counts: EntityCounts,
): Promise<void> {
  const { stage, table, keys, data } = spec;
  const field = (col: string, alias = '') =>
    spec.hasPath
      ? `coalesce(${alias}path${spec.pathSuffix === undefined ? '' : ` || ${spec.pathSuffix.replace(/\$\./g, alias)}`}, ${quote(col)})`
      : quote(col);

  // 1. The stored row each staged row targets: the first key that matches wins.
  for (const k of keys) {
    await client.query(
      `UPDATE ${stage} s SET existing = t.id FROM ${table} t WHERE s.existing IS NULL AND t.${k.col} = s.${k.col}`,
    );
  }
  await client.query(`ANALYZE ${stage}`);

  // 2. Rows whose other key belongs to another stored row.
  const conflicts = keys.map(
    (k, o) => `SELECT s.line, ${field(k.col, 's.')} AS field,
        ${quote(k.label + ' ')} || s.${k.col} || ${quote(` belongs to another ${spec.what} (`)} || t.${spec.name} || ')' AS reason, ${o} AS o
      FROM ${stage} s JOIN ${table} t ON t.${k.col} = s.${k.col} WHERE s.existing IS NOT NULL AND t.id <> s.existing`,
  );
  await client.query(`INSERT INTO import_rejects (line, field, reason)
    SELECT DISTINCT ON (line) line, field, reason FROM (${conflicts.join(' UNION ALL ')}) x ORDER BY line, o`);
  await dropRejected(client, stage);

  // 3. Among the rows left, one that repeats a key, or the stored row, of an earlier one (the SQLite sink
  //    sees the same: an earlier rejected row wrote nothing, so it does not count).
  const path = spec.hasPath ? `path${spec.pathSuffix === undefined ? '' : ', kind'}` : 'NULL::text AS path';
  const repeats = keys.map(
    (
      k,
      o,
    ) => `SELECT line, ${field(k.col)} AS field, ${quote(k.label + ' ')} || v || ' appears earlier in this import (line ' || first || ')' AS reason, ${o} AS o
      FROM (SELECT line, ${path}, ${k.col} AS v, min(line) OVER (PARTITION BY ${k.col}) AS first FROM ${stage} WHERE ${k.col} IS NOT NULL) d
      WHERE line > first`,
  );
  repeats.push(`SELECT line, ${field(keys[0]!.col)}, ${quote(`this ${spec.what} appears earlier in this import (line `)} || first || ')', ${keys.length}
      FROM (SELECT line, ${path}, min(line) OVER (PARTITION BY existing) AS first FROM ${stage} WHERE existing IS NOT NULL) d
      WHERE line > first`);
  repeats.push(`SELECT line, ${field(keys[0]!.col)}, ${quote(`this ${spec.what} was written by an earlier file of this import`)}, ${keys.length + 1}
      FROM ${stage} WHERE existing IN (SELECT id FROM ${spec.seen})`);
  await client.query(`INSERT INTO import_rejects (line, field, reason)
    SELECT DISTINCT ON (line) line, field, reason FROM (${repeats.join(' UNION ALL ')}) x
    WHERE NOT EXISTS (SELECT 1 FROM import_rejects r WHERE r.line = x.line) ORDER BY line, o`);
  await dropRejected(client, stage);

  // Written rows are noted for the transparency log when the spec says where (log-entries.ts).
  const note = (cte: string) =>
    spec.log === undefined
      ? ''
      : `, logged AS (INSERT INTO ${spec.log} (id) SELECT id FROM ${cte} ORDER BY line ON CONFLICT (id) DO NOTHING)`;
  counts.inserted += await count(
    client,
    `WITH ins AS (INSERT INTO ${table} (id, ${data.join(', ')}, created_at, updated_at)
      SELECT id, ${data.join(', ')}, $1, $1 FROM ${stage} WHERE existing IS NULL ORDER BY line RETURNING id),
     ins_lines AS (SELECT s.line, s.id FROM ins JOIN ${stage} s ON s.id = ins.id)${note('ins_lines')}
     SELECT count(*)::int AS n FROM ins`,
    [now],
  );
  const updated = await count(
    client,
    `WITH upd AS (UPDATE ${table} t SET ${data.map((c) => `${c} = s.${c}`).join(', ')}, updated_at = $1 FROM ${stage} s
      WHERE s.existing = t.id AND (${data.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${data.map((c) => `s.${c}`).join(', ')})
      RETURNING t.id, s.line)${note('upd')}
     SELECT count(*)::int AS n FROM upd`,
    [now],
  );
  counts.updated += updated;
  counts.unchanged +=
    (await count(client, `SELECT count(*)::int AS n FROM ${stage} WHERE existing IS NOT NULL`)) - updated;
  await client.query(
    `INSERT INTO ${spec.seen} (id) SELECT coalesce(existing, id) FROM ${stage} ON CONFLICT DO NOTHING`,
  );
}

export const PERFORMERS: UpsertSpec = {
  stage: 'import_performers',
  table: 'performers',
  keys: [
    { col: 'isni', label: 'ISNI' },
    { col: 'ipn', label: 'IPN' },
    { col: 'member_no', label: 'member number' },
  ],
  data: ['display_name', 'sort_name', 'aliases', 'member_no', 'isni', 'ipn', 'ipi', 'member', 'search_text'],
  seen: 'import_seen_performers',
  name: 'display_name',
  what: 'performer',
  hasPath: false,
};

export const RECORDINGS: UpsertSpec = {
  stage: 'import_recordings',
  table: 'recordings',
  keys: [
    { col: 'isrc', label: 'ISRC' },
    { col: 'isan', label: 'ISAN' },
    { col: 'eidr', label: 'EIDR' },
  ],
  data: [
    'kind',
    'isrc',
    'isan',
    'eidr',
    'iswc',
    'title',
    'version_title',
    'display_artist',
    'duration_ms',
    'year',
    'label',
    'search_text',
  ],
  seen: 'import_seen_recordings',
  name: 'title',
  what: 'recording',
  log: 'import_log_recordings',
  hasPath: true,
  pathSuffix:
    "CASE WHEN $.kind = 'sound' THEN '/SoundRecordingEdition/ResourceId' ELSE '/VideoEdition/ResourceId' END",
};
