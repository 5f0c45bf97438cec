/** Deterministic 11025 Hz mono test PCM: two partials stepping through a chromatic scale, and noise. */
export function testSignal(seconds: number, seed = 1): Int16Array {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const n = Math.round(seconds * 11025);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / 11025;
    const f = 220 * 2 ** ((Math.floor(t * 2) % 12) / 12);
    const v = 0.3 * Math.sin(2 * Math.PI * f * t) + 0.2 * Math.sin(2 * Math.PI * 1.5 * f * t) + 0.05 * rand();
    out[i] = Math.round(v * 32767);
  }
  return out;
}
