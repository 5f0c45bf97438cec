/**
 * Real readers for the published artefacts, shared by unit, property and integration tests: each
 * turns one artefact back into "what does it say is reserved", through a third-party parser where
 * one exists (robots-parser, structured-headers, fast-xml-parser).
 */
import { XMLParser } from 'fast-xml-parser';
import robotsParserCjs from 'robots-parser';
import { parseDictionary, Token } from 'structured-headers';

export interface Said {
  trainAi: boolean;
  aiInput: boolean;
  search: boolean;
}

/** What an AIPREF Content-Usage value disallows (RFC 9651 Dictionary, Token `n`). */
export function readContentUsage(value: string | undefined): Pick<Said, 'trainAi' | 'search'> {
  if (value === undefined) return { trainAi: false, search: false };
  const d = parseDictionary(value);
  const no = (k: string): boolean => {
    const m = d.get(k);
    return m !== undefined && !Array.isArray(m[0]) && m[0] instanceof Token && m[0].toString() === 'n';
  };
  return { trainAi: no('train-ai'), search: no('search') };
}

/** What a Content-Signal value restricts (comma-separated `key=yes|no`). */
export function readContentSignal(value: string | undefined): Said {
  const m = new Map<string, string>();
  for (const part of (value ?? '').split(',')) {
    const [k, v] = part.split('=').map((s) => s.trim().toLowerCase());
    if (k && v) m.set(k, v);
  }
  return { trainAi: m.get('ai-train') === 'no', aiInput: m.get('ai-input') === 'no', search: m.get('search') === 'no' };
}

/** Lines `Name: value` of robots.txt inside the `*` group (the records robots-parser does not expose). */
export function starGroupRecords(robots: string, name: string): string[] {
  const out: string[] = [];
  let inStar = false;
  let lastWasAgent = false;
  for (const raw of robots.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const i = line.indexOf(':');
    if (i < 0) continue;
    const key = line.slice(0, i).trim().toLowerCase();
    const value = line.slice(i + 1).trim();
    if (key === 'user-agent') {
      inStar = lastWasAgent ? inStar || value === '*' : value === '*';
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (inStar && key === name.toLowerCase()) out.push(value);
  }
  return out;
}

export interface RobotsReader {
  isAllowed(url: string, ua?: string): boolean | undefined;
  isDisallowed(url: string, ua?: string): boolean | undefined;
}
// robots-parser is CommonJS (`module.exports = function`), but its typings declare an ES default export:
// under NodeNext the default import is the function itself.
const robotsParser = robotsParserCjs as unknown as (url: string, text: string) => RobotsReader;

/** robots.txt (or ai.txt) read by the `robots-parser` package. */
export function robots(url: string, text: string): RobotsReader {
  return robotsParser(url, text);
}

/** What an RSL document's free licence (the one without payment) prohibits. */
export function readRsl(xml: string | undefined): Said & { payment: boolean; namespace: string | null } {
  if (xml === undefined) return { trainAi: false, aiInput: false, search: false, payment: false, namespace: null };
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => n === 'license' || n === 'content' });
  const doc = parser.parse(xml) as { rsl: { '@xmlns': string; content: { license: Record<string, unknown>[] }[] } };
  const content = doc.rsl.content[0];
  const free = content?.license.find((l) => l.payment === undefined);
  const prohibits = free?.prohibits as { '#text': string; '@type': string } | undefined;
  const tokens = new Set((prohibits?.['#text'] ?? '').split(/\s+/));
  return {
    trainAi: tokens.has('ai-train'),
    aiInput: tokens.has('ai-input'),
    search: tokens.has('search'),
    payment: content?.license.some((l) => l.payment !== undefined) ?? false,
    namespace: doc.rsl['@xmlns'],
  };
}
