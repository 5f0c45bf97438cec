/**
 * The log entry that makes a published declaration document provable: its URL, the SHA-256 of its
 * RFC 8785 canonical text (what the JWS signs) and the declarations it states in force. With the log's
 * inclusion proof, anyone holding the document can show what was published and when.
 */
import type { JsonValue } from '../ledger/canonical-json.js';
import type { LedgerEntry } from '../ledger/entries.js';
import { declarationDigest } from './declaration-sign.js';
import { urlOf, type PublicationSite, type Reservation } from './model.js';

export const PUBLICATION_ENTRY_TYPE = 'declaration.published';

export interface PublicationRecord {
  /** The digest again, as `id`: the entry's topic is then `declaration:<sha256>`, so a writer can ask the log whether this text is already there. */
  id: string;
  url: string;
  sha256: string;
  inForce: string[];
}

export function publicationEntry(doc: JsonValue, r: Reservation, site: PublicationSite, at: string): LedgerEntry {
  const sha256 = declarationDigest(doc);
  const data: PublicationRecord = { id: sha256, inForce: r.declarations.map((d) => d.id), sha256, url: urlOf(site, 'declarationJsonLd') };
  return { type: PUBLICATION_ENTRY_TYPE, at, data: data as unknown as JsonValue };
}

/** The log topic of the publication entries of a declaration text (see `entryTopic`). */
export const publicationTopic = (sha256: string): string => `declaration:${sha256}`;
