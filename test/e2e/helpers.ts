import type { Page } from 'playwright-core';
import { currentTotp } from '../../src/server/platform/totp.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/modules/demo/seed.ts';
import type { Db } from '../../src/db/types.ts';

export { DEMO_PASSWORD, DEMO_TOTP_SECRET };

/** The demo accounts of the README, with whether they use two-step login. */
export const DEMO = {
  caregiver: { email: 'mantelzorger@demo.mantelkring.nl', name: 'Anja de Vries', totp: false },
  client: { email: 'client@demo.mantelkring.nl', name: 'Gerrit de Vries', totp: false },
  professional: { email: 'wijkverpleegkundige@demo.mantelkring.nl', name: 'Fatima El Amrani', totp: true },
  volunteer: { email: 'vrijwilliger@demo.mantelkring.nl', name: 'Joost Bakker', totp: false },
  coordinator: { email: 'coordinator@demo.mantelkring.nl', name: 'Marieke Jansen', totp: true },
  policy: { email: 'beleid@demo.mantelkring.nl', name: 'Pieter van Dijk', totp: true },
  municipality: { email: 'gemeente@demo.mantelkring.nl', name: 'Sanne Visser', totp: true },
  programme: { email: 'programma@demo.mantelkring.nl', name: 'Karin Smit', totp: true },
  admin: { email: 'admin@demo.mantelkring.nl', name: 'Beheerder Mantelkring', totp: true },
} as const;

export type DemoRole = keyof typeof DEMO;

/** Waits until the page's h1 has the text (the app renders after loading its chunks). */
export async function heading(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text }).waitFor({ timeout: 10_000 });
}

/** Logs in through the login page, with the demo TOTP code when the account has 2FA. */
export async function logIn(page: Page, baseUrl: string, account: { email: string; totp: boolean }, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByLabel('E-mailadres').fill(account.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  if (account.totp) {
    const code = page.getByLabel('Code uit uw app');
    await code.waitFor();
    await code.fill(currentTotp(DEMO_TOTP_SECRET));
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  }
  await heading(page, /^Welkom, /);
}

/** The newest mail to an address, read from the outbox table. */
export async function lastMailTo(db: Db, to: string): Promise<{ subject: string; body_text: string } | undefined> {
  const { rows } = await db.query<{ subject: string; body_text: string }>('select subject, body_text from outbox where to_address = $1 order by created_at desc limit 1', [to]);
  return rows[0];
}

/** The path and query of the first link to this app in a mail (the host in mails is MK_PUBLIC_URL). */
export function linkPathFromMail(body: string): string {
  const match = /https?:\/\/[^\s/]+(\/[^\s]*token=[A-Za-z0-9_-]+)/.exec(body);
  if (!match?.[1]) throw new Error(`no link in mail: ${body}`);
  return match[1];
}
