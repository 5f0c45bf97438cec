/**
 * TDMRep cases (../shared/conformance/tdmrep.json): every non-ambiguous case runs through
 * `tdmr tdmrep test` (the one with no file at all through the library, since the tool needs a file).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { matchTdmrep, parseTdmrep } from '../../src/checker/tdmrep-file.js';
import { tdmr } from '../support/cli.js';
import { readConformance } from '../support/conformance.js';

interface TdmrepCase {
  id: number;
  wellknown: unknown;
  path: string;
  expected: { reservation: 0 | 1 | null; policy: string | null };
  ambiguous: boolean;
}

const cases = readConformance<TdmrepCase[]>('tdmrep.json');
const dir = mkdtempSync(join(tmpdir(), 'tdmr-tdmrep-conf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(cases === null)('TDMRep conformance (W3C spec examples and rules)', () => {
  const clear = (cases ?? []).filter((c) => !c.ambiguous);

  it('has the non-ambiguous cases the README announces', () => {
    expect(clear.length).toBe(44);
  });

  it.each(clear.filter((c) => c.wellknown !== null).map((c) => [c.id, c] as const))('case %i', async (_id, c) => {
    const file = join(dir, `case-${c.id}.json`);
    writeFileSync(file, JSON.stringify(c.wellknown));
    const r = await tdmr('--json', 'tdmrep', 'test', file, c.path);
    expect(r.err).toBe('');
    expect(r.code).toBe(c.expected.reservation === 1 ? 1 : 0);
    const [res] = r.json<{ results: { reservation: 0 | 1 | null; policy: string | null }[] }>().results;
    expect({ reservation: res?.reservation, policy: res?.policy }).toEqual(c.expected);
  });

  it('no file at all leaves the reservation unset', () => {
    for (const c of clear.filter((x) => x.wellknown === null)) {
      const m = matchTdmrep(parseTdmrep(null), c.path);
      expect({ reservation: m.reservation, policy: m.policy }).toEqual(c.expected);
    }
  });

  it('the ambiguous cases follow the recorded judgement too', () => {
    for (const c of (cases ?? []).filter((x) => x.ambiguous)) {
      const m = matchTdmrep(parseTdmrep(c.wellknown), c.path);
      expect({ reservation: m.reservation, policy: m.policy }, `case ${c.id}`).toEqual(c.expected);
    }
  });
});
