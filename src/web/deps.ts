/** What the web pages are given: the services and read views of the context, and the publication. */
import type { AccountsService } from '../accounts/service.js';
import type { DbHandle } from '../db/dialect.js';
import type { LedgerService } from '../ledger/service.js';
import type { LicensingService } from '../licensing/service.js';
import type { LicensingViews } from '../licensing/views.js';
import type { RegistryService } from '../registry/service.js';
import type { RegistryViews } from '../registry/views.js';
import type { PublicationService } from '../signals/service.js';
import type { Jobs } from './jobs.js';

export interface WebDeps {
  db: DbHandle;
  registry: RegistryService;
  ledger: LedgerService;
  licensing: LicensingService;
  accounts: AccountsService;
  views: { registry: RegistryViews; licensing: LicensingViews };
  publication: PublicationService | undefined;
  jobs: Jobs;
  version: string;
  /** Where licence requests are made by e-mail (the collective's contact). */
  contactEmail: string;
  /** The JSON variant of `/` (the service description), for programs that ask for JSON. */
  serviceInfo: (baseUrl: string) => { links: { docs: string | null; openapi: string } };
  /** The JSON schema of that description (the OpenAPI document shows it for `/`). */
  serviceInfoSchema: Record<string, unknown>;
  publicUrl: string | null;
}

export interface WebOptions {
  /** Login attempts allowed per client address in `loginWindowMs` (default 10 in 15 minutes). */
  loginMax?: number;
  loginWindowMs?: number;
  /** Largest upload (bytes); default 256 MiB. */
  uploadLimit?: number;
}
