import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousAxeViolations, hasChromium, useBrowserEnv } from '../support/browser.ts';
import { DEMO, eventually, heading, lastMailTo, linkPathFromMail, loaded, logIn, pageAs } from './helpers.ts';

const KARIN = { email: 'karin.devries@voorbeeld.nl', name: 'Karin de Vries', password: 'Kleindochter-helpt-opa-2026' };

/** Adds a person through the "Iemand toevoegen" form on the Mensen section. */
async function addMember(page: Page, m: { kind: string; given: string; family?: string; ring: string; relationship?: string; organisation?: string; job?: string; email?: string; tie?: string }) {
  await page.getByRole('button', { name: 'Iemand toevoegen' }).click();
  const form = page.getByRole('region', { name: 'Iemand toevoegen' });
  await form.getByRole('radio', { name: m.kind, exact: true }).check();
  await form.getByLabel('Voornaam').fill(m.given);
  if (m.family) await form.getByLabel('Achternaam').fill(m.family);
  if (m.relationship) await form.getByLabel('Familierelatie').selectOption(m.relationship);
  if (m.organisation) await form.getByLabel('Organisatie').fill(m.organisation);
  if (m.job) await form.getByLabel('Functie').fill(m.job);
  await form.getByRole('radio', { name: m.ring }).check();
  if (m.tie) await form.getByRole('radio', { name: m.tie }).check();
  if (m.email) await form.getByLabel('E-mailadres').fill(m.email);
  await form.getByRole('button', { name: 'Toevoegen', exact: true }).click();
  const who = [m.given, m.family].filter(Boolean).join(' ');
  await page.getByText(`${who} staat nu in de kring.`).waitFor();
  // After adding, the invitation panel opens for that person.
  await page.getByRole('heading', { name: `${who} uitnodigen` }).waitFor();
}

