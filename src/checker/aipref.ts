/**
 * IETF AI preferences (draft-ietf-aipref-vocab-07): a Structured Fields Dictionary (RFC 9651, parsed by
 * `structured-headers`) whose keys are labels and whose values are the Tokens `y` / `n`. Used by the HTTP
 * `Content-Usage` header and the robots.txt `Content-Usage` rule alike.
 */
import { Token, parseDictionary } from 'structured-headers';

/** The labels of vocab-07. */
export const AIPREF_LABELS = ['train-ai', 'search'] as const;
export type AiprefLabel = (typeof AIPREF_LABELS)[number];
export type Preference = 'allow' | 'disallow' | 'unknown';
export type AiprefPreferences = Record<AiprefLabel, Preference>;

/** Labels of earlier drafts still seen in the wild; reported, never acted on under vocab-07. */
export const LEGACY_AIPREF_LABELS = ['ai', 'genai', 'tdm', 'inference', 'all', 'bots', 'train-genai', 'ai-use', 'ai-output'] as const;

export interface AiprefReading {
  preferences: AiprefPreferences;
  /** False when the value is not a Dictionary: every preference is then unknown (not an error). */
  parsed: boolean;
  legacyLabels: string[];
}

const UNKNOWN: AiprefPreferences = { 'train-ai': 'unknown', search: 'unknown' };

/**
 * @example
 * readAipref('train-ai=n, search=y').preferences; // { 'train-ai': 'disallow', search: 'allow' }
 */
export function readAipref(value: string): AiprefReading {
  let dict: ReturnType<typeof parseDictionary>;
  try {
    dict = parseDictionary(value);
  } catch {
    return { preferences: { ...UNKNOWN }, parsed: false, legacyLabels: [] };
  }
  const preferences = { ...UNKNOWN };
  for (const label of AIPREF_LABELS) {
    const member = dict.get(label);
    const item: unknown = member?.[0];
    if (item instanceof Token) {
      const t = item.toString();
      preferences[label] = t === 'y' ? 'allow' : t === 'n' ? 'disallow' : 'unknown';
    }
  }
  const legacyLabels = [...dict.keys()].filter((k) => (LEGACY_AIPREF_LABELS as readonly string[]).includes(k));
  return { preferences, parsed: true, legacyLabels };
}

/** The vocabulary's combination rule: any disallow, else any allow, else unknown. */
export function combinePreferences(readings: readonly AiprefPreferences[]): AiprefPreferences {
  const out = { ...UNKNOWN };
  for (const label of AIPREF_LABELS) {
    const values = readings.map((r) => r[label]);
    out[label] = values.includes('disallow') ? 'disallow' : values.includes('allow') ? 'allow' : 'unknown';
  }
  return out;
}
