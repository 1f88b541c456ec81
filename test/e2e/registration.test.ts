import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, hasChromium, useBrowserEnv } from '../support/browser.ts';
import { eventually, heading, lastMailTo, linkPathFromMail, loaded, logIn } from './helpers.ts';

const PASSWORD = 'Zonnebloem-over-de-brug-42';

describe.skipIf(!hasChromium)('registration, e-mail verification and password reset', () => {
  const env = useBrowserEnv();

  it('registers a caregiver, confirms the address with the link from the mail, and logs in', async () => {
    const email = 'nieuwe.mantelzorger@voorbeeld.nl';
    const page = await env.newPage();
    await page.goto(`${env.baseUrl}/registreren`);
    await heading(page, 'Account maken');
    await page.getByRole('radio', { name: 'Ik ben mantelzorger' }).check();
    await page.getByLabel('Uw naam').fill('Wilma Nieuw');
    await page.getByLabel('E-mailadres').fill(email);

    // A well-known password is refused by the server, shown next to the field.
    await page.getByLabel('Wachtwoord', { exact: true }).fill('welkom123456');
    await page.getByRole('button', { name: 'Account maken' }).click();
    await eventually(() => page.locator('#register-password-error').textContent()).toContain('Dit wachtwoord is te bekend');
    expect(await env.db.query('select 1 from users where email = $1', [email]).then((r) => r.rowCount)).toBe(0);

    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Gemeente').fill('leiden');
    await page.getByRole('radio', { name: /^Leiden \(Zuid-Holland\)/ }).check();
    await page.getByRole('button', { name: 'Account maken' }).click();
    await heading(page, 'Kijk in uw mail');
    await eventually(() => page.locator('main').textContent()).toContain(`We hebben een e-mail gestuurd naar ${email}`);
    await expectNoSeriousAxeViolations(page, 'registration sent');

    const { rows } = await env.db.query<{ personas: string[]; municipality_code: string; verified: boolean }>(
      'select personas, municipality_code, email_verified_at is not null as verified from users where email = $1',
      [email],
    );
    expect(rows[0]).toEqual({ personas: ['caregiver'], municipality_code: 'GM0546', verified: false });

    // Logging in before confirming says so.
    await page.goto(`${env.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByText('Bevestig eerst uw e-mailadres.').waitFor();
    await eventually(() => page.getByRole('button', { name: 'Stuur de bevestigingslink opnieuw' }).count()).toBe(1);

    const mail = await lastMailTo(env.db, email);
    expect(mail?.subject).toBe('Bevestig uw e-mailadres voor Mantelkring');
    const link = linkPathFromMail(mail?.body_text ?? '');
    expect(link).toMatch(/^\/e-mail-bevestigen\?token=/);
    await page.goto(`${env.baseUrl}${link}`);
    await page.getByText('Uw e-mailadres is bevestigd. U kunt nu inloggen.').waitFor();
    await loaded(page);
    await expectNoSeriousAxeViolations(page, 'email verified');
    // The link works once.
    const again = await env.newPage();
    await again.goto(`${env.baseUrl}${link}`);
    await again.getByText('Deze link is ongeldig of verlopen.').waitFor();
    await again.context().close();

    await page.getByRole('link', { name: 'Naar inloggen' }).click();
    await logIn(page, env.baseUrl, { email, totp: false }, PASSWORD);
    await eventually(() => page.locator('h1').textContent()).toBe('Welkom, Wilma Nieuw');
    await page.getByText('Uw gemeente: Leiden.').waitFor();
    await eventually(() => page.locator('main').textContent()).toContain('U bent mantelzorger');
    await page.context().close();
  });

  it('resets a forgotten password with the link from the mail', async () => {
    const email = 'mantelzorger@demo.mantelkring.nl';
    const page = await env.newPage();
    await page.goto(`${env.baseUrl}/inloggen`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await heading(page, 'Wachtwoord vergeten');
    await expectNoSeriousAxeViolations(page, 'forgot password');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    await page.getByText(`Als ${email} bij ons bekend is`).waitFor();

    const mail = await lastMailTo(env.db, email);
    expect(mail?.subject).toBe('Nieuw wachtwoord voor Mantelkring');
    await page.goto(`${env.baseUrl}${linkPathFromMail(mail?.body_text ?? '')}`);
    await heading(page, 'Nieuw wachtwoord kiezen');
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Nieuw-en-lang-wachtwoord-7');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('Iets-anders-dan-hierboven');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await eventually(() => page.locator('#reset-repeat-error').textContent()).toContain('De twee wachtwoorden zijn niet hetzelfde.');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('Nieuw-en-lang-wachtwoord-7');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByText('Uw nieuwe wachtwoord is opgeslagen.').waitFor();
    await logIn(page, env.baseUrl, { email, totp: false }, 'Nieuw-en-lang-wachtwoord-7');
    await eventually(() => page.locator('h1').textContent()).toBe('Welkom, Anja de Vries');
    await page.context().close();
  });
});
