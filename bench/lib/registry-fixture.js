/**
 * A synthetic registry of N recordings on SQLite, built once and cached under bench/.work/.
 *
 * The schema comes from the real migrations (run through the built dist/); rows go in by raw SQL in one
 * transaction, which is far faster than the store for millions of rows. Shape: N/5 performers (one in
 * three a member holding a mandate; some mandates corrected to FR+BE, some withdrawn), about four
 * line-up entries per recording, one declaration. Deterministic: the same N gives the same file.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeDb, openDb } from '../../dist/db/dialect.js';
import { migrateToLatest } from '../../dist/db/migrate.js';
import { searchKey } from '../../dist/registry/model.js';

export const WORK_DIR = new URL('../.work/', import.meta.url).pathname;

const COUNTRIES = ['FR', 'DE', 'GB', 'US', 'BE', 'NL', 'ES', 'IT'];
const GIVEN = [
  'Jeanne',
  'Élodie',
  'Marc',
  'Zoë',
  'Ibrahim',
  'Léa',
  'Hugo',
  'Chloé',
  'Noah',
  'Inès',
  'Sacha',
  'Aïcha',
];
const FAMILY = [
  'Dupont',
  'Müller',
  'García',
  'Nguyen',
  'Rossi',
  'Lefèvre',
  'Smith',
  'Kowalski',
  'Moreau',
  'Diallo',
  'Bernard',
];
const WORDS = [
  'nuit',
  'soleil',
  'rivière',
  'cœur',
  'ville',
  'danse',
  'été',
  'hiver',
  'lumière',
  'route',
  'silence',
  'océan',
  'rêve',
];
const INSTRUMENTS = ['Guitar', 'Bass', 'Drums', 'Piano', 'Violin', 'Cello', 'Saxophone', null];
const T0 = '2020-01-01T00:00:00.000Z';

/** ISRC of the i-th synthetic recording; i >= N gives valid ISRCs that are not in the registry. */
export function isrcOf(i) {
  const r = Math.floor(i / 100_000);
  const registrant = r.toString(36).toUpperCase().padStart(3, '0');
  return `${COUNTRIES[r % COUNTRIES.length]}${registrant}25${String(i % 100_000).padStart(5, '0')}`;
}

const uuid = (prefix, i) => `${prefix}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

/** mulberry32: a small deterministic PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` keys, alternately a hit and a miss (valid ISRC, not in the registry), in random order. */
export function lookupKeys(n, count, seed = 7) {
  const rand = rng(seed);
  const keys = new Array(count);
  for (let k = 0; k < count; k++)
    keys[k] = isrcOf(k % 2 === 0 ? Math.floor(rand() * n) : n + Math.floor(rand() * n));
  return keys;
}

/**
 * Writes two real bodies of `GET /v1/recordings/{isrc}` for this registry, one for a recording it holds
 * (the hit of median size among the first 201 recordings) and one for an ISRC it does not, to a JSON
 * file `{ hit, miss }` (the `GET /answer/:isrc` baseline), and returns its path and their sizes.
 */
export async function writeSampleAnswers(dbPath, n) {
  const { createContext } = await import('../../dist/context.js');
  const { toConfig } = await import('../../dist/config/config.js');
  const { openStatusLookup } = await import('../../dist/registry/status-lookup.js');
  const { recordingStatusBytes } = await import('../../dist/server/status-json.js');
  const ctx = await createContext(toConfig({ databaseUrl: dbPath, logLevel: 'silent' }), { migrate: false });
  const opened = openStatusLookup(ctx.db, ctx.stores.registry);
  const body = async (isrc) => recordingStatusBytes(await opened.lookup.status(isrc)).toString();
  try {
    const hits = [];
    for (let i = 0; i < Math.min(n, 201); i++) hits.push(await body(isrcOf(i)));
    hits.sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b));
    const hit = hits[Math.floor(hits.length / 2)];
    const miss = await body(isrcOf(n + 1));
    const file = join(WORK_DIR, `answers-${n}.json`);
    writeFileSync(file, `{"hit":${hit},"miss":${miss}}`);
    return { file, hitBytes: Buffer.byteLength(hit), missBytes: Buffer.byteLength(miss) };
  } finally {
    opened.close();
    await ctx.close();
  }
}

