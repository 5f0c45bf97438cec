import { describe, expect, it } from 'vitest';
import { AI_USES, MEDIA, WORLD } from '../registry/model.js';
import { instant, territories } from '../registry/service.js';
import { demoDeclaration, DEMO_ISSUER } from './declaration.js';

describe('demoDeclaration', () => {
  it('reserves every AI use, both media, worldwide, from 2025-01-01, for the demo CMO', () => {
    const d = demoDeclaration();
    expect(d).toEqual({
      issuer: 'Spedidam (demo)',
      uses: [...AI_USES],
      media: [...MEDIA],
      territories: [WORLD],
      effectiveFrom: '2025-01-01',
    });
    expect(d.issuer).toBe(DEMO_ISSUER);
    expect(instant('effectiveFrom', d.effectiveFrom)).toBe('2025-01-01T00:00:00.000Z');
    expect(territories(d.territories)).toEqual([WORLD]);
  });

  it('returns a fresh object each time', () => {
    const a = demoDeclaration();
    a.uses?.pop();
    expect(demoDeclaration().uses).toEqual([...AI_USES]);
  });
});
