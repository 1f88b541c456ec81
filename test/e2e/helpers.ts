import { setTimeout as sleep } from 'node:timers/promises';
import { Secret, TOTP } from 'otpauth';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/modules/demo/seed.ts';
import { PATIENCE, type BrowserEnv } from '../support/browser.ts';

export { DEMO_PASSWORD, DEMO_TOTP_SECRET, PATIENCE };
/** The newest mail to an address, read from the outbox table. */
export { lastMailTo } from '../support/harness.ts';

/**
 * Polls `read` until the assertion chained on it holds, for up to PATIENCE. Use it for
 * everything read from a page (a count, text, attribute, focus, visibility, layout): the page
 * renders when it has loaded its data, which on a busy machine is later than the next line.
 *
 *     await eventually(() => rows.count()).toBe(25);
 *
 * An absence (`.toBe(0)`, `not.toContain`) passes as soon as it holds, so first wait for
 * something that shows the data has loaded (a row, a heading, `loaded(page)`).
 */
export function eventually<T>(read: () => T | Promise<T>, message?: string) {
  return expect.poll(read, { timeout: PATIENCE, interval: 100, message });
}

/** Waits until the locator is visible (`true`) or hidden/absent (`false`). */
export async function expectVisible(locator: Locator, visible = true): Promise<void> {
  await locator.first().waitFor({ state: visible ? 'visible' : 'hidden', timeout: PATIENCE });
}

/** Waits until nothing on the page is loading: no loading message and no busy region. */
export async function loaded(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.mk-loading, [aria-busy="true"]'), undefined, { timeout: PATIENCE });
}

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
  await page.getByRole('heading', { level: 1, name: text }).waitFor({ timeout: PATIENCE });
}

const TOTP_PERIOD_MS = 30_000;
/** Per app (base URL) and e-mail address: the last TOTP step a code was handed out for. */
const usedTotpSteps = new Map<string, number>();

/**
 * A TOTP code the server has not seen for this user yet. The server accepts a code once per
 * 30-second step per user, and only a later step than the last one accepted, within one step
 * of its clock. So: the current step if this user has not used it; else the next step (valid
 * already, thanks to that window); else wait until a new step begins. Every TOTP login in the
 * e2e tests goes through here (the demo accounts share one secret, but not their last step).
 */
export async function freshTotp(baseUrl: string, email: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  const key = `${baseUrl} ${email.toLowerCase()}`;
  const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_MS / 1000, secret: Secret.fromBase32(secret) });
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / TOTP_PERIOD_MS);
    const next = Math.max(step, (usedTotpSteps.get(key) ?? Number.NEGATIVE_INFINITY) + 1);
    if (next <= step + 1) {
      usedTotpSteps.set(key, next);
      return totp.generate({ timestamp: next * TOTP_PERIOD_MS });
    }
    // Both usable steps are spent: wait until `next` is the following step.
    await sleep((next - 1) * TOTP_PERIOD_MS - now + 100);
  }
}

/** Logs in through the login page, with a fresh demo TOTP code when the account has 2FA. */
export async function logIn(page: Page, baseUrl: string, account: { email: string; totp: boolean }, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByLabel('E-mailadres').fill(account.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  if (account.totp) {
    const code = page.getByLabel('Code uit uw app');
    await code.waitFor();
    await code.fill(await freshTotp(baseUrl, account.email));
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  }
  await heading(page, /^Welkom, /);
}

/**
 * A fresh page (see BrowserEnv.newPage) logged in as the account (see logIn); with `path`,
 * opened there, and with `title`, once the page's h1 has that text.
 */
export async function pageAs(
  env: BrowserEnv,
  account: { email: string; totp: boolean },
  options: { mobile?: boolean; path?: string; title?: string | RegExp } = {},
): Promise<Page> {
  const page = await env.newPage({ mobile: options.mobile });
  await logIn(page, env.baseUrl, account);
  if (options.path !== undefined) await page.goto(`${env.baseUrl}${options.path}`);
  if (options.title !== undefined) await heading(page, options.title);
  return page;
}

/** The path and query of the first link to this app in a mail (the host in mails is MK_PUBLIC_URL). */
export function linkPathFromMail(body: string): string {
  const match = /https?:\/\/[^\s/]+(\/[^\s]*token=[A-Za-z0-9_-]+)/.exec(body);
  if (!match?.[1]) throw new Error(`no link in mail: ${body}`);
  return match[1];
}
