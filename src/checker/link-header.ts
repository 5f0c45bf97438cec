/**
 * `Link` header values (RFC 8288) reduced to what the checker needs: target, `rel` tokens and `type`.
 * Hand-written because only these three parameters matter and a full parser would add a dependency for
 * twenty lines; quoted commas inside parameters are handled.
 */
export interface LinkValue {
  href: string;
  rel: string[];
  type: string | null;
}

export function readLinkHeader(value: string): LinkValue[] {
  const out: LinkValue[] = [];
  const re = /<([^<>]*)>((?:\s*;\s*[^;,=\s]+(?:\s*=\s*(?:"(?:[^"\\]|\\.)*"|[^;,\s]*))?)*)/g;
  for (const m of value.matchAll(re)) {
    const params = new Map<string, string>();
    for (const p of (m[2] ?? '').matchAll(/;\s*([^;,=\s]+)(?:\s*=\s*("(?:[^"\\]|\\.)*"|[^;,\s]*))?/g)) {
      const key = (p[1] ?? '').toLowerCase();
      const raw = p[2] ?? '';
      if (!params.has(key)) params.set(key, raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw);
    }
    out.push({ href: m[1] ?? '', rel: (params.get('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean), type: params.get('type')?.toLowerCase() ?? null });
  }
  return out;
}

export const RSL_MEDIA_TYPE = 'application/rsl+xml';
