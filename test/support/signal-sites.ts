/**
 * Local HTTP sites publishing signal combinations for the checker's integration tests (our own fixtures,
 * see test/fixtures/signals/README.md). Each site is its own origin (its own port), records every request
 * and answers from a table of paths.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Page {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string;
}

export interface Site {
  origin: string;
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export async function startSite(pages: Record<string, Page | string | number>): Promise<Site> {
  const requests: Site['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const page = pages[path];
    if (page === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const p: Page = typeof page === 'number' ? { status: page, body: `HTTP ${page}` } : typeof page === 'string' ? { body: page } : page;
    res.writeHead(p.status ?? 200, { 'content-type': 'text/plain', ...(p.headers ?? {}) }).end(p.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
