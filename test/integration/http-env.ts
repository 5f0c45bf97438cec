/** Opens a seeded registry and an app over it, on SQLite or PostgreSQL, for the HTTP suites. */
import { Ajv } from 'ajv';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Context } from '../../src/context.js';
import { expandStatus } from '../../src/registry/compact-expand.js';
import type { Evidence } from '../../src/registry/evidence.js';
import type { CheckOutcome, RecordingStatus } from '../../src/registry/service.js';
import type { CheckAnswer, RecordingAnswer } from '../../src/registry/status-lookup.js';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { errorBodySchema } from '../../src/server/schemas/common.js';
import { registrySchemas } from '../../src/server/schemas/registry.js';
import { statusSchemas } from '../../src/server/schemas/status.js';
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

/** A body's evidence, in the keyed form of the JSON. */
type Keyed<T> = Omit<T, 'evidence'> & { evidence: Evidence };

/** A `GET /v1/recordings/{isrc}` body as the verbose answer of `RegistryService.status`. */
export const expandedStatus = (body: Keyed<RecordingAnswer>): RecordingStatus => ({
  query: body.query,
  ...expandStatus(body, body),
});

/** The items of a `POST /v1/check` body (`detail: "full"`) as the outcomes of `RegistryService.check`. */
export const expandedItems = (body: Keyed<CheckAnswer>): CheckOutcome[] =>
  body.items.map((item) => (item.ok ? { input: item.input, ok: true, ...expandStatus(item, body) } : item));

const ajv = new Ajv({ allErrors: true, strict: false });
for (const s of [errorBodySchema, ...registrySchemas, ...statusSchemas]) ajv.addSchema(s);

/** Asserts that `body` satisfies the response schema named `$id` (what the OpenAPI document promises). */
export function expectSchema(id: string, body: unknown): void {
  const validate = ajv.getSchema(`${id}#`);
  if (validate === undefined) throw new Error(`no schema ${id}`);
  expect(validate(body) ? [] : validate.errors, id).toEqual([]);
}
