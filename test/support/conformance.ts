/**
 * Peer conformance data lives in `../shared/conformance/` beside the project (not copied in). Suites that
 * use it skip, with a name saying so, when the folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../shared/conformance/', import.meta.url));

export function conformanceFile(name: string): string | null {
  const p = ROOT + name;
  return existsSync(p) ? p : null;
}

export function readConformance<T>(name: string): T | null {
  const p = conformanceFile(name);
  return p === null ? null : (JSON.parse(readFileSync(p, 'utf8')) as T);
}
