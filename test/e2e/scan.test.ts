import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousAxeViolations, hasChromium, useBrowserEnv } from '../support/browser.ts';
import { DEMO, eventually, heading, loaded, pageAs } from './helpers.ts';

interface Member {
  id: string;
  givenName: string;
}

describe.skipIf(!hasChromium)('professional: MantelScan', () => {
  const env = useBrowserEnv();
  let page: Page;
  let clientId: string;
  const members: Record<string, string> = {};
  let firstScanId: string;

  const api = {
    get: async (path: string) => (await page.request.get(`${env.baseUrl}${path}`)).json(),
    post: (path: string, data: object) => page.request.post(`${env.baseUrl}${path}`, { data }),
  };
  const focused = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent ?? '', tag: document.activeElement?.tagName ?? '' }));
  /** Moves focus to an element and activates it with the keyboard. */
  const pressOn = async (locator: ReturnType<Page['locator']>, key = 'Enter') => {
    await locator.focus();
    await page.keyboard.press(key);
  };
  const stepHeading = (text: string) => page.getByRole('heading', { level: 2, name: text });

  beforeAll(async () => {
    page = await pageAs(env, DEMO.professional);
    const me = await api.get('/api/me');
    const orgId = me.memberships.find((m: { role: string }) => m.role === 'professional').organisationId as string;
    // A client of Fatima's organisation with a small network (the organisation manages the circle).
    const created = await api.post('/api/clients', { organisationId: orgId, client: { givenName: 'Wim', familyName: 'Jansen', municipalityCode: 'GM0546', birthDate: '1940-02-02' }, clientCanDecide: true });
    expect(created.status()).toBe(201);
    clientId = (await created.json()).client.id;
    for (const m of [
      { kind: 'caregiver', givenName: 'Ria', familyName: 'Jansen', isMainCaregiver: true, relationshipCode: 'WIFE', closeness: 'inner', hoursPerWeek: 20 },
      { kind: 'relative', givenName: 'Sander', familyName: 'Jansen', relationshipCode: 'SONC', closeness: 'middle', hoursPerWeek: 2 },
      { kind: 'friend', givenName: 'Henk', familyName: 'Smit', closeness: 'outer', tie: 'weak', hoursPerWeek: 1 },
    ]) {
      const res = await api.post(`/api/circles/${clientId}/members`, m);
      expect(res.status()).toBe(201);
      members[m.givenName] = (await res.json()).id;
    }
  });

  it('runs a MantelScan through all five steps with the keyboard, saves on every step, completes it read-only', async () => {
    await page.goto(`${env.baseUrl}/kringen/${clientId}/mantelscan`);
    await heading(page, 'MantelScan – Wim Jansen');
    await page.getByText('Er is nog geen MantelScan gehouden.').waitFor();
    await eventually(() => page.getByLabel('Ria Jansen (hoofdmantelzorger)').isChecked()).toBe(true);
    await pressOn(page.getByRole('button', { name: 'MantelScan starten' }));
    await heading(page, 'MantelScan met Ria Jansen');
    firstScanId = page.url().split('/').pop() as string;

    // Step 1: the family (genogram of the live circle). The step indicator marks the current step.
    await stepHeading('Stap 1: Familie').waitFor();
    await eventually(() => page.locator('[aria-current="step"]').textContent()).toContain('Familie');
    await eventually(() => page.locator('.mk-scan-step').textContent()).toContain('Sander Jansen');
    await pressOn(page.getByRole('button', { name: 'Volgende: Zorgsituatie' }));

    // Step 2: the questions from the API, one text area each; focus is on the step heading.
    await stepHeading('Stap 2: Zorgsituatie').waitFor();
    await eventually(async () => (await focused()).id).toBe('stap-titel');
    const questions = (await api.get('/api/mantelscan/questions')).questions as { id: string; nl: string }[];
    await eventually(() => page.locator('.mk-scan-step textarea').count()).toBe(questions.length);
    await page.keyboard.press('Tab');
    await eventually(async () => (await focused()).id).toBe(`scan-answer-${questions[0]?.id}`);
    await page.keyboard.type('Hulp bij wassen en bij de medicijnen.');
    await page.keyboard.press('Tab');
    await eventually(async () => (await focused()).id).toBe(`scan-answer-${questions[1]?.id}`);
    await page.keyboard.type('Alles in huis, ongeveer 20 uur per week.');
    await eventually(() => page.getByRole('status').filter({ hasText: 'Nog niet opgeslagen' }).count()).toBe(1);
    await expectNoSeriousAxeViolations(page, 'scan step 2 (desktop)');
    await pressOn(page.getByRole('button', { name: 'Volgende: Belasting' }));

    // Step 3: the burden check is taken in the conversation on its own page, linked to this scan.
    await stepHeading('Stap 3: Belasting').waitFor();
    const burden = () => page.locator('.mk-scan-step').textContent();
    await eventually(burden).toContain('De uitslag hoort bij deze MantelScan');
    await eventually(() => page.getByRole('button', { name: 'Belastingmeter invullen met de mantelzorger' }).count()).toBe(1);
    await loaded(page);
    await eventually(burden).not.toMatch(/score:?\s*\d/i);
    // The answers of step 2 were saved when the step changed.
    const draft = await api.get(`/api/circles/${clientId}/scans/${firstScanId}`);
    expect(draft).toMatchObject({ status: 'draft', step: 'burden' });
    expect(draft.answers[questions[0]?.id as string]).toBe('Hulp bij wassen en bij de medicijnen.');
    expect(draft.answers[questions[1]?.id as string]).toBe('Alles in huis, ongeveer 20 uur per week.');
    await pressOn(page.getByRole('button', { name: 'Volgende: Netwerkkaart' }));

    // Step 4: the ecomap of the live circle, with the same people as a table.
    await stepHeading('Stap 4: Netwerkkaart').waitFor();
    await eventually(() => page.locator('.mk-scan-step svg').count()).toBeGreaterThan(0);
    for (const name of ['Ria Jansen', 'Sander Jansen', 'Henk Smit']) await eventually(() => page.locator('.mk-scan-step table').textContent()).toContain(name);
    await eventually(() => page.getByText('Samen helpen familie, vrienden en buren 23 uur per week.').count()).toBe(1);
    await eventually(() => page.getByRole('link', { name: 'Personen toevoegen of wijzigen op de kringpagina' }).count()).toBe(1);
    await pressOn(page.getByRole('button', { name: 'Volgende: Advies en afspraken' }));

    // Step 5: advice and agreements; rows are added and removed with the keyboard.
    await stepHeading('Stap 5: Advies en afspraken').waitFor();
    await page.getByRole('textbox', { name: /^Advies/ }).focus();
    await page.keyboard.type('Eén dag per week respijtzorg. Vraag Sander om vaste hulp.');
    await pressOn(page.getByRole('button', { name: 'Afspraak toevoegen' }));
    await eventually(async () => (await focused()).id).toBe('scan-agreements-0-text');
    await page.keyboard.type('Sander rijdt naar de huisarts');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Sander');
    await pressOn(page.getByRole('button', { name: 'Afspraak toevoegen' }));
    await eventually(async () => (await focused()).id).toBe('scan-agreements-1-text');
    await page.keyboard.type('Weg te halen');
    await pressOn(page.getByRole('button', { name: 'Afspraak 2 verwijderen' }));
    await eventually(() => page.locator('.mk-agreements__row').count()).toBe(1);
    // An agreement without "what" is stopped before saving.
    await pressOn(page.getByRole('button', { name: 'Afspraak toevoegen' }));
    await eventually(async () => (await focused()).id).toBe('scan-agreements-1-text');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ria');
    await pressOn(page.getByRole('button', { name: 'Opslaan', exact: true }));
    await eventually(() => page.locator('.mk-error-summary').textContent()).toContain('Afspraak 2: Wat: Schrijf op wat de afspraak is, of verwijder de afspraak.');
    await pressOn(page.getByRole('button', { name: 'Afspraak 2 verwijderen' }));

    // Complete: a confirmation dialog (focus on the safe choice first), then read-only.
    await pressOn(page.getByRole('button', { name: 'MantelScan afronden' }));
    const dialog = page.getByRole('dialog', { name: 'MantelScan afronden?' });
    await dialog.waitFor();
    await eventually(async () => (await focused()).text).toBe('Nee, terug');
    await page.keyboard.press('Shift+Tab');
    await eventually(async () => (await focused()).text).toBe('Ja, afronden');
    await page.keyboard.press('Enter');
    await page.getByText('De MantelScan is afgerond en bewaard.').waitFor();
    const summary = () => page.locator('.mk-scan-summary').textContent();
    await eventually(summary).toContain('Hulp bij wassen en bij de medicijnen.');
    await eventually(summary).toContain('Eén dag per week respijtzorg.');
    await eventually(summary).toContain('Sander rijdt naar de huisarts');
    await eventually(summary).toContain('De uitslag van de belastingmeter staat bij de mantelzorger, onder Belasting.');
    await eventually(() => page.getByRole('button', { name: 'Afdrukken' }).count()).toBe(1);
    // The summary is shown: the form fields are gone, not still to come.
    await eventually(() => page.locator('main textarea, main input').count()).toBe(0);
    const done = await api.get(`/api/circles/${clientId}/scans/${firstScanId}`);
    expect(done.status).toBe('completed');
    expect(done.agreements).toEqual([{ text: 'Sander rijdt naar de huisarts', owner: 'Sander', due: null }]);
    expect(done.snapshot).toHaveLength(3);
    // Still read-only after a reload.
    await page.reload();
    await page.getByText('Deze MantelScan is afgerond.').waitFor();
    await eventually(summary).toContain('Sander rijdt naar de huisarts');
    await loaded(page);
    await eventually(() => page.locator('main textarea').count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'completed scan summary (desktop)');
  }, 60_000);

  it('after a network change a second scan is held and compared: who joined, who left, hours before and after', async () => {
    // The network changes: the friend leaves, a volunteer joins, Ria's hours go down.
    expect((await page.request.delete(`${env.baseUrl}/api/circles/${clientId}/members/${members.Henk}`)).status()).toBe(204);
    expect((await api.post(`/api/circles/${clientId}/members`, { kind: 'volunteer', givenName: 'Joke', familyName: 'de Wit', hoursPerWeek: 3 })).status()).toBe(201);
    expect((await page.request.patch(`${env.baseUrl}/api/circles/${clientId}/members/${members.Ria}`, { data: { hoursPerWeek: 14 } })).status()).toBe(204);

    await page.goto(`${env.baseUrl}/kringen/${clientId}/mantelscan`);
    await heading(page, 'MantelScan – Wim Jansen');
    await page.getByText('U kunt vergelijken als er minstens twee afgeronde MantelScans zijn.').waitFor();
    await page.getByRole('button', { name: 'MantelScan starten' }).click();
    await stepHeading('Stap 1: Familie').waitFor();
    // Jump straight to the last step with the step indicator.
    await pressOn(page.getByRole('navigation', { name: 'Stappen van de MantelScan' }).getByRole('button', { name: /Advies en afspraken/ }));
    await stepHeading('Stap 5: Advies en afspraken').waitFor();
    await page.getByRole('button', { name: 'MantelScan afronden' }).click();
    await page.getByRole('dialog', { name: 'MantelScan afronden?' }).getByRole('button', { name: 'Ja, afronden' }).click();
    await page.getByText('De MantelScan is afgerond en bewaard.').waitFor();

    await page.getByRole('link', { name: 'Naar alle MantelScans van deze cliënt' }).click();
    await heading(page, 'MantelScan – Wim Jansen');
    await eventually(() => page.locator('#eerdere-mantelscans').locator('xpath=..').locator('tbody tr').count()).toBe(2);
    await page.getByRole('button', { name: 'Vergelijken' }).click();
    await heading(page, 'MantelScans vergelijken');
    await page.getByRole('heading', { level: 2, name: 'Erbij gekomen (1)' }).waitFor();
    const section = (id: string) => () => page.locator(`#${id}`).locator('xpath=..').textContent();
    await eventually(section('erbij')).toContain('Joke de Wit');
    await eventually(section('weg')).toContain('Henk Smit');
    await eventually(section('veranderd')).toMatch(/Ria Jansen\s*Uren per week\s*20 uur\s*14 uur/);
    // Hours as a table: all informal help 23 → 16, Ria 20 → 14.
    const hoursRows = () => page.locator('#uren').locator('xpath=..').locator('table tbody tr').allTextContents();
    await eventually(hoursRows).toEqual([
      expect.stringMatching(/familie, vrienden en buren samen\s*23 uur\s*16 uur\s*-7 uur/),
      expect.stringMatching(/Uren van Ria Jansen\s*20 uur\s*14 uur\s*-6 uur/),
    ]);
    // And as a bar chart whose values are also text.
    const chart = page.locator('figure.mk-chart');
    await eventually(() => chart.locator('svg rect.mk-chart__bar').count()).toBe(4);
    await eventually(() => chart.locator('.mk-chart__value').allTextContents()).toEqual(['23 uur', '16 uur', '20 uur', '14 uur']);
    const widths = () => chart.locator('svg rect.mk-chart__bar').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
    await eventually(widths).toEqual([expect.closeTo(100), expect.any(Number), expect.any(Number), expect.closeTo((14 / 23) * 100)]);
    await expectNoSeriousAxeViolations(page, 'scan comparison (desktop)');

    const phone = await pageAs(env, DEMO.professional, { mobile: true });
    await phone.goto(page.url());
    await heading(phone, 'MantelScans vergelijken');
    await phone.locator('figure.mk-chart').waitFor();
    await loaded(phone);
    await eventually(() => phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(phone, 'scan comparison (phone)');

    // A scan step on the phone.
    await phone.goto(`${env.baseUrl}/kringen/${clientId}/mantelscan`);
    await phone.getByRole('button', { name: 'MantelScan starten' }).click();
    await phone.getByRole('heading', { level: 2, name: 'Stap 1: Familie' }).waitFor();
    await phone.getByRole('button', { name: 'Volgende: Zorgsituatie' }).click();
    await phone.getByRole('heading', { level: 2, name: 'Stap 2: Zorgsituatie' }).waitFor();
    await loaded(phone);
    await eventually(() => phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(phone, 'scan step 2 (phone)');
    await phone.context().close();
  }, 60_000);

  it('a started scan can be continued later at the step where it was left', async () => {
    const { items } = (await api.get(`/api/circles/${clientId}/scans`)) as { items: { id: string; status: string; step: string }[] };
    const draft = items.find((s) => s.status === 'draft');
    expect(draft?.step).toBe('situation');
    await page.goto(`${env.baseUrl}/kringen/${clientId}/mantelscan`);
    await page.getByRole('link', { name: /^Verder gaan/ }).click();
    await stepHeading('Stap 2: Zorgsituatie').waitFor();
    await eventually(() => page.locator('[aria-current="step"]').textContent()).toContain('Zorgsituatie');
    const membersNow = (await api.get(`/api/circles/${clientId}`)).members as Member[];
    expect(membersNow.map((m) => m.givenName).sort()).toEqual(['Joke', 'Ria', 'Sander']);
  }, 60_000);
});
