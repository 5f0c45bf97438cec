/**
 * Composition root: opens the database, migrates it, and wires stores into services. Everything that
 * needs the database gets it from here; closing the context closes what it opened.
 *
 * @example
 * await using ctx = await createContext(toConfig({ databaseUrl: 'sqlite:./data/reserve.db' }));
 * const answer = await ctx.services.registry.status('FRZ032500001');
 */
import type { Config } from './config/config.js';
import { closeDb, openDb, type DbHandle } from './db/dialect.js';
import { migrateToLatest } from './db/migrate.js';
import { fileLogKeys } from './ledger/key-file.js';
import { LedgerService } from './ledger/service.js';
import type { LedgerStore } from './ledger/store.js';
import { KyselyLedgerStore } from './ledger/store-kysely.js';
import { KyselyRegistryAuditSource } from './ledger/store-kysely-audit.js';
import { RegistryService } from './registry/service.js';
import type { RegistryStore } from './registry/store.js';
import { KyselyRegistryStore } from './registry/store-kysely.js';

export interface Context extends AsyncDisposable {
  config: Readonly<Config>;
  db: DbHandle;
  stores: { registry: RegistryStore; ledger: LedgerStore };
  services: { registry: RegistryService; ledger: LedgerService };
  close(): Promise<void>;
}

export async function createContext(config: Readonly<Config>, options: { migrate?: boolean } = {}): Promise<Context> {
  const db = await openDb(config.databaseUrl);
  try {
    if (options.migrate ?? true) await migrateToLatest(db);
  } catch (e) {
    await closeDb(db);
    throw e;
  }
  const registry = new KyselyRegistryStore(db.kysely, db.kind);
  const ledger = new KyselyLedgerStore(db.kysely);
  const ledgerService = new LedgerService({
    store: ledger,
    audit: new KyselyRegistryAuditSource(db.kysely),
    // Read on first use: commands that never sign or publish work without a key file.
    keys: fileLogKeys(config.logKeyFile),
    origin: config.logOrigin,
    findRecording: (isrc) => registry.findRecording({ isrc }),
    checkpointEveryMs: config.logCheckpointSeconds * 1000,
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await closeDb(db);
  };
  return {
    config,
    db,
    stores: { registry, ledger },
    services: { registry: new RegistryService(registry), ledger: ledgerService },
    close,
    [Symbol.asyncDispose]: close,
  };
}
