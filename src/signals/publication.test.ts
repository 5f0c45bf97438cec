import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEDIA, USES, type Declaration } from '../registry/model.js';
import {
  readContentSignal,
  readContentUsage,
  readRsl,
  robots,
  starGroupRecords,
} from '../../test/support/signal-readers.js';
import { BUNDLED_CRAWLERS } from './crawlers.js';
import { toSite } from './model.js';
import { derivePublication, type Publication } from './publication.js';

const site = toSite({ baseUrl: 'https://tdm.cmo.example', issuer: 'CMO', contactEmail: 'licences@cmo.example' });
const ORDINARY = ['Googlebot', 'Bingbot', 'DuckDuckBot', 'Baiduspider', 'YandexBot', 'Applebot', 'Qwantbot'];

const instant = fc.integer({ min: 0, max: 20 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d * 10)).toISOString());
const declaration: fc.Arbitrary<Declaration> = fc.record({
  id: fc.uuid(),
  issuer: fc.constantFrom('Spedidam', 'Adami & <Co> "x"'),
  legalBasis: fc.constant('Article 4(3) of Directive (EU) 2019/790'),
  uses: fc.subarray([...USES], { minLength: 1 }),
  media: fc.subarray([...MEDIA], { minLength: 1 }),
  territories: fc.constantFrom(['WORLD'], ['FR'], ['FR', 'BE']),
  effectiveFrom: instant,
  withdrawnAt: fc.option(instant, { nil: null }),
  createdAt: instant,
});

/** What each artefact, read by a real reader, says; every entry must equal the others. */
function readAll(pub: Publication) {
  const a = pub.artefacts;
  const robotsTxt = a.robots?.body ?? '';
  const rb = robots(`${site.baseUrl}/robots.txt`, robotsTxt);
  const blocked = (purpose: string) =>
    BUNDLED_CRAWLERS.crawlers.filter((c) => c.purpose === purpose).map((c) => rb.isDisallowed(`${site.baseUrl}/repertoire/x.mp3`, c.token) === true);
  const ai = robots(`${site.baseUrl}/ai.txt`, a.aiTxt?.body ?? '');
  const policy = a.policy === undefined ? null : (JSON.parse(a.policy.body) as { permission: { duty: { action: string }[] }[] });
  const doc = JSON.parse(a.declarationJsonLd?.body ?? '{}') as { reservation: number; hasPart: { inForce: boolean }[] };
  const rules = JSON.parse(a.tdmrep?.body ?? '[]') as { location: string; 'tdm-reservation': number }[];
  return {
    reserved: {
      tdmrepJson: rules.some((r) => r.location === '/' && r['tdm-reservation'] === 1),
      tdmHeader: pub.headers['tdm-reservation'] === '1',
      policy: policy !== null && policy.permission[0]?.duty.some((d) => d.action === 'obtainConsent') === true,
      linkHeader: pub.headers.link?.includes('rel="license"') === true,
      robotsLicense: starGroupRecords(robotsTxt, 'License').length === 1,
      rsl: a.rsl !== undefined && readRsl(a.rsl.body).payment,
      declaration: doc.reservation === 1 && doc.hasPart.some((p) => p.inForce),
      htmlMetaEn: a.declarationEn?.body.includes('<meta name="tdm-reservation" content="1">') === true,
      htmlMetaFr: a.declarationFr?.body.includes('<meta name="tdm-reservation" content="1">') === true,
      htmlLicenseLink: a.declarationEn?.body.includes('<link rel="license" type="application/rsl+xml"') === true,
    },
    trainAi: {
      contentUsageHeader: readContentUsage(pub.headers['content-usage']).trainAi,
      robotsContentUsage: readContentUsage(starGroupRecords(robotsTxt, 'Content-Usage')[0]).trainAi,
      contentSignal: readContentSignal(starGroupRecords(robotsTxt, 'Content-Signal')[0]).trainAi,
      noai: pub.headers['x-robots-tag'] === 'noai, noimageai',
      htmlNoai: a.declarationEn?.body.includes('<meta name="robots" content="noai, noimageai">') === true,
      rsl: readRsl(a.rsl?.body).trainAi,
      everyTrainingCrawler: blocked('ai-training').every(Boolean),
      anyTrainingCrawler: blocked('ai-training').some(Boolean),
      aiTxt: ai.isDisallowed(`${site.baseUrl}/x.mp3`, 'AnyBot') === true || ai.isDisallowed(`${site.baseUrl}/x.mp4`, 'AnyBot') === true,
    },
    aiInput: {
      contentSignal: readContentSignal(starGroupRecords(robotsTxt, 'Content-Signal')[0]).aiInput,
      rsl: readRsl(a.rsl?.body).aiInput,
      everyInputCrawler: blocked('ai-input').every(Boolean),
      anyInputCrawler: blocked('ai-input').some(Boolean),
    },
    search: {
      contentUsageHeader: readContentUsage(pub.headers['content-usage']).search,
      robotsContentUsage: readContentUsage(starGroupRecords(robotsTxt, 'Content-Usage')[0]).search,
      contentSignal: readContentSignal(starGroupRecords(robotsTxt, 'Content-Signal')[0]).search,
      rsl: readRsl(a.rsl?.body).search,
    },
    ordinaryBlocked: ORDINARY.some((ua) => rb.isDisallowed(`${site.baseUrl}/repertoire/x.mp3`, ua) === true),
    signalsHidden: ['/.well-known/tdmrep.json', '/license.xml', '/declaration.en.html', '/tdm-policy.jsonld'].some((p) =>
      BUNDLED_CRAWLERS.crawlers.some((c) => rb.isDisallowed(`${site.baseUrl}${p}`, c.token) === true),
    ),
  };
}

