import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mod11_2 } from '../identifiers.js';
import { MEDIA, USES } from '../model.js';
import { checkHeader, CSV_SPECS, type ColumnIndex, type CsvType } from './csv-columns.js';
import { lineupRow, mandateRow, performerRow, recordingRow, type RowResult } from './csv-rows.js';
import { PERFORMER_ROLES } from './roles.js';

const VALIDATORS: Record<CsvType, (row: readonly string[], ix: ColumnIndex) => RowResult<unknown>> = {
  performers: performerRow,
  recordings: recordingRow,
  mandates: mandateRow,
  lineups: lineupRow,
};

/** A row from named cells, with every column of the type in the header. */
function row(type: CsvType, cells: Record<string, string>): [string[], ColumnIndex] {
  const columns = CSV_SPECS[type].columns;
  const check = checkHeader(type, [...columns]);
  if (!check.ok) throw new Error(check.problems.join('; '));
  for (const k of Object.keys(cells)) if (!columns.includes(k)) throw new Error(`no column ${k}`);
  return [columns.map((c) => cells[c] ?? ''), check.index];
}

const isni = fc.stringMatching(/^[0-9]{15}$/).map((d) => d + mod11_2(d));
const spaced = (s: string) => s.match(/.{1,4}/g)!.join(' ');
const name = fc.stringMatching(/^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ' .-]{0,30}[A-Za-zÀ-ÿ]$/);
const isrc = fc
  .tuple(
    fc.stringMatching(/^[A-Z]{2}[A-Z0-9]{3}$/),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99_999 }),
  )
  .map(([p, y, n]) => `${p}${String(y).padStart(2, '0')}${String(n).padStart(5, '0')}`);

