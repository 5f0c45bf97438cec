/** `jsonld` with a document loader that serves only the local contexts in test/fixtures/jsonld (no network). */
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';

const CONTEXTS: Record<string, string> = {
  'http://www.w3.org/ns/odrl.jsonld': 'odrl.jsonld',
  'http://www.w3.org/ns/tdmrep.jsonld': 'tdmrep.jsonld',
};

// eslint-disable-next-line @typescript-eslint/require-await -- jsonld wants a promise-returning loader
const documentLoader = async (url: string) => {
  const file = CONTEXTS[url];
  if (file === undefined) throw new Error(`offline: no local copy of ${url}`);
  const document: unknown = JSON.parse(readFileSync(new URL(`../fixtures/jsonld/${file}`, import.meta.url), 'utf8'));
  return { contextUrl: null, documentUrl: url, document };
};

/** Expanded form of a JSON-LD document. */
export async function expand(doc: unknown): Promise<Record<string, unknown>[]> {
  return (await jsonld.expand(doc as Parameters<typeof jsonld.expand>[0], { documentLoader: documentLoader as never }));
}
