/** The undici fetcher's limits, over a real socket. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpFetcher } from '../../src/checker/http-fetch.js';

let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') setTimeout(() => res.end('late'), 1500);
    else if (req.url === '/big') res.end('x'.repeat(100_000));
    else if (req.url?.startsWith('/loop')) res.writeHead(302, { location: `/loop${Number(req.url.slice(5) || 0) + 1}` }).end();
    else if (req.url === '/hop') res.writeHead(301, { location: '/big' }).end();
    else res.end(req.headers['user-agent']);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('HttpFetcher', () => {
  // A short timeout only where the timeout is the subject: a cold first request on a busy machine can be slow.
  const fetcher = new HttpFetcher({ agentToken: 'TestBot', timeoutMs: 10_000, maxRedirects: 3 });
  const impatient = new HttpFetcher({ agentToken: 'TestBot', timeoutMs: 300 });
  afterAll(() => Promise.all([fetcher.close(), impatient.close()]));

  it('names the crawler in its User-Agent', async () => {
    const r = await fetcher.get(`${origin}/ua`, { maxBytes: 1000 });
    expect(r.ok && Buffer.from(r.body).toString()).toMatch(/^TestBot \(tdm-reserve checker/);
  });

  it('times out on a server that does not answer in time', async () => {
    const r = await impatient.get(`${origin}/slow`, { maxBytes: 1000 });
    expect(r.ok).toBe(false);
  });

  it('keeps only the first maxBytes of a body and says it was cut', async () => {
    const r = await fetcher.get(`${origin}/big`, { maxBytes: 1000 });
    expect(r.ok && [r.body.length, r.truncated]).toEqual([1000, true]);
  });

  it('follows redirects up to the limit, not further', async () => {
    const hop = await fetcher.get(`${origin}/hop`, { maxBytes: 200_000 });
    expect(hop.ok && [hop.status, hop.body.length]).toEqual([200, 100_000]);
    const loop = await fetcher.get(`${origin}/loop`, { maxBytes: 1000 });
    // undici hands back the last redirect answer; site files read a 3xx as unavailable (RFC 9309 §2.3.1.2).
    expect(loop.ok && loop.status).toBe(302);
  });
});
