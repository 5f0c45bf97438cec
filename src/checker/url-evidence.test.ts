import { describe, expect, it } from 'vitest';
import { aiprefEvidence, noaiEvidence } from './url-evidence.js';

describe('noaiEvidence', () => {
  const uses = (values: string[], agent = 'TestBot', image = false) => noaiEvidence('x-robots-tag', 'h', values, agent, image).map((e) => e.uses);

  it('reads noai for everything and noimageai for images only', () => {
    expect(uses(['noai'])).toEqual([['ai-training', 'genai-training']]);
    expect(uses(['noimageai'])).toEqual([]);
    expect(uses(['NoImageAI, noindex'], 'TestBot', true)).toEqual([['ai-training', 'genai-training']]);
  });

  it('applies a bot-prefixed value to that bot only', () => {
    expect(uses(['otherbot: noai'])).toEqual([]);
    expect(uses(['testbot: noai'])).toHaveLength(1);
  });
});

describe('aiprefEvidence', () => {
  it('reads train-ai=n as reserving both training uses but train-ai=y as allowing generative training only', () => {
    const n = aiprefEvidence('content-usage-header', 's', 'train-ai=n', { 'train-ai': 'disallow', search: 'unknown' });
    expect(n).toMatchObject([{ says: 'reserve', uses: ['ai-training', 'genai-training'] }]);
    const y = aiprefEvidence('content-usage-header', 's', 'train-ai=y', { 'train-ai': 'allow', search: 'allow' });
    expect(y.map((e) => [e.says, e.uses])).toEqual([
      ['allow', ['genai-training']],
      ['allow', ['search']],
    ]);
  });
});
