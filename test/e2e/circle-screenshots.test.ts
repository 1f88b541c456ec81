import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, startBrowserEnv, type BrowserEnv } from '../support/browser.ts';
import { DEMO, heading, logIn } from './helpers.ts';

/**
 * Screenshots of the care-circle pages on desktop and phone, for looking at the design
 * (also the print view). Runs only with MK_SCREENSHOTS=<folder>:
 * `MK_SCREENSHOTS=/tmp/mk npx vitest run test/e2e/circle-screenshots.test.ts`.
 */
const dir = process.env.MK_SCREENSHOTS;

describe.skipIf(!hasChromium || !dir)('care circle screenshots', () => {
  let env: BrowserEnv;
  let gerrit: string;
  beforeAll(async () => {
    env = await startBrowserEnv();
    fs.mkdirSync(dir as string, { recursive: true });
    const { rows } = await env.db.query<{ id: string }>("select c.id from clients c join users u on u.id = c.user_id where u.email = 'client@demo.mantelkring.nl'");
    gerrit = rows[0]?.id as string;
  });
  afterAll(async () => env?.close());

  for (const mobile of [false, true]) {
    const suffix = mobile ? 'phone' : 'desktop';
    it(`circle pages on ${suffix}`, { timeout: 120_000 }, async () => {
      const shot = (page: Page, name: string) => page.screenshot({ path: path.join(dir as string, `circle-${name}-${suffix}.png`), fullPage: true });
      const page = await env.newPage({ mobile });
      page.on('pageerror', (error) => console.error(`[${suffix}] page error: ${error.message}`));
      await logIn(page, env.baseUrl, DEMO.caregiver);
      await shot(page, 'home');
      await page.goto(`${env.baseUrl}/kringen`);
      await heading(page, 'Mijn zorgkringen');
      await page.locator('.mk-circle-card').first().waitFor();
      await shot(page, 'list');
      for (const section of ['', '/kaart', '/familie', '/mensen', '/toegang', '/organisaties', '/notities', '/wie-keek']) {
        await page.goto(`${env.baseUrl}/kringen/${gerrit}${section}`);
        await heading(page, /Zorgkring van/).catch(async (error: unknown) => {
          await shot(page, `failed${section.replace('/', '-')}`);
          throw error;
        });
        await page.waitForTimeout(300);
        await shot(page, section ? section.slice(1) : 'overview');
      }
      await page.goto(`${env.baseUrl}/kringen/${gerrit}/kaart`);
      await page.locator('.mk-ecomap__node').first().click();
      await shot(page, 'map-selected');
      await page.locator('.mk-circle-section .mk-ecomap__frame').screenshot({ path: path.join(dir as string, `circle-map-frame-${suffix}.png`) });
      await page.emulateMedia({ media: 'print' });
      await shot(page, 'print');
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${env.baseUrl}/kringen/nieuw`);
      await heading(page, 'Start een zorgkring');
      await shot(page, 'start');
      await page.getByRole('button', { name: 'Zorgkring starten' }).click();
      await page.locator('.mk-error-summary').waitFor();
      await shot(page, 'start-errors');
      await page.goto(`${env.baseUrl}/kringen/${gerrit}/mensen`);
      await page.getByRole('button', { name: 'Iemand toevoegen' }).click();
      await shot(page, 'add-member');
      await page.context().close();

      // A bigger family, for the genogram.
      const family = await env.newPage({ mobile });
      await logIn(family, env.baseUrl, DEMO.caregiver);
      const created = await family.request.post(`${env.baseUrl}/api/circles`, {
        data: { client: { givenName: 'Maria', familyName: 'Jansen', municipalityCode: 'GM0546' }, me: { relationshipCode: 'DAUC' }, clientCanDecide: true },
      });
      const familyId = (await created.json()).client.id as string;
      const relatives: [string, string, string][] = [
        ['Johanna', 'Pietersen', 'MTH'],
        ['Willem', 'Jansen', 'FTH'],
        ['Riet', 'Pietersen', 'AUNT'],
        ['Kees', 'Jansen', 'HUSB'],
        ['Ans', 'Jansen', 'SIS'],
        ['Bert', 'Jansen', 'BRO'],
        ['Tom', 'Jansen', 'SONC'],
        ['Linda', 'Jansen-de Wit', 'DAUINLAW'],
        ['Sven', 'Jansen', 'NEPHEW'],
        ['Daan', 'Jansen', 'GRNDSON'],
        ['Eva', 'Jansen', 'GRNDDAU'],
      ];
      for (const [given, familyName, code] of relatives) {
        await family.request.post(`${env.baseUrl}/api/circles/${familyId}/members`, { data: { kind: 'relative', givenName: given, familyName, relationshipCode: code, closeness: 'middle' } });
      }
      await family.request.post(`${env.baseUrl}/api/circles/${familyId}/members`, { data: { kind: 'neighbour', givenName: 'Fatma', familyName: 'Demir', relationshipCode: 'OTH', closeness: 'outer' } });
      await family.goto(`${env.baseUrl}/kringen/${familyId}/familie`);
      await heading(family, /Zorgkring van/);
      await family.getByTestId('genogram').first().waitFor();
      await shot(family, 'genogram-family');
      await family.goto(`${env.baseUrl}/kringen/${familyId}/kaart`);
      await heading(family, /Zorgkring van/);
      await shot(family, 'map-family');
      await family.getByRole('button', { name: 'English' }).click();
      await family.getByRole('heading', { level: 1, name: /Care circle of/ }).waitFor();
      await shot(family, 'map-family-english');
      await family.getByRole('button', { name: 'Nederlands' }).click();
      await family.context().close();

      const joost = await env.newPage({ mobile });
      await logIn(joost, env.baseUrl, DEMO.volunteer);
      await joost.goto(`${env.baseUrl}/kringen/${gerrit}`);
      await heading(joost, /Zorgkring van/);
      await shot(joost, 'agenda-only');
      await joost.context().close();
    });
  }
});
