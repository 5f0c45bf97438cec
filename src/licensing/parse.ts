/** Untrusted JSON through a zod schema, with every problem named by its field and the source. */
import type { z } from 'zod';
import { LicensingError, type LicensingErrorCode } from './errors.js';

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, source: string, code: LicensingErrorCode): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => `${i.path.length === 0 ? '(root)' : i.path.join('.')}: ${i.message}`);
  throw new LicensingError(code, `${source}: ${problems.join('; ')}`, { details: { source, problems } });
}
