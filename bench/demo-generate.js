// Demo data generator throughput: rows/s of generateDemo against a baseline, in the same run, that writes the same
// number of constant lines (each file's first data line, repeated) with the same chunked writer. The ratio is the
// generator's speed as a fraction of the writer's: what generating the data costs on top of writing it.
//
//   npm run build && BENCH_N=1000000 node bench/demo-generate.js
//
// BENCH_N: number of recordings (default 1,000,000; performers are one twentieth). Prints one JSON line; CPU seconds
// (all threads) are given beside wall-clock seconds because the machine may be shared.
import { mkdir, mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChunkedWriter } from '../dist/demo/chunked-writer.js';
import { generateDemo } from '../dist/demo/generate.js';

const n = Number(process.env.BENCH_N ?? 1_000_000);
const root = await mkdtemp(join(tmpdir(), 'tdmr-bench-demo-'));
const seconds = (t0) => (performance.now() - t0) / 1000;

async function firstDataLine(path) {
  const fh = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(8192), 0, 8192, 0);
    return `${buffer.subarray(0, bytesRead).toString('utf8').split('\n')[1]}\n`;
  } finally {
    await fh.close();
  }
}

async function baseline(dir, files, counts) {
  await mkdir(dir, { recursive: true });
  const t0 = performance.now();
  const rowsOf = {
    performers: counts.performers,
    mandates: counts.mandates,
    recordings: counts.recordings,
    lineups: counts.lineups,
  };
  for (const [kind, rows] of Object.entries(rowsOf)) {
    const line = await firstDataLine(files[kind]);
    const w = await ChunkedWriter.create(join(dir, `${kind}.csv`));
    for (let i = 0; i < rows; i++) if (w.add(line)) await w.flush();
    await w.close();
  }
  return seconds(t0);
}

try {
  const genDir = join(root, 'generated');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await generateDemo(genDir, { scale: n, seed: 'bench' });
  const genSeconds = seconds(t0);
  const genCpu = process.cpuUsage(cpu0);
  const { counts, files } = result;
  const rows = counts.performers + counts.mandates + counts.recordings + counts.lineups;
  let bytes = 0;
  for (const f of Object.values(files)) bytes += (await stat(f)).size;
  const cpu1 = process.cpuUsage();
  const baseSeconds = await baseline(join(root, 'baseline'), files, counts);
  const baseCpu = process.cpuUsage(cpu1);
  const cpuSeconds = (c) => Number(((c.user + c.system) / 1e6).toFixed(3));
  const genRate = rows / genSeconds;
  const baseRate = rows / baseSeconds;
  console.log(
    JSON.stringify({
      bench: 'demo-generate',
      recordings: n,
      rows,
      bytes,
      seconds: Number(genSeconds.toFixed(3)),
      cpuSeconds: cpuSeconds(genCpu),
      rowsPerSecond: Math.round(genRate),
      recordingsPerSecond: Math.round(n / genSeconds),
      baselineSeconds: Number(baseSeconds.toFixed(3)),
      baselineCpuSeconds: cpuSeconds(baseCpu),
      baselineRowsPerSecond: Math.round(baseRate),
      ratioToBaseline: Number((genRate / baseRate).toFixed(3)),
      rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
    }),
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
