import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type BrowserEnv, expectNoSeriousAxeViolations, hasChromium, useBrowserEnv } from '../support/browser.ts';
import { DEMO, DEMO_PASSWORD, eventually, freshTotp, heading, lastMailTo, linkPathFromMail, loaded } from './helpers.ts';

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Logs in a demo 2FA account through the API (not the browser) and returns the session cookie. */
async function apiSession(env: BrowserEnv, email: string): Promise<{ cookie: string; me: { memberships: { organisationId: string; role: string }[] } }> {
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD, totp: await freshTotp(env.baseUrl, email) } });
  const session = res.cookies.find((c) => c.name === 'mk_session');
  if (res.statusCode !== 200 || !session) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return { cookie: `mk_session=${session.value}`, me: res.json() };
}

describe.skipIf(!hasChromium)('two-step login (TOTP)', () => {
  const env = useBrowserEnv();

  it('a staff member logs in with password and then the code from the app', async () => {
    const page = await env.newPage();
    await page.goto(`${env.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(DEMO.professional.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();

    // Second step: the code field appears and gets focus; the password step is done.
    const code = page.getByLabel('Code uit uw app');
    await code.waitFor();
    await eventually(() => focusedId(page)).toBe('login-totp');
    await eventually(() => page.getByText(`U logt in als ${DEMO.professional.email}`).count()).toBe(1);
    // (The code step is shown, so the password field is gone, not still to come.)
    await eventually(() => page.getByLabel('Wachtwoord', { exact: true }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'login code step');

    // A wrong code is refused.
    await code.fill('000000');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await eventually(() => page.locator('#login-totp-error').textContent()).toContain('De code klopt niet.');
    await eventually(() => code.getAttribute('aria-invalid')).toBe('true');

    await code.fill(await freshTotp(env.baseUrl, DEMO.professional.email));
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await heading(page, 'Welkom, Fatima El Amrani');
    await eventually(() => page.getByRole('region', { name: 'Inloggen in twee stappen' }).textContent()).toContain('Aan');
    await page.context().close();
  });

  it('a new staff member accepts an invitation, must set up 2FA, and gets recovery codes', async () => {
    // The coordinator (org admin of the volunteer centre) invites a professional through the API.
    const coordinator = await apiSession(env, DEMO.coordinator.email);
    const organisationId = coordinator.me.memberships.find((m) => m.role === 'org_admin')?.organisationId;
    const email = 'nieuwe.professional@voorbeeld.nl';
    const invite = await env.app.inject({
      method: 'POST',
      url: `/api/organisations/${organisationId}/invitations`,
      headers: { cookie: coordinator.cookie },
      payload: { email, role: 'professional', jobTitle: 'Casemanager dementie' },
    });
    expect(invite.statusCode).toBe(201);
    const mail = await lastMailTo(env.db, email);
    expect(mail?.subject).toContain('Uitnodiging: werk mee in Mantelkring voor Vrijwilligerscentrale Leiden');

    const page = await env.newPage();
    await page.goto(`${env.baseUrl}${linkPathFromMail(mail?.body_text ?? '')}`);
    await heading(page, 'Uitnodiging');
    await page.getByText('U bent uitgenodigd om mee te werken voor Vrijwilligerscentrale Leiden, als professional.').waitFor();
    await loaded(page);
    await expectNoSeriousAxeViolations(page, 'invitation');
    await page.getByLabel('Uw naam').fill('Noor Nieuwkomer');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('Koffie-met-een-koekje-3');
    await page.getByRole('button', { name: 'Account maken en uitnodiging aannemen' }).click();

    // Straight to the set-up: staff must use two-step login before anything else.
    await heading(page, 'Inloggen in twee stappen instellen');
    expect(new URL(page.url()).pathname).toBe('/account/twee-stappen');
    await page.getByText('Voor uw rol is dit verplicht.').waitFor();
    const secretBox = page.getByTestId('totp-secret');
    await eventually(() => secretBox.textContent()).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    await eventually(() => page.getByRole('img', { name: /QR-code/ }).count()).toBe(1);
    // The set-up has loaded (secret and QR code): no main menu until it is done.
    await loaded(page);
    await eventually(() => page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, '2FA set-up');
    const secret = ((await secretBox.textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    // Other pages send the person back here.
    await page.goto(`${env.baseUrl}/organisaties`);
    await heading(page, 'Inloggen in twee stappen instellen');
    await eventually(() => page.getByTestId('totp-secret').textContent()).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const secretAfterReload = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');

    await page.getByLabel('Code uit uw app').fill(await freshTotp(env.baseUrl, email, secretAfterReload));
    await page.getByRole('button', { name: 'Controleren en aanzetten' }).click();
    await heading(page, 'Inloggen in twee stappen staat aan');
    const recoveryCodes = () => page.getByTestId('recovery-codes').locator('li').allTextContents();
    await eventually(recoveryCodes).toEqual(Array(10).fill(expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)));
    const codes = await recoveryCodes();
    await eventually(() => page.getByRole('button', { name: 'Afdrukken' }).count()).toBe(1);
    await eventually(() => page.getByRole('button', { name: 'Kopiëren' }).count()).toBe(1);
    await expectNoSeriousAxeViolations(page, 'recovery codes');

    // Continuing needs the "saved" check.
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByText('Zet eerst een vinkje').waitFor();
    await page.getByLabel('Ik heb de codes bewaard').check();
    await page.getByRole('button', { name: 'Verder' }).click();
    await heading(page, 'Welkom, Noor Nieuwkomer');
    const twoFactor = () => page.getByRole('region', { name: 'Inloggen in twee stappen' }).textContent();
    await eventually(twoFactor).toContain('Aan');
    await eventually(twoFactor).toContain('U heeft nog 10 herstelcodes over.');

    // Log out, and log in again with a recovery code instead of the app.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    await eventually(() => page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(0);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill('Koffie-met-een-koekje-3');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByLabel('Code uit uw app').fill(codes[0] as string);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await heading(page, 'Welkom, Noor Nieuwkomer');
    await eventually(() => page.getByRole('region', { name: 'Inloggen in twee stappen' }).textContent()).toContain('U heeft nog 9 herstelcodes over.');
    await page.context().close();
  });
});