/** Path of the cached registry of `n` recordings, building it first when needed. */
export async function ensureRegistry(n, log = (s) => process.stderr.write(`${s}\n`)) {
  mkdirSync(WORK_DIR, { recursive: true });
  const path = join(WORK_DIR, `registry-${n}.db`);
  if (existsSync(path)) return path;
  const tmp = `${path}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const started = Date.now();
  log(`building a registry of ${n} recordings in ${path} ...`);
  const db = await openDb(`sqlite:${tmp}`);
  await migrateToLatest(db);
  db.raw.pragma('synchronous = OFF');
  db.raw.transaction(() => fill(db.raw, n))();
  await closeDb(db);
  renameSync(tmp, path);
  log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return path;
}

function fill(raw, n) {
  const rand = rng(42);
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const performerCount = Math.max(50, Math.round(n / 5));
  const names = [];
  const insPerformer = raw.prepare(
    `INSERT INTO performers (id, display_name, sort_name, aliases, member_no, isni, ipn, ipi, member, search_text, created_at, updated_at)
     VALUES (?, ?, ?, '[]', ?, NULL, ?, NULL, ?, ?, ?, ?)`,
  );
  const insMandate = raw.prepare(
    `INSERT INTO mandates (id, mandate_id, version, performer_id, legal_basis, uses, media, territories, valid_from, valid_to, withdrawn_at, source_ref, change, recorded_at)
     VALUES (?, ?, ?, ?, ?, '["ai-training","genai-training","ai-inference"]', '["sound","audiovisual"]', ?, ?, NULL, ?, NULL, ?, ?)`,
  );
  let versionNo = 0;
  for (let i = 0; i < performerCount; i++) {
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    const name = `${given} ${family} ${i}`;
    names.push(name);
    const id = uuid('00000001', i);
    const member = i % 3 === 0;
    insPerformer.run(
      id,
      name,
      `${family} ${i}, ${given}`,
      member ? `M${i}` : null,
      String(100_000_000 + i),
      member ? 1 : 0,
      searchKey(name),
      T0,
      T0,
    );
    if (!member) continue;
    const mandateId = uuid('00000002', i);
    const basis = i % 2 === 0 ? 'statutory' : 'express';
    insMandate.run(
      uuid('00000003', versionNo++),
      mandateId,
      1,
      id,
      basis,
      '["WORLD"]',
      T0,
      null,
      'initial',
      T0,
    );
    if (i % 7 === 0)
      insMandate.run(
        uuid('00000003', versionNo++),
        mandateId,
        2,
        id,
        basis,
        '["FR","BE"]',
        T0,
        null,
        'correction',
        '2022-01-01T00:00:00.000Z',
      );
    else if (i % 10 === 0)
      insMandate.run(
        uuid('00000003', versionNo++),
        mandateId,
        2,
        id,
        basis,
        '["WORLD"]',
        T0,
        '2025-06-01T00:00:00.000Z',
        'withdrawal',
        '2025-06-01T00:00:00.000Z',
      );
  }

  const insRecording = raw.prepare(
    `INSERT INTO recordings (id, kind, isrc, isan, eidr, iswc, title, version_title, display_artist, duration_ms, year, label, search_text, created_at, updated_at)
     VALUES (?, ?, ?, NULL, NULL, NULL, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insLineup = raw.prepare(
    'INSERT INTO lineups (recording_id, position, performer_id, role, instrument, featured) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (let i = 0; i < n; i++) {
    const id = uuid('00000004', i);
    const size = 1 + Math.floor(rand() * 7);
    const members = [];
    while (members.length < size) {
      const p = Math.floor(rand() * performerCount);
      if (!members.includes(p)) members.push(p);
    }
    const artist = names[members[0]];
    const title = `${pick(WORDS)} ${pick(WORDS)} ${i}`;
    insRecording.run(
      id,
      i % 25 === 0 ? 'audiovisual' : 'sound',
      isrcOf(i),
      title,
      artist,
      120_000 + (i % 240_000),
      1960 + (i % 65),
      'Label ' + (i % 97),
      searchKey(`${title} ${artist}`),
      T0,
      T0,
    );
    members.forEach((p, k) =>
      insLineup.run(
        id,
        k + 1,
        uuid('00000001', p),
        k === 0 ? 'MainArtist' : 'StudioMusician',
        k === 0 ? null : pick(INSTRUMENTS),
        k === 0 ? 1 : 0,
      ),
    );
  }
  raw
    .prepare(
      `INSERT INTO declarations (id, issuer, legal_basis, uses, media, territories, effective_from, withdrawn_at, created_at)
       VALUES (?, 'Spedidam (bench)', 'Article 4(3) of Directive (EU) 2019/790', '["ai-training","genai-training","ai-inference"]', '["sound","audiovisual"]', '["WORLD"]', '2021-01-01T00:00:00.000Z', NULL, ?)`,
    )
    .run(uuid('00000005', 0), T0);
}
