/**
 * Browser test support: Debian's Chromium driven by playwright-core, headless and offline (the flags keep
 * it from reaching Google), the app listening on a random loopback port over a seeded database, axe-core
 * run on every page, screenshots kept under test/artefacts/screenshots/ (git-ignored).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import type { AccountRole } from '../../src/licensing/parties.js';
import { sqliteTestDb } from '../support/db.js';
import { demoEmail, openWeb, type WebEnv } from '../support/web.js';

export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const SHOTS = new URL('../artefacts/screenshots/', import.meta.url).pathname;

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Site {
  env: WebEnv;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function openSite(): Promise<Site> {
  const env = await openWeb(sqliteTestDb, { web: { loginMax: 1000 } });
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // playwright gives the browser a fresh profile directory of its own (and refuses --user-data-dir here).
  });
  mkdirSync(SHOTS, { recursive: true });
  return {
    env,
    base,
    browser,
    close: async () => {
      await browser.close();
      await env.close();
    },
  };
}

/** A fresh browser context (own cookies) with a page that fails on CSP violations and script errors. */
export async function newPage(
  site: Site,
  locale = 'fr-FR',
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await site.browser.newContext({
    baseURL: site.base,
    locale,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

/** Runs axe-core on the page; asserts no serious or critical violation. */
export async function checkA11y(page: Page, label: string): Promise<void> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (the page itself loads no inline script).
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await (
      window as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run();
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad, `${label}: ${JSON.stringify(bad)}`).toEqual([]);
}

/** axe, then a full-page screenshot named `name`. */
export async function visit(page: Page, path: string, name: string): Promise<void> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(400);
  await checked(page, name);
}

export async function checked(page: Page, name: string): Promise<void> {
  await checkA11y(page, name);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

export async function login(page: Page, role: AccountRole): Promise<void> {
  await page.goto('/login');
  await page.fill('#email', demoEmail(role));
  await page.fill('#password', DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/login')),
    page.click('main button[type=submit]'),
  ]);
}
