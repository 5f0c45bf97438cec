/** The registry views on Kysely, for SQLite and PostgreSQL alike. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Performer } from './model.js';
import type { PerformerPage, RegistryViews } from './views.js';

const SEP = '\u0001';

export class KyselyRegistryViews implements RegistryViews {
  constructor(private readonly db: Kysely<DB>) {}

  async performersPage(opts: {
    membersOnly: boolean;
    cursor: string | null;
    limit: number;
  }): Promise<PerformerPage> {
    let q = this.db.selectFrom('performers').selectAll();
    if (opts.membersOnly) q = q.where('member', '=', 1);
    if (opts.cursor !== null) {
      const [sortName = '', id = ''] = opts.cursor.split(SEP);
      q = q.where((eb) =>
        eb.or([eb('sort_name', '>', sortName), eb.and([eb('sort_name', '=', sortName), eb('id', '>', id)])]),
      );
    }
    const rows = await q
      .orderBy('sort_name')
      .orderBy('id')
      .limit(opts.limit + 1)
      .execute();
    const page = rows.slice(0, opts.limit);
    const last = page[page.length - 1];
    const performers: Performer[] = page.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      sortName: r.sort_name,
      aliases: JSON.parse(r.aliases) as string[],
      memberNo: r.member_no,
      isni: r.isni,
      ipn: r.ipn,
      ipi: r.ipi,
      member: Number(r.member) === 1,
    }));
    return {
      performers,
      next: rows.length > opts.limit && last !== undefined ? `${last.sort_name}${SEP}${last.id}` : null,
    };
  }

  async reservedByMonth(): Promise<{ month: string; recordings: number }[]> {
    const res = await sql<{ month: string; n: number | string }>`
      SELECT substr(first_from, 1, 7) AS month, COUNT(*) AS n FROM (
        SELECT l.recording_id, MIN(m.valid_from) AS first_from
        FROM lineups l JOIN performers p ON p.id = l.performer_id AND p.member = 1
        JOIN mandates m ON m.performer_id = l.performer_id AND m.version = 1
        GROUP BY l.recording_id
      ) firsts GROUP BY substr(first_from, 1, 7) ORDER BY month`.execute(this.db);
    return res.rows.map((r) => ({ month: r.month, recordings: Number(r.n) }));
  }
}
