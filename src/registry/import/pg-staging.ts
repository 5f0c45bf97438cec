/**
 * PostgreSQL staging: TEMP tables (dropped at commit) that COPY fills, one per kind of row, the table of rows
 * the merges reject, and the `import_seen_*` tables of what earlier files of the run wrote (a row may not
 * write the same key twice in one run, as in the SQLite sink). Rows carry the line they came from, which is
 * how rejections find their row.
 */
import type pg from 'pg';
import { LOG_TABLES_POSTGRES } from './log-entries.js';

export interface Staging {
  table: string;
  columns: readonly string[];
}

export const STAGE: Record<'performers' | 'recordings' | 'mandates' | 'lineups' | 'ddex', Staging> = {
  performers: {
    table: 'import_performers',
    columns: [
      'line',
      'id',
      'display_name',
      'sort_name',
      'aliases',
      'member_no',
      'isni',
      'ipn',
      'ipi',
      'member',
      'search_text',
    ],
  },
  recordings: {
    table: 'import_recordings',
    columns: [
      'line',
      'path',
      'id',
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
  },
  mandates: {
    table: 'import_mandates',
    columns: [
      'line',
      'mandate_id',
      'p_isni',
      'p_ipn',
      'p_member_no',
      'legal_basis',
      'uses',
      'media',
      'territories',
      'valid_from',
      'valid_to',
      'withdrawn_at',
      'source_ref',
      'id1',
      'id2',
    ],
  },
  lineups: {
    table: 'import_lineups',
    columns: [
      'line',
      'r_isrc',
      'r_isan',
      'r_eidr',
      'p_isni',
      'p_ipn',
      'p_member_no',
      'position',
      'role',
      'instrument',
      'featured',
    ],
  },
  ddex: { table: 'import_ddex', columns: ['line', 'path', 'doc'] },
};

const DDL = `
CREATE TEMP TABLE import_rejects (line int NOT NULL, field text NOT NULL, reason text NOT NULL) ON COMMIT DROP;
CREATE TEMP TABLE import_seen_performers (id text PRIMARY KEY) ON COMMIT DROP;
CREATE TEMP TABLE import_seen_recordings (id text PRIMARY KEY) ON COMMIT DROP;
CREATE TEMP TABLE import_seen_mandates (mandate_id text PRIMARY KEY) ON COMMIT DROP;
CREATE TEMP TABLE import_seen_lineups (recording_id text, position int, PRIMARY KEY (recording_id, position)) ON COMMIT DROP;
CREATE TEMP TABLE import_performers (
  line int NOT NULL, id text NOT NULL, display_name text NOT NULL, sort_name text NOT NULL, aliases text NOT NULL,
  member_no text, isni text, ipn text, ipi text, member int NOT NULL, search_text text NOT NULL, existing text
) ON COMMIT DROP;
CREATE TEMP TABLE import_recordings (
  line int NOT NULL, path text, id text NOT NULL, kind text NOT NULL, isrc text, isan text, eidr text, iswc text,
  title text NOT NULL, version_title text, display_artist text NOT NULL, duration_ms bigint, year int, label text,
  search_text text NOT NULL, existing text
) ON COMMIT DROP;
CREATE TEMP TABLE import_mandates (
  line int NOT NULL, path text, mandate_id text NOT NULL, p_isni text, p_ipn text, p_member_no text, legal_basis text NOT NULL,
  uses text NOT NULL, media text NOT NULL, territories text NOT NULL, valid_from text NOT NULL, valid_to text,
  withdrawn_at text, source_ref text, id1 text NOT NULL, id2 text NOT NULL,
  performer_id text, latest_version int, latest_performer text, same_terms boolean, same_withdrawal boolean
) ON COMMIT DROP;
CREATE TEMP TABLE import_lineups (
  line int NOT NULL, path text, r_isrc text, r_isan text, r_eidr text, p_isni text, p_ipn text, p_member_no text, p_id text,
  position int NOT NULL, role text NOT NULL, instrument text, featured int NOT NULL, recording_id text, performer_id text
) ON COMMIT DROP;
CREATE TEMP TABLE import_ddex (line int NOT NULL, path text NOT NULL, doc jsonb NOT NULL) ON COMMIT DROP;
CREATE TEMP TABLE import_ddex_performers (
  line int NOT NULL, id text NOT NULL, display_name text NOT NULL, sort_name text NOT NULL, isni text, ipn text, ipi text,
  search_text text NOT NULL
) ON COMMIT DROP;
`;

export async function createStaging(client: pg.PoolClient): Promise<void> {
  await client.query(DDL + LOG_TABLES_POSTGRES);
}

/** Empties the staging tables before a file. */
export async function clearStaging(client: pg.PoolClient): Promise<void> {
  await client.query(
    'TRUNCATE import_rejects, import_performers, import_recordings, import_mandates, import_lineups, import_ddex, import_ddex_performers',
  );
}

/** Removes from a staging table the rows of lines already rejected. */
export async function dropRejected(client: pg.PoolClient, table: string): Promise<void> {
  await client.query(`DELETE FROM ${table} s USING import_rejects r WHERE s.line = r.line`);
}

export async function count(client: pg.PoolClient, sql: string, params: unknown[] = []): Promise<number> {
  const r = await client.query<{ n: number }>(sql, params);
  return Number(r.rows[0]?.n ?? 0);
}
