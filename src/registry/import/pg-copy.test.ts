import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyField } from './pg-copy.js';

/** PostgreSQL's reading of a COPY text field, for the escapes copyField writes. */
function unescape(s: string): string | null {
  if (s === '\\N') return null;
  return s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c));
}

describe('COPY text fields', () => {
  it('escapes what would end a field or a row, and nothing else', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(12)).toBe('12');
    expect(copyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\\', '\t', '\n', '\r', 'N', 'é') }), (s) => {
        const f = copyField(s);
        expect(f).not.toMatch(/[\t\n\r]/);
        expect(unescape(f)).toBe(s);
      }),
    );
  });
});
