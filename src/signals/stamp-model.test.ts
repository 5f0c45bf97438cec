import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toSite } from './model.js';
import { dataMiningValue, DMI, readStamp, stampPlan, xmpPacket } from './stamp-model.js';

const site = toSite({ baseUrl: 'https://tdm.cmo.example', issuer: 'CMO', licensingUrl: 'https://tdm.cmo.example/licences?a=1&b=<2>' });

describe('stamp plan', () => {
  it.each([
    [['ai-training', 'genai-training'], 'DMI-PROHIBITED-AIMLTRAINING'],
    [['ai-training'], 'DMI-PROHIBITED-AIMLTRAINING'],
    [['genai-training'], 'DMI-PROHIBITED-GENAIMLTRAINING'],
    [['ai-training', 'genai-training', 'ai-inference', 'search'], 'DMI-PROHIBITED'],
    [['ai-training', 'genai-training', 'ai-inference'], 'DMI-PROHIBITED-SEECONSTRAINT'],
    [['search'], 'DMI-PROHIBITED-SEECONSTRAINT'],
  ] as const)('%j -> %s', (uses, value) => {
    expect(dataMiningValue(uses)).toBe(`${DMI}${value}`);
  });
  it('nothing to stamp when nothing is reserved', () => {
    expect(stampPlan('FRZ032500001', [], site)).toBeNull();
  });
  it('the XMP packet is well-formed, escapes values and carries the PLUS property', () => {
    const plan = stampPlan('FRZ032500001', ['ai-training'], site)!;
    const xmp = xmpPacket(plan);
    expect(XMLValidator.validate(xmp)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xmp) as {
      'x:xmpmeta': { 'rdf:RDF': { 'rdf:Description': Record<string, unknown> } };
    };
    const d = doc['x:xmpmeta']['rdf:RDF']['rdf:Description'];
    expect(d['@xmlns:plus']).toBe('http://ns.useplus.org/ldf/xmp/1.0/');
    expect(d['plus:DataMining']).toEqual({ '@rdf:resource': `${DMI}DMI-PROHIBITED-AIMLTRAINING` });
    expect(d['dc:identifier']).toBe('ISRC FRZ032500001');
    expect(xmp).toContain('licences?a=1&amp;b=&lt;2&gt;');
  });
});

describe('readStamp (exiftool JSON)', () => {
  it('reads XMP, ID3 and Vorbis forms', () => {
    expect(readStamp({ 'XMP-plus:DataMining': `${DMI}DMI-PROHIBITED-AIMLTRAINING`, 'XMP-dc:Identifier': 'ISRC FRZ032500001' })).toEqual({
      dataMining: `${DMI}DMI-PROHIBITED-AIMLTRAINING`, reserved: true, isrc: 'FRZ032500001', sources: ['xmp'],
    });
    expect(readStamp({ 'ID3v2_3:UserDefinedText': ['(TDM_RESERVATION) 1', `(DATA_MINING) ${DMI}DMI-PROHIBITED`], 'ID3v2_3:ISRC': 'FRZ032500002' })).toMatchObject({ reserved: true, isrc: 'FRZ032500002', sources: ['id3'] });
    expect(readStamp({ 'Vorbis:DataMining': `${DMI}DMI-PROHIBITED-SEECONSTRAINT`, 'Vorbis:ISRCNumber': 'FRZ032500003' })).toMatchObject({ reserved: true, sources: ['vorbis'] });
  });
  it('allowed, unspecified or absent values are not a reservation', () => {
    expect(readStamp({ 'XMP-plus:DataMining': `${DMI}DMI-ALLOWED` }).reserved).toBe(false);
    expect(readStamp({ 'XMP-plus:DataMining': `${DMI}DMI-UNSPECIFIED` }).reserved).toBe(false);
    expect(readStamp({})).toEqual({ dataMining: null, reserved: false, isrc: null, sources: [] });
  });
});
