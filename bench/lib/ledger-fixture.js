// Shared pieces of the ledger benchmarks (run against dist/: `npm run build` first).
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORK = join(dirname(fileURLToPath(import.meta.url)), '..', '.work');

export function envInt(name, fallback) {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got ${v}`);
  return n;
}

/** A fresh SQLite file under bench/.work (removed first if present). */
export function freshDbPath(name) {
  mkdirSync(WORK, { recursive: true });
  const path = join(WORK, name);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  return path;
}

const BASE = Date.UTC(2025, 0, 1);
const hex12 = (i) => i.toString(16).padStart(12, '0');

/** Performer of the i-th mandate version: spread over `performers`, in no order (as topics arrive). */
export function performerIdAt(i, performers = 100_000) {
  const p = (i * 2654435761) % performers;
  return `30000000-0000-4000-8000-${p.toString(16).padStart(12, '0')}`;
}

/** The i-th synthetic mandate version: the most common entry, about 450 bytes of canonical JSON. */
export function mandateVersionAt(i, performerId = performerIdAt(i)) {
  const at = new Date(BASE + i * 1000).toISOString();
  return {
    id: `10000000-0000-4000-8000-${hex12(i)}`,
    mandateId: `20000000-0000-4000-8000-${hex12(i)}`,
    version: 1,
    performerId,
    legalBasis: 'express',
    uses: ['ai-training', 'genai-training', 'ai-inference'],
    media: ['sound', 'audiovisual'],
    territories: ['WORLD'],
    validFrom: '2024-01-01T00:00:00.000Z',
    validTo: null,
    withdrawnAt: null,
    sourceRef: `contract ${i}`,
    change: 'initial',
    recordedAt: at,
  };
}

export const seconds = (t0) => (performance.now() - t0) / 1000;

/**
 * Wall-clock and CPU seconds of `fn` (sync or async). CPU time (user + system of this process, where
 * better-sqlite3 does all its work) is what the ratios use: on a shared machine the wall clock
 * measures the neighbours as much as the code. Both are printed.
 */
export async function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, value };
}
export const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
