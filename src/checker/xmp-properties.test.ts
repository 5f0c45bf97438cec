/** Property tests and hostile input for the XMP reader and the PLUS reading: no throw, bounded output. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plusCode, plusEvidence, tagEvidence, xmpEvidence } from './media-evidence.js';
import { readMediaTags } from './media-tags.js';
import { CHECK_USES } from './model.js';
import { findXmpPackets, readXmp } from './xmp-read.js';

const DMI = 'http://ns.useplus.org/ldf/vocab/';
const CODES = ['DMI-UNSPECIFIED', 'DMI-ALLOWED', 'DMI-PROHIBITED-AIMLTRAINING', 'DMI-PROHIBITED-GENAIMLTRAINING', 'DMI-PROHIBITED-EXCEPTSEARCHENGINEINDEXING', 'DMI-PROHIBITED', 'DMI-PROHIBITED-SEECONSTRAINT', 'DMI-PROHIBITED-SEEEMBEDDEDRIGHTSEXPR', 'DMI-PROHIBITED-SEELINKEDRIGHTSEXPR'];
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// XML 1.0 characters only (no C0 controls but tab/LF/CR, no lone surrogates, no U+FFFE/FFFF).
const xmlText = fc.string({ unit: fc.constantFrom(...'abcé €-_/:.;, \t\n'.split(''), 'ü', '日'), minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== '');
const packet = (props: string, ns: string): string =>
  `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:${ns}="http://ns.useplus.org/ldf/xmp/1.0/">${props}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

const hostile = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.constantFrom('<x:xmpmeta>', '</x:xmpmeta>', '<rdf:RDF>', '</rdf:RDF>', '<plus:DataMining>', '</plus:DataMining>', '<rdf:li>', '<![CDATA[', ']]>', '<!DOCTYPE a [', '&amp;', '&#0;', '"', '=', 'rdf:resource="', '\u0000', '\uD800', '<?xpacket'), { maxLength: 60 }).map((a) => a.join('')),
);

describe('XMP reader on any input', () => {
  it('never throws, and every list stays bounded', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const x = readXmp(s);
        for (const list of [x.dataMining, x.otherConstraints, x.tdmReservation, x.tdmPolicy, x.webStatements, x.isrcs, x.rsl, x.licensorUrls]) expect(list.length).toBeLessThanOrEqual(100);
        expect(x.problems.length).toBeLessThanOrEqual(10);
        for (const e of xmpEvidence('f.mp3', x)) expect(CHECK_USES).toEqual(expect.arrayContaining([...e.uses]));
        findXmpPackets(Buffer.from(s, 'latin1'));
      }),
      { numRuns: 300 },
    );
  });

  it('reads back any value written in any of the RDF forms, under any prefix', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CODES), xmlText, fc.constantFrom('plus', 'p', 'useplus'), fc.integer({ min: 0, max: 2 }), (code, text, ns, form) => {
        const v = `${DMI}${code}`;
        const dm = form === 0 ? `<${ns}:DataMining rdf:resource="${v}"/>` : form === 1 ? `<${ns}:DataMining>${v}</${ns}:DataMining>` : `<${ns}:DataMining><rdf:Bag><rdf:li>${v}</rdf:li></rdf:Bag></${ns}:DataMining>`;
        const oc = `<${ns}:OtherConstraints><rdf:Alt><rdf:li xml:lang="x-default">${esc(text)}</rdf:li></rdf:Alt></${ns}:OtherConstraints>`;
        const x = readXmp(packet(dm + oc, ns));
        expect(x.problems).toEqual([]);
        expect(x.dataMining).toEqual([v]);
        expect(x.otherConstraints).toEqual([text.trim()]);
      }),
    );
  });

  it('every vocabulary value is read, with or without its URI; anything else is unreadable, never allowed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CODES), fc.boolean(), (code, full) => {
        expect(plusCode(full ? `${DMI}${code}` : code.toLowerCase())).toBe(code);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        fc.pre(plusCode(s) === null);
        const ev = plusEvidence('xmp-data-mining', 'f', s, undefined);
        expect(ev.map((e) => e.says)).toEqual(['unreadable']);
      }),
    );
  });
});

describe('tag reader on any tag lists', () => {
  it('never throws; values kept are trimmed, non-empty strings; evidence stays in the vocabulary of uses', () => {
    const value = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null), fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }), fc.record({ description: fc.string({ maxLength: 12 }), url: fc.string({ maxLength: 30 }) }), fc.record({ owner_identifier: fc.constantFrom('XMP', 'x'), data: fc.uint8Array({ maxLength: 20 }) }));
    const id = fc.oneof(fc.constantFrom('TSRC', 'TXXX:DATA_MINING', 'TXXX:TDM_RESERVATION', 'WXXX', 'PRIV', 'ISRC', 'xid ', '----:com.apple.iTunes:ISRC', 'DATA_MINING', 'TDM_POLICY'), fc.string({ maxLength: 12 }));
    const native = fc.dictionary(fc.constantFrom('ID3v2.3', 'ID3v2.4', 'vorbis', 'iTunes', 'APEv2'), fc.array(fc.record({ id, value }), { maxLength: 12 }));
    fc.assert(
      fc.property(native, (n) => {
        const t = readMediaTags(n);
        for (const i of t.isrcs) expect(i.value).toBe(i.value.trim());
        for (const list of Object.values(t.fields)) for (const v of list) expect(v.value.trim()).not.toBe('');
        for (const e of tagEvidence('f', t)) expect(CHECK_USES).toEqual(expect.arrayContaining([...e.uses]));
      }),
      { numRuns: 300 },
    );
  });
});

describe('XMP reader bad-input suite', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['not XML', 'ID3\u0003\u0000\u0000garbage'],
    ['unclosed root', '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'],
    ['mismatched tags', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><a></b></rdf:RDF>'],
    ['bad entity', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">&nope;</rdf:RDF>'],
    ['NUL bytes', '<rdf:RDF\u0000 xmlns:rdf="x">\u0000</rdf:RDF>'],
    ['two roots', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'],
    ['attribute without value', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" plus:DataMining></rdf:RDF>'],
  ];
  it.each(cases)('%s: no throw, a problem named, nothing reserved or allowed', (_name, input) => {
    const x = readXmp(input);
    expect(x.problems.length).toBeGreaterThan(0);
    expect(x.dataMining.every((v) => plusCode(v) === null)).toBe(true);
    const ev = xmpEvidence('f.m4a uuid box', x);
    expect(ev.every((e) => e.says === 'unreadable')).toBe(true);
    expect(ev[0]?.reason).toBeTruthy();
  });

  it('1 MB of hostile input: bounded time and output', () => {
    const deep = '<rdf:li>'.repeat(131_072);
    const wide = packet('<plus:DataMining>DMI-PROHIBITED</plus:DataMining>'.repeat(20_000), 'plus');
    const text = packet(`<plus:OtherConstraints>${'x'.repeat(1_000_000)}</plus:OtherConstraints>`, 'plus');
    for (const input of [deep, wide, text, '\uFFFF'.repeat(1_000_000)]) {
      const t0 = performance.now();
      const x = readXmp(input);
      expect(performance.now() - t0).toBeLessThan(5000);
      expect(x.dataMining.length).toBeLessThanOrEqual(100);
      expect(x.otherConstraints.every((c) => c.length <= 8192)).toBe(true);
    }
    expect(readXmp(wide).dataMining[0]).toBe('DMI-PROHIBITED');
  });
});
