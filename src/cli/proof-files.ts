/** Reading and writing the files `tdmr ledger proof` and `tdmr verify-proof` exchange. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isValidKeyName } from '../ledger/note-keys.js';

export function writeProofFile(path: string, proof: unknown): void {
  writeFileSync(path, `${JSON.stringify(proof, null, 2)}\n`);
}

/** The proof document in `path` as parsed JSON, or why it cannot be read. */
export function readProofFile(path: string): { ok: true; doc: unknown } | { ok: false; why: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, why: `cannot read ${path}: ${(e as Error).message}` };
  }
  try {
    return { ok: true, doc: JSON.parse(text) };
  } catch {
    return { ok: false, why: `${path} is not JSON` };
  }
}

/**
 * `--key` takes the verifier key itself (`<name>+<hash>+<key>`) or a file holding it (as saved from
 * /.well-known/tdm-reserve/log-key): a value naming an existing file is read, anything else is the key.
 */
export function keyArgument(value: string): string {
  const looksLikeKey = value.split('+').length >= 3 && isValidKeyName(value.slice(0, value.indexOf('+')));
  if (!looksLikeKey && existsSync(value)) return readFileSync(value, 'utf8').trim();
  return value.trim();
}
