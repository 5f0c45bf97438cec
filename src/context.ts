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
import { RegistryService } from './registry/service.js';
import type { RegistryStore } from './registry/store.js';
import { KyselyRegistryStore } from './registry/store-kysely.js';

export interface Context extends AsyncDisposable {
  config: Readonly<Config>;
  db: DbHandle;
  stores: { registry: RegistryStore };
  services: { registry: RegistryService };
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
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await closeDb(db);
  };
  return {
    config,
    db,
    stores: { registry },
    services: { registry: new RegistryService(registry) },
    close,
    [Symbol.asyncDispose]: close,
  };
}
