import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureSignerKeyFile, fileLogKeys, isKeyFileExposed, readSignerKeyFile } from './key-file.js';
import { signNote, verifyNote } from './note-verify.js';

const dir = mkdtempSync(join(tmpdir(), 'tdmr-keyfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the signer key file', () => {
  it('is created once, private, and never replaced', () => {
    const path = join(dir, 'sub', 'log.key');
    const made = ensureSignerKeyFile(path, 'example.org/log');
    expect(made).toMatchObject({ created: true, name: 'example.org/log' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(isKeyFileExposed(path)).toBe(false);
    const text = readFileSync(path, 'utf8');
    expect(ensureSignerKeyFile(path, 'other.org/log')).toEqual({ created: false, verifierKey: made.verifierKey, name: 'example.org/log' });
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('signs with the key it holds, and publishes the matching verifier key', () => {
    const path = join(dir, 'sub', 'log.key');
    const keys = fileLogKeys(path);
    const note = signNote('hello\n', [keys.signer()]);
    expect(verifyNote(note, [keys.verifier()]).ok).toBe(true);
    expect(keys.verifierKey()).toBe(ensureSignerKeyFile(path, 'example.org/log').verifierKey);
  });

  it('says what is wrong with a missing or foreign file', () => {
    expect(() => readSignerKeyFile(join(dir, 'none.key'))).toThrow(expect.objectContaining({ code: 'LEDGER_KEY_MISSING' }));
    const junk = join(dir, 'junk.key');
    writeFileSync(junk, 'ssh-ed25519 AAAA...\n', { mode: 0o644 });
    expect(() => readSignerKeyFile(junk)).toThrow(expect.objectContaining({ code: 'LEDGER_KEY_MALFORMED' }));
    expect(isKeyFileExposed(junk)).toBe(true);
    expect(() => fileLogKeys(junk).verifierKey()).toThrow(expect.objectContaining({ code: 'LEDGER_KEY_MALFORMED' }));
  });
});
