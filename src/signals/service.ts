/**
 * Keeps the current publication derived and ready, so that serving an artefact or adding the reservation
 * headers to a response costs a property read: `current()` is synchronous and never derives. `refresh()`
 * re-reads the declarations (one small query) and derives again; the service calls it on a timer and as
 * soon as a planned change (a declaration starting or being withdrawn) falls due.
 */
import type { JsonValue } from '../ledger/canonical-json.js';
import type { LedgerEntry } from '../ledger/entries.js';
import type { Declaration } from '../registry/model.js';
import type { CrawlerList } from './crawlers.js';
import type { DeclarationSigner } from './declaration-doc.js';
import { SignalsError } from './errors.js';
import type { PublicationSite } from './model.js';
import { publicationEntry, publicationTopic, type PublicationRecord } from './publication-entry.js';
import { derivePublication, type Publication } from './publication.js';

export interface PublicationDeps {
  declarations: () => Promise<Declaration[]>;
  site: PublicationSite;
  crawlers: CrawlerList;
  /** The declaration's signer, asked at each refresh (a key file may appear after start-up); none: unsigned. */
  signer?: () => DeclarationSigner | undefined;
  /**
   * Enters the declaration text served in the transparency log: called with its `declaration.published`
   * entry and that entry's topic whenever the text differs from the one recorded last; it appends the
   * entry unless the log already holds one on that topic (the same text, served before a restart).
   */
  record?: (entry: LedgerEntry, topic: string) => Promise<void>;
  now?: () => Date;
}

export class PublicationService {
  readonly #d: PublicationDeps;
  #current: Publication | null = null;
  /** The declaration text entered in the log last (its JSON-LD body). */
  #recorded: string | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(deps: PublicationDeps) {
    this.#d = deps;
  }

  get site(): PublicationSite {
    return this.#d.site;
  }

  /** The publication derived last; SIGNALS_NOT_PUBLISHED before the first `refresh()`. */
  current(): Publication {
    if (this.#current === null) throw new SignalsError('SIGNALS_NOT_PUBLISHED', 'the publication has not been derived yet');
    return this.#current;
  }

  /** Reads the declarations and derives every artefact again. */
  async refresh(): Promise<Publication> {
    const now = (this.#d.now ?? (() => new Date()))();
    const pub = derivePublication({
      declarations: await this.#d.declarations(),
      at: now.toISOString(),
      site: this.#d.site,
      crawlers: this.#d.crawlers,
      signer: this.#d.signer?.(),
    });
    this.#current = pub;
    const doc = pub.artefacts.declarationJsonLd;
    // Refreshes mostly derive the same text again: only a new one is parsed, hashed and offered to the log.
    if (this.#d.record !== undefined && doc !== undefined && doc.body !== this.#recorded) {
      const entry = publicationEntry(JSON.parse(doc.body) as JsonValue, pub.reservation, this.#d.site, now.toISOString());
      await this.#d.record(entry, publicationTopic((entry.data as unknown as PublicationRecord).sha256));
      this.#recorded = doc.body;
    }
    return pub;
  }

  /** Refreshes every `everyMs` (other processes may change the registry) until `stop()`. */
  start(everyMs: number, onError: (e: unknown) => void = () => undefined): void {
    this.stop();
    const tick = (): void => {
      this.refresh().then(
        () => undefined,
        (e: unknown) => onError(e),
      );
    };
    this.#timer = setInterval(tick, everyMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** True when a planned change has fallen due since the last derivation (the timer will pick it up). */
  stale(now: Date = new Date()): boolean {
    const next = this.#current?.nextChange ?? null;
    return next !== null && now.toISOString() >= next;
  }
}
