import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createMailer } from '../../src/server/platform/mail.ts';
import type { Services } from '../../src/server/platform/context.ts';
import { openMemoryPglite } from '../../src/db/connect.ts';
import { syncReferenceData } from '../../src/db/reference.ts';
import { seedDemo } from '../../src/server/modules/demo/seed.ts';
import type { Db } from '../../src/db/types.ts';
import { useForSuite } from './harness.ts';

/** Debian's Chromium; browser tests skip with a message where it is missing. */
export const CHROMIUM = process.env.MK_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[e2e] skipping browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set MK_CHROMIUM)`);

/**
 * How long a browser test waits for the page to reach a state (an element, a text, a count):
 * generous, because two test files with their own app and Chromium share two cores.
 */
export const PATIENCE = 15_000;

export interface BrowserEnv {
  browser: Browser;
  /**
   * A fresh page in its own context (own cookies), as axe requires; `storageState` starts it
   * with another context's session. Actions and waits time out after PATIENCE.
   */
  newPage(options?: { mobile?: boolean; storageState?: BrowserContextOptions['storageState'] }): Promise<Page>;
  app: FastifyInstance;
  db: Db;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Starts the real app (built web + API) on a free port with demo data, and Chromium. The web
 * app is this test run's copy of the build (see global-setup.ts), unless `webDir` is given
 * (outside vitest, e.g. the screenshot script, pass 'dist/web').
 */
export async function startBrowserEnv(options: { webDir?: string } = {}): Promise<BrowserEnv> {
  const webDir = options.webDir ?? (inject('e2eWebDir') || 'dist/web');
  const db = await openMemoryPglite();
  await syncReferenceData(db);
  await seedDemo(db, { caregivers: 10, volunteers: 5 });
  const config = loadConfig({ MK_DEMO: 'false', MK_DATA_DIR: '/nonexistent', MK_WEB_DIR: webDir });
  const services: Services = { db, config, mailer: createMailer(db, { from: config.mailFrom }), now: () => new Date() };
  const app = await buildApp(services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    async newPage(options) {
      const context = await browser.newContext({
        locale: 'nl-NL',
        ...(options?.mobile ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
        ...(options?.storageState ? { storageState: options.storageState } : {}),
      });
      context.setDefaultTimeout(PATIENCE);
      return context.newPage();
    },
    app,
    db,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await browser.close();
      await app.close();
      await db.close();
    },
  };
}

/**
 * The browser environment (see startBrowserEnv) for the tests of the enclosing suite: started
 * before them, closed after them. Read its fields in hooks and tests; a suite's own beforeAll
 * (logging in, making data) runs after the start.
 */
export function useBrowserEnv(): BrowserEnv {
  return useForSuite(() => startBrowserEnv(), (env) => env.close());
}

/** Runs axe (WCAG 2.2 A/AA) on the page and fails on serious or critical violations. */
export async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(summary, `axe on ${label}`).toEqual([]);
}
