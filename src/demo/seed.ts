/**
 * Seeds a registry with the demo data set: generates the import CSVs in a temporary directory, imports them
 * in one transaction, and records the demo CMO's declaration when the registry has none.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DbHandle } from '../db/dialect.js';
import { importFiles, type ImportProgress, type ImportResult } from '../registry/import/index.js';
import type { RegistryService } from '../registry/service.js';
import { demoDeclaration } from './declaration.js';
import { DemoError } from './errors.js';
import { generateDemo, type DemoCounts, type DemoProgress } from './generate.js';
import { DEFAULT_SCALE, DEFAULT_SEED } from './plan.js';

export interface SeedOptions {
  scale?: number;
  seed?: string;
  signal?: AbortSignal;
  onGenerate?: (p: DemoProgress) => void;
  onImport?: (p: ImportProgress) => void;
}

export interface SeedResult {
  scale: number;
  seed: string;
  generated: DemoCounts;
  imported: Pick<ImportResult, 'status' | 'counts' | 'rows' | 'rejected'>;
  declared: boolean;
  seconds: number;
}

export async function seedDemo(db: DbHandle, registry: RegistryService, opts: SeedOptions = {}): Promise<SeedResult> {
  const t0 = performance.now();
  const scale = opts.scale ?? DEFAULT_SCALE;
  const seed = opts.seed ?? DEFAULT_SEED;
  const dir = await mkdtemp(join(tmpdir(), 'tdmr-demo-'));
  try {
    const gen = await generateDemo(dir, { scale, seed, onProgress: opts.onGenerate, signal: opts.signal });
    const f = gen.files;
    const imported = await importFiles(db, [f.performers, f.mandates, f.recordings, f.lineups], {
      onProgress: opts.onImport,
      signal: opts.signal,
    });
    if (!imported.committed) {
      throw new DemoError('DEMO_OUTPUT_FAILED', `the demo data did not import: ${imported.error?.message ?? imported.errors[0]?.reason ?? 'unknown'}`);
    }
    const declared = (await registry.declarations()).length === 0;
    if (declared) await registry.declare(demoDeclaration());
    const { status, counts, rows, rejected } = imported;
    return { scale, seed, generated: gen.counts, imported: { status, counts, rows, rejected }, declared, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
