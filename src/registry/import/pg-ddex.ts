/**
 * DDEX resources staged in PostgreSQL: one COPY can only fill one table, so each resource is staged as one
 * JSON document and exploded here into the recording, performer and line-up staging tables. Then the
 * recording merge runs first; the performers and line-up of a rejected recording are dropped with it, so
 * a rejected resource writes nothing (as in the SQLite sink).
 */
import type pg from 'pg';
import type { DdexResourceDraft, EntityCounts } from './model.js';
import { performerToRow, recordingToRow } from '../rows.js';
import { mergeLineups } from './pg-refs.js';
import { count, dropRejected } from './pg-staging.js';
import { mergeUpsert, RECORDINGS } from './pg-upsert.js';

/** The recording's row as stored, without the timestamps the merge sets itself. */
function recordingRow(r: DdexResourceDraft['recording'], id: string) {
  const { created_at: _c, updated_at: _u, ...row } = recordingToRow({ ...r, id }, '');
  return row;
}

/** The JSON document staged for one resource (short keys: a large message has millions of them). */
export function ddexDocument(d: DdexResourceDraft, recordingId: string): string {
  const r = d.recording;
  return JSON.stringify({
    r: recordingRow(r, recordingId),
    p: d.performers.map(({ id, performer: p }) => ({
      id,
      display_name: p.displayName,
      sort_name: p.sortName,
      isni: p.isni,
      ipn: p.ipn,
      ipi: p.ipi,
      search_text: performerToRow({ ...p, id }, '').search_text,
    })),
    l: d.lineup.map((e) => ({
      p: e.performer,
      role: e.role,
      instrument: e.instrument,
      featured: e.featured ? 1 : 0,
    })),
  });
}

export async function mergeDdex(
  client: pg.PoolClient,
  now: string,
  counts: Record<'performers' | 'recordings' | 'lineups', EntityCounts>,
): Promise<void> {
  await client.query(`INSERT INTO import_recordings (line, path, id, kind, isrc, isan, eidr, iswc, title, version_title, display_artist, duration_ms, year, label, search_text)
    SELECT line, path, r->>'id', r->>'kind', r->>'isrc', r->>'isan', r->>'eidr', r->>'iswc', r->>'title', r->>'version_title', r->>'display_artist',
      (r->>'duration_ms')::bigint, (r->>'year')::int, r->>'label', r->>'search_text'
    FROM (SELECT line, path, doc->'r' AS r FROM import_ddex) d`);
  await client.query(`INSERT INTO import_ddex_performers (line, id, display_name, sort_name, isni, ipn, ipi, search_text)
    SELECT d.line, p->>'id', p->>'display_name', p->>'sort_name', p->>'isni', p->>'ipn', p->>'ipi', p->>'search_text'
    FROM import_ddex d, jsonb_array_elements(d.doc->'p') p`);
  await client.query(`INSERT INTO import_lineups (line, path, r_isrc, r_isan, r_eidr, p_isni, p_ipn, p_id, position, role, instrument, featured)
    SELECT d.line, d.path, d.doc->'r'->>'isrc', d.doc->'r'->>'isan', d.doc->'r'->>'eidr', p->>'isni', p->>'ipn', p->>'id',
      l.ord, l.e->>'role', l.e->>'instrument', (l.e->>'featured')::int
    FROM import_ddex d, jsonb_array_elements(d.doc->'l') WITH ORDINALITY AS l(e, ord), LATERAL (SELECT d.doc->'p'->((l.e->>'p')::int) AS p) x`);

  await mergeUpsert(client, RECORDINGS, now, counts.recordings);
  await dropRejected(client, 'import_ddex_performers');
  await dropRejected(client, 'import_lineups');

  // A party becomes a performer unless one already has its ISNI, IPN or (name-based) id; existing ones are left as they are.
  const inserted = await count(
    client,
    `WITH ins AS (INSERT INTO performers (id, display_name, sort_name, aliases, member_no, isni, ipn, ipi, member, search_text, created_at, updated_at)
      SELECT DISTINCT ON (id) id, display_name, sort_name, '[]', NULL, isni, ipn, ipi, 0, search_text, $1, $1
      FROM import_ddex_performers s
      WHERE NOT EXISTS (SELECT 1 FROM performers p WHERE p.isni = s.isni OR p.ipn = s.ipn OR p.id = s.id)
      ORDER BY id, line
      ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [now],
  );
  await mergeLineups(client, counts.lineups);
  counts.performers.inserted += inserted;
  counts.performers.unchanged +=
    (await count(client, 'SELECT count(DISTINCT performer_id)::int AS n FROM import_lineups')) - inserted;
}
