import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import fastify, { type FastifyError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ConfigError, DbError } from '../errors.js';
import { RegistryError } from '../registry/errors.js';
import { errorBody, frameworkErrorHandler, installErrorHandling, statusForCode } from './error-handler.js';
import { HttpError } from './errors.js';

const fastifyError = (
  code: string,
  message: string,
  statusCode?: number,
  validation?: unknown[],
): FastifyError => Object.assign(new Error(message), { code, statusCode, validation }) as FastifyError;

describe('statusForCode', () => {
  it('maps every known code', () => {
    expect(
      [
        'REGISTRY_NOT_FOUND',
        'REGISTRY_INVALID_ID',
        'REGISTRY_INVALID_INPUT',
        'REGISTRY_CONFLICT',
        'REGISTRY_TOO_MANY_ITEMS',
      ].map(statusForCode),
    ).toEqual([404, 400, 400, 409, 413]);
    expect(
      [
        'HTTP_NOT_FOUND',
        'HTTP_VALIDATION',
        'HTTP_BAD_REQUEST',
        'HTTP_BODY_TOO_LARGE',
        'HTTP_UNSUPPORTED_MEDIA_TYPE',
        'HTTP_UNAVAILABLE',
        'HTTP_INTERNAL',
      ].map(statusForCode),
    ).toEqual([404, 400, 400, 413, 415, 503, 500]);
    expect(
      ['CONFIG_INVALID', 'DB_URL_INVALID', 'DB_MIGRATION_FAILED', 'DB_UNAVAILABLE'].map(statusForCode),
    ).toEqual([500, 500, 500, 503]);
  });

  it('maps codes of other capabilities by their name', () => {
    expect(statusForCode('LICENCE_NOT_FOUND')).toBe(404);
    expect(statusForCode('LEDGER_CONFLICT')).toBe(409);
    expect(statusForCode('IMPORT_BAD_ROW')).toBe(400);
    expect(statusForCode('SIGNALS_INVALID')).toBe(400);
    expect(statusForCode('FINGERPRINT_FFMPEG_FAILED')).toBe(500);
  });
});

describe('errorBody', () => {
  it('keeps the code and message of coded errors', () => {
    expect(errorBody(new RegistryError('REGISTRY_NOT_FOUND', 'no performer x'))).toEqual({
      statusCode: 404,
      code: 'REGISTRY_NOT_FOUND',
      message: 'no performer x',
    });
    expect(errorBody(new DbError('DB_UNAVAILABLE', 'cannot connect'))).toEqual({
      statusCode: 503,
      code: 'DB_UNAVAILABLE',
      message: 'cannot connect',
    });
    expect(errorBody(new ConfigError('CONFIG_INVALID', 'bad'))).toMatchObject({
      statusCode: 500,
      code: 'CONFIG_INVALID',
    });
  });

  it('gives Fastify errors our codes', () => {
    expect(
      errorBody(fastifyError('FST_ERR_VALIDATION', 'querystring/use must be one of', 400, [{}])),
    ).toEqual({
      statusCode: 400,
      code: 'HTTP_VALIDATION',
      message: 'querystring/use must be one of',
    });
    expect(
      errorBody(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 'Request body is too large', 413)),
    ).toMatchObject({ statusCode: 413, code: 'HTTP_BODY_TOO_LARGE' });
    expect(
      errorBody(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 'Unsupported Media Type', 415)),
    ).toMatchObject({ statusCode: 415, code: 'HTTP_UNSUPPORTED_MEDIA_TYPE' });
    expect(errorBody(fastifyError('FST_ERR_CTP_INVALID_JSON_BODY', 'bad json', 400))).toMatchObject({
      statusCode: 400,
      code: 'HTTP_BAD_REQUEST',
    });
    expect(errorBody(fastifyError('FST_ERR_NOT_FOUND', 'Not Found', 404))).toMatchObject({
      statusCode: 404,
      code: 'HTTP_NOT_FOUND',
    });
    expect(errorBody(fastifyError('FST_ERR_SOMETHING', 'odd', 418))).toMatchObject({
      statusCode: 400,
      code: 'HTTP_BAD_REQUEST',
    });
  });

  it('does not leak the message of unexpected failures', () => {
    expect(errorBody(new Error('SQLITE_CORRUPT at /secret/path'))).toEqual({
      statusCode: 500,
      code: 'HTTP_INTERNAL',
      message: 'internal error',
    });
    expect(errorBody(fastifyError('FST_ERR_X', 'internal detail', 500))).toEqual({
      statusCode: 500,
      code: 'HTTP_INTERNAL',
      message: 'internal error',
    });
    expect(errorBody('a string')).toMatchObject({ statusCode: 500, code: 'HTTP_INTERNAL' });
    expect(errorBody(new HttpError('HTTP_INTERNAL', 'detail'))).toMatchObject({ message: 'internal error' });
  });
});

describe('installErrorHandling', () => {
  it('answers thrown errors, unknown routes and bad URLs with one body', async () => {
    const app = fastify({ frameworkErrors: frameworkErrorHandler });
    installErrorHandling(app);
    app.get('/boom', () => {
      throw new Error('secret');
    });
    app.get('/gone/:id', async () =>
      Promise.reject(new RegistryError('REGISTRY_NOT_FOUND', 'no such thing')),
    );
    const shapes = await Promise.all(
      ['/boom', '/gone/1', '/missing', '/gone/%E0%A4%A'].map(async (url) => {
        const res = await app.inject({ url });
        return [res.statusCode, res.json<Record<string, unknown>>()] as const;
      }),
    );
    expect(shapes).toEqual([
      [500, { statusCode: 500, code: 'HTTP_INTERNAL', message: 'internal error' }],
      [404, { statusCode: 404, code: 'REGISTRY_NOT_FOUND', message: 'no such thing' }],
      [404, { statusCode: 404, code: 'HTTP_NOT_FOUND', message: 'no route GET /missing' }],
      [400, expect.objectContaining({ statusCode: 400, code: 'HTTP_BAD_REQUEST' })],
    ]);
    await app.close();
  });
});

describe('closing', () => {
  it('answers a request that arrives while the app closes with a 503 in the same body', async () => {
    const app = fastify({ return503OnClosing: false });
    installErrorHandling(app);
    let release = (): void => undefined;
    const held = new Promise<void>((r) => (release = r));
    let entered = (): void => undefined;
    const inside = new Promise<void>((r) => (entered = r));
    app.get('/slow', async () => {
      entered();
      await held;
      return { ok: true };
    });
    app.get('/fast', () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const socket = connect((app.server.address() as AddressInfo).port, '127.0.0.1');
    let received = '';
    socket.on('data', (b: Buffer) => (received += b.toString()));
    const ended = new Promise((r) => socket.on('close', r));
    // A request that holds the connection busy, then a second one on it once the app is closing.
    socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await inside;
    const closed = app.close();
    await new Promise((r) => setTimeout(r, 20));
    socket.write('GET /fast HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((r) => setTimeout(r, 20));
    release();
    await closed;
    await ended;
    const bodies = received
      .split('\r\n\r\n')
      .slice(1)
      .map((b) => b.split('HTTP/1.1')[0]);
    expect(received).toMatch(/^HTTP\/1\.1 200/);
    expect(received).toContain('HTTP/1.1 503');
    expect(JSON.parse(bodies[1] ?? '')).toEqual({
      statusCode: 503,
      code: 'HTTP_UNAVAILABLE',
      message: 'the service is shutting down; retry',
    });
  });
});
