import { describe, expect, it } from 'vitest';
import { combinePreferences, readAipref } from './aipref.js';

// Test vectors of signals.md §2.4 (the first four are the draft's own).
const VECTORS: [string, string, string][] = [
  ['train-ai=y, search=n', 'allow', 'disallow'],
  ['train-ai=y, train-ai, search=n, search="n"', 'unknown', 'unknown'],
  ['train-ai;allow=n, train-ai=y', 'allow', 'unknown'],
  ['train-ai;has;parameters="?";', 'unknown', 'unknown'],
  ['train-ai=n', 'disallow', 'unknown'],
  ['TRAIN-AI=n', 'unknown', 'unknown'],
  ['train-ai=N', 'unknown', 'unknown'],
  ['train-ai=?0', 'unknown', 'unknown'],
  ['train-ai=n, foo=y', 'disallow', 'unknown'],
  ['train-genai=n', 'unknown', 'unknown'],
  ['train-ai=n,search=y', 'disallow', 'allow'],
  ['train-ai=n ,search=y', 'disallow', 'allow'],
  ['train-ai = n', 'unknown', 'unknown'],
  ['train-ai=n,', 'unknown', 'unknown'],
];

describe('readAipref', () => {
  it.each(VECTORS)('%s', (input, trainAi, search) => {
    expect(readAipref(input).preferences).toEqual({ 'train-ai': trainAi, search });
  });

  it('reports legacy labels without acting on them', () => {
    const r = readAipref('ai=n, train-genai=n');
    expect(r.legacyLabels).toEqual(['ai', 'train-genai']);
    expect(r.preferences['train-ai']).toBe('unknown');
  });

  it('says when the value is not a dictionary', () => {
    expect(readAipref('train-ai = n').parsed).toBe(false);
    expect(readAipref('train-ai=n').parsed).toBe(true);
  });
});

describe('combinePreferences', () => {
  it('is most restrictive: disallow, else allow, else unknown', () => {
    expect(
      combinePreferences([
        { 'train-ai': 'allow', search: 'unknown' },
        { 'train-ai': 'disallow', search: 'allow' },
      ]),
    ).toEqual({ 'train-ai': 'disallow', search: 'allow' });
    expect(combinePreferences([])).toEqual({ 'train-ai': 'unknown', search: 'unknown' });
  });
});
