import { describe, expect, it } from 'vitest';
import { toConfig } from './config.js';

describe('toConfig', () => {
  it('keeps 256 MiB of answers unless told otherwise; 0 keeps none', () => {
    expect(toConfig({}).answerCacheMb).toBe(256);
    expect(toConfig({ answerCacheMb: '' }).answerCacheMb).toBe(256);
    expect(toConfig({ answerCacheMb: '0' }).answerCacheMb).toBe(0);
    expect(toConfig({ answerCacheMb: 1024 }).answerCacheMb).toBe(1024);
  });

  it('rejects a size that is not a whole number of MiB in range, naming the setting', () => {
    for (const bad of ['-1', '1.5', 'lots', 65537]) {
      expect(() => toConfig({ answerCacheMb: bad })).toThrow(
        expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining('answer cache') as unknown }),
      );
    }
  });
});
