#!/usr/bin/env node
// Runs every benchmark under bench/ one after the other (never two at once: the machine has two cores), each
// in its own process, and collects the JSON result line each prints last. Usage:
//   npm run bench                 # all
//   npm run bench -- http-lookup  # those whose file name contains one of the words
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.js') && f !== 'run.js' && !f.startsWith('_'))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort();

const results = [];
for (const script of scripts) {
  process.stderr.write(`\n== ${script}\n`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--expose-gc', join(here, script)], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 << 20 });
  process.stdout.write(r.stdout);
  const last = r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  let parsed = null;
  try {
    parsed = last ? JSON.parse(last) : null;
  } catch {
    parsed = null;
  }
  results.push({ script, exit: r.status, seconds: (Date.now() - started) / 1000, result: parsed });
}
mkdirSync(join(here, '.work'), { recursive: true });
writeFileSync(join(here, '.work', 'results.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
process.stderr.write(`\nresults written to bench/.work/results.json\n`);
process.exitCode = results.some((r) => r.exit !== 0) ? 1 : 0;
