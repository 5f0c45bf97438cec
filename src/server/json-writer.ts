/**
 * Writes JSON straight into a byte buffer as UTF-8, for the answers that carry the most bytes (the
 * status answers, status-json.ts).
 *
 * Why by hand: building the text as a JavaScript string (with fast-json-stringify, `JSON.stringify` or
 * concatenation) and sending that string costs three passes over it on Node 20 (flattening the string,
 * `Buffer.byteLength` for the content length, and encoding it again in the socket), all slow once the
 * text holds one character beyond Latin-1, plus the garbage of the intermediate strings; a batch
 * answer is megabytes. Here ASCII strings without escapes, which are nearly all of them (ids, codes,
 * instants), are copied a character at a time; anything else goes through `JSON.stringify` and
 * `Buffer.write`; bytes that do not change between answers are copied as they are.
 */
/** Characters up to which a loop writes text faster than `Buffer.write` (bench: a call costs about 60 ns). */
const LOOP_MAX = 24;

export class JsonWriter {
  private buf: Buffer;
  private pos = 0;

  constructor(capacity = 1 << 14) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.pos;
  }

  /** Text that needs no escaping and holds only ASCII: punctuation, keys, numbers, known codes. */
  ascii(s: string): this {
    this.ensure(s.length);
    const { buf } = this;
    // Past a few dozen characters one call into Buffer costs less than the loop (about 3 ns a character).
    if (s.length > LOOP_MAX) {
      this.pos += buf.write(s, this.pos, 'latin1');
      return this;
    }
    let { pos } = this;
    for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
    this.pos = pos;
    return this;
  }

  /** A JSON string, or `null`. */
  str(s: string | null): this {
    if (s === null) return this.ascii('null');
    this.ensure(s.length + 2);
    const { buf } = this;
    const start = this.pos;
    let pos = start;
    buf[pos++] = 0x22;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      // Control characters, quote, backslash, and all of non-ASCII (including surrogates): the slow way.
      if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) return this.utf8(JSON.stringify(s), start);
      buf[pos++] = c;
    }
    buf[pos++] = 0x22;
    this.pos = pos;
    return this;
  }

  /** An integer, or `null`. */
  int(n: number | null): this {
    return this.ascii(n === null ? 'null' : String(n));
  }

  /** One ASCII character, by its code. */
  byte(c: number): this {
    this.ensure(1);
    this.buf[this.pos++] = c;
    return this;
  }

  /** A whole number from 0 up, as its digits, without making a string of it (evidence keys: `p` and a number). */
  digits(n: number): this {
    if (n > 0x7fffffff) return this.ascii(String(n));
    const len = n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : n < 100000 ? 5 : String(n).length;
    this.ensure(len);
    const { buf } = this;
    let pos = this.pos + len;
    this.pos = pos;
    // Integer division by `| 0`: a third faster than Math.floor here.
    do {
      const q = (n / 10) | 0;
      buf[--pos] = 0x30 + n - q * 10;
      n = q;
    } while (n > 0);
    return this;
  }

  /** UTF-8 bytes written before (a cached fragment of JSON). */
  bytes(b: Uint8Array): this {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    return this;
  }

  /** Forgets what was written (after a failure half-way, say). */
  reset(): this {
    this.pos = 0;
    return this;
  }

  /** The JSON written so far (a view of the writer's buffer). */
  result(): Buffer {
    return this.buf.subarray(0, this.pos);
  }

  /**
   * The JSON written so far, copied into a buffer of its own (`alloc`'s, given its size, when given);
   * the writer starts again, empty.
   */
  take(alloc?: (size: number) => Buffer): Buffer {
    const out = alloc === undefined ? Buffer.allocUnsafe(this.pos) : alloc(this.pos);
    this.buf.copy(out, 0, 0, this.pos);
    this.pos = 0;
    return out;
  }

  /** Writes `s` (valid JSON text) as UTF-8 from `at`. */
  private utf8(s: string, at: number): this {
    this.pos = at;
    this.ensure(s.length * 3);
    this.pos += this.buf.write(s, this.pos, 'utf8');
    return this;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.pos + n, 2 * this.buf.length));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }
}
