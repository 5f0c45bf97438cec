/**
 * Every role's main journey in a real browser (Debian's Chromium), axe-core on every page, screenshots
 * of the main pages. Skipped, under a name that says why, only where /usr/bin/chromium is absent (CI
 * installs it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checked, HAVE_CHROMIUM, login, newPage, openSite, SHOTS, visit, type Site } from './browser.js';

const title = HAVE_CHROMIUM
  ? 'browser journeys (Chromium)'
  : 'browser journeys: SKIPPED, /usr/bin/chromium is not installed';

describe.skipIf(!HAVE_CHROMIUM)(title, () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  }, 180_000);
  afterAll(async () => site?.close());

  it('public: search, a recording, the proof downloaded, the artefacts and the licensing page', async () => {
    const { context, page, problems } = await newPage(site, 'en-GB');
    await visit(page, '/', 'public-home');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const hit = (await site.env.ctx.services.registry.search('a', { limit: 50, offset: 0 })).find(
      (h) => h.type === 'recording' && h.identifier !== null,
    )!;
    await page.fill('#q', hit.label);
    await Promise.all([page.waitForURL(/\/search\?q=/), page.press('#q', 'Enter')]);
    await checked(page, 'public-search');
    await Promise.all([
      page.waitForURL(/\/recordings\//),
      page.click(`main a[href="/recordings/${hit.identifier}"]`),
    ]);
    await checked(page, 'public-recording');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="/proof"]')]);
    const proof = JSON.parse(readFileSync(await download.path(), 'utf8')) as { format: string };
    expect(proof.format).toBe('tdm-reserve/reservation-proof/v1');
    await visit(page, '/artefacts', 'public-artefacts');
    await visit(page, '/licensing', 'public-licensing');
    // The language switch keeps the page.
    await Promise.all([page.waitForURL(/lang=fr/), page.click('a.lang')]);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await checked(page, 'public-licensing-fr');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keyboard: the skip link comes first, Tab reaches the navigation and the forms, focus is visible', async () => {
    const { context, page } = await newPage(site);
    await page.goto('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    const seen: string[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return {
          tag: el.tagName,
          href: el.getAttribute('href'),
          id: el.id,
          outline: s.outlineStyle,
          width: s.outlineWidth,
        };
      });
      if (f.tag === 'BODY') break; // past the last control
      expect(f.outline, `focus visible on ${f.tag} ${f.href ?? f.id}`).not.toBe('none');
      seen.push(f.href ?? `#${f.id}`);
    }
    expect(seen).toContain('/search');
    expect(seen).toContain('#q');
    // The skip link moves focus to the main content.
    await page.goto('/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });

  it('performer: recordings and coverage, mandates, statement, a missing recording reported', async () => {
    const { context, page, problems } = await newPage(site);
    await login(page, 'performer');
    expect(new URL(page.url()).pathname).toBe('/performer');
    await checked(page, 'performer-recordings');
    expect(await page.locator('figure.chart svg').count()).toBeGreaterThan(0);
    await visit(page, '/performer/mandates', 'performer-mandates');
    await visit(page, '/performer/statements', 'performer-statements');
    expect(await page.locator('main table tbody tr').count()).toBeGreaterThan(0);
    await visit(page, '/performer/missing', 'performer-missing');
    await page.fill('#m-title', 'Chanson oubliée');
    await page.fill('#m-artist', 'Moi-même');
    await page.fill('#m-year', '2021');
    await Promise.all([page.waitForLoadState('load'), page.click('main form button[type=submit]')]);
    await expect.poll(() => page.locator('[role=status]').first().textContent()).toContain('Merci');
    expect(await page.locator('main table').textContent()).toContain('Chanson oubliée');
    await checked(page, 'performer-missing-sent');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('AI developer and officer: request, offer, accept, licence downloaded, key, usage report, manifest check', async () => {
    const dev = await newPage(site, 'en-GB');
    const officer = await newPage(site, 'en-GB');
    const p = dev.page;
    await login(p, 'licensee');
    await visit(p, '/developer/requests/new', 'developer-request-form');
    await p.check('input[name=uses][value=ai-inference]');
    await p.fill('#r-from', '2026-01-01');
    await p.fill('#r-to', '2027-01-01');
    await p.fill('#r-product', 'Browser test model');
    await Promise.all([
      p.waitForURL(/\/developer\/requests\/[0-9a-f-]+$/),
      p.click('main form button[type=submit]'),
    ]);
    const requestUrl = p.url();
    const id = requestUrl.split('/').pop() as string;
    await checked(p, 'developer-request');

    const o = officer.page;
    await login(o, 'licensing-officer');
    await visit(o, '/staff/licences', 'staff-licence-queue');
    await Promise.all([
      o.waitForURL(new RegExp(`/staff/licences/${id}$`)),
      o.click(`a[href="/staff/licences/${id}"]`),
    ]);
    await Promise.all([o.waitForLoadState('load'), o.click('form[action$="/review"] button')]);
    await o.selectOption('#o-tariff', 'demo-revenue:1');
    await Promise.all([o.waitForLoadState('load'), o.click('form[action$="/offer"] button')]);
    await checked(o, 'staff-licence-offered');

    await p.goto(requestUrl);
    await Promise.all([p.waitForLoadState('load'), p.click('form[action$="/accept"] button')]);
    await Promise.all([o.waitForLoadState('load'), o.goto(`/staff/licences/${id}`)]);
    await Promise.all([o.waitForLoadState('load'), o.click('form[action$="/activate"] button')]);

    await p.goto(requestUrl);
    await checked(p, 'developer-licence');
    const [jws] = await Promise.all([p.waitForEvent('download'), p.click('a[href$="/licence.jws"]')]);
    expect(readFileSync(await jws.path(), 'utf8').split('.')).toHaveLength(3);

    await visit(p, '/developer/keys', 'developer-keys');
    await Promise.all([p.waitForLoadState('load'), p.click('form[action="/developer/keys"] button')]);
    const key = (await p.locator('[data-testid=new-key]').textContent())?.trim() ?? '';
    expect(key).toMatch(/^tdmr_[0-9a-f]{16}_/);
    await checked(p, 'developer-key-created');
    const licensed = await fetch(`${site.base}/v1/licence-requests/${id}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(licensed.status).toBe(200);

    // Five recordings reserved for the use licensed: the manifest check must answer them `licensed`.
    const candidates = (await site.env.ctx.stores.registry.coveragePage(null, 300)).map(
      (r) => r.recording.isrc as string,
    );
    const answers = await site.env.ctx.services.registry.check(candidates);
    const isrcs = candidates
      .filter((_, i) => {
        const a = answers[i];
        return a?.ok === true && a.uses.find((u) => u.use === 'ai-inference')?.status === 'reserved';
      })
      .slice(0, 5);
    expect(isrcs).toHaveLength(5);
    const usage = join(SHOTS, '..', 'usage.csv');
    writeFileSync(usage, `isrc,uses,units\n${isrcs.map((i) => `${i},ai-inference,2`).join('\n')}\n`);
    await visit(p, '/developer/usage', 'developer-usage');
    const licenceId = await p
      .locator('#u-licence option', { hasText: 'Browser test model' })
      .getAttribute('value');
    expect(licenceId).toMatch(/^[0-9a-f-]{36}$/);
    await p.selectOption('#u-licence', licenceId);
    await p.fill('#u-from', '2026-07-01');
    await p.fill('#u-to', '2026-08-01');
    await p.fill('#u-revenue', '1000');
    await p.setInputFiles('#u-file', usage);
    await p.click('main form button[type=submit]');
    await expect
      .poll(async () => (await p.locator('[role=status]').allTextContents()).join(' '), { timeout: 20_000 })
      .toMatch(/Report recorded: 5 lines, 0 flagged, €1,000.00 due/);
    await checked(p, 'developer-usage-sent');

    const manifest = join(SHOTS, '..', 'manifest.csv');
    writeFileSync(manifest, `isrc,artist,title\n${isrcs.map((i) => `${i},x,y`).join('\n')}\nNOTANISRC,x,y\n`);
    await visit(p, '/developer/manifests', 'developer-manifests');
    await p.setInputFiles('#mf-file', manifest);
    await p.click('main form button[type=submit]');
    await expect
      .poll(async () => (await p.locator('main').textContent()) ?? '', { timeout: 30_000 })
      .toMatch(/Checked: 6 rows, \d+ reserved, 5 with a use licensed to you/);
    await checked(p, 'developer-manifest-done');
    const report = await p.request.get(`${p.url()}/report.html`);
    expect(report.status()).toBe(200);
    expect(await report.text()).toContain('<svg');
    expect(dev.problems).toEqual([]);
    expect(officer.problems).toEqual([]);
    await dev.context.close();
    await officer.context.close();
  });

  it('staff: dashboard, mandate history, an import with rejected rows, distributions with charts, the log and its checkpoint', async () => {
    const { context, page, problems } = await newPage(site);
    await login(page, 'administrator');
    expect(new URL(page.url()).pathname).toBe('/staff');
    await checked(page, 'staff-dashboard');
    expect(await page.locator('figure.chart').count()).toBe(3);
    await visit(page, '/staff/members', 'staff-members');
    await Promise.all([
      page.waitForURL(/\/staff\/members\/.+/),
      page.locator('main table a').first().click(),
    ]);
    await checked(page, 'staff-member-mandates');
    expect(await page.locator('main table tbody tr').count()).toBeGreaterThan(0);

    const csv = join(SHOTS, '..', 'performers.csv');
    writeFileSync(
      csv,
      'display_name,member_no,isni\nNouvelle Artiste,M-990001,\nMauvais Isni,M-990002,0000000122819551\n,M-990003,\n',
    );
    await visit(page, '/staff/imports', 'staff-imports');
    await page.setInputFiles('#imp-file', csv);
    await page.click('main form button[type=submit]');
    await expect
      .poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 30_000 })
      .toMatch(/Importé : \d+ lignes, 2 rejetées/);
    expect(await page.locator('main table tbody tr').count()).toBe(2);
    await checked(page, 'staff-import-rejected');

    await visit(page, '/staff/distributions', 'staff-distributions');
    await Promise.all([
      page.waitForURL(/\/staff\/distributions\/.+/),
      page.locator('main table a').first().click(),
    ]);
    expect(await page.locator('figure.chart svg rect').count()).toBeGreaterThan(2);
    await checked(page, 'staff-distribution-run');
    await visit(page, '/staff/log', 'staff-log');
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('form[action="/staff/log/checkpoint"] button'),
    ]);
    expect(await page.locator('pre.note').textContent()).toContain('tdm-reserve');
    await checked(page, 'staff-log-signed');
    await visit(page, '/staff/missing', 'staff-missing');
    expect(problems).toEqual([]);
    await context.close();
  });
});
