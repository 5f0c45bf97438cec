/** Every page of every role renders, in both languages; guards, CSRF, cookies and the login limit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/db.js';
import { buildApp } from '../../src/server/app.js';
import { openWeb, WebClient, type WebEnv } from '../support/web.js';

for (const d of DIALECTS) {
  describe.skipIf(!d.enabled)(`web pages on ${d.name}`, () => {
    let env: WebEnv;
    beforeAll(async () => {
      env = await openWeb(d.make, { web: { loginMax: 1000 } });
    });
    afterAll(async () => env?.close());

    it('serves the public portal in French by default and in English on request', async () => {
      const c = new WebClient(env.app);
      const fr = await c.get('/');
      expect(fr.statusCode).toBe(200);
      expect(fr.body).toContain('<html lang="fr">');
      const en = await c.get('/', { 'accept-language': 'en-GB,en;q=0.9' });
      expect(en.body).toContain('<html lang="en">');
      expect(en.body).toContain('Is a recording reserved');
      const json = await c.get('/', { accept: 'application/json' });
      expect(json.json()).toMatchObject({ name: 'TDM Reserve registry' });
    });

    it('sets security headers with a strict CSP on pages', async () => {
      const res = await new WebClient(env.app).get('/search?q=a');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBeDefined();
      // The API and the published artefacts keep their own headers: the pages' scope does not reach them.
      for (const url of ['/v1/search?q=a', '/robots.txt', '/healthz']) {
        const api = await new WebClient(env.app).get(url);
        expect(api.headers['content-security-policy'], url).toBeUndefined();
        expect(api.headers['set-cookie'], url).toBeUndefined();
      }
    });

    it('finds recordings with their reservation status and links to the proof', async () => {
      const c = new WebClient(env.app);
      const rec = (await env.ctx.services.registry.search('a', { limit: 50, offset: 0 })).find(
        (h) => h.type === 'recording' && h.identifier !== null,
      );
      expect(rec).toBeDefined();
      const res = await c.get(`/search?q=${encodeURIComponent(rec!.label)}&lang=en`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/badge-(reserved|free|unknown)/);
      const page = await c.get(`/recordings/${rec!.identifier}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`/v1/recordings/${rec!.identifier}/proof`);
      expect((await c.get('/recordings/FRZ039999999')).statusCode).toBe(404);
    });

    const PAGES: Record<string, string[]> = {
      performer: ['/performer', '/performer/mandates', '/performer/statements', '/performer/missing'],
      licensee: [
        '/developer',
        '/developer/requests/new',
        '/developer/keys',
        '/developer/usage',
        '/developer/manifests',
      ],
      administrator: [
        '/staff',
        '/staff/members',
        '/staff/imports',
        '/staff/licences',
        '/staff/distributions',
        '/staff/log',
        '/staff/missing',
      ],
    };

    it('opens every page of each role to that role, in both languages', async () => {
      for (const [role, pages] of Object.entries(PAGES)) {
        const c = new WebClient(env.app);
        await c.login(role as 'performer');
        for (const lang of ['fr', 'en']) {
          for (const path of pages) {
            const res = await c.get(`${path}?lang=${lang}`);
            expect(res.statusCode, `${role} ${path}`).toBe(200);
            expect(res.body).toContain(`<html lang="${lang}">`);
          }
        }
      }
    });

    it('sends anonymous readers to the login form and refuses other roles (403)', async () => {
      const anon = new WebClient(env.app);
      const r = await anon.get('/staff/members');
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe('/login?next=%2Fstaff%2Fmembers');
      const performer = new WebClient(env.app);
      await performer.login('performer');
      for (const path of [...PAGES.licensee!, ...PAGES.administrator!])
        expect((await performer.get(path)).statusCode, path).toBe(403);
      const dev = new WebClient(env.app);
      await dev.login('licensee');
      for (const path of [...PAGES.performer!, ...PAGES.administrator!])
        expect((await dev.get(path)).statusCode, path).toBe(403);
      const auditor = new WebClient(env.app);
      await auditor.login('auditor');
      expect((await auditor.get('/staff/licences')).statusCode).toBe(200);
      expect(
        (
          await auditor.post('/staff/distributions', {
            from: '2026-01-01',
            to: '2026-02-01',
            featured: '65',
            nonFeatured: '35',
          })
        ).statusCode,
      ).toBe(403);
    });

    it('shows a licensee only its own requests and licences', async () => {
      const { licensing } = env.ctx.services;
      const other = await licensing.createOrganisation('Other Lab');
      const otherAccount = await licensing.createAccount({
        name: 'Other',
        email: 'other@lab.test',
        role: 'licensee',
        organisationId: other.id,
      });
      const theirs = await licensing.submitRequest((await licensing.principalOf(otherAccount.id)).actor, {
        uses: ['search'],
        repertoire: { kind: 'all' },
        from: '2026-01-01',
        to: '2027-01-01',
        product: 'Secret other product',
      });
      const dev = new WebClient(env.app);
      await dev.login('licensee');
      const home = await dev.get('/developer');
      expect(home.body).toContain('Demo music model v1');
      expect(home.body).not.toContain('Secret other product');
      expect((await dev.get(`/developer/requests/${theirs.id}`)).statusCode).toBe(404);
      expect((await dev.post(`/developer/requests/${theirs.id}/accept`, {})).statusCode).toBe(404);
    });

    it('sets the session cookie Secure, HttpOnly and SameSite=Lax, and ends it on logout', async () => {
      const c = new WebClient(env.app);
      const res = await c.login('licensing-officer');
      const set = ([] as string[])
        .concat(res.headers['set-cookie'] ?? [])
        .find((h) => h.startsWith('tdmr_session='));
      expect(set).toBeDefined();
      expect(set).toMatch(/; HttpOnly/i);
      expect(set).toMatch(/; Secure/i);
      expect(set).toMatch(/; SameSite=Lax/i);
      expect(set).toMatch(/; Path=\//);
      expect((await c.get('/staff')).statusCode).toBe(200);
      await c.get('/staff');
      expect((await c.post('/logout', {})).statusCode).toBe(303);
      expect((await c.get('/staff')).statusCode).toBe(303);
    });

    it('refuses a form without its CSRF token or with a forged one (403)', async () => {
      const c = new WebClient(env.app);
      await c.login('performer');
      await c.get('/performer/missing');
      const missing = await c.post(
        '/performer/missing',
        { title: 'Lost song', artist: 'Me' },
        { token: null },
      );
      expect(missing.statusCode).toBe(403);
      const forged = await c.post(
        '/performer/missing',
        { title: 'Lost song', artist: 'Me' },
        { token: 'forged-token' },
      );
      expect(forged.statusCode).toBe(403);
      const anon = new WebClient(env.app);
      expect(
        (await anon.post('/login', { email: 'x@y.z', password: 'whatever-long' }, { token: null }))
          .statusCode,
      ).toBe(403);
      const ok = await c.post('/performer/missing', { title: 'Lost song', artist: 'Me', year: '2019' });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('Lost song');
    });

    it('limits login attempts per address: 429 after the allowed number', async () => {
      // An app of its own over the same database, allowing 3 attempts.
      const app = buildApp(env.ctx, { web: { loginMax: 3 }, publicationRefreshMs: 60_000 });
      try {
        const c = new WebClient(app);
        await c.get('/login');
        const codes: number[] = [];
        for (let i = 0; i < 5; i++)
          codes.push(
            (await c.post('/login', { email: 'nobody@nowhere.test', password: 'wrong password here' }))
              .statusCode,
          );
        expect(codes).toEqual([401, 401, 401, 429, 429]);
        const limited = await c.post('/login', {
          email: 'admin@demo.tdm-reserve.test',
          password: 'tdm-reserve-demo',
        });
        expect(limited.statusCode).toBe(429);
        expect(limited.headers['content-type']).toMatch(/^text\/html/);
        expect(limited.headers['retry-after']).toBeDefined();
      } finally {
        await app.close();
      }
    });
  });
}
