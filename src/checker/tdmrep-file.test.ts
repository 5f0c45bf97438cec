import { describe, expect, it } from 'vitest';
import { matchTdmrep, parseTdmrep } from './tdmrep-file.js';

const spec = JSON.stringify([
  { location: '/directory-a/', 'tdm-reservation': 1 },
  { location: '/directory-b/html/', 'tdm-reservation': 1, 'tdm-policy': 'https://provider.com/policies/policy.json' },
  { location: '/directory-b/images/*.jpg', 'tdm-reservation': 0 },
]);

describe('tdmrep.json', () => {
  it.each([
    ['/directory-a/report.pdf', 1, null, 0],
    ['/directory-b/html/page.html', 1, 'https://provider.com/policies/policy.json', 1],
    ['/directory-b/images/cat.jpg', 0, null, 2],
    ['/directory-b/images/cat.JPG', null, null, null],
    ['/directory-b/other.txt', null, null, null],
    ['/directory-a', null, null, null],
    ['/directory-%61/x', 1, null, 0],
  ])('%s', (path, reservation, policy, rule) => {
    expect(matchTdmrep(parseTdmrep(spec), path)).toMatchObject({ reservation, policy, rule });
  });

  it('says why a file is not usable', () => {
    expect(parseTdmrep('{')).toMatchObject({ valid: false, problem: expect.stringMatching(/^not JSON/) });
    expect(parseTdmrep('{"location":"/"}')).toMatchObject({ valid: false, problem: 'not a JSON array of rules' });
    expect(parseTdmrep('\uFEFF[]')).toMatchObject({ valid: true, rules: [] });
  });

  it('reports an invalid reservation value of the deciding rule', () => {
    const m = matchTdmrep(parseTdmrep('[{"location":"/","tdm-reservation":"1"}]'), '/a');
    expect(m).toEqual({ reservation: null, policy: null, rule: 0, problem: 'tdm-reservation is "1", not 0 or 1' });
    expect(matchTdmrep(parseTdmrep('[{"location":"/"}]'), '/a').problem).toBe('tdm-reservation is missing, not 0 or 1');
  });

  it('skips rules without a string location, keeping the file order of the rest', () => {
    const m = matchTdmrep(parseTdmrep('[null, {"location": 5}, {"location":"/","tdm-reservation":1}]'), '/a');
    expect(m.rule).toBe(2);
  });

  it('treats %24 and %2A in a location as literal characters', () => {
    const f = parseTdmrep('[{"location":"/a-%2A-%24","tdm-reservation":1}]');
    expect(matchTdmrep(f, '/a-*-$').reservation).toBe(1);
    expect(matchTdmrep(f, '/a-%2a-%24').reservation).toBe(1);
    expect(matchTdmrep(f, '/a-x-').reservation).toBeNull();
  });

  it('compares non-ASCII locations and paths in one encoded form', () => {
    const f = parseTdmrep('[{"location":"/musique/été/","tdm-reservation":1}]');
    expect(matchTdmrep(f, '/musique/%C3%A9t%C3%A9/x').reservation).toBe(1);
    expect(matchTdmrep(f, '/musique/été/x').reservation).toBe(1);
  });
});
