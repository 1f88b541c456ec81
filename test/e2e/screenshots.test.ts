import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { hasChromium, startBrowserEnv, type BrowserEnv } from '../support/browser.ts';
import { DEMO, heading, logIn } from './helpers.ts';

/**
 * Screenshots of the main pages on desktop and phone, for looking at the design.
 * Runs only with MK_SCREENSHOTS=<folder>, e.g. `MK_SCREENSHOTS=/tmp/mk npx vitest run test/e2e/screenshots.test.ts`.
 */
const dir = process.env.MK_SCREENSHOTS;

describe.skipIf(!hasChromium || !dir)('screenshots', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv();
    fs.mkdirSync(dir as string, { recursive: true });
  });
  afterAll(async () => env?.close());

  for (const mobile of [false, true]) {
    const suffix = mobile ? 'phone' : 'desktop';
    it(`pages on ${suffix}`, { timeout: 120_000 }, async () => {
      const shot = (page: import('playwright-core').Page, name: string) => page.screenshot({ path: path.join(dir as string, `${name}-${suffix}.png`), fullPage: true });
      const page = await env.newPage({ mobile });
      await page.goto(`${env.baseUrl}/inloggen`);
      await heading(page, 'Inloggen bij Mantelkring');
      await shot(page, 'login');
      await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
      await page.locator('.mk-error-summary').waitFor();
      await shot(page, 'login-errors');
      await page.goto(`${env.baseUrl}/registreren`);
      await heading(page, 'Account maken');
      await page.getByLabel('Gemeente').fill('lei');
      await page.getByText('gemeenten gevonden').or(page.getByText('gemeente gevonden')).waitFor();
      await shot(page, 'register');
      await logIn(page, env.baseUrl, DEMO.caregiver);
      await shot(page, 'home-caregiver');
      await page.goto(`${env.baseUrl}/account`);
      await heading(page, 'Mijn account');
      await page.getByRole('table').waitFor();
      await shot(page, 'account');
      await page.goto(`${env.baseUrl}/account/twee-stappen`);
      await page.getByTestId('totp-secret').waitFor();
      await shot(page, 'two-factor-setup');
      await page.getByRole('button', { name: 'Controleren en aanzetten' }).click();
      await page.locator('.mk-error-summary').waitFor();
      await shot(page, 'two-factor-setup-error');
      await page.getByRole('button', { name: 'English' }).click();
      await page.goto(`${env.baseUrl}/`);
      await heading(page, /^Welcome/);
      await shot(page, 'home-english');
      await page.getByRole('button', { name: 'Nederlands' }).click();
      await page.context().close();

      const admin = await env.newPage({ mobile });
      await logIn(admin, env.baseUrl, DEMO.coordinator);
      await shot(admin, 'home-coordinator');
      if (mobile) {
        await admin.getByRole('button', { name: 'Menu' }).click();
        await shot(admin, 'menu-open');
      }
      await admin.goto(`${env.baseUrl}/organisaties`);
      await heading(admin, /Mijn organisaties|Organisaties/);
      await admin.getByRole('link', { name: /Vrijwilligerscentrale/ }).first().click();
      await admin.getByRole('heading', { name: 'Uitnodigingen' }).waitFor({ timeout: 5_000 }).catch(() => undefined);
      await shot(admin, 'organisation');
      await admin.getByLabel('E-mailadres').fill('iemand@voorbeeld.nl');
      await admin.getByRole('button', { name: 'Uitnodiging versturen' }).click();
      await admin.getByRole('button', { name: /Intrekken/ }).first().click();
      await admin.getByRole('dialog').waitFor();
      await shot(admin, 'confirm-dialog');
      await admin.getByRole('button', { name: 'Nee, terug' }).click();
      await admin.goto(`${env.baseUrl}/account`);
      await admin.getByRole('table').waitFor();
      await shot(admin, 'account-staff');
      await admin.context().close();

      const root = await env.newPage({ mobile });
      await logIn(root, env.baseUrl, DEMO.admin);
      await shot(root, 'home-admin');
      for (const [p, name] of [
        ['/beheer/organisaties', 'admin-organisations'],
        ['/beheer/gebruikers', 'admin-users'],
        ['/beheer/postvak', 'admin-outbox'],
        ['/beheer/toegangslog', 'admin-audit'],
      ] as const) {
        await root.goto(`${env.baseUrl}${p}`);
        await root.getByRole('table').first().waitFor({ timeout: 5_000 }).catch(() => undefined);
        await shot(root, name);
      }
      await root.context().close();
    });
  }
});
