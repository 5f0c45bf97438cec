/**
 * The licensing desk: organisations and accounts, API keys, tariffs, licence requests through their
 * workflow, and licences. Every change that bears on what is licensed is written with its log entry
 * in one transaction (no change without its entry, no entry without its change).
 */
import { randomUUID } from 'node:crypto';
import type { DeclarationSigner } from '../signals/declaration-doc.js';
import { checkKey, KEY_SCOPES, newKey, splitKey, type KeyScope, type StoredKey } from './api-keys.js';
import { LicensingError } from './errors.js';
import { issuedEntry, requestEntry, terminatedEntry, transitionEntry } from './log-entries.js';
import { issueLicence } from './licence-issue.js';
import { parseTerms, type RecordingScope } from './model.js';
import type { DistributionRules, PayableEntry } from './distribution.js';
import { runDistribution, type DistributionResult } from './distribution-run.js';
import { submitUsageReport, type UsageSubmission } from './usage-submit.js';
import { parseOffer, type Offer } from './offer.js';
import type { Account, AccountRole, LicenceRequest, Organisation } from './parties.js';
import type { LicensingStore, StoredLicence, StoredUsageLine, UsageReport } from './store.js';
import { parseTariff, type Tariff } from './tariffs.js';
import { ROLES, transition, type Action, type Actor, type RequestState, type TransitionEvent } from './workflow.js';

export type { DistributionResult, Phase } from './distribution-run.js';

export interface LicensingDeps {
  store: LicensingStore;
  /** Signs licence agreements (the log's key); undefined while no key exists. */
  signer: () => DeclarationSigner | undefined;
  /** The collective, as the agreements name it. */
  assigner: { uid: string; name: string };
  now?: () => Date;
  /** Recordings of the registry by canonical ISRC, as licences see them (usage reports); absent ISRCs are absent. */
  recordings?: (isrcs: readonly string[]) => Promise<Map<string, RecordingScope & { id: string }>>;
  /** Line-ups as distribution pays them (members paid, others held), for many recordings at once. */
  payableLineups?: (recordingIds: readonly string[]) => Promise<Map<string, PayableEntry[]>>;
}

export type { UsageSubmission } from './usage-submit.js';

/** Recordings looked up, or line-ups read, per call to the registry in bulk work. */
const LOOKUP_BATCH = 5000;


/** Who is calling, once authenticated. */
export interface Principal {
  account: Account;
  /** The actor of the workflow: licensees act as their organisation. */
  actor: Actor;
}

export interface IssuedKey {
  /** The whole key: shown once, never stored. */
  key: string;
  id: string;
  scopes: KeyScope[];
  expiresAt: string | null;
}

const notFound = (what: string, id: string) => new LicensingError('LICENSING_NOT_FOUND', `no ${what} ${id}`, { details: { [what]: id } });

export class LicensingService {
  private readonly store: LicensingStore;
  private readonly now: () => Date;

  constructor(private readonly deps: LicensingDeps) {
    this.store = deps.store;
    this.now = deps.now ?? (() => new Date());
  }

  private at(): string {
    return this.now().toISOString();
  }

  async createOrganisation(name: string): Promise<Organisation> {
    const n = name.trim();
    if (n === '' || n.length > 200) throw new LicensingError('LICENSING_BAD_USAGE', 'an organisation needs a name of 1 to 200 characters', { details: { field: 'name' } });
    const o = { id: randomUUID(), name: n, createdAt: this.at() };
    await this.store.insertOrganisation(o);
    return o;
  }

