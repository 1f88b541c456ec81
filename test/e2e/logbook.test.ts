import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, hasChromium, useBrowserEnv } from '../support/browser.ts';
import { DEMO, eventually, heading, loaded, pageAs } from './helpers.ts';

describe.skipIf(!hasChromium)('logbook (dagboek)', () => {
  const env = useBrowserEnv();
  let gerrit = '';
  beforeAll(async () => {
    const { rows } = await env.db.query<{ id: string }>("select c.id from clients c join users u on u.id = c.user_id where u.email = 'client@demo.mantelkring.nl'");
    gerrit = rows[0]?.id as string;
    expect(gerrit).toBeTruthy();
  });

  it('the caregiver writes an entry for full access only; the volunteer never sees it', { timeout: 90_000 }, async () => {
    const anja = await pageAs(env, DEMO.caregiver, { path: `/kringen/${gerrit}/dagboek` });
    await heading(anja, /Gerrit de Vries/);
    await loaded(anja);
    const entries = anja.getByRole('list', { name: 'Eerdere stukken' });
    await eventually(() => entries.locator('li').count()).toBeGreaterThan(0);
    await expectNoSeriousAxeViolations(anja, 'logbook section');

    // Empty: a clear error, nothing saved.
    await anja.getByRole('button', { name: 'Opslaan in het dagboek' }).click();
    await eventually(() => anja.locator('.mk-error-summary').textContent()).toContain('Schrijf iets in het dagboek.');

    const secret = 'Vader was vannacht erg onrustig; de huisarts komt morgen.';
    await anja.getByLabel('Wat wilt u opschrijven?').fill(secret);
    await anja.getByRole('radio', { name: 'Alleen mensen met volledige toegang' }).check();
    await anja.getByRole('button', { name: 'Opslaan in het dagboek' }).click();
    await anja.getByText('Het stuk staat in het dagboek.').waitFor();
    await eventually(() => entries.textContent()).toContain(secret);

    const joost = await pageAs(env, DEMO.volunteer, { mobile: true, path: `/kringen/${gerrit}/dagboek` });
    await heading(joost, /Gerrit de Vries/);
    await loaded(joost);
    const joostEntries = joost.getByRole('list', { name: 'Eerdere stukken' });
    await eventually(() => joostEntries.locator('li').count()).toBeGreaterThan(0);
    expect(await joostEntries.textContent()).not.toContain(secret);
    // A volunteer cannot choose "full access only".
    expect(await joost.getByRole('radio', { name: 'Alleen mensen met volledige toegang' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(joost, 'logbook section (volunteer, phone)');

    // Nor by the entry's own address.
    const { rows } = await env.db.query<{ id: string }>('select id from logbook_entries where body = $1', [secret]);
    const direct = await joost.request.get(`${env.baseUrl}/api/circles/${gerrit}/logbook/${rows[0]?.id}`);
    expect(direct.status()).toBe(404);
  });
});