const all = (v: Record<string, boolean>, expected: boolean) => Object.fromEntries(Object.keys(v).map((k) => [k, expected]));

describe('derivePublication: every artefact agrees', () => {
  it('reserved in one artefact means reserved in all, for every use, over random registry states', () => {
    fc.assert(
      fc.property(fc.array(declaration, { maxLength: 4 }), instant, (declarations, at) => {
        const pub = derivePublication({ declarations, at, site, crawlers: BUNDLED_CRAWLERS });
        const live = declarations.filter((d) => d.effectiveFrom <= at && (d.withdrawnAt === null || at < d.withdrawnAt));
        const covers = (...uses: string[]) => live.some((d) => d.uses.some((u) => u === 'all-tdm' || uses.includes(u)));
        const expected = {
          reserved: live.length > 0,
          trainAi: covers('ai-training', 'genai-training'),
          aiInput: covers('ai-inference'),
          search: covers('search'),
        };
        const said = readAll(pub);
        expect(said.reserved).toEqual(all(said.reserved, expected.reserved));
        expect(said.trainAi).toEqual(all(said.trainAi, expected.trainAi));
        expect(said.aiInput).toEqual(all(said.aiInput, expected.aiInput));
        expect(said.search).toEqual(all(said.search, expected.search));
        expect(said.ordinaryBlocked).toBe(false);
        expect(said.signalsHidden).toBe(false);
        // Nothing is published that is not derived from the state: the same state gives the same bytes.
        const again = derivePublication({ declarations: [...declarations].reverse(), at, site, crawlers: BUNDLED_CRAWLERS });
        expect(Object.values(again.artefacts).map((x) => x.etag)).toEqual(Object.values(pub.artefacts).map((x) => x.etag));
      }),
      { numRuns: 150 },
    );
  });

  it('ai.txt covers the extensions of the media reserved for training', () => {
    const d = (media: Declaration['media']): Declaration => ({
      id: 'd1', issuer: 'CMO', legalBasis: 'x', uses: ['ai-training'], media, territories: ['WORLD'],
      effectiveFrom: '2026-01-01T00:00:00.000Z', withdrawnAt: null, createdAt: '2026-01-01T00:00:00.000Z',
    });
    const at = '2026-02-01T00:00:00.000Z';
    const read = (media: Declaration['media'], file: string) =>
      robots(`${site.baseUrl}/ai.txt`, derivePublication({ declarations: [d(media)], at, site, crawlers: BUNDLED_CRAWLERS }).artefacts.aiTxt!.body).isDisallowed(`${site.baseUrl}/a/${file}`, 'img2dataset');
    expect(read(['sound'], 'song.flac')).toBe(true);
    expect(read(['sound'], 'clip.mkv')).toBe(false);
    expect(read(['audiovisual'], 'clip.mkv')).toBe(true);
    expect(read(['sound'], 'page.html')).toBe(false);
  });

  it('dates: Last-Modified is the newest change so far, and the next planned change is known', () => {
    const d: Declaration = {
      id: 'd1', issuer: 'CMO', legalBasis: 'x', uses: ['all-tdm'], media: ['sound'], territories: ['WORLD'],
      effectiveFrom: '2026-03-01T00:00:00.000Z', withdrawnAt: '2026-09-01T00:00:00.000Z', createdAt: '2026-01-15T00:00:00.000Z',
    };
    const before = derivePublication({ declarations: [d], at: '2026-02-01T00:00:00.000Z', site, crawlers: BUNDLED_CRAWLERS });
    expect(before.reservation.reserved).toBe(false);
    expect(before.lastModified).toBe('2026-01-15T00:00:00.000Z');
    expect(before.nextChange).toBe('2026-03-01T00:00:00.000Z');
    const during = derivePublication({ declarations: [d], at: '2026-04-01T00:00:00.000Z', site, crawlers: BUNDLED_CRAWLERS });
    expect(during.reservation.reserved).toBe(true);
    expect(during.nextChange).toBe('2026-09-01T00:00:00.000Z');
    expect(derivePublication({ declarations: [], at: '2026-04-01T00:00:00.000Z', site, crawlers: BUNDLED_CRAWLERS }).lastModified).toBe('1970-01-01T00:00:00.000Z');
  });
});
