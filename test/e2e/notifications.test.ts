import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, hasChromium, useBrowserEnv } from '../support/browser.ts';
import { notify } from '../../src/server/platform/notifications.ts';
import { DEMO, eventually, heading, loaded, pageAs } from './helpers.ts';

describe.skipIf(!hasChromium)('notifications', () => {
  const env = useBrowserEnv();
  let clientId = '';

  beforeAll(async () => {
    const { rows } = await env.db.query<{ user_id: string; client_id: string }>(
      "select u.id as user_id, c.id as client_id from users u, clients c join users cu on cu.id = c.user_id where u.email = 'mantelzorger@demo.mantelkring.nl' and cu.email = 'client@demo.mantelkring.nl'",
    );
    const row = rows[0];
    expect(row).toBeTruthy();
    clientId = row?.client_id as string;
    // Two fresh events for the demo caregiver (the features write these in their own transactions).
    await env.db.query('update notifications set read_at = now() where user_id = $1', [row?.user_id]);
    await notify(env.db, [
      { userId: row?.user_id as string, kind: 'agenda_reminder', client: { id: clientId, tenantKey: 'GM0546' }, params: { title: 'Fysiotherapie', clientName: 'Gerrit' }, link: `/kringen/${clientId}` },
      { userId: row?.user_id as string, kind: 'review_due', client: { id: clientId, tenantKey: 'GM0546' }, params: { title: 'Hulp bij douchen', clientName: 'Gerrit' }, link: `/kringen/${clientId}` },
    ]);
  });

  it('the menu counts unread notifications; reading one and then all brings the count to zero', { timeout: 60_000 }, async () => {
    const page = await pageAs(env, DEMO.caregiver);
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await eventually(() => menu.getByRole('link', { name: /^Meldingen/ }).textContent()).toContain('2');
    await menu.getByRole('link', { name: /^Meldingen/ }).click();
    await heading(page, 'Meldingen');
    await loaded(page);
    await eventually(() => page.getByRole('list', { name: 'Uw meldingen' }).textContent()).toContain('Binnenkort in de agenda: Fysiotherapie (zorgkring van Gerrit)');
    await page.getByText('U hebt 2 nieuwe meldingen.').waitFor();
    await expectNoSeriousAxeViolations(page, 'notifications');

    await page.getByRole('button', { name: /^Gelezen\W+Tijd om opnieuw te bekijken: Hulp bij douchen/ }).click();
    await page.getByText('U hebt 1 nieuwe melding.').waitFor();

    await page.getByRole('button', { name: 'Alleen nieuwe meldingen' }).click();
    await eventually(() => page.getByRole('list', { name: 'Uw meldingen' }).locator('li').count()).toBe(1);
    await page.getByRole('button', { name: 'Alles gelezen' }).click();
    await page.getByText('U hebt geen nieuwe meldingen. U bent helemaal bij.').waitFor();
    await eventually(() => menu.getByRole('link', { name: /^Meldingen/ }).textContent()).toBe('Meldingen');
  });

  it('the account page turns the e-mail digest off and on again', { timeout: 60_000 }, async () => {
    const page = await pageAs(env, DEMO.caregiver, { mobile: true, path: '/account#meldingen', title: 'Mijn account' });
    const box = page.getByRole('checkbox', { name: 'Stuur mij een e-mail als ik meldingen nog niet heb gelezen' });
    await eventually(() => box.isChecked()).toBe(true);
    await box.click();
    await eventually(() => box.isChecked()).toBe(false);
    await page.getByText('U krijgt geen e-mail meer over meldingen.', { exact: false }).waitFor();
    const stored = await env.db.query<{ digest_enabled: boolean }>("select digest_enabled from users where email = 'mantelzorger@demo.mantelkring.nl'");
    expect(stored.rows[0]?.digest_enabled).toBe(false);
    await expectNoSeriousAxeViolations(page, 'account with digest setting');
    await box.click();
    await eventually(() => box.isChecked()).toBe(true);
    await page.getByText('U krijgt een e-mail als u meldingen nog niet hebt gelezen.').waitFor();
  });
});
