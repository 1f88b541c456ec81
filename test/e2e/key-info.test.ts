import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, hasChromium, useBrowserEnv } from '../support/browser.ts';
import { DEMO, eventually, heading, loaded, pageAs } from './helpers.ts';

describe.skipIf(!hasChromium)('key information (belangrijke gegevens)', () => {
  const env = useBrowserEnv();
  let gerrit = '';
  beforeAll(async () => {
    const { rows } = await env.db.query<{ id: string }>("select c.id from clients c join users u on u.id = c.user_id where u.email = 'client@demo.mantelkring.nl'");
    gerrit = rows[0]?.id as string;
    expect(gerrit).toBeTruthy();
  });

  it('the caregiver adds a contact and removes it after a confirm; the print view holds the emergency plan', { timeout: 120_000 }, async () => {
    const anja = await pageAs(env, DEMO.caregiver, { path: `/kringen/${gerrit}/belangrijk` });
    await heading(anja, /Gerrit de Vries/);
    await loaded(anja);
    const contacts = anja.locator('.mk-keyinfo__screen').getByRole('table', { name: 'Belangrijke contacten' });
    await eventually(() => contacts.locator('tbody tr').count()).toBeGreaterThan(0);
    await expectNoSeriousAxeViolations(anja, 'key info section');

    const name = 'Thuiszorgwinkel Leiden';
    await anja.locator('summary', { hasText: 'Contact toevoegen' }).click();
    const form = anja.getByRole('form', { name: 'Nieuw contact' });
    await form.getByLabel('Wat voor contact?').selectOption('other');
    await form.getByLabel('Naam').fill(name);
    await form.getByLabel('Telefoonnummer').fill('abc');
    await form.getByRole('button', { name: 'Contact toevoegen' }).click();
    await eventually(() => anja.locator('.mk-error-summary').textContent()).toContain('Vul een geldig telefoonnummer in');
    await form.getByLabel('Telefoonnummer').fill('071 123 45 67');
    await form.getByRole('button', { name: 'Contact toevoegen' }).click();
    await anja.getByText('Het gegeven is toegevoegd.').waitFor();
    const row = contacts.locator('tbody tr', { hasText: name });
    await eventually(() => row.count()).toBe(1);
    await expectNoSeriousAxeViolations(anja, 'key info section after adding');

    // Remove: first a question; cancel keeps it, confirm removes it.
    await row.getByRole('button', { name: `Verwijderen contact ${name}` }).click();
    const dialog = anja.getByRole('dialog', { name: 'Wilt u dit verwijderen?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Nee, terug' }).click();
    await eventually(() => dialog.isVisible()).toBe(false);
    expect(await row.count()).toBe(1);
    await row.getByRole('button', { name: `Verwijderen contact ${name}` }).click();
    await dialog.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await anja.getByText('Het gegeven is verwijderd.').waitFor();
    await eventually(() => row.count()).toBe(0);
    const left = await env.db.query('select 1 from key_contacts where client_id = $1 and name = $2', [gerrit, name]);
    expect(left.rows.length).toBe(0);

    // On paper: only the print block, with the emergency plan.
    const print = anja.getByTestId('key-info-print');
    expect(await print.isVisible()).toBe(false);
    await anja.emulateMedia({ media: 'print' });
    await eventually(() => print.isVisible()).toBe(true);
    expect(await print.getByRole('heading', { name: 'Noodplan' }).isVisible()).toBe(true);
    await eventually(() => print.getByRole('table', { name: 'Noodplan' }).locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await anja.locator('.mk-keyinfo__screen').isVisible()).toBe(false);
    expect(await anja.locator('.mk-circle-nav').isVisible()).toBe(false);
    await anja.emulateMedia({ media: 'screen' });
  });
});
