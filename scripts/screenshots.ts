/**
 * Screenshots of the main pages and the care-circle pages (also the print view), on desktop and
 * on a 390 px phone, for looking at the design. Not a test: it asserts nothing, it only fails
 * when a page does not show what it waits for.
 *
 *     npx tsx scripts/screenshots.ts /tmp/mk            # everything
 *     npx tsx scripts/screenshots.ts /tmp/mk circle     # only the care-circle pages (or: pages)
 *
 * Like the browser tests it builds the web app when that is stale, starts the real app with
 * demo data on a free port and drives Debian's Chromium (MK_CHROMIUM to use another).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildWebIfStale } from '../test/support/global-setup.ts';
import { hasChromium, startBrowserEnv, type BrowserEnv } from '../test/support/browser.ts';
import { DEMO, heading, logIn } from '../test/e2e/helpers.ts';

type Shot = (page: Page, name: string) => Promise<unknown>;

/** Login, registration, home pages per role, account, 2FA set-up, organisation and admin pages. */
async function mainPages(env: BrowserEnv, mobile: boolean, shot: Shot): Promise<void> {
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
}

/** The care-circle pages of Gerrit's circle, a bigger family for the genogram, and agenda-only access. */
async function circlePages(env: BrowserEnv, mobile: boolean, shot: Shot, dir: string, suffix: string): Promise<void> {
  const { rows } = await env.db.query<{ id: string }>("select c.id from clients c join users u on u.id = c.user_id where u.email = 'client@demo.mantelkring.nl'");
  const gerrit = rows[0]?.id as string;
  const page = await env.newPage({ mobile });
  page.on('pageerror', (error) => console.error(`[${suffix}] page error: ${error.message}`));
  await logIn(page, env.baseUrl, DEMO.caregiver);
  await shot(page, 'circle-home');
  await page.goto(`${env.baseUrl}/kringen`);
  await heading(page, 'Mijn zorgkringen');
  await page.locator('.mk-circle-card').first().waitFor();
  await shot(page, 'circle-list');
  for (const section of ['', '/kaart', '/familie', '/mensen', '/toegang', '/organisaties', '/notities', '/wie-keek']) {
    await page.goto(`${env.baseUrl}/kringen/${gerrit}${section}`);
    await heading(page, /Zorgkring van/).catch(async (error: unknown) => {
      await shot(page, `circle-failed${section.replace('/', '-')}`);
      throw error;
    });
    await page.locator('.mk-loading').waitFor({ state: 'detached' });
    await page.waitForTimeout(300);
    await shot(page, `circle-${section ? section.slice(1) : 'overview'}`);
  }
  await page.goto(`${env.baseUrl}/kringen/${gerrit}/kaart`);
  await page.locator('.mk-ecomap__node').first().click();
  await shot(page, 'circle-map-selected');
  await page.locator('.mk-circle-section .mk-ecomap__frame').screenshot({ path: path.join(dir, `circle-map-frame-${suffix}.png`) });
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'circle-print');
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${env.baseUrl}/kringen/nieuw`);
  await heading(page, 'Start een zorgkring');
  await shot(page, 'circle-start');
  await page.getByRole('button', { name: 'Zorgkring starten' }).click();
  await page.locator('.mk-error-summary').waitFor();
  await shot(page, 'circle-start-errors');
  await page.goto(`${env.baseUrl}/kringen/${gerrit}/mensen`);
  await page.getByRole('button', { name: 'Iemand toevoegen' }).click();
  await shot(page, 'circle-add-member');
  await page.context().close();

  // A bigger family, for the genogram.
  const family = await env.newPage({ mobile });
  await logIn(family, env.baseUrl, DEMO.caregiver);
  const created = await family.request.post(`${env.baseUrl}/api/circles`, {
    data: { client: { givenName: 'Maria', familyName: 'Jansen', municipalityCode: 'GM0546' }, me: { relationshipCode: 'DAUC' }, clientCanDecide: true },
  });
  if (created.status() !== 201) throw new Error(`starting a circle failed: ${created.status()} ${await created.text()}`);
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
  await shot(family, 'circle-genogram-family');
  await family.goto(`${env.baseUrl}/kringen/${familyId}/kaart`);
  await heading(family, /Zorgkring van/);
  await family.locator('.mk-ecomap__node').first().waitFor();
  await shot(family, 'circle-map-family');
  await family.getByRole('button', { name: 'English' }).click();
  await family.getByRole('heading', { level: 1, name: /Care circle of/ }).waitFor();
  await shot(family, 'circle-map-family-english');
  await family.getByRole('button', { name: 'Nederlands' }).click();
  await family.context().close();

  const joost = await env.newPage({ mobile });
  await logIn(joost, env.baseUrl, DEMO.volunteer);
  await joost.goto(`${env.baseUrl}/kringen/${gerrit}`);
  await heading(joost, /Zorgkring van/);
  await shot(joost, 'circle-agenda-only');
  await joost.context().close();
}

async function main(): Promise<void> {
  const [dirArg, which = 'all'] = process.argv.slice(2);
  if (!dirArg || !['all', 'pages', 'circle'].includes(which)) {
    console.error('usage: npx tsx scripts/screenshots.ts <folder> [all|pages|circle]');
    process.exit(2);
  }
  if (!hasChromium) process.exit(1); // browser.ts has said why
  const dir = path.resolve(dirArg);
  fs.mkdirSync(dir, { recursive: true });
  buildWebIfStale();
  const env = await startBrowserEnv({ webDir: 'dist/web' });
  try {
    for (const mobile of [false, true]) {
      const suffix = mobile ? 'phone' : 'desktop';
      const shot: Shot = (page, name) => page.screenshot({ path: path.join(dir, `${name}-${suffix}.png`), fullPage: true });
      if (which !== 'circle') await mainPages(env, mobile, shot);
      if (which !== 'pages') await circlePages(env, mobile, shot, dir, suffix);
    }
  } finally {
    await env.close();
  }
  console.log(`screenshots in ${dir}: ${fs.readdirSync(dir).filter((f) => f.endsWith('.png')).length} files`);
}

await main();
