import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, hasChromium, useBrowserEnv } from '../support/browser.ts';
import { DEMO, eventually, pageAs } from './helpers.ts';

describe.skipIf(!hasChromium)('admin: burden questionnaires', () => {
  const env = useBrowserEnv();

  it('lists the built-in instruments and imports a new version without code changes', { timeout: 60_000 }, async () => {
    const page = await pageAs(env, DEMO.admin, { path: '/beheer/vragenlijsten', title: 'Vragenlijsten voor belasting' });
    const table = page.getByRole('table', { name: 'Vragenlijsten die nu gebruikt worden' });
    await eventually(() => table.locator('tbody tr').count()).toBe(4);
    await expectNoSeriousAxeViolations(page, 'admin questionnaires');

    await page.getByLabel('Of plak de JSON hier').fill('{ dit is geen json');
    await page.getByRole('button', { name: 'Vragenlijst toevoegen' }).click();
    await page.getByText('Dit is geen geldige JSON. Controleer het bestand.').waitFor();

    const srb = JSON.parse(fs.readFileSync('data/instruments/self-rated-burden.json', 'utf8')) as { version: string };
    srb.version = '9.0.0';
    await page.getByLabel('Of plak de JSON hier').fill(JSON.stringify(srb));
    await page.getByRole('button', { name: 'Vragenlijst toevoegen' }).click();
    await page.getByText(/versie 9\.0\.0, is toegevoegd/).waitFor();
    const { rows } = await env.db.query<{ n: number }>("select count(*)::int as n from burden_instrument_versions where version = '9.0.0'");
    expect(rows[0]?.n).toBe(1);
    // And the list shows it (the built-in version of that instrument is replaced, not added).
    await eventually(() => table.textContent()).toContain('9.0.0');
    await page.context().close();
  });
});
