import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousAxeViolations, hasChromium, startBrowserEnv, type BrowserEnv } from '../support/browser.ts';
import { DEMO, heading, logIn } from './helpers.ts';

/** Extra clients of Fatima's organisation (no caregiver yet), so the list needs paging. */
const EXTRA = 30;
const CASELOAD = 'Cliënten en hun mantelzorgers';

/** Polls until the value matches (generous under load: two browsers may run side by side). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

describe.skipIf(!hasChromium)('professional: caseload, registering a client, contact moments', () => {
  let env: BrowserEnv;
  let page: Page;
  let orgId: string;

  const rows = () => page.locator('.mk-caseload tbody tr');
  const rowOf = (name: string) => page.locator('.mk-caseload tbody tr', { hasText: name });
  const summary = () => page.locator('.mk-pager__summary');
  const openCaseload = async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn cliënten' }).click();
    await heading(page, CASELOAD);
    await rows().first().waitFor();
  };

  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.newPage();
    page.setDefaultTimeout(15_000);
    await logIn(page, env.baseUrl, DEMO.professional);
    const me = await (await page.request.get(`${env.baseUrl}/api/me`)).json();
    orgId = me.memberships.find((m: { role: string }) => m.role === 'professional').organisationId;
    for (let i = 1; i <= EXTRA; i++) {
      const res = await page.request.post(`${env.baseUrl}/api/clients`, {
        data: { organisationId: orgId, client: { givenName: 'Cliënt', familyName: `Voorbeeld ${String(i).padStart(2, '0')}`, municipalityCode: 'GM0546' }, clientCanDecide: true },
      });
      expect(res.status()).toBe(201);
    }
  });
  afterAll(async () => env?.close());

  it('shows the caseload with indicators in words, pages, filters, searches and sorts through the address (back button works)', async () => {
    await openCaseload();
    expect(page.url()).toMatch(new RegExp(`/organisaties/${orgId}/clienten$`));
    const total = EXTRA + 2; // Gerrit and one generated Leiden client come with the demo data.
    expect(await summary().textContent()).toBe(`1 tot en met 25 van ${total}`);
    expect(await rows().count()).toBe(25);

    // Gerrit de Vries: caregiver in view with the main caregiver's name, map made, contact < 30 days.
    const gerrit = rowOf('Gerrit de Vries');
    const text = (await gerrit.textContent()) ?? '';
    expect(text).toContain('Ja, in beeld');
    expect(text).toContain('Hoofdmantelzorger: Anja de Vries');
    expect(text).toContain('Ja, gemaakt');
    expect(text).toContain('7 personen op de kaart');
    expect(text).toMatch(/\d+ dagen geleden|Vandaag|Gisteren/);
    expect(await gerrit.locator('.mk-indicator--attention').count()).toBe(0);
    // A new client: no caregiver and never any contact, both highlighted, with an icon and words.
    const extra = rowOf('Cliënt Voorbeeld 01');
    expect(await extra.locator('.mk-indicator--attention').allTextContents()).toEqual(['Nee, nog geen mantelzorger', 'Nog nooit contact']);
    expect(await extra.locator('.mk-indicator--attention svg').count()).toBe(2);

    // Paging keeps its place in the address.
    await page.getByRole('link', { name: 'Volgende' }).click();
    await page.waitForURL(/pagina=2/);
    await poll(() => summary().textContent()).toBe(`26 tot en met ${total} van ${total}`);
    await page.goBack();
    await poll(() => summary().textContent()).toBe(`1 tot en met 25 van ${total}`);

    // Filter: only clients without a caregiver.
    await page.getByLabel('zonder mantelzorger in beeld').check();
    await page.getByRole('button', { name: 'Toon cliënten' }).click();
    await page.waitForURL(/filter=zonder-mantelzorger/);
    await poll(() => summary().textContent()).toBe(`1 tot en met 25 van ${EXTRA}`);
    expect(await rowOf('Gerrit de Vries').count()).toBe(0);
    for (const t of await page.locator('.mk-caseload tbody td:nth-child(3)').allTextContents()) expect(t).toContain('Nee, nog geen mantelzorger');
    // Page size 50 together with the filter.
    await page.getByLabel('Aantal per pagina').selectOption('50');
    await page.getByRole('button', { name: 'Toon cliënten' }).click();
    await page.waitForURL(/per=50/);
    await poll(() => summary().textContent()).toBe(`1 tot en met ${EXTRA} van ${EXTRA}`);
    expect(page.url()).toContain('filter=zonder-mantelzorger');
    // Back twice: the filter is gone again, in the list and in the form.
    await page.goBack();
    await page.goBack();
    await poll(() => summary().textContent()).toBe(`1 tot en met 25 van ${total}`);
    expect(await page.getByLabel('zonder mantelzorger in beeld').isChecked()).toBe(false);

    // Search by name.
    await page.getByLabel('Zoek op naam van de cliënt').fill('gerrit');
    await page.getByRole('button', { name: 'Toon cliënten' }).click();
    await page.waitForURL(/zoek=gerrit/);
    await poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('Gerrit de Vries');

    // A search without results says so, and offers to show everyone.
    await page.getByLabel('Zoek op naam van de cliënt').fill('bestaat-niet');
    await page.getByRole('button', { name: 'Toon cliënten' }).click();
    await page.getByText('Geen cliënten gevonden die passen bij uw zoekwoord of filters.').waitFor();
    await page.getByRole('button', { name: 'Toon alle cliënten' }).click();
    await poll(() => summary().textContent()).toBe(`1 tot en met 25 van ${total}`);

    // Sort by last contact, most recent first: the clients with contact come first, "never" last.
    await page.getByLabel('Sorteren op').selectOption('last_contact');
    await page.getByLabel('Volgorde').selectOption('desc');
    await page.getByRole('button', { name: 'Toon cliënten' }).click();
    await page.waitForURL(/sorteer=contact&volgorde=aflopend/);
    await poll(() => page.locator('.mk-table__caption').textContent()).toContain('gesorteerd op laatste contact, meest recent eerst');
    const contactCells = await page.locator('.mk-caseload tbody td:nth-child(6)').allTextContents();
    const days = (text: string | undefined) => (text === 'Vandaag' ? 0 : text === 'Gisteren' ? 1 : Number(/(\d+) dagen/.exec(text ?? '')?.[1] ?? Number.NaN));
    expect(days(contactCells[0])).toBeLessThanOrEqual(days(contactCells[1]));
    expect(contactCells[0]).not.toContain('Nog nooit');
    expect(contactCells.at(-1)).toBe('Nog nooit contact');
    await expectNoSeriousAxeViolations(page, 'caseload (desktop)');
  }, 60_000);

  it('registers a client: the server’s BSN check is shown at the field, then the circle page opens', async () => {
    await page.goto(`${env.baseUrl}/organisaties/${orgId}/clienten`);
    await heading(page, CASELOAD);
    await page.getByRole('link', { name: 'Cliënt inschrijven' }).click();
    await heading(page, 'Cliënt inschrijven');
    await expectNoSeriousAxeViolations(page, 'register client form (desktop)');

    // Nothing filled in: the error summary takes focus and links to the fields.
    await page.getByRole('button', { name: 'Cliënt inschrijven' }).click();
    const errorSummary = page.locator('.mk-error-summary');
    await errorSummary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('mk-error-summary'))).toBe(true);
    const errors = await errorSummary.locator('a').allTextContents();
    expect(errors).toContain('Voornaam: Vul de voornaam in.');
    expect(errors).toContain('Gemeente waar de cliënt woont: Kies de gemeente waar de cliënt woont.');
    expect(errors).toContain('Kan de cliënt zelf beslissen wie wat ziet?: Kies ja of nee.');

    await page.getByLabel('Voornaam').fill('Truus');
    await page.getByLabel('Achternaam').fill('Brouwer');
    await page.getByLabel(/^Geboortedatum/).fill('1938-05-17');
    await page.getByLabel('Gemeente waar de cliënt woont').fill('Leide');
    await page.getByLabel(/^Leiden/).check();
    await page.getByLabel(/^Zorgsituatie/).fill('Woont alleen. Vergeet soms te eten.');
    await page.getByLabel('Geheugen (dementie)').check();
    await page.getByLabel(/^Burgerservicenummer/).fill('123456789');
    await page.getByLabel('Ja, de cliënt beslist zelf').check();
    await page.getByRole('button', { name: 'Cliënt inschrijven' }).click();
    // The elfproef is checked by the server; its message comes back next to the field.
    const bsnError = page.locator('#client-bsn-error');
    await bsnError.waitFor();
    expect(await bsnError.textContent()).toContain('Dit BSN klopt niet (elfproef).');
    expect(await page.getByLabel(/^Burgerservicenummer/).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel(/^Burgerservicenummer/).fill('111222333');
    await page.getByRole('button', { name: 'Cliënt inschrijven' }).click();
    await page.waitForURL(/\/kringen\/[0-9a-f-]{36}$/);
    const clientId = page.url().split('/').pop() as string;
    const circle = await (await page.request.get(`${env.baseUrl}/api/circles/${clientId}`)).json();
    expect(circle.client).toMatchObject({ givenName: 'Truus', familyName: 'Brouwer', birthDate: '1938-05-17', municipalityCode: 'GM0546', bsn: '111222333', careNeeds: ['dementia'] });
  }, 60_000);

  it('records a contact moment with a caregiver; the indicator in the list updates', async () => {
    const { items } = await (await page.request.get(`${env.baseUrl}/api/organisations/${orgId}/clients?q=Truus`)).json();
    const clientId = items[0].clientId as string;
    // The circle gets a main caregiver (the circle page is where this is done in the app).
    const add = await page.request.post(`${env.baseUrl}/api/circles/${clientId}/members`, {
      data: { kind: 'caregiver', givenName: 'Kees', familyName: 'Brouwer', isMainCaregiver: true, relationshipCode: 'SONC', hoursPerWeek: 12, email: 'kees.brouwer@example.nl' },
    });
    expect(add.status()).toBe(201);

    await page.goto(`${env.baseUrl}/organisaties/${orgId}/clienten?zoek=Truus`);
    await rowOf('Truus Brouwer').waitFor();
    expect(await rowOf('Truus Brouwer').locator('td:nth-child(6)').textContent()).toBe('Nog nooit contact');
    await rowOf('Truus Brouwer').getByRole('link', { name: /Contact vastleggen/ }).click();
    await heading(page, 'Contact met de mantelzorgers van Truus Brouwer');
    expect(await page.getByText('Er zijn nog geen contactmomenten vastgelegd.').count()).toBe(1);

    // A moment in the future is refused.
    await page.getByLabel(/^Wanneer/).fill('2099-01-01T10:00');
    await page.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
    await page.locator('#contact-occurredAt-error').waitFor();
    expect(await page.locator('#contact-occurredAt-error').textContent()).toContain('Een contactmoment kan niet in de toekomst liggen.');

    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    await page.getByLabel(/^Wanneer/).fill(`${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`);
    expect(await page.getByLabel('Met welke mantelzorger?').inputValue()).not.toBe('');
    await page.getByLabel(/^Notitie/).fill('Kees slaapt slecht; wil graag een keer per week vrij.');
    await page.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
    await page.getByText('Het contactmoment is vastgelegd.').waitFor();
    const history = page.locator('#eerdere-contacten').locator('xpath=..').locator('tbody tr');
    await poll(() => history.count()).toBe(1);
    expect(await history.first().textContent()).toContain('Kees slaapt slecht');
    expect(await history.first().textContent()).toContain('„Hoe gaat het met u?”');

    await page.getByRole('link', { name: 'Terug naar de lijst met cliënten' }).click();
    await heading(page, CASELOAD);
    await page.getByLabel('Zoek op naam van de cliënt').fill('Truus');
    await page.getByRole('button', { name: 'Toon cliënten' }).click();
    await poll(async () => rowOf('Truus Brouwer').locator('td:nth-child(6)').textContent()).toBe('Vandaag');
    expect(await rowOf('Truus Brouwer').locator('td:nth-child(3)').textContent()).toContain('Hoofdmantelzorger: Kees Brouwer');
  }, 60_000);

  it('invites the networks of chosen clients after a confirmation, and says who was invited and who skipped', async () => {
    await page.goto(`${env.baseUrl}/organisaties/${orgId}/clienten?zoek=r`);
    await rowOf('Truus Brouwer').waitFor();
    // Truus's circle is managed by the organisation; Gerrit's is not (his family linked it with "full").
    await page.getByLabel('Kies Truus Brouwer').check();
    await page.getByLabel('Kies Gerrit de Vries').check();
    await page.getByText('2 cliënten gekozen.').waitFor();
    await page.getByRole('button', { name: 'Netwerk uitnodigen' }).click();
    const dialog = page.getByRole('dialog', { name: 'De netwerken van 2 cliënten uitnodigen?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Truus Brouwer');
    await dialog.getByRole('button', { name: 'Ja, uitnodigen' }).click();
    const result = page.locator('.mk-alert', { hasText: 'Klaar met uitnodigen.' });
    await result.waitFor();
    expect(await result.textContent()).toContain('1 persoon heeft een uitnodiging gekregen.');
    expect(await result.textContent()).toContain('1 cliënt is overgeslagen');
    const { rows: mails } = await env.db.query("select 1 from outbox where to_address = 'kees.brouwer@example.nl'");
    expect(mails).toHaveLength(1);
    expect(await page.getByText('Nog geen cliënten gekozen.').count()).toBe(1);
  }, 60_000);

  it('links a circle with the code a caregiver gave: a wrong code is refused, the right one opens the circle', async () => {
    // Anja (caregiver) starts a circle for her neighbour and makes a code for a care organisation.
    const anja = await env.newPage();
    anja.setDefaultTimeout(15_000);
    await logIn(anja, env.baseUrl, DEMO.caregiver);
    const started = await anja.request.post(`${env.baseUrl}/api/circles`, {
      data: { client: { givenName: 'Bep', familyName: 'Koster', municipalityCode: 'GM0546' }, me: { relationshipCode: 'OTH', helpKinds: ['household'] }, clientCanDecide: false },
    });
    expect(started.status()).toBe(201);
    const bepId = (await started.json()).client.id as string;
    const invitation = await anja.request.post(`${env.baseUrl}/api/circles/${bepId}/organisation-invitation`, { data: { accessLevel: 'full' } });
    expect(invitation.status()).toBe(201);
    const { code } = (await invitation.json()) as { code: string };
    await anja.context().close();

    await page.goto(`${env.baseUrl}/organisaties/${orgId}/clienten`);
    await heading(page, CASELOAD);
    await page.getByRole('link', { name: 'Kring koppelen met een code' }).click();
    await heading(page, 'Kring koppelen met een code');
    await page.getByRole('textbox', { name: 'Code' }).fill('ABCD-EFGH');
    await page.getByRole('button', { name: 'Kring koppelen' }).click();
    await page.locator('.mk-error-summary').waitFor();
    expect(await page.locator('.mk-error-summary').textContent()).toContain('Deze code klopt niet of is verlopen.');
    // Lower case and without the dash is fine too.
    await page.getByRole('textbox', { name: 'Code' }).fill(code.replace('-', '').toLowerCase());
    await page.getByRole('button', { name: 'Kring koppelen' }).click();
    await page.waitForURL(new RegExp(`/kringen/${bepId}$`));
    const { items } = await (await page.request.get(`${env.baseUrl}/api/organisations/${orgId}/clients?q=Koster`)).json();
    expect(items.map((i: { givenName: string }) => i.givenName)).toEqual(['Bep']);
    expect(items[0].indicators).toMatchObject({ caregiverRegistered: true, mainCaregiver: 'Anja de Vries' });
  }, 60_000);

  it('on a 390 px phone: rows become cards, the list and the registration form pass axe', async () => {
    const phone = await env.newPage({ mobile: true });
    phone.setDefaultTimeout(15_000);
    await logIn(phone, env.baseUrl, DEMO.professional);
    await phone.goto(`${env.baseUrl}/organisaties/${orgId}/clienten`);
    await heading(phone, CASELOAD);
    const firstCell = phone.locator('.mk-caseload tbody tr').first().locator('td').nth(1);
    await firstCell.waitFor();
    expect(await firstCell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Cliënt"');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(phone, 'caseload (phone)');
    await phone.getByRole('link', { name: 'Cliënt inschrijven' }).click();
    await heading(phone, 'Cliënt inschrijven');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(phone, 'register client form (phone)');
    await phone.context().close();
  }, 60_000);
});
