import { describe, expect, it } from 'vitest';
import { combineContentSignals, readContentSignal } from './content-signal.js';

describe('readContentSignal', () => {
  // signals.md §4.1 vectors.
  it.each([
    ['search=yes, ai-train=no', 'yes', 'unset', 'no'],
    ['ai-train=no, search=yes, ai-input=yes', 'yes', 'yes', 'no'],
    ['ai_train=no', 'unset', 'unset', 'unset'],
    ['ai-train=n', 'unset', 'unset', 'unset'],
    ['SEARCH=YES,AI-TRAIN=No', 'yes', 'unset', 'no'],
    ['', 'unset', 'unset', 'unset'],
  ])('%s', (line, search, aiInput, aiTrain) => {
    expect(readContentSignal(line)).toEqual({ search, 'ai-input': aiInput, 'ai-train': aiTrain });
  });

  it('combines several lines with no winning over yes', () => {
    const a = readContentSignal('ai-train=yes, search=yes');
    const b = readContentSignal('ai-train=no');
    expect(combineContentSignals([a, b])).toEqual({ search: 'yes', 'ai-input': 'unset', 'ai-train': 'no' });
  });
});
