/** The licensing desk on SQLite and (with TEST_DATABASE_URL) PostgreSQL: the same cases on both. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAgreement } from '../../src/licensing/agreement.js';
import { splitKey } from '../../src/licensing/api-keys.js';
import { LicensingService, type Principal } from '../../src/licensing/service.js';
import { DIALECTS } from '../support/db.js';
import { ledgerContext, type LedgerTestContext } from '../support/ledger.js';
import { OFFER, TARIFF, TERMS } from '../support/licensing.js';
import { entryHead } from '../../src/ledger/entry-codec.js';

for (const dialect of DIALECTS) {
  describe.skipIf(!dialect.enabled)(`licensing desk on ${dialect.name}`, () => {
    let t: LedgerTestContext;
    let svc: LicensingService;
    let officer: Principal;
    let licensee: Principal;
    let other: Principal;
    let licenseeKey: string;

    const logTypes = async (from: number) => (await t.ctx.stores.ledger.entries(from, await t.ctx.stores.ledger.size())).map((e) => entryHead(e.body).type);

    beforeAll(async () => {
      t = await ledgerContext(dialect.make);
      svc = t.ctx.services.licensing;
      const org = await svc.createOrganisation('Acme AI');
      const org2 = await svc.createOrganisation('Other Labs');
      const staff = await svc.createAccount({ name: 'Léa Officer', email: 'lea@cmo.example', role: 'licensing-officer' });
      const dev = await svc.createAccount({ name: 'Dev', role: 'licensee', organisationId: org.id });
      const dev2 = await svc.createAccount({ name: 'Dev2', role: 'licensee', organisationId: org2.id });
      licenseeKey = (await svc.issueKey(dev.id, ['lookup', 'licences:request'])).key;
      officer = await svc.authenticate((await svc.issueKey(staff.id, ['licences:read'])).key, 'licences:read');
      licensee = await svc.authenticate(licenseeKey, 'licences:request');
      other = await svc.authenticate((await svc.issueKey(dev2.id, ['licences:request'])).key, 'licences:request');
      await svc.putTariff(TARIFF, 'test');
    });
    afterAll(async () => t?.dispose());

    it('authenticates keys by scope and refuses revoked ones', async () => {
      expect(licensee.actor).toEqual({ role: 'licensee', id: licensee.account.organisationId });
      await expect(svc.authenticate(licenseeKey, 'usage:report')).rejects.toMatchObject({ code: 'LICENSING_UNAUTHENTICATED', details: { reason: 'out-of-scope' } });
      await expect(svc.authenticate(`${licenseeKey.slice(0, -1)}x`, 'lookup')).rejects.toMatchObject({ details: { reason: 'wrong-secret' } });
      const k = await svc.issueKey(licensee.account.id, ['lookup']);
      await svc.authenticate(k.key, 'lookup');
      await svc.revokeKey(k.id);
      await expect(svc.authenticate(k.key, 'lookup')).rejects.toMatchObject({ details: { reason: 'revoked' } });
    });

    it('keeps tariff versions immutable', async () => {
      expect((await svc.putTariff(TARIFF, 'again')).outcome).toBe('unchanged');
      await expect(svc.putTariff({ ...TARIFF, name: 'Changed' }, 'edit')).rejects.toMatchObject({ code: 'LICENSING_CONFLICT' });
      expect((await svc.putTariff({ ...TARIFF, version: 2, name: 'Changed' }, 'v2')).outcome).toBe('inserted');
      expect((await svc.tariff('genai-2026', 1)).name).toBe(TARIFF.name);
    });

    it('takes a request to an active, signed licence, logging every move with who and when', async () => {
      const size0 = await t.ctx.stores.ledger.size();
      const r = await svc.submitRequest(licensee.actor, TERMS);
      expect(r.state).toBe('submitted');
      await svc.act(r.id, 'review', officer.actor);
      await svc.act(r.id, 'offer', officer.actor, { offer: OFFER, note: 'FR and DE only' });
      await svc.act(r.id, 'accept', licensee.actor);
      const { request, licence } = await svc.act(r.id, 'activate', officer.actor);
      expect(request.state).toBe('active');
      expect(licence).not.toBeNull();
      expect(licence!.terms.territories).toEqual(['FR', 'DE']);
      expect(licence!.tariff).toEqual({ id: 'genai-2026', version: 1 });

      const seen = await svc.request(r.id, licensee.actor);
      expect(seen.events.map((e) => [e.action, e.from, e.to, e.by.role])).toEqual([
        ['review', 'submitted', 'under-review', 'licensing-officer'],
        ['offer', 'under-review', 'offered', 'licensing-officer'],
        ['accept', 'offered', 'accepted', 'licensee'],
        ['activate', 'accepted', 'active', 'licensing-officer'],
      ]);
      expect(seen.events[1]!.note).toBe('FR and DE only');
      expect(await logTypes(size0)).toEqual(['licence.requested', 'licence.transition', 'licence.transition', 'licence.transition', 'licence.transition', 'licence.issued']);

      // The agreement verifies offline with the published log key, and not once altered.
      const check = verifyAgreement(licence!.signature, t.verifierKey);
      expect(check).toMatchObject({ ok: true });
      if (check.ok) expect(check.agreement).toMatchObject({ '@type': 'Agreement', 'tdmr:licence': licence!.id, assignee: { 'vcard:fn': 'Acme AI' } });
      const [h, p, s] = licence!.signature.split('.');
      const forged = Buffer.from(Buffer.from(p!, 'base64url').toString('utf8').replace('"FR"', '"US"')).toString('base64url');
      expect(verifyAgreement(`${h}.${forged}.${s}`, t.verifierKey)).toMatchObject({ ok: false, reason: 'the signature does not verify' });
      expect(JSON.parse(licence!.document)).toEqual(check.ok ? check.agreement : null);

      // Terminated from now: the licence row and the log say so.
      const size1 = await t.ctx.stores.ledger.size();
      const ended = await svc.act(r.id, 'terminate', officer.actor, { note: 'breach' });
      expect(ended.licence?.terminatedAt).not.toBeNull();
      expect((await svc.licence(licence!.id, officer.actor)).terminatedAt).toBe(ended.licence!.terminatedAt);
      expect(await logTypes(size1)).toEqual(['licence.transition', 'licence.terminated']);
      // The log with licensing entries in it still audits clean.
      await t.ctx.services.ledger.checkpoint();
      expect((await t.ctx.services.ledger.audit()).ok).toBe(true);
    });

    it('refuses moves out of order or by the wrong party, writing nothing', async () => {
      const r = await svc.submitRequest(licensee.actor, TERMS);
      const size = await t.ctx.stores.ledger.size();
      await expect(svc.act(r.id, 'accept', licensee.actor)).rejects.toMatchObject({ code: 'LICENSING_BAD_TRANSITION' });
      await expect(svc.act(r.id, 'review', licensee.actor)).rejects.toMatchObject({ code: 'LICENSING_FORBIDDEN' });
      await svc.act(r.id, 'review', officer.actor);
      await expect(svc.act(r.id, 'offer', officer.actor, { offer: { ...OFFER, tariff: { id: 'genai-2026', version: 9 } } })).rejects.toMatchObject({ code: 'LICENSING_NOT_FOUND' });
      await expect(svc.act(r.id, 'offer', officer.actor, { offer: { terms: { ...TERMS, uses: [] }, tariff: OFFER.tariff } })).rejects.toMatchObject({ code: 'LICENSING_BAD_USAGE', message: /terms\.uses/ });
      expect((await svc.request(r.id, officer.actor)).request.state).toBe('under-review');
      expect(await t.ctx.stores.ledger.size()).toBe(size + 1);
    });

    it('shows a licensee nothing of another licensee’s requests and licences', async () => {
      const r = await svc.submitRequest(licensee.actor, TERMS);
      await expect(svc.request(r.id, other.actor)).rejects.toMatchObject({ code: 'LICENSING_NOT_FOUND' });
      await expect(svc.act(r.id, 'decline', other.actor)).rejects.toMatchObject({ code: 'LICENSING_NOT_FOUND' });
      const mine = await svc.requests(other.actor);
      expect(mine.every((x) => x.organisationId === other.actor.id)).toBe(true);
      expect((await svc.requests(licensee.actor)).some((x) => x.id === r.id)).toBe(true);
      const licences = await svc.licencesOf(licensee.actor.id);
      expect(licences.length).toBeGreaterThan(0);
      await expect(svc.licence(licences[0]!.id, other.actor)).rejects.toMatchObject({ code: 'LICENSING_NOT_FOUND' });
    });

    it('rolls the move back when the licence cannot be issued (no change without its entry)', async () => {
      const failing = new LicensingService({
        store: t.ctx.stores.licensing,
        signer: () => ({
          sign: () => {
            throw new Error('signing device unplugged');
          },
        }),
        assigner: { uid: 'https://cmo.example', name: 'CMO' },
      });
      const r = await svc.submitRequest(licensee.actor, TERMS);
      await svc.act(r.id, 'review', officer.actor);
      await svc.act(r.id, 'offer', officer.actor, { offer: OFFER });
      await svc.act(r.id, 'accept', licensee.actor);
      const size = await t.ctx.stores.ledger.size();
      await expect(failing.act(r.id, 'activate', officer.actor)).rejects.toThrow(/unplugged/);
      const after = await svc.request(r.id, officer.actor);
      expect(after.request.state).toBe('accepted');
      expect(after.events).toHaveLength(3);
      expect(after.licence).toBeNull();
      expect(await t.ctx.stores.ledger.size()).toBe(size);
    });

    it('expires licences whose term has ended, as the system', async () => {
      const r = await svc.submitRequest(licensee.actor, { ...TERMS, from: '2020-01-01', to: '2021-01-01' });
      await svc.act(r.id, 'review', officer.actor);
      await svc.act(r.id, 'offer', officer.actor, { offer: { terms: { ...TERMS, from: '2020-01-01', to: '2021-01-01' }, tariff: OFFER.tariff } });
      await svc.act(r.id, 'accept', licensee.actor);
      await svc.act(r.id, 'activate', officer.actor);
      expect(await svc.expireDue()).toContain(r.id);
      const done = await svc.request(r.id, officer.actor);
      expect(done.request.state).toBe('expired');
      expect(done.events.at(-1)?.by).toEqual({ role: 'system', id: 'system' });
    });

    it('publishes nothing of a key: only the hash is stored', async () => {
      const k = await svc.issueKey(licensee.account.id, ['lookup']);
      const row = await t.ctx.stores.licensing.getKey(k.id);
      expect(row?.secretHash).toMatch(/^[0-9a-f]{64}$/);
      // The secret is base64url, so it may hold '_' itself: split as the service does.
      const secret = splitKey(k.key)!.secret;
      expect(secret).toHaveLength(43);
      expect(JSON.stringify(row)).not.toContain(secret);
      if (dialect.name === 'SQLite') expect(readFileSync(t.db.url.replace(/^sqlite:/, '')).includes(secret)).toBe(false);
    });
  });
}
