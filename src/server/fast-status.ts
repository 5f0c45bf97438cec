/**
 * The hot path of the service, `GET /v1/recordings/{ISRC}` with a canonical ISRC and no query, answered
 * straight from Node's HTTP server, in front of Fastify's request handling.
 *
 * Why: the lookup itself (two statements in a held SQLite snapshot, cached performer facts, the answer
 * written as bytes) costs less than Fastify's per-request work around it (request and reply objects,
 * routing, hooks, query validation, header checks), and on a two-core host the client, the kernel and
 * this process share the CPU; answering the commonest request without that layer is what brings a
 * lookup near the cost of a constant response (BENCHMARKS.md, docs/http.md "The fast path").
 *
 * The answer is byte for byte the one the Fastify route gives, kept or not (test/integration/http-fast-path.test.ts
 * compares them over a socket): the same lookup, the same writer, the same headers. Anything else —
 * another method or path, a query string, a spelling that needs normalising, an Authorization header,
 * a lookup that throws, a service shutting down — is left to Fastify untouched, so its validation, errors and logs apply.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { isCanonicalIsrc } from '../registry/status-lookup.js';

const PREFIX = '/v1/recordings/';
const JSON_TYPE = 'application/json; charset=utf-8';

export interface FastStatusDeps {
  /** The answer's bytes, looked up synchronously (the SQLite snapshot reader) or kept (answer-cache.ts). */
  answer(isrc: string): Buffer;
  /** Headers every response carries (the publication's), read per request: they are swapped on refresh. */
  headers(): Readonly<Record<string, string>>;
  /** True once the service is closing: Fastify then answers 503 in its usual body. */
  closing(): boolean;
}

/** Answers a request and returns true, or returns false having touched nothing. */
export type FastListener = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Fastify's `serverFactory`: Node's server with the fast path in front (`fast()`, read per request: it
 * is made once the app's hooks exist), with the timeouts Fastify sets on a server it makes itself.
 */
export function fastPathServer(
  fast: () => FastListener | undefined,
): (handler: RequestListener, opts: { keepAliveTimeout?: number; requestTimeout?: number; connectionTimeout?: number }) => Server {
  return (handler, opts) => {
    const server = createServer((req, res) => {
      const f = fast();
      if (f === undefined || !f(req, res)) handler(req, res);
    });
    server.keepAliveTimeout = opts.keepAliveTimeout ?? 72_000;
    server.requestTimeout = opts.requestTimeout ?? 0;
    server.setTimeout(opts.connectionTimeout ?? 0);
    return server;
  };
}

/**
 * A request listener that answers the hot path and returns true, or returns false having touched
 * nothing, for the caller to hand the request to Fastify.
 */
export function fastStatus(deps: FastStatusDeps): FastListener {
  let lastHeaders: Readonly<Record<string, string>> | null = null;
  let fixed: string[] = [];
  return (req, res) => {
    const url = req.url;
    // A caller with a key gets its licences applied: Fastify's route does that.
    if (req.method !== 'GET' || url === undefined || !url.startsWith(PREFIX) || req.headers.authorization !== undefined || deps.closing()) return false;
    const isrc = url.slice(PREFIX.length);
    if (!isCanonicalIsrc(isrc)) return false;
    let body: Buffer;
    try {
      body = deps.answer(isrc);
    } catch {
      // Fastify does it again and answers with the coded error.
      return false;
    }
    const h = deps.headers();
    if (h !== lastHeaders) {
      lastHeaders = h;
      fixed = Object.entries(h).flat();
    }
    // The header order of the Fastify route: the publication's (set in onRequest), then the type and length.
    res.writeHead(200, [...fixed, 'content-type', JSON_TYPE, 'content-length', String(body.length)]);
    res.end(body);
    return true;
  };
}
