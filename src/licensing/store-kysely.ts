/** The licensing store on Kysely, for SQLite and PostgreSQL alike. */
import type { AccountRow, LicenceRequestRow, LicenceRow } from '../db/schema.js';
import type { LedgerEntry } from '../ledger/entries.js';
import { appendLedgerEntries } from '../ledger/store-kysely.js';
import type { KeyScope, StoredKey } from './api-keys.js';
import type { Terms } from './model.js';
import type { Offer } from './offer.js';
import type { Account, AccountRole, LicenceRequest, Organisation } from './parties.js';
import type { StoredLicence, LicensingStore } from './store.js';
import { KyselyMoneyStore, type Db } from './store-kysely-money.js';
import type { Tariff } from './tariffs.js';
import type { Action, RequestState, Role, TransitionEvent } from './workflow.js';

const accountFromRow = (r: AccountRow): Account => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role as AccountRole,
  organisationId: r.organisation_id,
  performerId: r.performer_id,
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
});

const requestFromRow = (r: LicenceRequestRow): LicenceRequest => ({
  id: r.id,
  organisationId: r.organisation_id,
  terms: JSON.parse(r.terms) as Terms,
  state: r.state as RequestState,
  offer: r.offer === null ? null : (JSON.parse(r.offer) as Offer),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const licenceFromRow = (r: LicenceRow): StoredLicence => ({
  id: r.id,
  licensee: r.organisation_id,
  request: r.request_id,
  terms: JSON.parse(r.terms) as Terms,
  tariff: { id: r.tariff_id, version: Number(r.tariff_version) },
  issuedAt: r.issued_at,
  terminatedAt: r.terminated_at,
  document: r.document,
  signature: r.signature,
});

export class KyselyLicensingStore extends KyselyMoneyStore implements LicensingStore {
  constructor(db: Db) {
    super(db);
  }

  async transaction<T>(fn: (store: LicensingStore) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return this.db.transaction().execute((trx) => fn(new KyselyLicensingStore(trx)));
  }

  async appendLog(entries: readonly LedgerEntry[]): Promise<void> {
    await appendLedgerEntries(this.db, entries);
  }

  async insertOrganisation(o: Organisation): Promise<void> {
    await this.db.insertInto('organisations').values({ id: o.id, name: o.name, created_at: o.createdAt }).execute();
  }

  async getOrganisation(id: string): Promise<Organisation | null> {
    const r = await this.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? null : { id: r.id, name: r.name, createdAt: r.created_at };
  }

  async insertAccount(a: Account): Promise<void> {
    await this.db
      .insertInto('accounts')
      .values({
        id: a.id,
        name: a.name,
        email: a.email,
        role: a.role,
        organisation_id: a.organisationId,
        performer_id: a.performerId,
        created_at: a.createdAt,
        disabled_at: a.disabledAt,
      })
      .execute();
  }

  async getAccount(id: string): Promise<Account | null> {
    const r = await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? null : accountFromRow(r);
  }

  async insertKey(k: StoredKey): Promise<void> {
    await this.db
      .insertInto('api_keys')
      .values({
        id: k.id,
        account_id: k.account,
        secret_hash: k.secretHash,
        scopes: JSON.stringify(k.scopes),
        created_at: k.createdAt,
        expires_at: k.expiresAt,
        revoked_at: k.revokedAt,
      })
      .execute();
  }

  async getKey(id: string): Promise<StoredKey | null> {
    const r = await this.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    if (r === undefined) return null;
    return {
      id: r.id,
      account: r.account_id,
      secretHash: r.secret_hash,
      scopes: JSON.parse(r.scopes) as KeyScope[],
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      revokedAt: r.revoked_at,
    };
  }

  async revokeKey(id: string, at: string): Promise<boolean> {
    const key = await this.getKey(id);
    if (key === null) return false;
    if (key.revokedAt === null) await this.db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).execute();
    return true;
  }

  async putTariff(t: Tariff, at: string): Promise<'inserted' | 'unchanged' | 'conflict'> {
    const body = JSON.stringify(t);
    const r = await this.db.selectFrom('tariffs').select('body').where('id', '=', t.id).where('version', '=', t.version).executeTakeFirst();
    if (r !== undefined) return r.body === body ? 'unchanged' : 'conflict';
    await this.db.insertInto('tariffs').values({ id: t.id, version: t.version, body, created_at: at }).execute();
    return 'inserted';
  }

  async getTariff(id: string, version: number): Promise<Tariff | null> {
    const r = await this.db.selectFrom('tariffs').select('body').where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return r === undefined ? null : (JSON.parse(r.body) as Tariff);
  }

  async insertRequest(r: LicenceRequest): Promise<void> {
    await this.db
      .insertInto('licence_requests')
      .values({
        id: r.id,
        organisation_id: r.organisationId,
        terms: JSON.stringify(r.terms),
        state: r.state,
        offer: r.offer === null ? null : JSON.stringify(r.offer),
        created_at: r.createdAt,
        updated_at: r.updatedAt,
      })
      .execute();
  }

  async getRequest(id: string): Promise<LicenceRequest | null> {
    const r = await this.db.selectFrom('licence_requests').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? null : requestFromRow(r);
  }

  async listRequests(filter: { organisationId?: string; state?: RequestState }): Promise<LicenceRequest[]> {
    let q = this.db.selectFrom('licence_requests').selectAll();
    if (filter.organisationId !== undefined) q = q.where('organisation_id', '=', filter.organisationId);
    if (filter.state !== undefined) q = q.where('state', '=', filter.state);
    const rows = await q.orderBy('created_at').orderBy('id').execute();
    return rows.map(requestFromRow);
  }

  async moveRequest(id: string, from: RequestState, to: RequestState, offer: Offer | null, at: string): Promise<boolean> {
    const set = offer === null ? { state: to, updated_at: at } : { state: to, updated_at: at, offer: JSON.stringify(offer) };
    const r = await this.db.updateTable('licence_requests').set(set).where('id', '=', id).where('state', '=', from).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertEvent(e: TransitionEvent, seq: number): Promise<void> {
    await this.db
      .insertInto('licence_events')
      .values({
        request_id: e.request,
        seq,
        action: e.action,
        from_state: e.from,
        to_state: e.to,
        actor_role: e.by.role,
        actor_id: e.by.id,
        at: e.at,
        note: e.note,
      })
      .execute();
  }

  async events(requestId: string): Promise<TransitionEvent[]> {
    const rows = await this.db.selectFrom('licence_events').selectAll().where('request_id', '=', requestId).orderBy('seq').execute();
    return rows.map((r) => ({
      request: r.request_id,
      action: r.action as Action,
      from: r.from_state as RequestState,
      to: r.to_state as RequestState,
      by: { role: r.actor_role as Role, id: r.actor_id },
      at: r.at,
      note: r.note,
    }));
  }

  async insertLicence(l: StoredLicence): Promise<void> {
    await this.db
      .insertInto('licences')
      .values({
        id: l.id,
        request_id: l.request,
        organisation_id: l.licensee,
        terms: JSON.stringify(l.terms),
        tariff_id: l.tariff.id,
        tariff_version: l.tariff.version,
        issued_at: l.issuedAt,
        terminated_at: l.terminatedAt,
        document: l.document,
        signature: l.signature,
      })
      .execute();
  }

  async getLicence(id: string): Promise<StoredLicence | null> {
    const r = await this.db.selectFrom('licences').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? null : licenceFromRow(r);
  }

  async licenceOfRequest(requestId: string): Promise<StoredLicence | null> {
    const r = await this.db.selectFrom('licences').selectAll().where('request_id', '=', requestId).executeTakeFirst();
    return r === undefined ? null : licenceFromRow(r);
  }

  async licencesOf(organisationId: string): Promise<StoredLicence[]> {
    const rows = await this.db.selectFrom('licences').selectAll().where('organisation_id', '=', organisationId).orderBy('issued_at').orderBy('id').execute();
    return rows.map(licenceFromRow);
  }

  async terminateLicence(id: string, at: string): Promise<void> {
    await this.db.updateTable('licences').set({ terminated_at: at }).where('id', '=', id).where('terminated_at', 'is', null).execute();
  }
}
