import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousAxeViolations, hasChromium, useBrowserEnv } from '../support/browser.ts';
import { DEMO, eventually, heading, loaded, pageAs } from './helpers.ts';

/** Extra clients of Fatima's organisation (no caregiver yet), so the list needs paging. */
const EXTRA = 30;
const CASELOAD = 'Cliënten en hun mantelzorgers';

describe.skipIf(!hasChromium)('professional: caseload, registering a client, contact moments', () => {
  const env = useBrowserEnv();
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
    page = await pageAs(env, DEMO.professional);
    const me = await (await page.request.get(`${env.baseUrl}/api/me`)).json();
    orgId = me.memberships.find((m: { role: string }) => m.role === 'professional').organisationId;
    for (let i = 1; i <= EXTRA; i++) {
      const res = await page.request.post(`${env.baseUrl}/api/clients`, {
        data: { organisationId: orgId, client: { givenName: 'Cliënt', familyName: `Voorbeeld ${String(i).padStart(2, '0')}`, municipalityCode: 'GM0546' }, clientCanDecide: true },
      });
      expect(res.status()).toBe(201);
    }
  });

  it('shows the caseload with indicators in words, pages, filters, searches and sorts through the address (back button works)', async () => {
    await openCaseload();
    await page.waitForURL(new RegExp(`/organisaties/${orgId}/clienten$`));
    const total = EXTRA + 2; // Gerrit and one generated Leiden client come with the demo data.
    await eventually(() => summary().textContent()).toBe(`1 tot en met 25 van ${total}`);
    await eventually(() => rows().count()).toBe(25);

    // Gerrit de Vries: caregiver in view with the main caregiver's name, map made, contact < 30 days.
    const gerrit = rowOf('Gerrit de Vries');
    const text = () => gerrit.textContent();
    await eventually(text).toContain('Ja, in beeld');
    await eventually(text).toContain('Hoofdmantelzorger: Anja de Vries');
    await eventually(text).toContain('Ja, gemaakt');
    await eventually(text).toContain('7 personen op de kaart');
    await eventually(text).toMatch(/\d+ dagen geleden|Vandaag|Gisteren/);
    // (The row is complete now, so no attention marker means none.)
    await eventually(() => gerrit.locator('.mk-indicator--attention').count()).toBe(0);
    // A new client: no caregiver and never any contact, both highlighted, with an icon and words.
    const extra = rowOf('Cliënt Voorbeeld 01');
    await eventually(() => extra.locator('.mk-indicator--attention').allTextContents()).toEqual(['Nee, nog geen mantelzorger', 'Nog nooit contact']);
    await eventually(() => extra.locator('.mk-indicator--attention svg').count()).toBe(2);

    // Paging keeps its place in the address.
    await page.getByRole('link', { name: 'Volgende' }).click();
    await page.waitForURL(/pagina=2/);
    await eventually(() => summary().textContent()).toBe(`26 tot en met ${total} van ${total}`);
    await page.goBack();
    await eventually(() => summary().textContent()).toBe(`1 tot en met 25 van ${total}`);

    // Filter: only clients without a caregiver.
    await page.getByLabel('zonder mantelzorger in beeld').check();
    await page.getByRole('button', { name: 'Toon cliënten' }).click();
    await page.waitForURL(/filter=zonder-mantelzorger/);
    await eventually(() => summary().textContent()).toBe(`1 tot en met 25 van ${EXTRA}`);
    await loaded(page);
    await eventually(() => rowOf('Gerrit de Vries').count()).toBe(0);
    await eventually(() => page.locator('.mk-caseload tbody td:nth-child(3)').allTextContents()).toEqual(Array(25).fill(expect.stringContaining('Nee, nog geen mantelzorger')));
    // Page size 50 together with the filter.
    await page.getByLabel('Aantal per pagina').selectOption('50');
    await page.getByRole('button', { name: 'Toon cliënten' }).click();
    await page.waitForURL(/per=50/);
    await eventually(() => summary().textContent()).toBe(`1 tot en met ${EXTRA} van ${EXTRA}`);
    expect(page.url()).toContain('filter=zonder-mantelzorger');
    // Back twice: the filter is gone again, in the list and in the form.
    await page.goBack();
    await page.goBack();
    await eventually(() => summary().textContent()).toBe(`1 tot en met 25 van ${total}`);
    await eventually(() => page.getByLabel('zonder mantelzorger in beeld').isChecked()).toBe(false);

    // Search by name.
    await page.getByLabel('Zoek op naam van de cliënt').fill('gerrit');
    await page.getByRole('button', { name: 'Toon cliënten' }).click();
    await page.waitForURL(/zoek=gerrit/);
    await eventually(() => rows().count()).toBe(1);
    await eventually(() => rows().first().textContent()).toContain('Gerrit de Vries');

    // A search without results says so, and offers to show everyone.
    await page.getByLabel('Zoek op naam van de cliënt').fill('bestaat-niet');
    await page.getByRole('button', { name: 'Toon cliënten' }).click();
    await page.getByText('Geen cliënten gevonden die passen bij uw zoekwoord of filters.').waitFor();
    await page.getByRole('button', { name: 'Toon alle cliënten' }).click();
    await eventually(() => summary().textContent()).toBe(`1 tot en met 25 van ${total}`);

    // Sort by last contact, most recent first: the clients with contact come first, "never" last.
    await page.getByLabel('Sorteren op').selectOption('last_contact');
    await page.getByLabel('Volgorde').selectOption('desc');
    await page.getByRole('button', { name: 'Toon cliënten' }).click();
    await page.waitForURL(/sorteer=contact&volgorde=aflopend/);
    await eventually(() => page.locator('.mk-table__caption').textContent()).toContain('gesorteerd op laatste contact, meest recent eerst');
    const days = (text: string | undefined) => (text === 'Vandaag' ? 0 : text === 'Gisteren' ? 1 : Number(/(\d+) dagen/.exec(text ?? '')?.[1] ?? Number.NaN));
    // Clients with contact first, the most recent first; "never" last.
    const contactOrder = async () => {
      const cells = await page.locator('.mk-caseload tbody td:nth-child(6)').allTextContents();
      return { count: cells.length, firstHadContact: !(cells[0] ?? 'Nog nooit').includes('Nog nooit'), sorted: days(cells[0]) <= days(cells[1]), last: cells.at(-1) };
    };
    await loaded(page);
    await eventually(contactOrder, 'contact column sorted by last contact').toEqual({ count: 25, firstHadContact: true, sorted: true, last: 'Nog nooit contact' });
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
    await eventually(() => page.evaluate(() => document.activeElement?.classList.contains('mk-error-summary'))).toBe(true);
    await eventually(() => errorSummary.locator('a').allTextContents()).toEqual(
      expect.arrayContaining(['Voornaam: Vul de voornaam in.', 'Gemeente waar de cliënt woont: Kies de gemeente waar de cliënt woont.', 'Kan de cliënt zelf beslissen wie wat ziet?: Kies ja of nee.']),
    );

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
    await eventually(() => page.locator('#client-bsn-error').textContent()).toContain('Dit BSN klopt niet (elfproef).');
    await eventually(() => page.getByLabel(/^Burgerservicenummer/).getAttribute('aria-invalid')).toBe('true');

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
    await eventually(() => rowOf('Truus Brouwer').locator('td:nth-child(6)').textContent()).toBe('Nog nooit contact');
    await rowOf('Truus Brouwer').getByRole('link', { name: /Contact vastleggen/ }).click();
    await heading(page, 'Contact met de mantelzorgers van Truus Brouwer');
    // The history loads after the heading: wait for its empty state (it was counted too early once).
    await page.getByText('Er zijn nog geen contactmomenten vastgelegd.').waitFor();

    // A moment in the future is refused.
    await page.getByLabel(/^Wanneer/).fill('2099-01-01T10:00');
    await page.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
    await eventually(() => page.locator('#contact-occurredAt-error').textContent()).toContain('Een contactmoment kan niet in de toekomst liggen.');

    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    await page.getByLabel(/^Wanneer/).fill(`${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`);
    await eventually(() => page.getByLabel('Met welke mantelzorger?').inputValue()).not.toBe('');
    await page.getByLabel(/^Notitie/).fill('Kees slaapt slecht; wil graag een keer per week vrij.');
    await page.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
    await page.getByText('Het contactmoment is vastgelegd.').waitFor();
    const history = page.locator('#eerdere-contacten').locator('xpath=..').locator('tbody tr');
    await eventually(() => history.count()).toBe(1);
    await eventually(() => history.first().textContent()).toContain('Kees slaapt slecht');
    await eventually(() => history.first().textContent()).toContain('„Hoe gaat het met u?”');

    await page.getByRole('link', { name: 'Terug naar de lijst met cliënten' }).click();
    await heading(page, CASELOAD);
    await page.getByLabel('Zoek op naam van de cliënt').fill('Truus');
    await page.getByRole('button', { name: 'Toon cliënten' }).click();
    await eventually(() => rowOf('Truus Brouwer').locator('td:nth-child(6)').textContent()).toBe('Vandaag');
    await eventually(() => rowOf('Truus Brouwer').locator('td:nth-child(3)').textContent()).toContain('Hoofdmantelzorger: Kees Brouwer');
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
    await eventually(() => dialog.textContent()).toContain('Truus Brouwer');
    await dialog.getByRole('button', { name: 'Ja, uitnodigen' }).click();
    const result = page.locator('.mk-alert', { hasText: 'Klaar met uitnodigen.' });
    await eventually(() => result.textContent()).toContain('1 persoon heeft een uitnodiging gekregen.');
    await eventually(() => result.textContent()).toContain('1 cliënt is overgeslagen');
    const { rows: mails } = await env.db.query("select 1 from outbox where to_address = 'kees.brouwer@example.nl'");
    expect(mails).toHaveLength(1);
    // The choice is cleared after inviting.
    await page.getByText('Nog geen cliënten gekozen.').waitFor();
  }, 60_000);

  it('links a circle with the code a caregiver gave: a wrong code is refused, the right one opens the circle', async () => {
    // Anja (caregiver) starts a circle for her neighbour and makes a code for a care organisation.
    const anja = await pageAs(env, DEMO.caregiver);
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
    await eventually(() => page.locator('.mk-error-summary').textContent()).toContain('Deze code klopt niet of is verlopen.');
    // Lower case and without the dash is fine too.
    await page.getByRole('textbox', { name: 'Code' }).fill(code.replace('-', '').toLowerCase());
    await page.getByRole('button', { name: 'Kring koppelen' }).click();
    await page.waitForURL(new RegExp(`/kringen/${bepId}$`));
    const { items } = await (await page.request.get(`${env.baseUrl}/api/organisations/${orgId}/clients?q=Koster`)).json();
    expect(items.map((i: { givenName: string }) => i.givenName)).toEqual(['Bep']);
    expect(items[0].indicators).toMatchObject({ caregiverRegistered: true, mainCaregiver: 'Anja de Vries' });
  }, 60_000);

  it('on a 390 px phone: rows become cards, the list and the registration form pass axe', async () => {
    const phone = await pageAs(env, DEMO.professional, { mobile: true, path: `/organisaties/${orgId}/clienten`, title: CASELOAD });
    const firstCell = phone.locator('.mk-caseload tbody tr').first().locator('td').nth(1);
    await eventually(() => firstCell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Cliënt"');
    await loaded(phone);
    await eventually(() => phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(phone, 'caseload (phone)');
    await phone.getByRole('link', { name: 'Cliënt inschrijven' }).click();
    await heading(phone, 'Cliënt inschrijven');
    await loaded(phone);
    await eventually(() => phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(phone, 'register client form (phone)');
    await phone.context().close();
  }, 60_000);
});