  async createAccount(input: { name: string; email?: string | null; role: AccountRole; organisationId?: string | null; performerId?: string | null }): Promise<Account> {
    if (!(ROLES as readonly string[]).includes(input.role) || input.role === ('system' as string)) {
      throw new LicensingError('LICENSING_BAD_USAGE', `not a role: ${String(input.role)}`, { details: { field: 'role' } });
    }
    const organisationId = input.organisationId ?? null;
    if ((input.role === 'licensee') !== (organisationId !== null)) {
      throw new LicensingError('LICENSING_BAD_USAGE', 'a licensee account belongs to an organisation, and only a licensee account does', { details: { field: 'organisationId' } });
    }
    if (organisationId !== null && (await this.store.getOrganisation(organisationId)) === null) throw notFound('organisation', organisationId);
    const performerId = input.performerId ?? null;
    if ((input.role === 'performer') !== (performerId !== null)) {
      throw new LicensingError('LICENSING_BAD_USAGE', 'a performer account names its performer, and only a performer account does', { details: { field: 'performerId' } });
    }
    const a: Account = { id: randomUUID(), name: input.name.trim(), email: input.email ?? null, role: input.role, organisationId, performerId, createdAt: this.at(), disabledAt: null };
    await this.store.insertAccount(a);
    return a;
  }

  async issueKey(accountId: string, scopes: readonly string[] = KEY_SCOPES, expiresAt: string | null = null): Promise<IssuedKey> {
    if ((await this.store.getAccount(accountId)) === null) throw notFound('account', accountId);
    const bad = scopes.filter((s) => !(KEY_SCOPES as readonly string[]).includes(s));
    if (bad.length > 0 || scopes.length === 0) throw new LicensingError('LICENSING_BAD_USAGE', `scopes must be among ${KEY_SCOPES.join(', ')}; got ${scopes.join(', ') || 'none'}`, { details: { field: 'scopes' } });
    const k = newKey();
    const row: StoredKey = { id: k.id, account: accountId, secretHash: k.secretHash, scopes: [...scopes] as KeyScope[], createdAt: this.at(), expiresAt, revokedAt: null };
    await this.store.insertKey(row);
    return { key: k.key, id: k.id, scopes: [...row.scopes], expiresAt };
  }

  /** Revokes a key; `by`, when given, must be an administrator or the key's own account (others: not found). */
  async revokeKey(id: string, by?: Principal): Promise<void> {
    if (by !== undefined && by.account.role !== 'administrator') {
      const k = await this.store.getKey(id);
      if (k === null || k.account !== by.account.id) throw notFound('key', id);
    }
    if (!(await this.store.revokeKey(id, this.at()))) throw notFound('key', id);
  }

  /**
   * The account a key opens now for `scope` (or any of several), or LICENSING_UNAUTHENTICATED (the reason
   * is in the details, for the log, not in the message).
   */
  async authenticate(presented: string, scope: KeyScope | readonly KeyScope[]): Promise<Principal> {
    const parts = splitKey(presented);
    const stored = parts === null ? null : await this.store.getKey(parts.id);
    const scopes = typeof scope === 'string' ? [scope] : scope;
    const at = this.at();
    const checks = scopes.map((s) => checkKey(presented, stored, s, at));
    const check = checks.find((c) => c.ok) ?? checks[0] ?? { ok: false as const, reason: 'out-of-scope' as const };
    const account = check.ok && stored !== null ? await this.store.getAccount(stored.account) : null;
    if (!check.ok || account === null || account.disabledAt !== null) {
      throw new LicensingError('LICENSING_UNAUTHENTICATED', 'missing, unknown, expired or revoked API key, or not valid for this', {
        details: { reason: check.ok ? 'account-disabled' : check.reason },
      });
    }
    return { account, actor: actorOf(account) };
  }

  /** The principal of an account acting directly (the CLI's `--as`), without a key. */
  async principalOf(accountId: string): Promise<Principal> {
    const account = await this.store.getAccount(accountId);
    if (account === null) throw notFound('account', accountId);
    if (account.disabledAt !== null) throw new LicensingError('LICENSING_UNAUTHENTICATED', `account ${accountId} is disabled`);
    return { account, actor: actorOf(account) };
  }

