/**
 * The log's Ed25519 signer key on disk: one line, `PRIVATE+KEY+<name>+<hash>+<key>` (C2SP signed-note
 * form), file mode 0600. Created once by `tdmr init`; never overwritten, because a new key breaks
 * every verifier that trusts the old one.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LedgerError } from './errors.js';
import { generateNoteKey, parseSignerKey, parseVerifierKey, verifierKeyOf, type NoteSigner, type NoteVerifier } from './note-keys.js';

/** Where the service gets its keys: the signer for checkpoints and the public key it publishes. */
export interface LogKeys {
  signer(): NoteSigner;
  verifier(): NoteVerifier;
  /** Verifier key text `<name>+<hash>+<base64 key>`. */
  verifierKey(): string;
}

/** Reads and parses the signer key file; LEDGER_KEY_MISSING when absent, LEDGER_KEY_MALFORMED when not a key. */
export function readSignerKeyFile(path: string): NoteSigner {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new LedgerError('LEDGER_KEY_MISSING', `no log signer key at ${path}: run \`tdmr init\` (or set TDMR_LOG_KEY_FILE)`, { cause });
  }
  try {
    return parseSignerKey(text.trim());
  } catch (cause) {
    throw new LedgerError('LEDGER_KEY_MALFORMED', `${path} does not hold a log signer key`, { cause });
  }
}

/**
 * Creates the signer key file for `name` unless it exists; returns the verifier key either way.
 *
 * @example
 * const { created, verifierKey } = ensureSignerKeyFile('./data/log-signer.key', 'tdm-reserve.local/log');
 */
export function ensureSignerKeyFile(path: string, name: string): { created: boolean; verifierKey: string; name: string } {
  if (existsSync(path)) {
    const signer = readSignerKeyFile(path);
    return { created: false, verifierKey: verifierKeyOf(signer), name: signer.name };
  }
  mkdirSync(dirname(path), { recursive: true });
  const { signerKey, verifierKey } = generateNoteKey(name);
  // 'wx' fails if another process created the file meanwhile, instead of replacing its key.
  writeFileSync(path, `${signerKey}\n`, { flag: 'wx', mode: 0o600 });
  chmodSync(path, 0o600);
  return { created: true, verifierKey, name };
}

/** True when the file can be read by group or others (a leaked signer key forges checkpoints). */
export function isKeyFileExposed(path: string): boolean {
  return (statSync(path).mode & 0o077) !== 0;
}

/**
 * Keys read from the signer key file on first use and kept.
 *
 * @example
 * const keys = fileLogKeys(config.logKeyFile);
 * signCheckpoint(cp, [keys.signer()]);
 */
export function fileLogKeys(path: string): LogKeys {
  let signer: NoteSigner | null = null;
  let verifierKey: string | null = null;
  let verifier: NoteVerifier | null = null;
  const load = (): NoteSigner => (signer ??= readSignerKeyFile(path));
  return {
    signer: load,
    verifierKey: () => (verifierKey ??= verifierKeyOf(load())),
    verifier() {
      verifier ??= parseVerifierKey(this.verifierKey());
      return verifier;
    },
  };
}
