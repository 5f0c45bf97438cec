import { describe, expect, it } from 'vitest';
import { toSite } from '../signals/model.js';
import { stampPlan, xmpPacket } from '../signals/stamp-model.js';
import { findXmpPackets, readXmp } from './xmp-read.js';

const DMI = 'http://ns.useplus.org/ldf/vocab/';
const wrap = (body: string, ns = ''): string =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" ${ns}>${body}</rdf:Description></rdf:RDF></x:xmpmeta>`;
const PLUS = 'xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/"';

describe('readXmp', () => {
  it('reads back what tdmr stamp writes', () => {
    const site = toSite({ baseUrl: 'https://tdm.cmo.example', issuer: 'CMO', contactEmail: 'ai@cmo.example', licensingUrl: 'https://tdm.cmo.example/licensing' });
    const plan = stampPlan('FRZ032500001', ['ai-training', 'genai-training', 'ai-inference'], site)!;
    const x = readXmp(xmpPacket(plan));
    expect(x.problems).toEqual([]);
    expect(x.dataMining).toEqual([plan.dataMining]);
    expect(x.otherConstraints).toEqual([plan.constraints]);
    expect(x.webStatements).toEqual([plan.webStatement]);
    expect(x.isrcs).toEqual(['FRZ032500001']);
  });

  it('reads the value as rdf:resource, element text, a Description attribute, and under any prefix', () => {
    expect(readXmp(wrap(`<plus:DataMining>${DMI}DMI-ALLOWED</plus:DataMining>`, PLUS)).dataMining).toEqual([`${DMI}DMI-ALLOWED`]);
    const attr = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:p="http://ns.useplus.org/ldf/xmp/1.0/" p:DataMining="${DMI}DMI-PROHIBITED"/></rdf:RDF></x:xmpmeta>`;
    expect(readXmp(attr).dataMining).toEqual([`${DMI}DMI-PROHIBITED`]);
    // A property in a foreign namespace under the usual prefix is not the PLUS property.
    expect(readXmp(wrap('<plus:DataMining>DMI-PROHIBITED</plus:DataMining>', 'xmlns:plus="urn:other"')).dataMining).toEqual([]);
  });

  it('reads TDMRep (both namespaces), lang-alt texts, licensor URLs and an embedded RSL content', () => {
    const x = readXmp(
      wrap(
        `<tdm:reservation>1</tdm:reservation><tdm:policy>https://a.example/policy.json</tdm:policy>
         <plus:OtherConstraints><rdf:Alt><rdf:li xml:lang="x-default">Licences: https://a.example/lic</rdf:li><rdf:li xml:lang="fr">Licences : https://a.example/fr</rdf:li></rdf:Alt></plus:OtherConstraints>
         <plus:Licensor><rdf:Seq><rdf:li rdf:parseType="Resource"><plus:LicensorURL>https://a.example/licensor</plus:LicensorURL></rdf:li></rdf:Seq></plus:Licensor>
         <rsl:rsl><rsl:content url="https://a.example/song" server="https://rsl.a.example"/></rsl:rsl>`,
        `${PLUS} xmlns:tdm="http://www.w3.org/ns/tdmrep#" xmlns:rsl="https://rslstandard.org/rsl"`,
      ),
    );
    expect(x.tdmReservation).toEqual(['1']);
    expect(x.tdmPolicy).toEqual(['https://a.example/policy.json']);
    expect(x.otherConstraints).toEqual(['Licences: https://a.example/lic', 'Licences : https://a.example/fr']);
    expect(x.licensorUrls).toEqual(['https://a.example/licensor']);
    expect(x.rsl).toEqual([{ url: 'https://a.example/song', server: 'https://rsl.a.example' }]);
  });

  it('reports what it cannot read instead of throwing', () => {
    expect(readXmp('').problems).toContain('no rdf:RDF element: not an XMP packet');
    const cut = readXmp(wrap(`<plus:DataMining rdf:resource="${DMI}DMI-PROHIBITED"/>`, PLUS).slice(0, -30));
    expect(cut.problems.some((p) => p.startsWith('not well-formed XML'))).toBe(true);
    // What was read before the damage still counts.
    expect(cut.dataMining).toEqual([`${DMI}DMI-PROHIBITED`]);
    // An unbound prefix is read by its usual name.
    const unbound = readXmp(`<rdf:RDF><rdf:Description><plus:DataMining>${DMI}DMI-PROHIBITED</plus:DataMining></rdf:Description></rdf:RDF>`);
    expect(unbound.dataMining).toEqual([`${DMI}DMI-PROHIBITED`]);
    expect(unbound.problems.length).toBeGreaterThan(0);
  });

  it('never expands entities from a DOCTYPE', () => {
    const bomb = `<!DOCTYPE x [<!ENTITY a "${'A'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>${wrap('<plus:DataMining>&b;</plus:DataMining>', PLUS)}`;
    const x = readXmp(bomb);
    expect(x.dataMining.join('').length).toBeLessThan(10_000);
  });
});

describe('findXmpPackets', () => {
  it('finds each packet in surrounding bytes, decoded as UTF-8, a cut one up to the end', () => {
    const p1 = wrap('<plus:OtherConstraints>réservé</plus:OtherConstraints>', PLUS);
    const bytes = Buffer.concat([Buffer.from([0, 1, 2, 255]), Buffer.from(p1, 'utf8'), Buffer.from('junk<rdf:RDF xmlns:rdf="x">cut')]);
    const found = findXmpPackets(bytes);
    expect(found).toEqual([p1, '<rdf:RDF xmlns:rdf="x">cut']);
    expect(readXmp(found[0]!).otherConstraints).toEqual(['réservé']);
    expect(findXmpPackets(Buffer.from('no packet here'))).toEqual([]);
  });
});
