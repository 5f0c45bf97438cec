import { describe, expect, it } from 'vitest';
import { nameUuid } from './ddex-ids.js';

describe('name-based party ids', () => {
  it('are stable version-5 UUIDs, different per key', () => {
    const a = nameUuid('isni:0000000121032683');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameUuid('isni:0000000121032683')).toBe(a);
    expect(nameUuid('ipn:0000000121032683')).not.toBe(a);
  });
});
