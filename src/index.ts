/**
 * TDM Reserve library API.
 *
 * @example
 * import { createContext, toConfig } from 'tdm-reserve';
 * const ctx = await createContext(toConfig({ databaseUrl: 'sqlite:./data/reserve.db' }));
 * console.log((await ctx.services.registry.status('FRZ032500001')).status);
 * await ctx.close();
 */
export { toConfig } from './config/config.js';
export type { Config } from './config/config.js';
export { createContext } from './context.js';
export type { Context } from './context.js';
export { AppError } from './errors.js';
export { RegistryService } from './registry/service.js';
export type { CheckOutcome, RecordingStatus, StatusOptions } from './registry/service.js';
export * from './registry/index.js';
