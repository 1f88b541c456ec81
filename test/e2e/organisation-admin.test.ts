import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousAxeViolations, hasChromium, useBrowserEnv } from '../support/browser.ts';
import { DEMO, DEMO_PASSWORD, eventually, freshTotp, heading, lastMailTo, linkPathFromMail, loaded, pageAs } from './helpers.ts';

const invitationRow = (page: Page, email: string) => page.getByRole('table', { name: 'Uitnodigingen' }).getByRole('row').filter({ hasText: email });

describe.skipIf(!hasChromium)('organisation staff, administration and account', () => {
  const env = useBrowserEnv();

  it('an organisation admin invites a colleague and revokes the invitation after confirming', async () => {
    const email = 'nieuwe.coordinator@voorbeeld.nl';
    const page = await pageAs(env, DEMO.coordinator);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Medewerkers' }).click();
    await heading(page, 'Vrijwilligerscentrale Leiden');
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('medewerkers');
    const members = () => page.getByRole('table', { name: 'Medewerkers en vrijwilligers' }).textContent();
    await eventually(members).toContain('Joost Bakker');
    await eventually(members).toContain('Marieke Jansen');
    await page.getByText('Nog geen uitnodigingen.').waitFor();

    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await page.locator('.mk-error-summary').getByText('E-mailadres: Vul een geldig e-mailadres in.').waitFor();

    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Rol').selectOption('coordinator');
    await page.getByLabel('Functie').fill('Coördinator respijtzorg');
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await page.getByText(`De uitnodiging is verstuurd naar ${email}.`).waitFor();
    await eventually(() => invitationRow(page, email).textContent()).toContain('Open');
    await eventually(() => invitationRow(page, email).textContent()).toContain('Coördinator');
    await expectNoSeriousAxeViolations(page, 'organisation page');

    // Revoking asks first; "no" changes nothing.
    const revoke = invitationRow(page, email).getByRole('button', { name: /Intrekken/ });
    await revoke.click();
    const dialog = page.getByRole('dialog', { name: 'Uitnodiging intrekken?' });
    await eventually(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Nee, terug');
    await expectNoSeriousAxeViolations(page, 'confirm dialog');
    await dialog.getByRole('button', { name: 'Nee, terug' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await loaded(page);
    await eventually(() => invitationRow(page, email).textContent()).toContain('Open');

    await revoke.click();
    await dialog.getByRole('button', { name: 'Ja, intrekken' }).click();
    await page.getByText(`De uitnodiging aan ${email} is ingetrokken.`).waitFor();
    await eventually(() => invitationRow(page, email).textContent()).toContain('Ingetrokken');
    const { rows } = await env.db.query<{ revoked: boolean }>('select revoked_at is not null as revoked from staff_invitations where email = $1', [email]);
    expect(rows[0]?.revoked).toBe(true);
    await page.context().close();
  });

  it('an invitation for an existing account keeps its link through logging in, then joins', async () => {
    // The coordinator invites the caregiver (who has an account) as a volunteer, through the API.
    const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO.coordinator.email, password: DEMO_PASSWORD, totp: await freshTotp(env.baseUrl, DEMO.coordinator.email) } });
    expect(login.statusCode).toBe(200);
    const cookie = `mk_session=${login.cookies.find((c) => c.name === 'mk_session')?.value}`;
    const organisationId = (login.json() as { memberships: { organisationId: string; role: string }[] }).memberships.find((m) => m.role === 'org_admin')?.organisationId;
    const invite = await env.app.inject({ method: 'POST', url: `/api/organisations/${organisationId}/invitations`, headers: { cookie }, payload: { email: DEMO.caregiver.email, role: 'volunteer' } });
    expect(invite.statusCode).toBe(201);
    const link = linkPathFromMail((await lastMailTo(env.db, DEMO.caregiver.email))?.body_text ?? '');

    const page = await env.newPage();
    await page.goto(`${env.baseUrl}${link}`);
    await heading(page, 'Uitnodiging');
    await page.getByRole('heading', { name: 'Eerst inloggen' }).waitFor();
    await page.getByRole('link', { name: 'Inloggen en terugkomen' }).click();
    await heading(page, 'Inloggen bij Mantelkring');
    await page.getByText('Log in om de uitnodiging aan te nemen.').waitFor();
    await page.getByLabel('E-mailadres').fill(DEMO.caregiver.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByText('U bent ingelogd als Anja de Vries').waitFor();
    await heading(page, 'Uitnodiging');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(link);
    await page.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
    await heading(page, 'Vrijwilligerscentrale Leiden');
    await page.getByText('Welkom! U werkt nu mee voor Vrijwilligerscentrale Leiden.').waitFor();
    const { rowCount } = await env.db.query(
      "select 1 from memberships m join users u on u.id = m.user_id where u.email = $1 and m.organisation_id = $2 and m.role = 'volunteer'",
      [DEMO.caregiver.email, organisationId],
    );
    expect(rowCount).toBe(1);
    await page.context().close();
  });

  it('the platform admin reads the outbox, searches users, reads the access log and adds an organisation', { timeout: 60_000 }, async () => {
    // A mail in the outbox: a password reset for the volunteer.
    const forgot = await env.app.inject({ method: 'POST', url: '/api/auth/password/forgot', payload: { email: DEMO.volunteer.email } });
    expect(forgot.statusCode).toBe(202);

    const page = await pageAs(env, DEMO.admin);

    // Outbox: read the mail; its link opens inside the app.
    await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Postvak uit' }).click();
    await heading(page, 'Postvak uit');
    await page.getByRole('table', { name: 'E-mails, nieuwste eerst' }).waitFor();
    await loaded(page);
    await expectNoSeriousAxeViolations(page, 'outbox');
    await page.getByRole('row').filter({ hasText: DEMO.volunteer.email }).getByRole('button', { name: 'Nieuw wachtwoord voor Mantelkring' }).click();
    const mail = page.getByRole('article');
    await eventually(() => mail.textContent()).toContain('Beste Joost Bakker');
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('mail-onderwerp');
    const mailLink = mail.getByRole('link', { name: /wachtwoord-herstellen\?token=/ });
    await eventually(() => mailLink.getAttribute('href')).toMatch(/^\/wachtwoord-herstellen\?token=[A-Za-z0-9_-]+$/);
    await page.getByRole('button', { name: 'E-mail sluiten' }).click();
    await mail.waitFor({ state: 'detached' });

    // Users: search.
    await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Gebruikers' }).click();
    await heading(page, 'Gebruikers');
    // Paging: 25 per page, with the page in the address.
    await page.getByRole('table', { name: 'Alle gebruikers' }).waitFor();
    const pager = page.locator('.mk-pager__summary');
    await eventually(() => pager.textContent()).toMatch(/^1 tot en met 25 van \d+$/);
    await page.getByRole('navigation', { name: 'Paginering' }).getByRole('link', { name: 'Volgende' }).click();
    await eventually(() => pager.textContent()).toMatch(/^26 tot en met 50 van \d+$/);
    await eventually(() => new URL(page.url()).searchParams.get('pagina')).toBe('2');
    await eventually(() => page.getByRole('link', { name: 'Pagina 2 van', exact: false }).getAttribute('aria-current')).toBe('page');
    await page.getByLabel('Zoek op naam of e-mailadres').fill('Beheerder');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('table', { name: 'Gebruikers met „Beheerder”' }).waitFor();
    const users = page.getByRole('table', { name: 'Gebruikers met „Beheerder”' }).getByRole('row');
    await eventually(() => users.count()).toBe(2);
    await eventually(() => users.nth(1).textContent()).toContain('admin@demo.mantelkring.nl');
    await loaded(page);
    await expectNoSeriousAxeViolations(page, 'users');

    // Access log: all columns, filtered by this user via the link in the user list.
    await users.nth(1).getByRole('link', { name: /Toegangslog/ }).click();
    await heading(page, 'Toegangslog');
    const log = page.getByRole('table', { name: 'Regels in het toegangslog, nieuwste eerst' });
    await eventually(() => log.getByRole('columnheader').allTextContents()).toEqual(['Tijd', 'Gebruiker', 'Actie', 'Gegeven', 'Cliënt', 'Bron', 'Toegangspunt', 'Uitkomst']);
    await eventually(() => page.getByLabel('Id van gebruiker').inputValue()).toMatch(/^[0-9a-f-]{36}$/);
    const firstLine = () => log.getByRole('row').nth(1).textContent();
    await eventually(firstLine).toContain('Beheerder Mantelkring');
    await eventually(firstLine).toContain('127.0.0.1');
    await eventually(firstLine).toContain('web');
    await loaded(page);
    await expectNoSeriousAxeViolations(page, 'access log');
    await page.getByLabel('Id van gebruiker').fill('geen-id');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.locator('#audit-userId-error').waitFor();

    // Organisations: the create form checks the sector rule, then adds the organisation.
    await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Organisaties' }).click();
    await heading(page, 'Organisaties beheren');
    await page.getByRole('table', { name: 'Alle organisaties' }).waitFor();
    await loaded(page);
    await expectNoSeriousAxeViolations(page, 'admin organisations');
    await page.getByLabel('Naam', { exact: true }).fill('Zorgboerderij De Vlinder');
    await page.getByLabel('Soort organisatie').selectOption('care_provider');
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await page.locator('#organisation-sector-error').waitFor();
    await page.getByLabel('Sector').selectOption('disability_care');
    await page.getByLabel('Gemeente').fill('Ede');
    await page.getByRole('radio', { name: /^Ede \(Gelderland\)/ }).check();
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await page.getByText('Zorgboerderij De Vlinder is toegevoegd.').waitFor();
    const { rows } = await env.db.query<{ kind: string; sector: string; municipality_code: string }>('select kind, sector, municipality_code from organisations where name = $1', [
      'Zorgboerderij De Vlinder',
    ]);
    expect(rows[0]).toEqual({ kind: 'care_provider', sector: 'disability_care', municipality_code: 'GM0228' });
    await page.getByRole('link', { name: 'Open Zorgboerderij De Vlinder en nodig medewerkers uit' }).click();
    await heading(page, 'Zorgboerderij De Vlinder');
    await page.getByText('Er werkt nog niemand mee in Mantelkring.').waitFor();
    await page.context().close();
  });

  it('account page: change name, see sessions and end another session after confirming', async () => {
    // A second session of the same person, as if on another device.
    const other = await env.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1' }, payload: { email: DEMO.client.email, password: DEMO_PASSWORD } });
    expect(other.statusCode).toBe(200);

    const page = await pageAs(env, DEMO.client);
    await page.getByRole('link', { name: 'Mijn account' }).click();
    await heading(page, 'Mijn account');
    const sessions = page.getByRole('table', { name: 'Waar u bent ingelogd' });
    await eventually(() => sessions.getByRole('row').count()).toBe(3);
    await eventually(() => sessions.textContent()).toContain('Dit apparaat');
    await eventually(() => sessions.textContent()).toContain('Safari op iOS');
    await loaded(page);
    await expectNoSeriousAxeViolations(page, 'account');

    const end = sessions.getByRole('row').filter({ hasText: 'Safari op iOS' }).getByRole('button', { name: 'Deze sessie beëindigen' });
    await end.click();
    await page.getByRole('dialog', { name: 'Deze sessie beëindigen?' }).getByRole('button', { name: 'Ja, beëindigen' }).click();
    await page.getByText('De sessie is beëindigd.').waitFor();
    await eventually(() => sessions.getByRole('row').count()).toBe(2);
    const me = await env.app.inject({ method: 'GET', url: '/api/me', cookies: { mk_session: other.cookies.find((c) => c.name === 'mk_session')?.value ?? '' } });
    expect(me.statusCode).toBe(401);

    await page.getByLabel('Uw naam').fill('Gerrit de Vries-Jansen');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Uw gegevens zijn opgeslagen.').waitFor();
    await eventually(() => page.locator('.mk-header__user-name').textContent()).toBe('Gerrit de Vries-Jansen');
    await page.context().close();
  });
});
