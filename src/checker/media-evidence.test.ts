import { describe, expect, it } from 'vitest';
import type { RecordingAnswer } from '../registry/status-lookup-model.js';
import { firstUrl, noIsrcEvidence, plusEvidence, registryEvidence, tagEvidence, xmpEvidence } from './media-evidence.js';
import { readMediaTags } from './media-tags.js';
import { decideItem } from './model.js';
import { emptyXmpReading } from './xmp-read.js';

const DMI = 'http://ns.useplus.org/ldf/vocab/';
const statuses = (evidence: Parameters<typeof decideItem>[1], licences: string[] = []) =>
  Object.fromEntries(Object.entries(decideItem('f', evidence, { licences }).uses).map(([u, v]) => [u, v.status]));

describe('readMediaTags', () => {
  it('finds ISRCs and reservation fields in ID3, Vorbis and MP4 tags, and XMP in ID3 PRIV', () => {
    const xmp = new Uint8Array([60, 120]);
    const t = readMediaTags({
      'ID3v2.3': [
        { id: 'TSRC', value: 'FRZ032500001' },
        { id: 'TXXX:DATA_MINING', value: `${DMI}DMI-PROHIBITED` },
        { id: 'WXXX', value: { description: 'TDM_POLICY', url: 'https://a.example/p' } },
        { id: 'PRIV', value: { owner_identifier: 'XMP', data: xmp } },
        { id: 'PRIV', value: { owner_identifier: 'other', data: xmp } },
      ],
      vorbis: [
        { id: 'ISRC', value: 'FRZ032500002' },
        { id: 'TDM_RESERVATION', value: '1' },
        { id: 'TITLE', value: 'x' },
      ],
      iTunes: [
        { id: '----:com.apple.iTunes:ISRC', value: 'FRZ032500003' },
        { id: 'xid ', value: 'Label:isrc:FRZ032500004' },
        { id: 'xid ', value: 'Label:upc:0000' },
        { id: '----:com.apple.iTunes:RSL_LICENSE', value: 'https://a.example/license.xml' },
      ],
    });
    expect(t.isrcs.map((i) => i.value)).toEqual(['FRZ032500001', 'FRZ032500002', 'FRZ032500003', 'FRZ032500004']);
    expect(t.isrcs[0]!.source).toBe('ID3v2.3 TSRC');
    expect(t.fields.DATA_MINING).toEqual([{ value: `${DMI}DMI-PROHIBITED`, source: 'ID3v2.3 TXXX:DATA_MINING' }]);
    expect(t.fields.TDM_POLICY).toEqual([{ value: 'https://a.example/p', source: 'ID3v2.3 WXXX:TDM_POLICY' }]);
    expect(t.fields.TDM_RESERVATION).toEqual([{ value: '1', source: 'vorbis TDM_RESERVATION' }]);
    expect(t.fields.RSL_LICENSE?.[0]?.value).toBe('https://a.example/license.xml');
    expect(t.xmp).toEqual([{ source: 'ID3v2.3 PRIV:XMP', data: xmp }]);
  });

  it('joins back a TXXX text its reader split at "/"', () => {
    const t = readMediaTags({ 'ID3v2.3': [{ id: 'TXXX:DATA_MINING', value: 'http:' }, { id: 'TXXX:DATA_MINING', value: '' }, { id: 'TXXX:DATA_MINING', value: 'ns.useplus.org' }, { id: 'TXXX:DATA_MINING', value: 'x' }] });
    expect(t.fields.DATA_MINING).toEqual([{ value: 'http://ns.useplus.org/x', source: 'ID3v2.3 TXXX:DATA_MINING' }]);
  });

  it('ignores values of the wrong shape', () => {
    const t = readMediaTags({ 'ID3v2.4': [{ id: 'TSRC', value: { x: 1 } }, { id: 'WXXX', value: 'no' }, { id: 'PRIV', value: null }], vorbis: [{ id: 'ISRC', value: '  ' }] });
    expect(t).toEqual({ isrcs: [], fields: {}, xmp: [] });
  });
});

