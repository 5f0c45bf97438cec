/**
 * Registry search (artist / title, accent- and case-insensitive, ranked): performers by their search
 * text, recordings by full-text search, SQLite FTS5 (bm25) or PostgreSQL tsvector (ts_rank), merged by
 * score. The one dialect-specific part of the registry store.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { searchKey } from './model.js';
import type { SearchHit } from './store.js';

type Db = Kysely<DB> | Transaction<DB>;
type Dialect = 'sqlite' | 'postgres';

export async function searchRegistry(
  db: Db,
  dialect: Dialect,
  q: string,
  page: { limit: number; offset: number },
): Promise<SearchHit[]> {
  const tokens = searchKey(q)
    .split(' ')
    .filter((t) => t.length > 0)
    .slice(0, 8);
  if (tokens.length === 0) return [];
  const want = page.offset + page.limit;
  const performers = await searchPerformers(db, tokens, want);
  const recordings = await searchRecordings(db, dialect, tokens, want);
  return [...performers, ...recordings]
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
    .slice(page.offset, want);
}

async function searchPerformers(db: Db, tokens: string[], limit: number): Promise<SearchHit[]> {
  let qb = db.selectFrom('performers').selectAll();
  for (const t of tokens) qb = qb.where('search_text', 'like', `%${t.replace(/[%_\\]/g, '')}%`);
  const rows = await qb.orderBy('sort_name').limit(limit).execute();
  const phrase = tokens.join(' ');
  return rows.map((r) => ({
    type: 'performer' as const,
    id: r.id,
    label: r.display_name,
    detail: r.member ? `member ${r.member_no ?? ''}`.trim() : 'non-member',
    identifier: r.isni ?? r.ipn ?? null,
    // Exact name matches first, then names that start with the query, then any other match.
    score: r.search_text === phrase ? 3 : r.search_text.startsWith(phrase) ? 2.5 : 2,
  }));
}

/** A recording the full-text search found, with its rank (higher is better once read). */
interface RecordingMatch {
  id: string;
  title: string;
  display_artist: string;
  isrc: string | null;
  isan: string | null;
  rank: number;
}

async function searchRecordings(
  db: Db,
  dialect: Dialect,
  tokens: string[],
  limit: number,
): Promise<SearchHit[]> {
  let rows: RecordingMatch[];
  if (dialect === 'sqlite') {
    const match = tokens.map((t) => `"${t.replace(/"/g, '')}"*`).join(' ');
    const res = await sql<RecordingMatch>`
      SELECT r.id, r.title, r.display_artist, r.isrc, r.isan, bm25(recordings_fts) AS rank
      FROM recordings_fts JOIN recordings r ON r.rowid = recordings_fts.rowid
      WHERE recordings_fts MATCH ${match} ORDER BY rank LIMIT ${limit}`.execute(db);
    rows = res.rows.map((r) => ({ ...r, rank: -Number(r.rank) }));
  } else {
    const query = tokens
      .map((t) => `${t.replace(/[^\p{L}\p{N}]/gu, '')}:*`)
      .filter((t) => t !== ':*')
      .join(' & ');
    if (query === '') return [];
    const res = await sql<RecordingMatch>`
      SELECT id, title, display_artist, isrc, isan, ts_rank(to_tsvector('simple', search_text), to_tsquery('simple', ${query})) AS rank
      FROM recordings WHERE to_tsvector('simple', search_text) @@ to_tsquery('simple', ${query})
      ORDER BY rank DESC, title LIMIT ${limit}`.execute(db);
    rows = res.rows.map((r) => ({ ...r, rank: Number(r.rank) }));
  }
  const max = Math.max(1e-9, ...rows.map((r) => r.rank));
  return rows.map((r) => ({
    type: 'recording' as const,
    id: r.id,
    label: r.title,
    detail: r.display_artist,
    identifier: r.isrc ?? r.isan,
    score: 1 + r.rank / max,
  }));
}
