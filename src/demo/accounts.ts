/**
 * Demo accounts and licensing activity, so that a newcomer can log in with each role and find something
 * on every page: one account per role (password DEMO_PASSWORD, README), a licensee organisation, two
 * tariffs, one licence taken through the whole workflow and issued, two usage reports, a distribution
 * run, and one request left waiting in the queue. Everything goes through the services, as a user's
 * actions would. Runs once: a registry whose demo administrator exists is left alone.
 */
import type { AccountsService } from '../accounts/service.js';
import type { LicensingService } from '../licensing/service.js';
import type { AccountRole } from '../licensing/parties.js';
import type { RegistryService } from '../registry/service.js';
import type { RegistryViews } from '../registry/views.js';
import { DemoError } from './errors.js';

/** The password of every demo account (documented in the README; change it on any shared host). */
export const DEMO_PASSWORD = 'tdm-reserve-demo';

export const DEMO_ACCOUNTS: readonly { role: AccountRole; email: string; name: string }[] = [
  { role: 'administrator', email: 'admin@demo.tdm-reserve.test', name: 'Alice Admin' },
  { role: 'rights-manager', email: 'rights@demo.tdm-reserve.test', name: 'Romain Droits' },
  { role: 'licensing-officer', email: 'officer@demo.tdm-reserve.test', name: 'Lina Licences' },
  { role: 'auditor', email: 'auditor@demo.tdm-reserve.test', name: 'Aurélie Audit' },
  { role: 'licensee', email: 'developer@demo.tdm-reserve.test', name: 'Dev Lab' },
  { role: 'performer', email: 'performer@demo.tdm-reserve.test', name: '' },
];

export interface DemoAccountsDeps {
  registry: RegistryService;
  licensing: LicensingService;
  accounts: AccountsService;
  registryViews: RegistryViews;
}

export interface DemoAccountsResult {
  created: boolean;
  accounts: { role: AccountRole; email: string; id: string }[];
}

const TARIFFS = [
  {
    id: 'demo-per-use',
    version: 1,
    name: 'AI training, per recording and use',
    currency: 'EUR',
    uses: ['ai-training', 'genai-training'],
    validFrom: '2025-01-01T00:00:00.000Z',
    model: { kind: 'per-recording-use', centsPerRecordingPerUse: 250 },
  },
  {
    id: 'demo-revenue',
    version: 1,
    name: 'AI services, revenue share',
    currency: 'EUR',
    uses: ['ai-inference'],
    validFrom: '2025-01-01T00:00:00.000Z',
    model: { kind: 'revenue-share', basisPoints: 300, minimumCents: 100_000 },
  },
];

export async function seedDemoAccounts(d: DemoAccountsDeps): Promise<DemoAccountsResult> {
  const first = DEMO_ACCOUNTS[0] as (typeof DEMO_ACCOUNTS)[number];
  try {
    const id = await d.accounts.accountId(first.email);
    return { created: false, accounts: [{ role: first.role, email: first.email, id }] };
  } catch {
    // Not there yet: create everything below.
  }
  // A member with recordings, to be the demo performer.
  let performer: { id: string; name: string } | null = null;
  let cursor: string | null = null;
  const others: string[] = [];
  for (let i = 0; i < 20 && (performer === null || others.length < 6); i++) {
    const page = await d.registryViews.performersPage({ membersOnly: true, cursor, limit: 20 });
    for (const p of page.performers) {
      const recs = await d.registry.recordingsOfPerformer(p.id, { limit: 6, offset: 0 });
      if (recs.length === 0) continue;
      if (performer === null) performer = { id: p.id, name: p.displayName };
      else others.push(...recs.flatMap((r) => (r.isrc === null ? [] : [r.isrc])).slice(0, 2));
    }
    if (page.next === null) break;
    cursor = page.next;
  }
  if (performer === null)
    throw new DemoError(
      'DEMO_OUTPUT_FAILED',
      'the registry has no member with recordings: seed the demo registry first',
    );
  const org = await d.licensing.createOrganisation('Demo AI Lab');
  const accounts: DemoAccountsResult['accounts'] = [];
  for (const a of DEMO_ACCOUNTS) {
    const acc = await d.licensing.createAccount({
      name: a.role === 'performer' ? performer.name : a.name,
      email: a.email,
      role: a.role,
      organisationId: a.role === 'licensee' ? org.id : null,
      performerId: a.role === 'performer' ? performer.id : null,
    });
    await d.accounts.setPassword(acc.id, DEMO_PASSWORD);
    accounts.push({ role: a.role, email: a.email, id: acc.id });
  }
  const idOf = (role: AccountRole) => accounts.find((a) => a.role === role)?.id as string;
  const officer = (await d.licensing.principalOf(idOf('licensing-officer'))).actor;
  const licensee = (await d.licensing.principalOf(idOf('licensee'))).actor;
  for (const t of TARIFFS) await d.licensing.putTariff(t, 'demo tariffs');

  const terms = {
    uses: ['ai-training', 'genai-training'],
    repertoire: { kind: 'all' },
    territories: ['WORLD'],
    from: '2026-01-01',
    to: '2028-01-01',
    product: 'Demo music model v1',
    expectedVolume: '50,000 recordings',
  };
  const r = await d.licensing.submitRequest(licensee, terms);
  await d.licensing.act(r.id, 'review', officer);
  await d.licensing.act(r.id, 'offer', officer, {
    offer: {
      terms: (await d.licensing.request(r.id, officer)).request.terms,
      tariff: { id: 'demo-per-use', version: 1 },
    },
    note: 'Standard terms.',
  });
  await d.licensing.act(r.id, 'accept', licensee);
  const { licence } = await d.licensing.act(r.id, 'activate', officer);
  if (licence === null) throw new DemoError('DEMO_OUTPUT_FAILED', 'the demo licence was not issued');

  const mine = (await d.registry.recordingsOfPerformer(performer.id, { limit: 5, offset: 0 })).flatMap((x) =>
    x.isrc === null ? [] : [x.isrc],
  );
  const periods = [
    ['2026-01-01', '2026-04-01'],
    ['2026-04-01', '2026-07-01'],
  ] as const;
  for (const [i, [from, to]] of periods.entries()) {
    const isrcs = [...mine, ...others].slice(0, 4 + i * 3);
    const records = isrcs.map((isrc, n) => ({
      line: n + 2,
      cells: { isrc, uses: 'ai-training;genai-training', units: String(1 + n), seconds: '0' },
    }));
    await d.licensing.submitUsage(licensee, {
      licence: licence.id,
      from,
      to,
      records,
      source: `demo-usage-${from}.csv`,
    });
  }
  await d.licensing.distribute(officer, {
    from: '2026-01-01',
    to: '2026-07-01',
    rules: { featured: 65, nonFeatured: 35 },
  });

  // One request waiting for the officer.
  await d.licensing.submitRequest(licensee, {
    ...terms,
    uses: ['ai-inference'],
    product: 'Demo voice assistant',
    from: '2026-06-01',
    to: '2027-06-01',
  });
  return { created: true, accounts };
}
