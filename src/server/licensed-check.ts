/**
 * `POST /v1/check` answered to a licensee: the public answer with the uses its licences cover turned
 * `licensed` (licensed-lookup.ts), in the full or the status-only form.
 */
import type { Licence } from '../licensing/model.js';
import type { StatusLookup } from '../registry/status-lookup.js';
import type { CheckRequest } from './check-answer.js';
import { licensedCheck, type LicenceHolder } from './licensed-lookup.js';
import { checkResponseBytes } from './status-json.js';

/** A batch as the holder of `licences` sees it, as bytes: on the service's thread or on a check worker. */
export async function licensedCheckBytes(lookup: StatusLookup, body: CheckRequest, licences: readonly Licence[], holder: Pick<LicenceHolder, 'lineup'>): Promise<Buffer> {
  const { items, detail, ...opts } = body;
  const r = await licensedCheck(await lookup.check(items, opts), licences, holder);
  if (detail === 'full') return checkResponseBytes({ count: r.items.length, detail, ...r });
  const verdicts = r.items.map((i) => {
    if (!i.ok) return i;
    const uses: Record<string, { status: string }> = {};
    for (const [use, u] of Object.entries(i.uses)) uses[use] = { status: u.status };
    return { input: i.input, ok: true, identifier: i.identifier ?? i.input, status: i.status, uses };
  });
  return Buffer.from(JSON.stringify({ count: verdicts.length, detail, at: r.at, territory: r.territory, summary: r.summary, items: verdicts }));
}
