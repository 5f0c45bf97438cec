// Deterministic data of bench/import.js: N recordings with ~4 line-up entries each and P performers, as
// generator functions (so that the CSV files and the baseline see the same rows) and as CSV files.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mod11_2 } from '../dist/registry/identifiers.js';

export function benchData(N, P) {
  function rng(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const GIVEN = [
    'Jeanne',
    'Paul',
    'Aïcha',
    'Marc',
    'Lina',
    'Zoé',
    'Tom',
    'Léa',
    'Hugo',
    'Inès',
    'Noé',
    'Chloé',
  ];
  const WORDS = [
    'nuit',
    'soleil',
    'rivière',
    'étoile',
    'chanson',
    'jardin',
    'ville',
    'mer',
    'vent',
    'cœur',
    'lumière',
    'hiver',
    'danse',
    'rêve',
  ];
  const ROLES = [
    ['StudioMusician', 'Cello'],
    ['Musician', 'Piano'],
    ['Musician', 'Guitar'],
    ['BackgroundVocalist', ''],
    ['Soloist', 'Violin'],
    ['LeadVocalist', ''],
    ['OrchestraMember', 'Viola'],
  ];

  function performer(i) {
    const digits = String(100_000_000 + i).padStart(15, '0');
    return {
      display_name: `${GIVEN[i % GIVEN.length]} Interprète${i}`,
      member_no: `M${i}`,
      isni: digits + mod11_2(digits),
      ipn: i % 2 === 0 ? String(10_000_000 + i) : '',
    };
  }

  /** Recording i and its line-up, from a generator seeded by i so that every pass sees the same data. */
  function recording(i) {
    const r = rng(i + 1);
    const isrc = `FRZ${Math.floor(i / 100_000)
      .toString(36)
      .toUpperCase()
      .padStart(2, '0')}25${String(i % 100_000).padStart(5, '0')}`;
    const lineup = [];
    const k = 1 + Math.floor(r() * 7);
    for (let pos = 1; pos <= k; pos++) {
      const [role, instrument] = ROLES[Math.floor(r() * ROLES.length)];
      lineup.push({ position: pos, performer: Math.floor(r() * P), role, instrument, featured: pos === 1 });
    }
    const w = () => WORDS[Math.floor(r() * WORDS.length)];
    return {
      isrc,
      title: `${w()} ${w()} ${i}`,
      display_artist: performer(lineup[0].performer).display_name,
      duration: 120 + Math.floor(r() * 280),
      year: 1960 + Math.floor(r() * 66),
      label: `Label ${i % 500}`,
      lineup,
    };
  }

  const q = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

  async function writeCsv(path, header, rows) {
    const out = createWriteStream(path);
    let buf = header + '\n';
    for (const line of rows) {
      buf += line + '\n';
      if (buf.length > 1 << 20) {
        if (!out.write(buf)) await once(out, 'drain');
        buf = '';
      }
    }
    out.end(buf);
    await once(out, 'finish');
  }

  function* performerLines() {
    for (let i = 0; i < P; i++) {
      const p = performer(i);
      yield [q(p.display_name), p.member_no, p.isni, p.ipn].join(',');
    }
  }
  function* recordingLines() {
    for (let i = 0; i < N; i++) {
      const r = recording(i);
      yield [r.isrc, q(r.title), q(r.display_artist), r.duration, r.year, q(r.label)].join(',');
    }
  }
  function* lineupLines() {
    for (let i = 0; i < N; i++) {
      const r = recording(i);
      for (const e of r.lineup)
        yield [r.isrc, `M${e.performer}`, e.position, e.role, e.instrument, e.featured].join(',');
    }
  }

  /** Writes the performers, recordings and line-ups CSV files (docs/import-csv.md formats) to the three paths. */
  async function writeFiles(files) {
    await writeCsv(files[0], 'display_name,member_no,isni,ipn', performerLines());
    await writeCsv(files[1], 'isrc,title,display_artist,duration,year,label', recordingLines());
    await writeCsv(files[2], 'isrc,performer_member_no,position,role,instrument,featured', lineupLines());
  }

  return { performer, recording, writeFiles };
}
