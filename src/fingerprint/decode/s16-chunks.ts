/**
 * Turns a byte stream of s16le PCM, cut anywhere (pipes deliver odd byte counts and odd offsets), into
 * whole samples: an odd trailing byte waits for the next chunk.
 */
export class S16Chunks {
  private carry: number | null = null;

  /** The whole samples `buf` completes; valid until the next call (it may be a view of `buf`). */
  push(buf: Uint8Array): Int16Array {
    let bytes = buf;
    if (this.carry !== null && bytes.length > 0) {
      const joined = new Uint8Array(bytes.length + 1);
      joined[0] = this.carry;
      joined.set(bytes, 1);
      bytes = joined;
      this.carry = null;
    }
    if (bytes.length % 2 === 1) {
      this.carry = bytes[bytes.length - 1] as number;
      bytes = bytes.subarray(0, bytes.length - 1);
    }
    // s16le is the host order on every platform Node ships for; an odd offset needs a copy to align.
    const aligned = bytes.byteOffset % 2 === 0 ? bytes : bytes.slice();
    return new Int16Array(aligned.buffer, aligned.byteOffset, aligned.length >> 1);
  }

  /** True when a byte is left over (the stream ended mid-sample). */
  get pending(): boolean {
    return this.carry !== null;
  }
}
