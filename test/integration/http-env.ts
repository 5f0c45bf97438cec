/** Opens a seeded registry and an app over it, on SQLite or PostgreSQL, for the HTTP suites. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Context } from '../../src/context.js';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { freshContext, type TestDb } from '../support/db.js';
import { seedRegistry, type Seeded } from './registry-seed.js';

export interface HttpEnv {
  ctx: Context;
  app: FastifyInstance;
  seeded: Seeded;
  close(): Promise<void>;
}

/** A seeded registry on a fresh database (see test/support/db.ts) and an app over it. */
export async function openEnv(make: () => TestDb, options: AppOptions = {}): Promise<HttpEnv> {
  const fresh = await freshContext(make);
  const seeded = await seedRegistry(fresh.ctx.services.registry);
  const app = buildApp(fresh.ctx, options);
  await app.ready();
  return {
    ctx: fresh.ctx,
    app,
    seeded,
    close: async () => {
      await app.close();
      await fresh.dispose();
    },
  };
}

/** Asserts the one error body, and nothing else in it. */
export function expectError(res: LightMyRequestResponse, statusCode: number, code: string): void {
  expect(res.statusCode).toBe(statusCode);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json<Record<string, unknown>>();
  expect(Object.keys(body).sort()).toEqual(['code', 'message', 'statusCode']);
  expect(body).toMatchObject({ statusCode, code });
  expect(typeof body.message).toBe('string');
  expect((body.message as string).length).toBeGreaterThan(0);
}

/** What a value looks like once it has been through JSON. */
export const asJson = <T>(v: T): unknown => JSON.parse(JSON.stringify(v));