describe('CSV row validation', () => {
  it('never throws, and names a column of the file when it rejects', () => {
    for (const type of Object.keys(CSV_SPECS) as CsvType[]) {
      const columns = CSV_SPECS[type].columns;
      fc.assert(
        fc.property(
          fc.array(
            fc.oneof(
              fc.string(),
              fc.constantFrom('', 'true', '1', 'FRZ032500001', '0000000121032683', '2025-01-01'),
            ),
            { minLength: columns.length, maxLength: columns.length },
          ),
          (cells) => {
            const [, ix] = row(type, {});
            const r = VALIDATORS[type](cells, ix);
            if (!r.ok) {
              expect(columns).toContain(r.field);
              expect(r.reason.length).toBeGreaterThan(0);
            }
          },
        ),
        { numRuns: 300 },
      );
    }
  });

  it('round-trips performers, normalising identifiers and defaults', () => {
    fc.assert(
      fc.property(
        name,
        fc.option(isni, { nil: '' }),
        fc.option(fc.stringMatching(/^[0-9]{1,12}$/), { nil: '' }),
        fc.stringMatching(/^M[0-9]{1,6}$/),
        fc.boolean(),
        (n, i, ipn, no, member) => {
          const [cells, ix] = row('performers', {
            display_name: ` ${n} `,
            isni: i === '' ? '' : spaced(i),
            ipn,
            member_no: no,
            member: member ? 'true' : 'false',
            aliases: 'A|B|A',
          });
          const r = performerRow(cells, ix);
          expect(r).toEqual({
            ok: true,
            value: expect.objectContaining({
              displayName: n,
              isni: i === '' ? null : i,
              ipn: ipn === '' ? null : ipn,
              memberNo: no,
              member,
              aliases: ['A', 'B'],
            }),
          });
        },
      ),
    );
  });

  it('makes a performer with a member number a member unless told otherwise', () => {
    const [cells, ix] = row('performers', { display_name: 'Paul Martin', member_no: 'M7' });
    expect(performerRow(cells, ix)).toMatchObject({
      ok: true,
      value: { member: true, sortName: 'Martin, Paul' },
    });
    const [c2, ix2] = row('performers', { display_name: 'Paul Martin', ipn: '123' });
    expect(performerRow(c2, ix2)).toMatchObject({ ok: true, value: { member: false, memberNo: null } });
    const [c3, ix3] = row('performers', { display_name: 'No Key' });
    expect(performerRow(c3, ix3)).toEqual({
      ok: false,
      field: 'isni',
      reason: 'a performer needs an isni, an ipn or a member_no',
    });
    const [c4, ix4] = row('performers', { display_name: 'Bad', isni: '0000000081266408' });
    expect(performerRow(c4, ix4)).toEqual({
      ok: false,
      field: 'isni',
      reason: 'ISNI check character should be 9, not 8',
    });
  });

  it('round-trips recordings from their usual spellings', () => {
    fc.assert(
      fc.property(
        isrc,
        name,
        name,
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1850, max: 2200 }),
        (code, title, artist, seconds, year) => {
          const display =
            `${code.slice(0, 2)}-${code.slice(2, 5)}-${code.slice(5, 7)}-${code.slice(7)}`.toLowerCase();
          const [cells, ix] = row('recordings', {
            isrc: display,
            title,
            display_artist: artist,
            duration: String(seconds),
            year: String(year),
          });
          expect(recordingRow(cells, ix)).toEqual({
            ok: true,
            value: expect.objectContaining({
              isrc: code,
              kind: 'sound',
              title,
              displayArtist: artist,
              durationMs: seconds * 1000,
              year,
            }),
          });
        },
      ),
    );
  });

  it('names the column of a bad recording cell', () => {
    const cases: [Record<string, string>, string][] = [
      [{ title: 'T', display_artist: 'A' }, 'isrc'],
      [{ isrc: 'FRZ032500001', display_artist: 'A' }, 'title'],
      [{ isrc: 'FRZ032500001', title: 'T' }, 'display_artist'],
      [{ isrc: 'FRZ032500001', title: 'T', display_artist: 'A', kind: 'vinyl' }, 'kind'],
      [{ isrc: 'FRZ032500001', title: 'T', display_artist: 'A', iswc: 'T-034.524.680-2' }, 'iswc'],
      [{ isan: '0000-0001-8947-0000-9', title: 'T', display_artist: 'A' }, 'isan'],
      [{ isrc: 'FRZ032500001', title: 'T', display_artist: 'A', year: '20x0' }, 'year'],
    ];
    for (const [cells, field] of cases) {
      const [r, ix] = row('recordings', cells);
      expect(recordingRow(r, ix)).toMatchObject({ ok: false, field });
    }
  });

  it('reads mandates with lists in a canonical order, so that equal terms compare equal', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...USES], { minLength: 1 }),
        fc.shuffledSubarray([...MEDIA], { minLength: 1 }),
        fc.shuffledSubarray(['FR', 'be', 'DE', 'it'], { minLength: 1 }),
        (uses, media, terr) => {
          const [cells, ix] = row('mandates', {
            mandate_id: 'MD-1',
            performer_member_no: 'M1',
            legal_basis: 'Express',
            uses: uses.join('|'),
            media: media.join(' | '),
            territories: terr.join('|'),
            valid_from: '2025-01-01',
          });
          const r = mandateRow(cells, ix);
          expect(r).toMatchObject({
            ok: true,
            value: {
              legalBasis: 'express',
              uses: USES.filter((u) => uses.includes(u)),
              media: MEDIA.filter((m) => media.includes(m)),
              territories: terr.map((t) => t.toUpperCase()).sort(),
              validFrom: '2025-01-01T00:00:00.000Z',
              performer: { isni: null, ipn: null, memberNo: 'M1' },
            },
          });
        },
      ),
    );
  });

  it('names the column of a bad mandate cell', () => {
    const base = {
      mandate_id: 'MD-1',
      performer_member_no: 'M1',
      legal_basis: 'express',
      valid_from: '2025-01-01',
    };
    const cases: [Record<string, string>, string][] = [
      [{ ...base, mandate_id: '' }, 'mandate_id'],
      [{ ...base, performer_member_no: '' }, 'performer_isni'],
      [{ ...base, performer_isni: '123' }, 'performer_isni'],
      [{ ...base, legal_basis: 'gift' }, 'legal_basis'],
      [{ ...base, uses: 'ai-training|dreaming' }, 'uses'],
      [{ ...base, media: 'radio' }, 'media'],
      [{ ...base, territories: 'FRA' }, 'territories'],
      [{ ...base, valid_from: '' }, 'valid_from'],
      [{ ...base, valid_from: '2025-02-30' }, 'valid_from'],
      [{ ...base, valid_to: '2024-01-01' }, 'valid_to'],
      [{ ...base, withdrawn_at: 'soon' }, 'withdrawn_at'],
    ];
    for (const [cells, field] of cases) {
      const [r, ix] = row('mandates', cells);
      expect(mandateRow(r, ix)).toMatchObject({ ok: false, field });
    }
  });

  it('reads line-up entries with canonical roles', () => {
    fc.assert(
      fc.property(
        isrc,
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom(...PERFORMER_ROLES),
        fc.boolean(),
        (code, position, role, featured) => {
          const [cells, ix] = row('lineups', {
            isrc: code,
            performer_ipn: '42',
            position: String(position),
            role: role.toLowerCase(),
            instrument: 'Cello',
            featured: String(featured),
          });
          expect(lineupRow(cells, ix)).toEqual({
            ok: true,
            value: {
              recording: { isrc: code, isan: null, eidr: null },
              performer: { isni: null, ipn: '42', memberNo: null },
              position,
              role,
              instrument: 'Cello',
              featured,
            },
          });
        },
      ),
    );
    const [bad, ix] = row('lineups', {
      isrc: 'FRZ032500001',
      performer_ipn: '42',
      position: '0',
      role: 'Soloist',
    });
    expect(lineupRow(bad, ix)).toMatchObject({ ok: false, field: 'position' });
  });
});
