/** Demo data: a deterministic generator of registry data written as import CSVs, and the demo declaration. */
export { demoDeclaration, DEMO_ISSUER } from './declaration.js';
export { DemoError, type DemoErrorCode } from './errors.js';
export {
  generateDemo,
  type DemoCounts,
  type DemoFiles,
  type DemoProgress,
  type DemoResult,
  type GenerateOptions,
} from './generate.js';
export { DEFAULT_SCALE, DEFAULT_SEED, MAX_SCALE } from './plan.js';
