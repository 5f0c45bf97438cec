import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  missingRecordingOf,
  newSessionToken,
  sessionExpiry,
  sha256Hex,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
} from './model.js';

describe('passwords', () => {
  it('takes 12 to 256 characters, counted as characters, not bytes', () => {
    expect(() => checkPassword('a'.repeat(11))).toThrow(/12 to 256/);
    expect(() => checkPassword('é'.repeat(12))).not.toThrow();
    expect(() => checkPassword('x'.repeat(257))).toThrow(/got 257/);
  });

  it('refuses a password that contains the login name', () => {
    expect(() => checkPassword('my-name-is-alice!', 'Alice@example.org')).toThrow(/login name/);
    expect(() => checkPassword('correct horse battery', 'alice@example.org')).not.toThrow();
  });
});

describe('session tokens', () => {
  it('stores only the hash of a 256-bit token', () => {
    const { token, hash } = newSessionToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toBe(sha256Hex(token));
    expect(hash).not.toContain(token);
  });

  it('ends a session at the idle limit or the absolute limit, whichever comes first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * SESSION_MAX_MS }), (sinceLogin) => {
        const created = Date.parse('2026-01-01T00:00:00Z');
        const seen = created + sinceLogin;
        const end = Date.parse(sessionExpiry(new Date(created).toISOString(), new Date(seen).toISOString()));
        expect(end).toBe(Math.min(seen + SESSION_IDLE_MS, created + SESSION_MAX_MS));
        expect(end).toBeLessThanOrEqual(created + SESSION_MAX_MS);
      }),
    );
  });
});

describe('missing-recording reports', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  it('keeps what is given, normalised (ISRC canonical, year as a number)', () => {
    expect(
      missingRecordingOf(
        { title: ' Été ', artist: 'Moi', isrc: 'fr-z03-25-00001', year: '2021', note: '' },
        now,
      ),
    ).toEqual({
      title: 'Été',
      artist: 'Moi',
      isrc: 'FRZ032500001',
      year: 2021,
      note: null,
    });
  });

  it.each([
    [{ title: '', artist: 'x' }, 'title'],
    [{ title: 'x', artist: '   ' }, 'artist'],
    [{ title: 'x', artist: 'y', isrc: 'FRZ03250000' }, 'isrc'],
    [{ title: 'x', artist: 'y', year: '1899' }, 'year'],
    [{ title: 'x', artist: 'y', year: '2028' }, 'year'],
    [{ title: 'x', artist: 'y', year: '20x1' }, 'year'],
    [{ title: 'x'.repeat(301), artist: 'y' }, 'title'],
    [{ title: 'x', artist: 'y', note: 'n'.repeat(2001) }, 'note'],
  ])('names the bad field: %o', (input, field) => {
    let caught: unknown;
    try {
      missingRecordingOf(input, now);
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({ code: 'ACCOUNTS_BAD_INPUT', details: { field } });
    expect((caught as Error).message.startsWith(`${field}:`)).toBe(true);
  });

  it('never throws anything but its coded error on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.option(fc.string()),
        fc.option(fc.string()),
        (title, artist, isrc, year) => {
          try {
            const r = missingRecordingOf({ title, artist, isrc, year }, now);
            expect(r.title.length).toBeGreaterThan(0);
          } catch (e) {
            expect((e as { code?: string }).code).toBe('ACCOUNTS_BAD_INPUT');
          }
        },
      ),
    );
  });
});