describe('PLUS Data Mining values', () => {
  it.each([
    ['DMI-PROHIBITED', { 'ai-training': 'reserved', 'genai-training': 'reserved', 'ai-inference': 'reserved', search: 'reserved' }],
    ['DMI-PROHIBITED-AIMLTRAINING', { 'ai-training': 'reserved', 'genai-training': 'reserved', 'ai-inference': 'not-covered', search: 'not-covered' }],
    ['DMI-PROHIBITED-GENAIMLTRAINING', { 'ai-training': 'not-covered', 'genai-training': 'reserved', 'ai-inference': 'not-covered', search: 'not-covered' }],
    ['DMI-PROHIBITED-EXCEPTSEARCHENGINEINDEXING', { 'ai-training': 'reserved', 'genai-training': 'reserved', 'ai-inference': 'reserved', search: 'allowed' }],
    ['DMI-PROHIBITED-SEECONSTRAINT', { 'ai-training': 'reserved', 'genai-training': 'reserved', 'ai-inference': 'reserved', search: 'reserved' }],
    ['DMI-ALLOWED', { 'ai-training': 'allowed', 'genai-training': 'allowed', 'ai-inference': 'allowed', search: 'allowed' }],
    ['DMI-UNSPECIFIED', { 'ai-training': 'not-covered', 'genai-training': 'not-covered', 'ai-inference': 'not-covered', search: 'not-covered' }],
    ['DMI-SOMETHING-ELSE', { 'ai-training': 'unknown', 'genai-training': 'unknown', 'ai-inference': 'unknown', search: 'unknown' }],
  ])('%s', (code, expected) => {
    expect(statuses(plusEvidence('xmp-data-mining', 'f plus:DataMining', `${DMI}${code}`, undefined))).toEqual(expected);
  });

  it('a reservation naming a licence the caller holds is licensed', () => {
    const x = { ...emptyXmpReading(), dataMining: [`${DMI}DMI-PROHIBITED-AIMLTRAINING`], otherConstraints: ['Reserved. Licences: https://cmo.example/licensing.'] };
    const ev = xmpEvidence('a.mp3 ID3v2.3 PRIV:XMP', x);
    expect(ev[0]).toMatchObject({ signal: 'xmp-data-mining', source: 'a.mp3 ID3v2.3 PRIV:XMP plus:DataMining', says: 'reserve', licence: 'https://cmo.example/licensing', rule: 'plus-data-mining-vocabulary' });
    expect(statuses(ev, ['https://cmo.example/licensing'])['ai-training']).toBe('licensed');
    expect(firstUrl('see (https://a.example/x), then')).toBe('https://a.example/x');
  });
});

describe('embedded TDMRep, licences and the tags', () => {
  it('tdm:reservation 1 reserves with its policy; 0 allows; anything else says nothing', () => {
    const one = xmpEvidence('v.mp4 uuid box', { ...emptyXmpReading(), tdmReservation: ['1'], tdmPolicy: ['https://a.example/p'] });
    expect(one).toEqual([expect.objectContaining({ signal: 'xmp-tdmrep', says: 'reserve', licence: 'https://a.example/p', rule: 'tdmrep-embedded' })]);
    expect(statuses(xmpEvidence('v', { ...emptyXmpReading(), tdmReservation: ['0'] })).search).toBe('allowed');
    expect(xmpEvidence('v', { ...emptyXmpReading(), tdmReservation: ['yes'] })).toEqual([]);
  });

  it('licence offers are evidence that decides nothing', () => {
    const ev = xmpEvidence('v', { ...emptyXmpReading(), webStatements: ['https://a.example/decl', 'not a url'], rsl: [{ url: 'https://a.example/song', server: null }] });
    expect(ev.map((e) => [e.says, e.licence])).toEqual([
      ['offer-licence', 'https://a.example/decl'],
      ['offer-licence', 'https://a.example/song'],
    ]);
    expect(statuses(ev)['ai-training']).toBe('not-covered');
  });

  it('tdmr stamp tag fields: DATA_MINING with the constraints licence, TDM_RESERVATION with its policy', () => {
    const t = readMediaTags({ vorbis: [{ id: 'DATA_MINING', value: `${DMI}DMI-PROHIBITED-GENAIMLTRAINING` }, { id: 'TDM_CONSTRAINTS', value: 'Licences: https://cmo.example/lic' }, { id: 'TDM_RESERVATION', value: '1' }, { id: 'TDM_POLICY', value: 'https://cmo.example/p' }] });
    const ev = tagEvidence('a.flac', t);
    expect(ev.map((e) => [e.source, e.says, e.licence])).toEqual([
      ['a.flac vorbis DATA_MINING', 'reserve', 'https://cmo.example/lic'],
      ['a.flac vorbis TDM_RESERVATION', 'reserve', 'https://cmo.example/p'],
    ]);
  });

  it('an unreadable packet makes every use unknown, never allowed', () => {
    const ev = xmpEvidence('a.wav RIFF _PMX chunk', { ...emptyXmpReading(), problems: ['not well-formed XML: 1:3: x'] });
    expect(statuses(ev)).toEqual({ 'ai-training': 'unknown', 'genai-training': 'unknown', 'ai-inference': 'unknown', search: 'unknown' });
  });
});

