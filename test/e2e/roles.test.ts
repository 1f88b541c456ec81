import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousAxeViolations, hasChromium, useBrowserEnv } from '../support/browser.ts';
import { DEMO, type DemoRole, eventually, loaded, pageAs } from './helpers.ts';

/** What each demo role should see on its home page and in the menu. */
const EXPECT: Record<DemoRole, { lead: RegExp; nav: string[]; notNav: string[]; admin?: boolean; tasks: RegExp[] }> = {
  caregiver: { lead: /U bent mantelzorger/, nav: ['Home', 'Mijn zorgkringen', 'Meldingen', 'Mijn account'], notNav: ['Mijn organisatie', 'Medewerkers'], tasks: [/Uw naam en taal aanpassen/] },
  client: { lead: /account als cliënt/, nav: ['Home', 'Mijn zorgkringen', 'Meldingen', 'Mijn account'], notNav: ['Mijn organisatie', 'Medewerkers'], tasks: [/Uw wachtwoord wijzigen/] },
  volunteer: { lead: /U bent vrijwilliger/, nav: ['Home', 'Mijn zorgkringen', 'Meldingen', 'Mijn account'], notNav: ['Mijn organisatie', 'Medewerkers'], tasks: [/Vrijwilligerscentrale Leiden bekijken/] },
  professional: { lead: /U werkt in Mantelkring voor /, nav: ['Home', 'Mijn zorgkringen', 'Mijn organisatie', 'Mijn cliënten', 'Signalen', 'Meldingen', 'Mijn account'], notNav: ['Medewerkers'], tasks: [/bekijken/] },
  coordinator: { lead: /Vrijwilligerscentrale Leiden/, nav: ['Home', 'Mijn zorgkringen', 'Mijn organisatie', 'Medewerkers', 'Meldingen', 'Mijn account'], notNav: [], tasks: [/Medewerkers uitnodigen voor Vrijwilligerscentrale Leiden/] },
  policy: { lead: /U werkt in Mantelkring voor /, nav: ['Home', 'Mijn zorgkringen', 'Mijn organisatie', 'Signalen', 'Medewerkers', 'Meldingen', 'Mijn account'], notNav: [], tasks: [/Medewerkers uitnodigen voor/] },
  municipality: { lead: /Gemeente Leiden/, nav: ['Home', 'Mijn zorgkringen', 'Mijn organisatie', 'Meldingen', 'Mijn account'], notNav: ['Medewerkers'], tasks: [/Gemeente Leiden bekijken/] },
  programme: { lead: /Programmabureau In voor Mantelzorg/, nav: ['Home', 'Mijn zorgkringen', 'Mijn organisatie', 'Medewerkers', 'Meldingen', 'Mijn account'], notNav: [], tasks: [/Medewerkers uitnodigen voor Programmabureau/] },
  admin: { lead: /beheerder van Mantelkring/, nav: ['Home', 'Mijn zorgkringen', 'Meldingen', 'Mijn account'], notNav: ['Mijn organisatie'], admin: true, tasks: [/Organisaties beheren/, /Postvak uit lezen/, /Toegangslog bekijken/] },
};

const navLinks = (page: Page, label: string) => page.getByRole('navigation', { name: label, exact: true }).getByRole('link').allTextContents();

describe.skipIf(!hasChromium)('home page per role', () => {
  const env = useBrowserEnv();

  for (const role of Object.keys(DEMO) as DemoRole[]) {
    it(`${role}: logs in${DEMO[role].totp ? ' with TOTP' : ''}, sees a fitting home page, no serious axe violations`, async () => {
      const account = DEMO[role];
      const want = EXPECT[role];
      const page = await pageAs(env, account);
      await eventually(() => page.locator('h1').textContent()).toBe(`Welkom, ${account.name}`);
      await eventually(() => page.locator('.mk-page-heading .utrecht-paragraph--lead').textContent()).toMatch(want.lead);

      await eventually(() => navLinks(page, 'Hoofdmenu')).toEqual(want.nav);
      // (The menu has loaded now, so an item that is not there is really not there.)
      for (const item of want.notNav) await eventually(() => navLinks(page, 'Hoofdmenu')).not.toContain(item);
      const adminNav = page.getByRole('navigation', { name: 'Beheer', exact: true });
      if (want.admin) await eventually(() => navLinks(page, 'Beheer')).toEqual(['Organisaties', 'Gebruikers', 'Postvak uit', 'Toegangslog', 'Vragenlijsten']);

      for (const task of want.tasks) await eventually(async () => (await page.locator('.mk-task__link').allTextContents()).some((t) => task.test(t)), `${role} task ${task}`).toBe(true);

      // Two-step login: on for every TOTP account, with a word (not only a colour).
      const twoFactor = () => page.getByRole('region', { name: 'Inloggen in twee stappen' }).textContent();
      await eventually(twoFactor).toContain(account.totp ? 'Aan' : 'Uit');
      if (account.totp) await eventually(twoFactor).toContain('U logt in met uw wachtwoord en een code uit uw app.');
      // Only now, with the home page loaded, is a missing admin menu meaningful.
      await loaded(page);
      if (!want.admin) await eventually(() => adminNav.count()).toBe(0);

      await expectNoSeriousAxeViolations(page, `home of ${role}`);
      await page.context().close();
    });
  }

  it('a caregiver cannot open the admin pages', async () => {
    const page = await pageAs(env, DEMO.caregiver, { path: '/beheer/gebruikers' });
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    await page.context().close();
  });
});
