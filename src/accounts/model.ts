/**
 * Web accounts (pure apart from randomness and hashing from node:crypto): the password rule, login
 * names, session tokens and their lifetimes, and what a performer reports as missing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { parseIsrc } from '../registry/identifiers.js';
import { AccountsError } from './errors.js';

/** NIST SP 800-63B: at least 12 characters, no composition rules, a generous maximum (argon2 takes it all). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** …and in any case this long after login. */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;

/** Throws ACCOUNTS_BAD_PASSWORD unless `password` may be set. */
export function checkPassword(password: string, login: string | null = null): void {
  const n = [...password].length;
  if (n < PASSWORD_MIN || n > PASSWORD_MAX) {
    throw new AccountsError(
      'ACCOUNTS_BAD_PASSWORD',
      `a password has ${PASSWORD_MIN} to ${PASSWORD_MAX} characters, got ${n}`,
      { details: { field: 'password' } },
    );
  }
  if (login !== null && password.toLowerCase().includes(login.toLowerCase().split('@')[0] ?? '\u0000')) {
    throw new AccountsError('ACCOUNTS_BAD_PASSWORD', 'a password may not contain the login name', {
      details: { field: 'password' },
    });
  }
}

/** Login names are the accounts' e-mail addresses, compared without case or surrounding blanks. */
export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}

export const sha256Hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** A fresh session token (256 random bits) and the hash that is stored in its place. */
export function newSessionToken(random: (n: number) => Buffer = randomBytes): {
  token: string;
  hash: string;
} {
  const token = random(32).toString('base64url');
  return { token, hash: sha256Hex(token) };
}

/** The instant a session seen at `seenAt` and created at `createdAt` ends (idle or absolute limit, the first). */
export function sessionExpiry(createdAt: string, seenAt: string): string {
  return new Date(
    Math.min(Date.parse(seenAt) + SESSION_IDLE_MS, Date.parse(createdAt) + SESSION_MAX_MS),
  ).toISOString();
}

export interface MissingRecordingInput {
  title: string;
  artist: string;
  isrc?: string | null;
  year?: string | number | null;
  note?: string | null;
}

export interface MissingRecordingReport {
  id: string;
  accountId: string;
  performerId: string;
  title: string;
  artist: string;
  isrc: string | null;
  year: number | null;
  note: string | null;
  createdAt: string;
}

const bad = (field: string, message: string) =>
  new AccountsError('ACCOUNTS_BAD_INPUT', `${field}: ${message}`, { details: { field } });

function text(field: string, v: string | null | undefined, max: number, required: boolean): string | null {
  const t = (v ?? '').trim();
  if (t === '') {
    if (required) throw bad(field, 'required');
    return null;
  }
  if (t.length > max) throw bad(field, `at most ${max} characters`);
  return t;
}

/** A missing-recording report checked field by field (ISRC by its check rules, year 1900 to next year). */
export function missingRecordingOf(
  input: MissingRecordingInput,
  now: Date,
): Omit<MissingRecordingReport, 'id' | 'accountId' | 'performerId' | 'createdAt'> {
  const title = text('title', input.title, 300, true) as string;
  const artist = text('artist', input.artist, 300, true) as string;
  const rawIsrc = text('isrc', input.isrc, 20, false);
  let isrc: string | null = null;
  if (rawIsrc !== null) {
    const p = parseIsrc(rawIsrc);
    if (!p.ok) throw bad('isrc', p.reason);
    isrc = p.value;
  }
  const rawYear = text(
    'year',
    input.year === null || input.year === undefined ? null : String(input.year),
    4,
    false,
  );
  let year: number | null = null;
  if (rawYear !== null) {
    year = /^\d{4}$/.test(rawYear) ? Number(rawYear) : NaN;
    if (!(year >= 1900 && year <= now.getUTCFullYear() + 1))
      throw bad('year', `a year from 1900 to ${now.getUTCFullYear() + 1}`);
  }
  return { title, artist, isrc, year, note: text('note', input.note, 2000, false) };
}
