/**
 * TDMRep policy documents (ODRL 2.2 `Offer`, profile `http://www.w3.org/ns/tdmrep`, JSON-LD) summarised for
 * people and callers: who to ask, for what, on which duties. Read leniently (both the 2024 `@context` URL and
 * the older inline `{"tdm": …}` form, `tdm:` or full-IRI actions); what does not fit the profile is listed
 * in `problems` rather than rejected, since a policy never changes the reservation itself.
 */
export interface TdmPolicySummary {
  uid: string | null;
  assigner: { uid: string | null; name: string | null; email: string | null; url: string | null } | null;
  permissions: { target: string | null; action: string; duties: string[]; purposes: string[] }[];
  problems: string[];
}

const TDM = 'http://www.w3.org/ns/tdmrep#';

export function summariseTdmPolicy(doc: unknown): TdmPolicySummary {
  const problems: string[] = [];
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { uid: null, assigner: null, permissions: [], problems: ['not a JSON object'] };
  const o = doc as Record<string, unknown>;
  if (str(o['@type']) !== 'Offer' && str(o.type) !== 'Offer') problems.push('@type is not "Offer"');
  if (str(o.profile) !== 'http://www.w3.org/ns/tdmrep') problems.push('profile is not http://www.w3.org/ns/tdmrep');
  const a = obj(o.assigner);
  const assigner = a === null ? null : { uid: str(a.uid), name: str(a['vcard:fn']), email: str(a['vcard:hasEmail'])?.replace(/^mailto:/, '') ?? null, url: str(a['vcard:hasURL']) };
  if (assigner === null) problems.push('no assigner');
  const permissions = (Array.isArray(o.permission) ? o.permission : o.permission === undefined ? [] : [o.permission]).flatMap((p: unknown) => {
    const q = obj(p);
    if (q === null) return [];
    const action = actionName(q.action);
    if (action !== 'tdm:mine') problems.push(`permission action ${JSON.stringify(q.action)} is not tdm:mine`);
    const duties = list(q.duty).map((d) => actionName(obj(d)?.action) ?? '?');
    const purposes = list(q.constraint)
      .map(obj)
      .filter((c): c is Record<string, unknown> => c !== null && str(c.leftOperand) === 'purpose')
      .map((c) => actionName(c.rightOperand) ?? '?');
    return [{ target: str(q.target), action: action ?? '?', duties, purposes }];
  });
  if (permissions.length === 0) problems.push('no permission');
  return { uid: str(o.uid), assigner, permissions, problems };
}

function actionName(v: unknown): string | null {
  const s = str(v) ?? str(obj(v)?.['@id']) ?? str(obj(v)?.['rdf:value']);
  if (s === null) return null;
  return s.startsWith(TDM) ? `tdm:${s.slice(TDM.length)}` : s.replace(/^http:\/\/www\.w3\.org\/ns\/odrl\/2\//, '');
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}
function obj(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}
function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}
