// Child of bench/fingerprint-e2e.js: fingerprints the files named on the command line with the library
// (ffmpeg children + TypeScript core), one ffmpeg per BENCH_BATCH files (default 8), and prints one JSON line of raw items per file for the parent to check.
// It imports the module itself, not the package entry: the entry also loads identification (Kysely and
// more), about 0.15 s of CPU at start-up that is not what is measured here.
import { fingerprintFiles } from '../../dist/fingerprint/fingerprint-files.js';

const length = Number(process.env.BENCH_LENGTH ?? 120);
const batch = Number(process.env.BENCH_BATCH ?? 8);
for await (const r of fingerprintFiles(process.argv.slice(2), { length, batch })) {
  if (!r.ok) throw r.error;
  process.stdout.write(`${JSON.stringify({ file: r.path, fingerprint: Array.from(r.raw) })}\n`);
}
