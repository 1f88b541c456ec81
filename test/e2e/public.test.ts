import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousAxeViolations, hasChromium, useBrowserEnv } from '../support/browser.ts';
import { DEMO, DEMO_PASSWORD, eventually, expectVisible, heading, loaded, logIn } from './helpers.ts';

const activeElement = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase(), id: el?.id ?? '', text: el?.textContent?.trim() ?? '', className: (el as HTMLElement | null)?.className ?? '' };
  });

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(!hasChromium)('public pages, keyboard, language and phone', () => {
  const env = useBrowserEnv();

  it('login page: no serious axe violations; a failed submit focuses the error summary and links errors to fields', async () => {
    const page = await env.newPage();
    await page.goto(`${env.baseUrl}/inloggen`);
    await heading(page, 'Inloggen bij Mantelkring');
    await expectNoSeriousAxeViolations(page, 'login');

    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    const summary = page.locator('.mk-error-summary');
    await eventually(async () => (await activeElement(page)).className).toContain('mk-error-summary');
    await eventually(() => summary.textContent()).toContain('E-mailadres: Vul een geldig e-mailadres in.');
    const email = page.getByLabel('E-mailadres');
    await eventually(() => email.getAttribute('aria-invalid')).toBe('true');
    // The field is described by its error message.
    const describedError = async () => {
      const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
      return describedBy ? page.locator(`#${describedBy.split(' ')[0]}`).textContent() : null;
    };
    await eventually(describedError).toContain('Vul een geldig e-mailadres in.');
    // The link in the summary moves focus to the field.
    await summary.getByRole('link', { name: /E-mailadres/ }).click();
    await eventually(async () => (await activeElement(page)).id).toBe('login-email');
    await expectNoSeriousAxeViolations(page, 'login with errors');

    // A wrong password: the server's message, in Dutch.
    await email.fill(DEMO.caregiver.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill('dit-is-niet-het-goede-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByText('Het e-mailadres of wachtwoord klopt niet.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Inloggen bij Mantelkring');
    await page.context().close();
  });

  it('registration page: no serious axe violations; persona choice and municipality search (Bron: CBS)', async () => {
    const page = await env.newPage();
    await page.goto(`${env.baseUrl}/registreren`);
    await heading(page, 'Account maken');
    await eventually(() => page.getByRole('radio', { name: 'Ik ben mantelzorger' }).count()).toBe(1);
    await eventually(() => page.getByRole('radio', { name: 'Ik wil vrijwilliger worden' }).count()).toBe(1);
    await eventually(() => page.locator('main').textContent()).toContain('Bron: CBS');
    await loaded(page);
    await expectNoSeriousAxeViolations(page, 'registration');

    await page.getByLabel('Gemeente').fill('Leid');
    await page.getByRole('radio', { name: /^Leiden \(Zuid-Holland\)/ }).check();
    await page.getByText('Gekozen: Leiden (Zuid-Holland)').waitFor();

    // Submitting without a choice and with a short password: messages next to the fields.
    await page.getByLabel('Wachtwoord', { exact: true }).fill('kort');
    await page.getByRole('button', { name: 'Account maken' }).click();
    const text = () => page.locator('.mk-error-summary').textContent();
    await eventually(text).toContain('Wat past bij u?: Maak een keuze.');
    await eventually(text).toContain('Wachtwoord: Kies een wachtwoord van minstens 12 tekens.');
    await eventually(text).toContain('Uw naam');
    await expectNoSeriousAxeViolations(page, 'registration with errors');
    await page.context().close();
  });

  it('logs in with the keyboard only (Tab and Enter), starting at the skip link', async () => {
    const page = await env.newPage();
    await page.goto(`${env.baseUrl}/inloggen`);
    await heading(page, 'Inloggen bij Mantelkring');
    const focused = () => activeElement(page);
    await page.keyboard.press('Tab');
    await eventually(async () => (await focused()).text).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    await eventually(async () => (await focused()).id).toBe('inhoud');
    // From the main content, Tab reaches the e-mail field.
    let tries = 0;
    while ((await focused()).id !== 'login-email' && tries++ < 10) await page.keyboard.press('Tab');
    await eventually(async () => (await focused()).id).toBe('login-email');
    await page.keyboard.type(DEMO.caregiver.email);
    await page.keyboard.press('Tab');
    await eventually(async () => (await focused()).id).toBe('login-password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await heading(page, 'Welkom, Anja de Vries');
    // After moving to another page, focus is on its heading.
    await eventually(async () => (await focused()).tag).toBe('h1');
    // The main menu works with the keyboard too.
    await page.getByRole('link', { name: 'Mijn account' }).focus();
    await page.keyboard.press('Enter');
    await heading(page, 'Mijn account');
    await eventually(async () => (await focused()).text).toBe('Mijn account');
    await page.context().close();
  });

  it('switches the language to English and back, remembers it and saves it with the account', async () => {
    const page = await env.newPage();
    await page.goto(`${env.baseUrl}/inloggen`);
    await heading(page, 'Inloggen bij Mantelkring');
    await page.getByRole('button', { name: 'English' }).click();
    await heading(page, 'Log in to Mantelkring');
    await eventually(() => page.getAttribute('html', 'lang')).toBe('en');
    await eventually(() => page.getByLabel('E-mail address').count()).toBe(1);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByText('Please check what you filled in').waitFor();
    await eventually(() => page.locator('.mk-error-summary').textContent()).toContain('Enter a valid e-mail address.');

    // Remembered on this device.
    await page.reload();
    await heading(page, 'Log in to Mantelkring');

    await page.getByLabel('E-mail address').fill(DEMO.volunteer.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await heading(page, 'Welcome, Joost Bakker');
    await eventually(() => page.getByRole('link', { name: 'My account' }).count()).toBe(1);
    const localeOf = async () => (await env.db.query<{ locale: string }>('select locale from users where email = $1', [DEMO.volunteer.email])).rows[0]?.locale;
    await eventually(localeOf).toBe('en');

    await page.getByRole('button', { name: 'Nederlands' }).click();
    await heading(page, 'Welkom, Joost Bakker');
    await eventually(() => page.getAttribute('html', 'lang')).toBe('nl');
    await eventually(localeOf).toBe('nl');
    await page.context().close();
  });

  it('works on a phone (390 px): login, home and the menu', async () => {
    const page = await env.newPage({ mobile: true });
    await page.goto(`${env.baseUrl}/inloggen`);
    await heading(page, 'Inloggen bij Mantelkring');
    await loaded(page);
    await eventually(() => noHorizontalScroll(page)).toBe(true);
    await expectNoSeriousAxeViolations(page, 'login on phone');
    await logIn(page, env.baseUrl, DEMO.coordinator);
    await loaded(page);
    await eventually(() => noHorizontalScroll(page)).toBe(true);
    await expectNoSeriousAxeViolations(page, 'home on phone');

    // The menu is folded away behind a button.
    const menu = page.getByRole('button', { name: 'Menu' });
    // (includeHidden: the link is in the page while folded away, so "hidden" means folded, not missing.)
    const account = page.locator('.mk-nav-panel').getByRole('link', { name: 'Mijn account', includeHidden: true });
    await account.waitFor({ state: 'attached' });
    await expectVisible(account, false);
    await menu.click();
    await eventually(() => menu.getAttribute('aria-expanded')).toBe('true');
    await expectVisible(account);
    await expectVisible(page.getByRole('link', { name: 'Medewerkers', exact: true }));
    await account.click();
    await heading(page, 'Mijn account');
    // Following a link folds the menu again.
    await eventually(() => menu.getAttribute('aria-expanded')).toBe('false');
    await expectVisible(account, false);
    await page.getByRole('table').waitFor();
    await loaded(page);
    await eventually(() => noHorizontalScroll(page)).toBe(true);
    // Buttons and links are at least 24 × 24 px (WCAG 2.5.8).
    const tooSmall = () => page.evaluate(() =>
      [...document.querySelectorAll('main button, main a, header button, header a')]
        .filter((el) => (el as HTMLElement).offsetParent !== null && !el.classList.contains('utrecht-skip-link'))
        .map((el) => ({ text: el.textContent?.trim(), rect: el.getBoundingClientRect() }))
        .filter(({ rect }) => rect.width < 24 || rect.height < 24)
        .map(({ text }) => text),
    );
    await eventually(tooSmall).toEqual([]);
    await page.context().close();
  });
});