  async putTariff(value: unknown, source: string): Promise<{ tariff: Tariff; outcome: 'inserted' | 'unchanged' }> {
    const tariff = parseTariff(value, source);
    const outcome = await this.store.putTariff(tariff, this.at());
    if (outcome === 'conflict') {
      throw new LicensingError('LICENSING_CONFLICT', `tariff ${tariff.id} version ${tariff.version} exists with other terms: publish a new version`, { details: { id: tariff.id, version: tariff.version } });
    }
    return { tariff, outcome };
  }

  async tariff(id: string, version: number): Promise<Tariff> {
    return (await this.store.getTariff(id, version)) ?? notFoundThrow(`tariff ${id} version`, String(version));
  }

  /** A licensee asks for a licence; the request and its log entry are written together. */
  async submitRequest(actor: Actor, terms: unknown): Promise<LicenceRequest> {
    if (actor.role !== 'licensee') throw new LicensingError('LICENSING_FORBIDDEN', 'only a licensee submits licence requests');
    const t = parseTerms(terms, 'licence request');
    const at = this.at();
    const r: LicenceRequest = { id: randomUUID(), organisationId: actor.id, terms: t, state: 'submitted', offer: null, createdAt: at, updatedAt: at };
    await this.store.transaction(async (s) => {
      await s.insertRequest(r);
      await s.appendLog([requestEntry(r, actor)]);
    });
    return r;
  }

  /** A request as `actor` may see it: staff see all; a licensee only its own (others are "not found"). */
  async request(id: string, actor: Actor): Promise<{ request: LicenceRequest; events: TransitionEvent[]; licence: StoredLicence | null }> {
    const r = await this.store.getRequest(id);
    if (r === null || !canSee(actor, r.organisationId)) throw notFound('licence request', id);
    return { request: r, events: await this.store.events(id), licence: await this.store.licenceOfRequest(id) };
  }

  async requests(actor: Actor, state?: RequestState): Promise<LicenceRequest[]> {
    if (actor.role === 'licensee') return this.store.listRequests({ organisationId: actor.id, ...(state === undefined ? {} : { state }) });
    if (!isStaff(actor)) throw new LicensingError('LICENSING_FORBIDDEN', `a ${actor.role} may not list licence requests`);
    return this.store.listRequests(state === undefined ? {} : { state });
  }

  /**
   * Moves a request (workflow.ts decides whether the actor may). `offer` is required to offer; activating
   * issues the licence with its signed agreement; terminating ends it from now. The move, its event,
   * what it creates and its log entries commit together or not at all.
   */
  async act(id: string, action: Action, actor: Actor, options: { note?: string | null; offer?: unknown } = {}): Promise<{ request: LicenceRequest; licence: StoredLicence | null }> {
    const offer: Offer | null = action === 'offer' ? parseOffer(options.offer, 'offer') : null;
    if (offer !== null) await this.tariff(offer.tariff.id, offer.tariff.version);
    const note = options.note ?? null;
    return this.store.transaction(async (s) => {
      const r = await s.getRequest(id);
      // A licensee learns nothing of others' requests.
      if (r === null || !canSee(actor, r.organisationId)) throw notFound('licence request', id);
      const at = this.at();
      const e = transition({ id, state: r.state, licensee: r.organisationId }, action, actor, at, note);
      if (!(await s.moveRequest(id, e.from, e.to, offer, at))) {
        throw new LicensingError('LICENSING_BAD_TRANSITION', `licence request ${id} was moved by someone else meanwhile`, { details: { request: id } });
      }
      const seq = (await s.events(id)).length + 1;
      await s.insertEvent(e, seq);
      const entries = [transitionEntry(e, offer)];
      let licence: StoredLicence | null = await s.licenceOfRequest(id);
      if (action === 'activate') {
        licence = await issueLicence(s, r, at, this.deps);
        entries.push(issuedEntry(licence));
      } else if (action === 'terminate' && licence !== null) {
        await s.terminateLicence(licence.id, at);
        entries.push(terminatedEntry(licence, at));
        licence = { ...licence, terminatedAt: at };
      }
      await s.appendLog(entries);
      return { request: { ...r, state: e.to, offer: offer ?? r.offer, updatedAt: at }, licence };
    });
  }

