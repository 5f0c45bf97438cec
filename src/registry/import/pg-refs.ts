/**
 * Set-based merges of rows that reference others, staged in PostgreSQL: line-up entries (recording and
 * performer must exist) and mandates (performer must exist; a version is appended only when the terms
 * differ from the latest one). Rows whose references fail are rejected with their line numbers.
 */
import type pg from 'pg';
import type { EntityCounts } from './model.js';
import { count, dropRejected } from './pg-staging.js';

/** A reference by natural keys: the first key that matches wins; another key naming another row is an error. */
interface RefSpec {
  stage: string;
  target: string; // column of the stage receiving the resolved id
  table: string;
  keys: readonly { stage: string; col: string; field: string; label: string }[];
  what: string;
}

// Rows from DDEX (with a path) name a party by its first matching key and are not checked for contradicting
// keys, as in the SQLite sink; CSV references (no path) must not contradict themselves.

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function resolve(client: pg.PoolClient, ref: RefSpec): Promise<void> {
  const { stage, table, keys } = ref;
  // One join per key, in precedence order, each filling only what the previous ones left: the first key
  // that matches wins. Joins, not correlated subqueries, so that PostgreSQL can hash a large file.
  for (const k of keys) {
    await client.query(
      `UPDATE ${stage} s SET ${ref.target} = t.id FROM ${table} t WHERE s.${ref.target} IS NULL AND t.${k.col} = s.${k.stage}`,
    );
  }
  // Fresh statistics after the bulk update: stale ones (all ids null) lead the planner into nested loops.
  await client.query(`ANALYZE ${stage}`);
  const field = (k: RefSpec['keys'][number]) => `coalesce(path, ${quote(k.field)})`;
  const unknown = keys.map((k, o) => `WHEN ${k.stage} IS NOT NULL THEN ${o}`).join(' ');
  const cases = (pick: (k: RefSpec['keys'][number]) => string) =>
    `CASE ${keys.map((k) => `WHEN ${k.stage} IS NOT NULL THEN ${pick(k)}`).join(' ')} END`;
  const others = keys.map(
    (
      k,
    ) => `SELECT s.line, ${field(k)} AS field, ${quote(k.label + ' ')} || s.${k.stage} || ${quote(` names another ${ref.what}`)} AS reason
      FROM ${stage} s JOIN ${table} t ON t.${k.col} = s.${k.stage}
      WHERE s.path IS NULL AND num_nonnulls(${keys.map((x) => `s.${x.stage}`).join(', ')}) > 1 AND s.${ref.target} IS NOT NULL AND t.id <> s.${ref.target}`,
  );
  await client.query(`INSERT INTO import_rejects (line, field, reason)
    SELECT DISTINCT ON (line) line, field, reason FROM (
      SELECT line, ${cases(field)} AS field, ${cases((k) => `${quote(`no ${ref.what} with ${k.label} `)} || ${k.stage}`)} AS reason
        FROM ${stage} WHERE ${ref.target} IS NULL AND (CASE ${unknown} END) IS NOT NULL
      UNION ALL ${others.join(' UNION ALL ')}
    ) x WHERE NOT EXISTS (SELECT 1 FROM import_rejects r WHERE r.line = x.line) ORDER BY line`);
  await dropRejected(client, stage);
}

const PERFORMER_KEYS = [
  { stage: 'p_isni', col: 'isni', field: 'performer_isni', label: 'ISNI' },
  { stage: 'p_ipn', col: 'ipn', field: 'performer_ipn', label: 'IPN' },
  { stage: 'p_member_no', col: 'member_no', field: 'performer_member_no', label: 'member number' },
] as const;

export async function mergeLineups(client: pg.PoolClient, counts: EntityCounts): Promise<void> {
  await resolve(client, {
    stage: 'import_lineups',
    target: 'recording_id',
    table: 'recordings',
    what: 'recording',
    keys: [
      { stage: 'r_isrc', col: 'isrc', field: 'isrc', label: 'ISRC' },
      { stage: 'r_isan', col: 'isan', field: 'isan', label: 'ISAN' },
      { stage: 'r_eidr', col: 'eidr', field: 'eidr', label: 'EIDR' },
    ],
  });
  await resolve(client, {
    stage: 'import_lineups',
    target: 'performer_id',
    table: 'performers',
    what: 'performer',
    keys: [...PERFORMER_KEYS, { stage: 'p_id', col: 'id', field: 'performer', label: 'id' }],
  });
  await client.query(`INSERT INTO import_rejects (line, field, reason)
    SELECT line, coalesce(path, 'position'), 'position ' || position || ' of this recording appears earlier in this import (line ' || first || ')'
    FROM (SELECT line, path, position, min(line) OVER (PARTITION BY recording_id, position) AS first FROM import_lineups) d
    WHERE line > first AND NOT EXISTS (SELECT 1 FROM import_rejects r WHERE r.line = d.line)`);
  // CSV entries may not rewrite a position an earlier file of the run wrote; a DDEX message's line-up
  // (imported last) takes its positions over, as in the SQLite sink.
  await client.query(`INSERT INTO import_rejects (line, field, reason)
    SELECT DISTINCT s.line, 'position', 'position ' || s.position || ' of this recording was written by an earlier file of this import'
    FROM import_lineups s JOIN import_seen_lineups w ON w.recording_id = s.recording_id AND w.position = s.position
    WHERE s.path IS NULL AND NOT EXISTS (SELECT 1 FROM import_rejects r WHERE r.line = s.line)`);
  await dropRejected(client, 'import_lineups');
  const r = await client.query<{ inserted: number; updated: number; total: number }>(`
    WITH up AS (
      INSERT INTO lineups (recording_id, position, performer_id, role, instrument, featured)
      SELECT recording_id, position, performer_id, role, instrument, featured FROM import_lineups
      ON CONFLICT (recording_id, position) DO UPDATE SET
        performer_id = excluded.performer_id, role = excluded.role, instrument = excluded.instrument, featured = excluded.featured
      WHERE (lineups.performer_id, lineups.role, lineups.instrument, lineups.featured)
        IS DISTINCT FROM (excluded.performer_id, excluded.role, excluded.instrument, excluded.featured)
      RETURNING (xmax = 0) AS inserted, recording_id),
    logged AS (INSERT INTO import_log_recordings (id) SELECT DISTINCT recording_id FROM up ON CONFLICT (id) DO NOTHING)
    SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated,
      (SELECT count(*)::int FROM import_lineups) AS total FROM up`);
  const row = r.rows[0] ?? { inserted: 0, updated: 0, total: 0 };
  counts.inserted += row.inserted;
  counts.updated += row.updated;
  counts.unchanged += row.total - row.inserted - row.updated;
  await client.query(
    `INSERT INTO import_seen_lineups SELECT recording_id, position FROM import_lineups ON CONFLICT DO NOTHING`,
  );
}