describe('registry evidence', () => {
  const answer = (uses: RecordingAnswer['uses'], status: RecordingAnswer['status'] = 'reserved'): RecordingAnswer => ({ query: 'FRZ032500001', identifier: 'FRZ032500001', status, recording: null, uses, at: '2026-01-01T00:00:00Z', territory: null, evidence: {} as RecordingAnswer['evidence'] });

  it('one statement per use, sameAs followed, reasons in the raw value', () => {
    const a = answer({
      'ai-training': { status: 'reserved', reasons: [{ code: 'DECLARATION_IN_FORCE', declaration: 'd1' }, { code: 'MANDATE_IN_FORCE', mandate: 'm1' }] },
      'genai-training': { status: 'reserved', sameAs: 'ai-training' },
      'ai-inference': { status: 'reserved', sameAs: 'ai-training' },
      search: { status: 'not-covered', reasons: [{ code: 'NO_DECLARATION_IN_FORCE' }] },
    });
    const ev = registryEvidence('FRZ032500001', 'test.db', a, 'https://cmo.example/licensing');
    expect(ev).toHaveLength(4);
    expect(ev[1]).toMatchObject({ signal: 'registry', source: 'ISRC FRZ032500001 in the registry test.db', raw: 'reserved: DECLARATION_IN_FORCE d1, MANDATE_IN_FORCE m1', says: 'reserve', uses: ['genai-training'], licence: 'https://cmo.example/licensing', rule: 'registry-coverage' });
    expect(statuses(ev)).toEqual({ 'ai-training': 'reserved', 'genai-training': 'reserved', 'ai-inference': 'reserved', search: 'not-covered' });
  });

  it('a recording the registry does not hold is unknown, with the reason', () => {
    const ev = registryEvidence('FRZ032599999', 'test.db', answer({ 'ai-training': { status: 'unknown', reasons: [{ code: 'RECORDING_UNKNOWN' }] }, search: { status: 'unknown', sameAs: 'ai-training' } }, 'unknown'));
    expect(ev.map((e) => e.says)).toEqual(['unreadable', 'unreadable']);
    expect(ev[0]!.reason).toContain('RECORDING_UNKNOWN');
    expect(statuses(ev).search).toBe('unknown');
  });

  it('no ISRC: listed, silent, the use not covered', () => {
    const e = noIsrcEvidence('a.mp3', [{ value: 'XX', source: 'ID3v2.3 TSRC' }]);
    expect(e).toMatchObject({ signal: 'registry', says: 'silent', rule: 'no-identifier' });
    expect(e.reason).toContain('"XX" (ID3v2.3 TSRC)');
    const v = decideItem('a.mp3', [e]).uses['ai-training'];
    expect(v.status).toBe('not-covered');
    expect(v.evidence).toEqual([e]);
  });
});
