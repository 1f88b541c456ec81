import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousAxeViolations, hasChromium, useBrowserEnv } from '../support/browser.ts';
import { DEMO, eventually, heading, pageAs } from './helpers.ts';

/**
 * Burden checks in the browser, as a caregiver and a district nurse would use them: a check
 * on a phone that lands in the heavy band, the result with support and sharing, pause and
 * resume, the trend chart against its table, and the follow-up of the signal until closed.
 */
describe.skipIf(!hasChromium)('burden checks with follow-up', () => {
  const env = useBrowserEnv();

  const anjaMember = async () => {
    const { rows } = await env.db.query<{ id: string; client_id: string }>(
      `select m.id, m.client_id from circle_members m join users u on u.id = m.user_id where u.email = $1 and m.left_at is null limit 1`,
      [DEMO.caregiver.email],
    );
    return rows[0] as { id: string; client_id: string };
  };

  /** Answers the question on screen and goes on. */
  const answerAndNext = async (page: Page, n: number, of: number, answer: string) => {
    await page.getByRole('heading', { level: 2, name: `Vraag ${n} van ${of}` }).waitFor();
    await page.getByRole('radio', { name: answer, exact: true }).check();
    await page.getByRole('button', { name: /^Volgende/ }).click();
  };

  it('Anja completes EDIZ-plus on a phone, lands in the heavy band, sees support offers and shares the result', { timeout: 60_000 }, async () => {
    const page = await pageAs(env, DEMO.caregiver, { mobile: true });
    // The home page says a check is due and leads to it.
    const homeCard = page.getByRole('region', { name: 'Hoe gaat het met u?' });
    await homeCard.getByRole('link', { name: /Tijd voor uw check/ }).click();
    await heading(page, 'Kies een check');
    await page.getByRole('button', { name: 'Start de check „Hoe zwaar is de zorg?”' }).click();
    await heading(page, 'Hoe zwaar is de zorg?');

    // One question per screen: 10 × "Ja", 5 × "Nee" gives 10 points (heavy: 9 or more).
    for (let n = 1; n <= 15; n++) {
      if (n === 3) {
        await page.getByRole('heading', { level: 2, name: 'Vraag 3 van 15' }).waitFor();
        // "Volgende" without an answer does not go on, and says why.
        await page.getByRole('button', { name: /^Volgende/ }).click();
        await page.getByText('Kies een antwoord om verder te gaan.').first().waitFor();
        await eventually(() => page.getByRole('heading', { level: 2, name: 'Vraag 3 van 15' }).count()).toBe(1);
        await expectNoSeriousAxeViolations(page, 'check question on a phone');
      }
      await answerAndNext(page, n, 15, n <= 10 ? 'Ja' : 'Nee');
    }
    await page.getByRole('heading', { level: 2, name: 'U heeft alle 15 vragen beantwoord.' }).waitFor();
    await page.getByRole('radio', { name: 'Nee, de uitslag is alleen voor mij' }).check();
    await page.getByRole('button', { name: 'Bekijk mijn uitslag' }).click();

    await heading(page, 'Uw uitslag');
    await eventually(() => page.getByTestId('burden-score').textContent()).toMatch(/^10\s*van de 15 punten$/);
    await eventually(() => page.getByTestId('burden-band').textContent()).toBe('Zware belasting');
    const offers = page.getByTestId('burden-support-offers').getByRole('listitem');
    await eventually(() => offers.count()).toBeGreaterThan(0);
    await eventually(() => offers.first().textContent()).toMatch(/Mantelzorgsteunpunt/);
    await eventually(() => page.getByRole('heading', { level: 2, name: 'Wat kunt u nu doen?' }).count()).toBe(1);
    // Heavy: she is told who will contact her (her open signal at the home-care organisation).
    await eventually(() => page.getByTestId('burden-who-contacts').textContent()).toMatch(/neemt .+ contact met u op/);
    await eventually(() => page.getByTestId('burden-sharing').textContent()).toMatch(/alleen voor u/);
    await expectNoSeriousAxeViolations(page, 'result on a phone');

    const checkId = page.url().split('/checks/')[1]?.split('?')[0] as string;
    const shared = async () => (await env.db.query<{ shared: boolean; total: number }>('select shared_with_professional as shared, total from burden_responses where id = $1', [checkId])).rows[0];
    expect(await shared()).toEqual({ shared: false, total: 10 });
    await page.getByRole('button', { name: /^Deel mijn uitslag/ }).click();
    await page.getByText('Uw uitslag is nu gedeeld.').waitFor();
    await eventually(() => page.getByTestId('burden-sharing').textContent()).toMatch(/^U deelt deze uitslag met Wijkverpleging/);
    await eventually(shared).toEqual({ shared: true, total: 10 });
    await page.context().close();
  });

  it('pauses after three questions and resumes at the fourth, with the answers kept', { timeout: 60_000 }, async () => {
    const page = await pageAs(env, DEMO.caregiver);
    const { client_id: clientId } = await anjaMember();
    await page.goto(`${env.baseUrl}/kringen/${clientId}/belasting/starten`);
    await heading(page, 'Kies een check');
    await page.getByRole('button', { name: 'Start de check „Belasting in 13 vragen”' }).click();
    await heading(page, 'Belasting in 13 vragen');
    await expectNoSeriousAxeViolations(page, 'check question on desktop');
    await answerAndNext(page, 1, 13, 'Ja');
    await answerAndNext(page, 2, 13, 'Nee');
    await answerAndNext(page, 3, 13, 'Ja');
    await page.getByRole('heading', { level: 2, name: 'Vraag 4 van 13' }).waitFor();
    await page.getByRole('button', { name: 'Pauzeren' }).click();

    await heading(page, 'Hoe zwaar is de zorg?');
    await page.getByText('Uw antwoorden bij „Belasting in 13 vragen” zijn bewaard.').waitFor();
    const paused = page.getByRole('region', { name: 'Verder gaan waar u was' });
    await eventually(() => paused.textContent()).toContain('3 van de 13 vragen beantwoord.');
    await paused.getByRole('link', { name: 'Ga verder met „Belasting in 13 vragen”' }).click();

    await page.getByRole('heading', { level: 2, name: 'Vraag 4 van 13' }).waitFor();
    await page.getByRole('button', { name: /Vorige/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Vraag 3 van 13' }).waitFor();
    await eventually(() => page.getByRole('radio', { name: 'Ja', exact: true }).isChecked()).toBe(true);
    // All questions on one page: the same answers, the open ones still open.
    await page.getByRole('button', { name: 'Alle vragen op één pagina' }).click();
    await eventually(() => page.getByRole('group', { name: /^Vraag \d+ van 13/ }).count()).toBe(13);
    await eventually(() => page.getByRole('radio', { checked: true }).count()).toBe(3);
    await page.context().close();
  });

  it('shows the trend as a chart and a table that agree, on desktop and phone', { timeout: 60_000 }, async () => {
    const { id: memberId, client_id: clientId } = await anjaMember();
    for (const mobile of [false, true]) {
      const page = await pageAs(env, DEMO.caregiver, { mobile, path: `/kringen/${clientId}/belasting`, title: 'Hoe zwaar is de zorg?' });
      await page.getByRole('link', { name: 'Bekijk hoe het gaat over tijd' }).click();
      await heading(page, 'Hoe gaat het over tijd?');
      await page.locator('[data-chart] [data-point]').first().waitFor();
      const api = (await (await page.request.get(`${env.baseUrl}/api/circles/${clientId}/members/${memberId}/burden-trend`)).json()) as {
        series: { instrument: { key: string }; points: { total: number }[] }[];
      };
      expect(api.series.length).toBeGreaterThanOrEqual(2);
      for (const series of api.series) {
        const section = page.locator('section', { has: page.locator(`[data-chart="${series.instrument.key}"]`) });
        // Wait until the chart and its table show every point, then compare them.
        await eventually(() => section.locator('[data-point]').count(), series.instrument.key).toBe(series.points.length);
        await eventually(() => section.locator('table tbody tr').count(), series.instrument.key).toBe(series.points.length);
        const chart = await section.locator('[data-point]').evaluateAll((els) => els.map((e) => ({ total: Number(e.getAttribute('data-total')), label: e.getAttribute('aria-label') ?? '' })));
        const rows = await section.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => ({ date: tr.querySelector('td')?.textContent ?? '', total: Number(tr.querySelector('[data-total]')?.getAttribute('data-total')) })));
        expect(chart.length, series.instrument.key).toBe(series.points.length);
        expect(rows.length, series.instrument.key).toBe(chart.length);
        expect(rows.map((r) => r.total)).toEqual(chart.map((c) => c.total));
        expect(chart.map((c) => c.total).sort()).toEqual(series.points.map((p) => p.total).sort());
        chart.forEach((c, i) => expect(c.label.startsWith(`${rows[i]?.date}: ${c.total} van`), c.label).toBe(true));
      }
      // EDIZ-plus: the seeded results and today's (5 four months ago, 10 two days ago, 10 today).
      const plus = page.locator('section', { has: page.locator('[data-chart="ediz-plus"]') });
      await eventually(() => plus.locator('[data-point]').evaluateAll((els) => els.map((e) => e.getAttribute('data-total')))).toEqual(['5', '10', '10']);
      await eventually(() => page.getByTestId('trend-summary-ediz-plus').textContent()).toMatch(/^3 uitslagen, .* De laatste score is 10 \(Zware belasting\)\./);
      // Points are reachable with the keyboard and say their value.
      await plus.locator('[data-point]').first().focus();
      await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/: 5 van 15, Matige belasting$/);
      await expectNoSeriousAxeViolations(page, `trend on ${mobile ? 'a phone' : 'desktop'}`);
      if (!mobile) {
        // A result page on desktop too.
        await page.goto(`${env.baseUrl}/kringen/${clientId}/belasting`);
        await page.getByRole('link', { name: 'Bekijk de uitslag van „Hoe zwaar is de zorg?”' }).click();
        await heading(page, 'Uw uitslag');
        await page.getByTestId('burden-support-offers').waitFor();
        await expectNoSeriousAxeViolations(page, 'result on desktop');
      }
      await page.context().close();
    }
  });

  it('Fatima sees the signal, records a conversation, agrees a plan and closes it', { timeout: 60_000 }, async () => {
    const page = await pageAs(env, DEMO.professional);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signalen' }).click();
    await heading(page, /^Signalen van /);
    const row = page.getByRole('row', { name: /Anja de Vries/ });
    await eventually(() => row.textContent()).toMatch(/Zware score en stijging/);
    await eventually(() => row.textContent()).toMatch(/Open/);
    await expectNoSeriousAxeViolations(page, 'signal list on desktop');
    await row.getByRole('link', { name: 'Anja de Vries' }).click();
    await heading(page, 'Signaal: Anja de Vries');
    const signalUrl = page.url();
    await eventually(() => page.locator('[aria-current="step"]').textContent()).toMatch(/^Open/);
    await eventually(() => page.getByTestId('signal-first-follow-up').textContent()).toBe('Nog niet');
    // Anja's new heavy result was added to this signal.
    await eventually(() => page.getByTestId('signal-timeline').textContent()).toContain('Nieuwe uitslag bij dit signaal');
    await expectNoSeriousAxeViolations(page, 'signal detail on desktop');

    // The same pages on a phone (same session).
    const small = await env.newPage({ mobile: true, storageState: await page.context().storageState() });
    await small.goto(signalUrl.replace(/\/[^/]+$/, ''));
    await heading(small, /^Signalen van /);
    await small.getByRole('link', { name: 'Anja de Vries' }).waitFor();
    await expectNoSeriousAxeViolations(small, 'signal list on a phone');
    await small.goto(signalUrl);
    await heading(small, 'Signaal: Anja de Vries');
    await expectNoSeriousAxeViolations(small, 'signal detail on a phone');
    await small.context().close();

    // A conversation: recorded, and the signal moves to "Contact gehad".
    const action = page.getByRole('region', { name: 'Actie vastleggen' });
    await eventually(() => action.getByRole('radio', { name: 'Gesprek met de mantelzorger' }).isChecked()).toBe(true);
    await action.getByLabel('Notitie').fill('Gebeld. Ze slaapt slecht; dagopvang besproken.');
    await action.getByRole('button', { name: 'Actie vastleggen' }).click();
    await page.getByText('De actie is vastgelegd.').waitFor();
    await eventually(() => page.locator('[aria-current="step"]').textContent()).toMatch(/^Contact gehad/);
    await eventually(() => page.getByTestId('signal-first-follow-up').textContent()).toMatch(/\(na \d+ (dag|dagen)/);
    await eventually(() => page.getByTestId('signal-timeline').textContent()).toContain('Gebeld. Ze slaapt slecht; dagopvang besproken.');

    // Closing without a plan needs a reason; with a plan agreed it does not.
    const next = page.getByRole('region', { name: 'Volgende stap' });
    await eventually(() => next.getByRole('radio').count()).toBe(2);
    await next.getByRole('radio', { name: 'Gesloten' }).check();
    await next.getByRole('button', { name: 'Status opslaan' }).click();
    await page.locator('.mk-error-summary').getByText(/Schrijf kort op waarom het signaal zonder plan wordt gesloten/).waitFor();
    await next.getByRole('radio', { name: 'Plan afgesproken' }).check();
    await next.getByLabel(/Notitie/).fill('Dinsdag dagopvang; broer rijdt op zaterdag.');
    await next.getByRole('button', { name: 'Status opslaan' }).click();
    await page.getByText('De status is nu: Plan afgesproken.').waitFor();
    await eventually(() => page.locator('[aria-current="step"]').textContent()).toMatch(/^Plan afgesproken/);
    const closing = page.getByRole('region', { name: 'Volgende stap' });
    await eventually(() => closing.getByRole('radio').count()).toBe(1);
    await closing.getByRole('radio', { name: 'Gesloten' }).check();
    await closing.getByRole('button', { name: 'Status opslaan' }).click();
    await page.getByText('Dit signaal is gesloten.').waitFor();
    await eventually(() => page.locator('[aria-current="step"]').textContent()).toMatch(/^Gesloten/);

    const signalId = signalUrl.split('/').pop() as string;
    const { rows } = await env.db.query<{ status: string; followed: boolean }>('select status, first_follow_up_at is not null as followed from burden_signals where id = $1', [signalId]);
    expect(rows[0]).toEqual({ status: 'closed', followed: true });
    const { rows: contacts } = await env.db.query<{ n: number }>("select count(*)::int as n from caregiver_contacts where kind = 'how_are_you' and note like 'Gebeld.%'");
    expect(contacts[0]?.n).toBe(1);
    await page.context().close();
  });
});
