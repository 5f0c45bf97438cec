/**
 * Cloudflare's Content Signals (`Content-Signal: search=yes, ai-input=no, ai-train=no`): comma-separated
 * `key=value` pairs, keys and values compared case-insensitively, values `yes` / `no` only. Not a
 * Structured Field, so it is read by hand: nothing else reads it.
 */
export const CONTENT_SIGNAL_KEYS = ['search', 'ai-input', 'ai-train'] as const;
export type ContentSignalKey = (typeof CONTENT_SIGNAL_KEYS)[number];
export type SignalValue = 'yes' | 'no' | 'unset';
export type ContentSignals = Record<ContentSignalKey, SignalValue>;

/**
 * @example
 * readContentSignal('search=yes, ai-train=no'); // { search: 'yes', 'ai-input': 'unset', 'ai-train': 'no' }
 */
export function readContentSignal(value: string): ContentSignals {
  const out: ContentSignals = { search: 'unset', 'ai-input': 'unset', 'ai-train': 'unset' };
  for (const pair of value.split(',')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = pair.slice(0, eq).trim().toLowerCase();
    const v = pair.slice(eq + 1).trim().toLowerCase();
    if ((CONTENT_SIGNAL_KEYS as readonly string[]).includes(key) && (v === 'yes' || v === 'no')) out[key as ContentSignalKey] = v;
  }
  return out;
}

/** Several lines for one group: `no` wins over `yes` (read conservatively), `unset` only when all are. */
export function combineContentSignals(all: readonly ContentSignals[]): ContentSignals {
  const out: ContentSignals = { search: 'unset', 'ai-input': 'unset', 'ai-train': 'unset' };
  for (const key of CONTENT_SIGNAL_KEYS) {
    const values = all.map((s) => s[key]);
    out[key] = values.includes('no') ? 'no' : values.includes('yes') ? 'yes' : 'unset';
  }
  return out;
}
