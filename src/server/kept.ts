/**
 * Values worked out from the registry, kept for as long as they hold: while the registry's version is
 * the one they were worked out against and the clock is before their horizon
 * (registry/answer-horizon.ts). The store under the kept lookup answers (answer-cache.ts) and the kept
 * batch items (check-kept.ts).
 *
 * Bounded in bytes (as the caller counts them); when full, the value kept longest ago goes first. A new
 * registry version empties it at once.
 */

interface Entry<T> {
  value: T;
  bytes: number;
  until: number;
}

export class Kept<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #maxBytes: number;
  #bytes = 0;
  #version = Number.NaN;

  /** @param maxBytes room for values (0 keeps none). */
  constructor(maxBytes: number) {
    this.#maxBytes = Math.max(0, maxBytes);
  }

  /** Values kept, and their bytes. */
  get stats(): { values: number; bytes: number } {
    return { values: this.#entries.size, bytes: this.#bytes };
  }

  /** The value kept under `key` for registry `version`, or null: never kept, kept for another version, or past its horizon. */
  get(key: string, version: number, nowMs: number): T | null {
    if (version !== this.#version) {
      this.#clear(version);
      return null;
    }
    const e = this.#entries.get(key);
    if (e === undefined) return null;
    if (nowMs >= e.until) {
      this.#drop(key, e);
      return null;
    }
    return e.value;
  }

  /** Keeps `value` (counted as `bytes`) under `key`, true for `version` until `until` (epoch ms). */
  set(key: string, version: number, until: number, value: T, bytes: number): void {
    if (version !== this.#version) this.#clear(version);
    if (bytes > this.#maxBytes) return;
    const old = this.#entries.get(key);
    if (old !== undefined) this.#drop(key, old);
    while (this.#bytes + bytes > this.#maxBytes) {
      const [oldestKey, oldest] = this.#entries.entries().next().value as [string, Entry<T>];
      this.#drop(oldestKey, oldest);
    }
    this.#entries.set(key, { value, bytes, until });
    this.#bytes += bytes;
  }

  /** Forgets every value. */
  clear(): void {
    this.#clear(this.#version);
  }

  #drop(key: string, e: Entry<T>): void {
    this.#entries.delete(key);
    this.#bytes -= e.bytes;
  }

  #clear(version: number): void {
    this.#entries.clear();
    this.#bytes = 0;
    this.#version = version;
  }
}
