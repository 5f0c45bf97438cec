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
import { existsSync } from 'node:fs';
import { FingerprintService } from './fingerprint/identify/service.js';
import { fingerprintSource } from './fingerprint/sources.js';
import type { FingerprintStore } from './fingerprint/identify/store.js';
import { KyselyFingerprintStore } from './fingerprint/identify/store-kysely.js';
import { fileLogKeys } from './ledger/key-file.js';
import { LedgerService } from './ledger/service.js';
import type { LedgerStore } from './ledger/store.js';
import { KyselyLedgerStore } from './ledger/store-kysely.js';
import { KyselyAuditSource } from './ledger/store-kysely-audit.js';
import { payableLineup, type PayableEntry } from './licensing/distribution.js';
import type { RecordingScope } from './licensing/model.js';
import { LicensingService } from './licensing/service.js';
import { StatementsService } from './licensing/statements-service.js';
import type { LicensingStore } from './licensing/store.js';
import { KyselyLicensingStore } from './licensing/store-kysely.js';
import { RegistryService } from './registry/service.js';
import type { RegistryStore } from './registry/store.js';
import { KyselyRegistryStore } from './registry/store-kysely.js';
import type { DeclarationSigner } from './signals/declaration-doc.js';
import { ed25519DeclarationSigner } from './signals/declaration-sign.js';
import { AccountsService } from './accounts/service.js';
import type { AccountsStore } from './accounts/store.js';
import { KyselyAccountsStore } from './accounts/store-kysely.js';
import type { LicensingViews } from './licensing/views.js';
import { KyselyLicensingViews } from './licensing/store-kysely-views.js';
import type { RegistryViews } from './registry/views.js';
import { KyselyRegistryViews } from './registry/store-kysely-views.js';
import { OffThreadRegistryViews } from './registry/views-offthread.js';

export interface Context extends AsyncDisposable {
  config: Readonly<Config>;
  db: DbHandle;
  stores: { registry: RegistryStore; ledger: LedgerStore; licensing: LicensingStore; fingerprint: FingerprintStore; accounts: AccountsStore };
  services: { registry: RegistryService; ledger: LedgerService; licensing: LicensingService; statements: StatementsService; fingerprint: FingerprintService; accounts: AccountsService };
  /** Read-only lists and totals for the web pages. */
  views: { registry: RegistryViews; licensing: LicensingViews };
  /** Signs the published declaration with the log's key; undefined while the key file does not exist. */
  declarationSigner: () => DeclarationSigner | undefined;
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
  const keys = fileLogKeys(config.logKeyFile);
  let signer: DeclarationSigner | undefined;
  const declarationSigner = (): DeclarationSigner | undefined => {
    if (signer === undefined && existsSync(config.logKeyFile)) {
      const s = keys.signer();
      signer = ed25519DeclarationSigner(s.privateKey, keys.verifierKey().split('+').slice(0, 2).join('+'));
    }
    return signer;
  };
  const ledgerService = new LedgerService({
    store: ledger,
    audit: new KyselyAuditSource(db.kysely, db.kind === 'sqlite' ? db.raw : null),
    // Read on first use: commands that never sign or publish work without a key file.
    keys,
    origin: config.logOrigin,
    findRecording: (isrc) => registry.findRecording({ isrc }),
    checkpointEveryMs: config.logCheckpointSeconds * 1000,
  });
  const licensingStore = new KyselyLicensingStore(db.kysely);
  const licensing = new LicensingService({
    store: licensingStore,
    signer: declarationSigner,
    assigner: {
      uid: config.publicUrl ?? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`,
      name: config.issuer,
    },
    recordings: async (isrcs) => {
      const recs = await registry.recordingsByIsrc(isrcs);
      const lineups = await registry.lineupsOf([...recs.values()].map((r) => r.id));
      const out = new Map<string, RecordingScope & { id: string }>();
      for (const [isrc, r] of recs) {
        const performerIds = [...new Set((lineups.get(r.id) ?? []).map((e) => e.performerId))];
        out.set(isrc, { id: r.id, isrc, medium: r.kind, year: r.year, label: r.label, performerIds });
      }
      return out;
    },
    payableLineups: async (recordingIds) => {
      const out = new Map<string, PayableEntry[]>();
      for (const [id, lineup] of await registry.lineupsWithMembership(recordingIds)) out.set(id, payableLineup(lineup));
      return out;
    },
  });
  const fingerprintStore = new KyselyFingerprintStore(db.kysely);
  const fingerprint = new FingerprintService({ store: fingerprintStore, source: fingerprintSource(config.fingerprinter) });
  const accountsStore = new KyselyAccountsStore(db.kysely);
  const accounts = new AccountsService({ store: accountsStore, principalOf: (id) => licensing.principalOf(id) });
  const registryViews =
    db.kind === 'sqlite' && db.path !== ':memory:' ? new OffThreadRegistryViews(new KyselyRegistryViews(db.kysely), { dbPath: db.path }) : new KyselyRegistryViews(db.kysely);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    if (registryViews instanceof OffThreadRegistryViews) await registryViews.close();
    await closeDb(db);
  };
  return {
    config,
    db,
    stores: { registry, ledger, licensing: licensingStore, fingerprint: fingerprintStore, accounts: accountsStore },
    services: {
      registry: new RegistryService(registry),
      ledger: ledgerService,
      licensing,
      statements: new StatementsService({ store: licensingStore, performerName: async (id) => (await registry.getPerformer(id))?.displayName ?? null }),
      fingerprint,
      accounts,
    },
    views: { registry: registryViews, licensing: new KyselyLicensingViews(db.kysely) },
    declarationSigner,
    close,
    [Symbol.asyncDispose]: close,
  };
}
