import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, hasChromium, startBrowserEnv, type BrowserEnv } from '../support/browser.ts';

describe.skipIf(!hasChromium)('web shell in Chromium', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv();
  });
  afterAll(async () => env?.close());

  it('serves the Dutch app with no serious axe violations', async () => {
    const page = await env.newPage();
    await page.goto(`${env.baseUrl}/`);
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('Mantelkring');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await expectNoSeriousAxeViolations(page, 'home');
    await page.context().close();
  });

  it('answers API health next to the app', async () => {
    const res = await fetch(`${env.baseUrl}/api/health`);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'pglite' });
  });
});
