import { describe, expect, it } from 'vitest';
import { instrument, PERFORMER_ROLES, performerRole } from './roles.js';

describe('DDEX performer roles', () => {
  it('canonicalises the spelling of performing roles and maps legacy names', () => {
    expect(performerRole(' leadvocalist ')).toBe('LeadVocalist');
    expect(performerRole('StudioMusician')).toBe('StudioMusician');
    expect(performerRole('MusicalPerformer')).toBe('Performer');
    for (const r of PERFORMER_ROLES) expect(performerRole(r.toUpperCase())).toBe(r);
  });

  it('refuses roles that are not performances', () => {
    for (const r of ['Composer', 'Producer', 'MixingEngineer', 'Lyricist', '', 'UserDefined'])
      expect(performerRole(r)).toBeNull();
  });

  it('keeps instruments as given, bounded', () => {
    expect(instrument(' Cello ')).toEqual({ ok: true, value: 'Cello' });
    expect(instrument('')).toEqual({ ok: true, value: null });
    expect(instrument('x'.repeat(101)).ok).toBe(false);
  });
});
