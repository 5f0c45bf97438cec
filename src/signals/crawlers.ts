/**
 * The AI crawler list: a versioned data file (data/ai-crawlers.json) that can be updated without touching
 * code, validated here once. `tdmr publish --crawlers FILE` and the service accept another file of the
 * same shape.
 */
import { z } from 'zod';
import bundled from './data/ai-crawlers.json' with { type: 'json' };
import { SignalsError } from './errors.js';

export const CRAWLER_PURPOSES = ['ai-training', 'ai-input'] as const;
export type CrawlerPurpose = (typeof CRAWLER_PURPOSES)[number];

export interface Crawler {
  token: string;
  owner: string;
  purpose: CrawlerPurpose;
  description: string;
}

export interface CrawlerList {
  version: string;
  crawlers: Crawler[];
}

// Letters, digits, '-' and '_': RFC 9309 product tokens plus the digits real AI crawlers use (AI2Bot).
// Spaces and '/' would be cut by Google's parser, so such names cannot be listed.
const TOKEN = /^[A-Za-z0-9_-]+$/;

const schema = z.object({
  version: z.string().min(1),
  crawlers: z
    .array(
      z.object({
        token: z.string().regex(TOKEN, 'a token holds only letters, digits, - and _'),
        owner: z.string().min(1),
        purpose: z.enum(CRAWLER_PURPOSES),
        description: z.string().min(1),
      }),
    )
    .min(1),
});

/** Validates a crawler list (parsed JSON); SIGNALS_BAD_CRAWLER_LIST names the first problem. */
export function toCrawlerList(value: unknown): CrawlerList {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue === undefined ? '' : `${issue.path.join('.')}: ${issue.message}`;
    throw new SignalsError('SIGNALS_BAD_CRAWLER_LIST', `not a crawler list (${where})`);
  }
  const seen = new Set<string>();
  for (const c of r.data.crawlers) {
    const key = c.token.toLowerCase();
    // Tokens compare case-insensitively (RFC 9309 §2.2.1): a duplicate would only be noise.
    if (seen.has(key)) throw new SignalsError('SIGNALS_BAD_CRAWLER_LIST', `token ${c.token} is listed twice`);
    seen.add(key);
  }
  return { version: r.data.version, crawlers: r.data.crawlers.map((c) => ({ ...c })) };
}

/** The list shipped with the package. */
export const BUNDLED_CRAWLERS: CrawlerList = toCrawlerList(bundled);