describe.skipIf(!hasChromium)('care circle: build, invite, consent', () => {
  const env = useBrowserEnv();
  let gerrit: string;
  let truus = '';
  beforeAll(async () => {
    const { rows } = await env.db.query<{ id: string }>("select c.id from clients c join users u on u.id = c.user_id where u.email = 'client@demo.mantelkring.nl'");
    gerrit = rows[0]?.id as string;
    expect(gerrit).toBeTruthy();
  });

  it('a caregiver starts a circle and builds it with people of every kind', { timeout: 60_000 }, async () => {
    const page = await pageAs(env, DEMO.caregiver);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn zorgkringen' }).click();
    await heading(page, 'Mijn zorgkringen');
    await page.locator('.mk-circle-card').first().waitFor();
    await loaded(page);
    await eventually(() => page.locator('.mk-circle-card').allTextContents()).toEqual([expect.stringContaining('Zorgkring van Gerrit de Vries')]);
    await page.getByRole('link', { name: 'Start een zorgkring' }).click();
    await heading(page, 'Start een zorgkring');

    // Submitting empty shows the error summary, with focus on it.
    await page.getByRole('button', { name: 'Zorgkring starten' }).click();
    await page.locator('.mk-error-summary:focus').waitFor();
    await eventually(() => page.locator('.mk-error-summary').textContent()).toContain('Kies de gemeente waar deze persoon woont.');

    await page.getByLabel('Voornaam').fill('Truus');
    await page.getByLabel('Achternaam').fill('Bakker');
    await page.getByLabel('Geboortedatum').fill('1938-05-02');
    await page.getByLabel('Gemeente waar deze persoon woont').fill('leiden');
    await page.getByRole('radio', { name: /^Leiden \(Zuid-Holland\)/ }).check();
    await page.getByRole('checkbox', { name: 'Geheugen (dementie)' }).check();
    await page.getByLabel('Wat bent u van Truus?').selectOption('DAUC');
    await page.getByRole('checkbox', { name: 'Huishouden' }).check();
    await page.getByLabel('Hoeveel uur per week helpt u ongeveer?').fill('10,5');
    await page.getByRole('radio', { name: 'Nee, Truus kan dat niet (meer)' }).check();
    await page.getByRole('button', { name: 'Zorgkring starten' }).click();
    await heading(page, 'Zorgkring van Truus Bakker');
    await page.getByText('De zorgkring van Truus is gestart.').waitFor();
    truus = /\/kringen\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
    const { rows } = await env.db.query<{ decider: string; care_needs: string[]; hours: string }>(
      "select c.decider, c.care_needs, m.hours_per_week::text as hours from clients c join circle_members m on m.client_id = c.id where c.id = $1",
      [truus],
    );
    // She cannot decide herself: the main caregiver decides, and that is recorded.
    expect(rows[0]).toEqual({ decider: 'main_caregiver', care_needs: ['dementia'], hours: '10.5' });

    await page.getByRole('navigation', { name: 'Onderdelen van de zorgkring' }).getByRole('link', { name: 'Mensen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Mensen' }).waitFor();
    const people = [
      { kind: 'Familielid', given: 'Piet', family: 'Bakker', relationship: 'SONC', ring: 'Binnenste kring', tie: 'Moeizame band' },
      { kind: 'Vriend(in)', given: 'Hanneke', family: 'Smit', ring: 'Middelste kring', tie: 'Zwakke band' },
      { kind: 'Buur', given: 'Ahmed', family: 'Yilmaz', ring: 'Middelste kring' },
      { kind: 'Vrijwilliger', given: 'Joop', family: 'Jansen', ring: 'Buitenste kring' },
      { kind: 'Professional', given: 'Dr. L.', family: 'Visser', organisation: 'Huisartsenpraktijk De Linde', job: 'Huisarts', ring: 'Buitenste kring' },
    ];
    for (const p of people) {
      await addMember(page, p);
      await page.getByRole('button', { name: 'Annuleren' }).click();
    }
    const kinds = await env.db.query<{ kind: string }>('select kind from circle_members where client_id = $1 and left_at is null', [truus]);
    expect(new Set(kinds.rows.map((r) => r.kind))).toEqual(new Set(['caregiver', 'relative', 'friend', 'neighbour', 'volunteer', 'professional']));

    // The map shows all six, each with a full accessible name; the family tree places the son.
    await page.getByRole('navigation', { name: 'Onderdelen van de zorgkring' }).getByRole('link', { name: 'Netwerkkaart' }).click();
    const names = () => page.locator('.mk-circle-section .mk-ecomap__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
    await eventually(names).toHaveLength(6);
    await eventually(names).toContain('Piet Bakker, zoon, binnenste kring, moeizame band');
    await eventually(names).toContain('Dr. L. Visser, huisarts, buitenste kring, sterke band');
    await eventually(() => page.locator('.mk-circle-section .mk-ecomap__svg .mk-ecomap__tie--strained').count()).toBe(1);
    await eventually(() => page.locator('.mk-circle-section .mk-ecomap__svg .mk-ecomap__tie--weak').count()).toBe(1);
    await page.getByRole('button', { name: 'Bekijk als tabel' }).click();
    const table = page.getByRole('table', { name: 'De mensen rond Truus Bakker, van binnen naar buiten' });
    await eventually(() => table.locator('tbody tr').count()).toBe(6);
    await page.getByRole('navigation', { name: 'Onderdelen van de zorgkring' }).getByRole('link', { name: 'Familie' }).click();
    await eventually(() => page.locator('.mk-circle-section [data-testid="genogram-list"]').textContent()).toContain('Piet Bakker (zoon)');
    await eventually(() => page.locator('.mk-circle-section [data-testid="genogram-not-family"]').textContent()).toContain('Ahmed Yilmaz');
    await page.context().close();
  });

  it('the caregiver who decides links the home-care organisation with a code', { timeout: 40_000 }, async () => {
    expect(truus).toBeTruthy();
    const anja = await pageAs(env, DEMO.caregiver, { path: `/kringen/${truus}/organisaties`, title: 'Zorgkring van Truus Bakker' });
    await anja.getByText('Er is nog geen organisatie gekoppeld.').waitFor();
    await anja.getByLabel('Wat mag de organisatie zien?').selectOption('full');
    await anja.getByRole('button', { name: 'Maak een code' }).click();
    await eventually(() => anja.getByTestId('invitation-code').textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const code = (await anja.getByTestId('invitation-code').textContent()) ?? '';

    const fatima = await pageAs(env, DEMO.professional, { path: '/kringen', title: 'Mijn zorgkringen' });
    await fatima.getByLabel('Code', { exact: true }).fill(code.toLowerCase());
    await fatima.getByRole('button', { name: 'Code gebruiken' }).click();
    await fatima.getByText('Met deze code koppelt u uw organisatie aan de zorgkring van Truus.').waitFor();
    await fatima.getByRole('button', { name: 'Organisatie koppelen' }).click();
    await heading(fatima, 'Zorgkring van Truus Bakker');
    const seen = await (await fatima.request.get(`${env.baseUrl}/api/circles/${truus}`)).json();
    expect(seen.myAccess.level).toBe('full');
    expect(seen.client.careNeeds).toEqual(['dementia']);
    // The professional reaches the burden check and the MantelScan from the circle.
    const more = fatima.getByRole('list', { name: 'Meer bij deze zorgkring' });
    await eventually(() => more.getByRole('link').allTextContents()).toEqual(['Hoe zwaar is de zorg? (belasting)', 'MantelScan: gesprek met de mantelzorger']);
    await fatima.context().close();

    await anja.reload();
    const orgs = anja.getByRole('table', { name: 'Organisaties die de kring van Truus zien' });
    await eventually(() => orgs.locator('tbody tr').count()).toBe(1);
    await eventually(() => orgs.locator('tbody').textContent()).toContain('Volledig');
    await anja.context().close();
  });

  it('invites a new member by e-mail; she registers, logs in and joins via the link', { timeout: 60_000 }, async () => {
    const anja = await pageAs(env, DEMO.caregiver, { path: `/kringen/${gerrit}/mensen`, title: 'Zorgkring van Gerrit de Vries' });
    await addMember(anja, { kind: 'Familielid', given: 'Karin', family: 'de Vries', relationship: 'GRNDDAU', ring: 'Middelste kring', email: KARIN.email });
    const panel = anja.getByTestId('invite-panel');
    await eventually(() => panel.getByRole('radio', { name: 'Per e-mail' }).isChecked()).toBe(true);
    await eventually(() => panel.getByLabel('E-mailadres').inputValue()).toBe(KARIN.email);
    await panel.getByRole('button', { name: 'Uitnodiging sturen' }).click();
    await anja.getByText(`De uitnodiging is gestuurd naar ${KARIN.email}.`).waitFor();
    await eventually(() => anja.getByTestId('invitation-code').textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const code = (await anja.getByTestId('invitation-code').textContent()) ?? '';
    await anja.getByRole('button', { name: 'Klaar' }).click();
    // The open invitation is listed, with a way to revoke it.
    const invitations = anja.getByRole('table', { name: 'Uitnodigingen voor deze kring, nieuwste eerst' });
    await invitations.getByText(KARIN.email).waitFor();
    await eventually(() => invitations.getByRole('button', { name: 'Intrekken Karin de Vries' }).count()).toBe(1);
    await anja.context().close();

    const mail = await lastMailTo(env.db, KARIN.email);
    expect(mail?.subject).toContain('nodigt u uit in de zorgkring van Gerrit');
    const link = /https?:\/\/[^\s/]+(\/kring-uitnodiging\?code=[A-Z0-9-]+)/.exec(mail?.body_text ?? '')?.[1];
    expect(link).toBe(`/kring-uitnodiging?code=${code}`);

    // Karin has no account yet: the page keeps the code while she makes one.
    const karin = await env.newPage();
    await karin.goto(`${env.baseUrl}${link}`);
    await heading(karin, 'Uitnodiging voor een zorgkring');
    await eventually(() => karin.locator('main').textContent()).toContain(code);
    await karin.getByRole('link', { name: 'Account maken' }).click();
    await heading(karin, 'Account maken');
    await karin.getByRole('radio', { name: 'Ik ben mantelzorger' }).check();
    await karin.getByLabel('Uw naam').fill(KARIN.name);
    await karin.getByLabel('E-mailadres').fill(KARIN.email);
    await karin.getByLabel('Wachtwoord', { exact: true }).fill(KARIN.password);
    await karin.getByRole('button', { name: 'Account maken' }).click();
    await heading(karin, 'Kijk in uw mail');
    const verify = linkPathFromMail((await lastMailTo(env.db, KARIN.email))?.body_text ?? '');
    await karin.goto(`${env.baseUrl}${verify}`);
    await karin.getByText('Uw e-mailadres is bevestigd.').waitFor();
    await logIn(karin, env.baseUrl, { email: KARIN.email, totp: false }, KARIN.password);
    // Back on the home page, the invitation waits for her.
    await karin.getByText('U heeft nog een uitnodiging voor een zorgkring').waitFor();
    await karin.getByRole('link', { name: 'Verder met de uitnodiging' }).click();
    await heading(karin, 'Uitnodiging voor een zorgkring');
    await karin.getByText('Anja de Vries nodigt u uit om mee te doen in de zorgkring van Gerrit.').waitFor();
    await eventually(() => karin.locator('.mk-data-list').textContent()).toContain('Karin de Vries');
    await expectNoSeriousAxeViolations(karin, 'circle invitation preview');
    await karin.getByRole('button', { name: 'Ja, ik doe mee' }).click();
    await heading(karin, 'Zorgkring van Gerrit de Vries');
    await karin.getByText('U doet nu mee in de zorgkring van Gerrit.').waitFor();
    const linked = await env.db.query('select 1 from circle_members m join users u on u.id = m.user_id where m.client_id = $1 and u.email = $2', [gerrit, KARIN.email]);
    expect(linked.rowCount).toBe(1);
    // Anja is not the one who decides: a new member starts with agenda and messages only.
    await karin.getByText('Gerrit heeft bepaald wat u in deze kring ziet').waitFor();
    await karin.context().close();
  });

  it('the client decides: full access, then agenda only; the member sees and gets only what is allowed', { timeout: 60_000 }, async () => {
    const gerritPage = await pageAs(env, DEMO.client, { path: `/kringen/${gerrit}/toegang`, title: 'Zorgkring van Gerrit de Vries' });
    await gerritPage.getByText('U beslist zelf wie wat mag zien.').waitFor();
    const decide = async (level: string, expected: string) => {
      const item = gerritPage.locator('.mk-consent-item', { hasText: 'Karin de Vries' });
      await item.getByLabel('Wat mag Karin de Vries zien?').selectOption(level);
      await item.getByRole('button', { name: 'Opslaan voor Karin de Vries' }).click();
      await item.getByText(expected).waitFor();
    };
    await decide('full', 'Opgeslagen. Karin de Vries mag nu zien: Volledig.');

    const karin = await env.newPage();
    await logIn(karin, env.baseUrl, { email: KARIN.email, totp: false }, KARIN.password);
    await karin.goto(`${env.baseUrl}/kringen/${gerrit}/kaart`);
    await heading(karin, 'Zorgkring van Gerrit de Vries');
    await eventually(() => karin.locator('.mk-circle-section .mk-ecomap__node').count()).toBe(8);
    expect((await karin.request.get(`${env.baseUrl}/api/circles/${gerrit}/notes`)).status()).toBe(200);

    await decide('agenda', 'Opgeslagen. Karin de Vries mag nu zien: Agenda en berichten.');
    // The history keeps every decision about her.
    const history = gerritPage.getByRole('table', { name: 'Alle keuzes over wie wat mag zien, nieuwste eerst' });
    await history.locator('tr', { hasText: 'Karin de Vries' }).nth(2).waitFor();
    await eventually(() => history.locator('tr', { hasText: 'Karin de Vries' }).first().textContent()).toContain('Agenda en berichten');

    await karin.goto(`${env.baseUrl}/kringen/${gerrit}`);
    await heading(karin, 'Zorgkring van Gerrit de Vries');
    await karin.getByText('Gerrit heeft bepaald wat u in deze kring ziet').waitFor();
    await eventually(() => karin.getByTestId('agenda-people').locator('li').count()).toBe(8);
    // The page has loaded (the people are listed): what is not there now is not shown at this level.
    await loaded(karin);
    // Of the sections the overview, the messages and the logbook (the server shows her only
    // the threads she is in and the entries shared with everyone).
    await eventually(() => karin.getByRole('navigation', { name: 'Onderdelen van de zorgkring' }).getByRole('link').allTextContents()).toEqual(['Overzicht', 'Berichten', 'Dagboek']);
    await eventually(() => karin.locator('.mk-ecomap__node, .mk-member-details, .mk-data-list').count()).toBe(0);
    await eventually(() => karin.locator('main').textContent()).not.toContain('Geheugen');
    await expectNoSeriousAxeViolations(karin, 'agenda-only circle page');
    // A link to the map gives a friendly explanation, not an error.
    await karin.goto(`${env.baseUrl}/kringen/${gerrit}/kaart`);
    // (That explanation is shown once the circle has loaded, so the map is really not there.)
    await karin.getByText('Gerrit heeft bepaald wat u in deze kring ziet').waitFor();
    await loaded(karin);
    await eventually(() => karin.locator('.mk-ecomap__node').count()).toBe(0);
    // And the API agrees: no notes, no details.
    const notes = await karin.request.get(`${env.baseUrl}/api/circles/${gerrit}/notes`);
    expect(notes.status()).toBe(403);
    expect(notes.headers()['content-type']).toContain('application/problem+json');
    const circle = await (await karin.request.get(`${env.baseUrl}/api/circles/${gerrit}`)).json();
    expect(circle.myAccess.level).toBe('agenda');
    expect(circle.members.every((m: { details: unknown }) => m.details === null)).toBe(true);
    await karin.context().close();

    // "Wie keek er?": Gerrit logs in without a second step, so the page explains that and where to set it up.
    await gerritPage.getByRole('navigation', { name: 'Onderdelen van de zorgkring' }).getByRole('link', { name: 'Wie keek er?' }).click();
    await gerritPage.getByText('Hiervoor logt u in met twee stappen').waitFor();
    await eventually(() => gerritPage.getByRole('link', { name: 'Inloggen in twee stappen instellen' }).getAttribute('href')).toBe('/account/twee-stappen');
    await expectNoSeriousAxeViolations(gerritPage, 'who looked (2FA needed)');
    await gerritPage.context().close();
  });

  it('a member leaves the circle after confirming', { timeout: 30_000 }, async () => {
    const joost = await pageAs(env, DEMO.volunteer, { mobile: true, path: `/kringen/${gerrit}`, title: 'Zorgkring van Gerrit de Vries' });
    await joost.getByRole('button', { name: 'Kring verlaten' }).click();
    const dialog = joost.getByRole('dialog', { name: 'Wilt u de zorgkring van Gerrit de Vries verlaten?' });
    // The safe choice has focus first.
    await eventually(() => dialog.getByRole('button', { name: 'Nee, terug' }).evaluate((b) => b === document.activeElement)).toBe(true);
    await dialog.getByRole('button', { name: 'Ja, verlaat de kring' }).click();
    await heading(joost, 'Mijn zorgkringen');
    await joost.getByText('U heeft de zorgkring van Gerrit de Vries verlaten.').waitFor();
    expect((await joost.request.get(`${env.baseUrl}/api/circles/${gerrit}`)).status()).toBe(404);
    await joost.context().close();
  });
});