  /** A licensee reports what it used under a licence for a period (usage-submit.ts says how it is taken). */
  async submitUsage(actor: Actor, u: UsageSubmission): Promise<{ report: UsageReport; lines: StoredUsageLine[] }> {
    const licence = await this.licence(u.licence, actor);
    if (actor.role !== 'licensee') throw new LicensingError('LICENSING_FORBIDDEN', 'usage is reported by the licensee');
    const tariff = await this.tariff(licence.tariff.id, licence.tariff.version);
    return submitUsageReport({ store: this.store, recordingScopes: (isrcs) => this.recordingScopes(isrcs), at: () => this.at() }, licence, tariff, u);
  }

  /**
   * Distributes what the usage reports of a period collected: each recording's amount over its line-up
   * (distribution.ts), members paid, the rest held in suspense with the reason. Idempotent: the same period,
   * rules and reports give back the run made before, unchanged; reports already distributed are never
   * counted twice, and a report that arrives later is distributed by the next run. The run, its shares,
   * its suspense and its log entry commit together.
   */
  async distribute(actor: Actor, input: { from: string; to: string; rules: DistributionRules }): Promise<DistributionResult> {
    const payableLineups = this.deps.payableLineups;
    if (payableLineups === undefined) throw new Error('LicensingService needs the registry line-ups to distribute');
    return runDistribution({ store: this.store, payableLineups, at: () => this.at() }, actor, input);
  }

  /** What licences are judged on (medium, year, label, line-up) for recordings by canonical ISRC; absent ISRCs are absent. */
  async recordingScopes(isrcs: readonly string[]): Promise<Map<string, RecordingScope & { id: string }>> {
    const lookup = this.deps.recordings;
    if (lookup === undefined) throw new Error('LicensingService needs the registry\'s recordings (deps.recordings) to judge licences');
    const out = new Map<string, RecordingScope & { id: string }>();
    for (let i = 0; i < isrcs.length; i += LOOKUP_BATCH) for (const [k, v] of await lookup(isrcs.slice(i, i + LOOKUP_BATCH))) out.set(k, v);
    return out;
  }

  /** The licences of an organisation (every state: callers decide with `licenceCovers`). */
  licencesOf(organisationId: string): Promise<StoredLicence[]> {
    return this.store.licencesOf(organisationId);
  }

  async licence(id: string, actor: Actor): Promise<StoredLicence> {
    const l = await this.store.getLicence(id);
    if (l === null || !canSee(actor, l.licensee)) throw notFound('licence', id);
    return l;
  }

  /** Expires the active requests whose licence term has ended by now (the system's move); returns their ids. */
  async expireDue(): Promise<string[]> {
    const now = this.at();
    const done: string[] = [];
    for (const r of await this.store.listRequests({ state: 'active' })) {
      const l = await this.store.licenceOfRequest(r.id);
      if (l !== null && l.terms.to <= now) {
        await this.act(r.id, 'expire', { role: 'system', id: 'system' });
        done.push(r.id);
      }
    }
    return done;
  }
}

function notFoundThrow(what: string, id: string): never {
  throw notFound(what, id);
}

function isStaff(a: Actor): boolean {
  return a.role === 'administrator' || a.role === 'licensing-officer' || a.role === 'auditor' || a.role === 'rights-manager';
}

function canSee(actor: Actor, organisationId: string): boolean {
  if (actor.role === 'licensee') return actor.id === organisationId;
  return isStaff(actor) || actor.role === 'system';
}

/** The workflow actor of an account: a licensee acts as its organisation. */
export function actorOf(a: Account): Actor {
  return a.role === 'licensee' ? { role: 'licensee', id: a.organisationId as string } : { role: a.role, id: a.id };
}
