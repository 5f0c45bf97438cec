import { describe, expect, it } from 'vitest';
import { readHtmlSignals } from './html-signals.js';

describe('readHtmlSignals', () => {
  it('reads meta and link elements whatever the case, quoting and attribute order', () => {
    const html = `<!doctype html><HTML><head>
      <META CONTENT="1" NAME="TDM-Reservation">
      <meta name=tdm-policy content='https://cmo.example/p.json'>
      <meta name="robots" content="noai, noimageai">
      <link href="https://cmo.example/license.xml" rel="License" type="application/rsl+xml">
      </head><body><p>x</p></body></HTML>`;
    const s = readHtmlSignals(html);
    expect(s.metas).toEqual([
      { name: 'tdm-reservation', content: '1' },
      { name: 'tdm-policy', content: 'https://cmo.example/p.json' },
      { name: 'robots', content: 'noai, noimageai' },
    ]);
    expect(s.links).toEqual([{ rel: ['license'], href: 'https://cmo.example/license.xml', type: 'application/rsl+xml' }]);
  });

  it('ignores look-alikes inside comments, scripts and attribute values', () => {
    const html = `<!-- <meta name="tdm-reservation" content="1"> --><script>const s = '<meta name="tdm-reservation" content="1">';</script>
      <div title='<meta name="tdm-reservation" content="1">'></div>`;
    expect(readHtmlSignals(html).metas).toEqual([]);
  });

  it('decodes entities in attribute values', () => {
    expect(readHtmlSignals('<meta name="tdm-policy" content="https://a.example/?a=1&amp;b=2">').metas[0]?.content).toBe('https://a.example/?a=1&b=2');
  });
});
