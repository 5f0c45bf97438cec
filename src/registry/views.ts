/**
 * Read-only views of the registry for the web pages: the members list, page by page, and how many
 * recordings have been reserved over time. Implemented once, for both dialects, in store-kysely-views.ts.
 */
import type { Performer } from './model.js';

export interface PerformerPage {
  performers: Performer[];
  /** The cursor of the next page (sort name and id of the last row), or null on the last page. */
  next: string | null;
}

export interface RegistryViews {
  /** Members (or every performer) by sort name, `limit` at a time after `cursor` (keyset: fast at any depth). */
  performersPage(opts: {
    membersOnly: boolean;
    cursor: string | null;
    limit: number;
  }): Promise<PerformerPage>;
  /**
   * Recordings with at least one member of their line-up under mandate, by the month the first such
   * mandate started (`YYYY-MM`), oldest first: summed in order, the number of reserved recordings over time.
   */
  reservedByMonth(): Promise<{ month: string; recordings: number }[]>;
}
