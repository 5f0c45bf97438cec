import { describe, expect, it } from 'vitest';
import { homePage, serviceInfo } from './home.js';

describe('home page', () => {
  it('links to the reference, the document and every endpoint from the base URL', () => {
    const info = serviceInfo('1.2.3', 'https://registry.example.org', true);
    expect(info.links).toMatchObject({
      docs: 'https://registry.example.org/docs',
      openapi: 'https://registry.example.org/openapi.json',
      status: 'https://registry.example.org/v1/recordings/{isrc}',
    });
    const html = homePage(info);
    expect(html).toContain('<a href="https://registry.example.org/docs">');
    expect(html).toContain('Version 1.2.3.');
  });

  it('leaves the reference out when it is not served, and escapes what it prints', () => {
    const info = serviceInfo('1.0.0', 'http://evil"><script>', false);
    expect(info.links.docs).toBeNull();
    const html = homePage(info);
    expect(html).not.toContain('API reference');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });
});