/** A JSON list as a sorted text array, so that lists compare as sets. */
const asSet = (expr: string) =>
  `(SELECT array_agg(x ORDER BY x) FROM json_array_elements_text(${expr}::json) x)`;

export async function mergeMandates(client: pg.PoolClient, now: string, counts: EntityCounts): Promise<void> {
  await resolve(client, {
    stage: 'import_mandates',
    target: 'performer_id',
    table: 'performers',
    what: 'performer',
    keys: PERFORMER_KEYS,
  });
  await client.query(`UPDATE import_mandates s SET latest_version = l.version, latest_performer = l.performer_id,
      same_terms = l.legal_basis = s.legal_basis AND l.valid_from = s.valid_from AND l.valid_to IS NOT DISTINCT FROM s.valid_to
        AND l.source_ref IS NOT DISTINCT FROM s.source_ref AND ${asSet('l.uses')} = ${asSet('s.uses')}
        AND ${asSet('l.media')} = ${asSet('s.media')} AND ${asSet('l.territories')} = ${asSet('s.territories')},
      same_withdrawal = l.withdrawn_at IS NOT DISTINCT FROM s.withdrawn_at
    FROM (SELECT DISTINCT ON (mandate_id) * FROM mandates WHERE mandate_id IN (SELECT mandate_id FROM import_mandates)
          ORDER BY mandate_id, version DESC) l
    WHERE l.mandate_id = s.mandate_id`);
  await client.query(`INSERT INTO import_rejects (line, field, reason)
    SELECT line, 'mandate_id', 'mandate ' || mandate_id || ' is held by another performer' FROM import_mandates
    WHERE latest_performer IS NOT NULL AND latest_performer <> performer_id`);
  await dropRejected(client, 'import_mandates');
  // Repeats are judged among the rows left, as in the SQLite sink (a rejected row wrote nothing).
  await client.query(`INSERT INTO import_rejects (line, field, reason)
    SELECT line, 'mandate_id', 'mandate ' || mandate_id || ' appears earlier in this import (line ' || first || ')'
    FROM (SELECT line, mandate_id, min(line) OVER (PARTITION BY mandate_id) AS first FROM import_mandates) d WHERE line > first
    UNION ALL
    SELECT line, 'mandate_id', 'mandate ' || mandate_id || ' was written by an earlier file of this import'
    FROM import_mandates WHERE mandate_id IN (SELECT mandate_id FROM import_seen_mandates)`);
  await dropRejected(client, 'import_mandates');
  await client.query(
    'INSERT INTO import_seen_mandates SELECT mandate_id FROM import_mandates ON CONFLICT DO NOTHING',
  );
  const cols =
    'id, mandate_id, version, performer_id, legal_basis, uses, media, territories, valid_from, valid_to, withdrawn_at, source_ref, change, recorded_at';
  const terms = 'performer_id, legal_basis, uses, media, territories, valid_from, valid_to';
  counts.inserted += await count(
    client,
    `WITH ins AS (INSERT INTO mandates (${cols})
      SELECT id1, mandate_id, 1, ${terms}, NULL, source_ref, 'initial', $1 FROM import_mandates WHERE latest_version IS NULL ORDER BY line RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [now],
  );
  await client.query(
    `INSERT INTO mandates (${cols})
     SELECT id2, mandate_id, 2, ${terms}, withdrawn_at, source_ref, 'withdrawal', $1 FROM import_mandates
     WHERE latest_version IS NULL AND withdrawn_at IS NOT NULL ORDER BY line`,
    [now],
  );
  const updated = await count(
    client,
    `WITH ins AS (INSERT INTO mandates (${cols})
      SELECT id1, mandate_id, latest_version + 1, ${terms}, withdrawn_at, source_ref,
        CASE WHEN same_terms AND withdrawn_at IS NOT NULL THEN 'withdrawal' ELSE 'correction' END, $1
      FROM import_mandates WHERE latest_version IS NOT NULL AND NOT (same_terms AND same_withdrawal) ORDER BY line RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [now],
  );
  counts.updated += updated;
  counts.unchanged +=
    (await count(client, 'SELECT count(*)::int AS n FROM import_mandates WHERE latest_version IS NOT NULL')) -
    updated;
  // The versions written, in line order, for the transparency log (log-entries.ts).
  await client.query(`INSERT INTO import_log_mandates (id)
    SELECT id FROM (
      SELECT s.line, m.version, m.id FROM import_mandates s JOIN mandates m ON m.id = s.id1
      UNION ALL SELECT s.line, m.version, m.id FROM import_mandates s JOIN mandates m ON m.id = s.id2
    ) x ORDER BY line, version`);
}
